import type { ErrorCode } from './errorCodes';

/** A decoded chaincode error envelope. */
export interface ErrorEnvelope {
  readonly code: ErrorCode;
  readonly message: string;
}

/** Finds and decodes the chaincode's error envelope inside a node's message, if there is one. */
export const decodeEnvelope: (text: string) => ErrorEnvelope | undefined = () => undefined;
