/**
 * The chaincode's error contract. Only an error's message crosses the wire (Fabric wraps it in text such as
 * `chaincode response 500, <message>`), so {@link ContractError} writes its code and message into a
 * delimited envelope that {@link decodeErrorEnvelope} finds again inside any surrounding text.
 */

/**
 * Every error code the chaincode reports. `*_NOT_FOUND` codes name the missing record's type;
 * `UNKNOWN_TRANSACTION` and `WRONG_ARGUMENT_COUNT` are calls the dispatcher refuses before any transaction runs.
 */
export const ERROR_CODES = [
  'INVALID_ARGUMENT',
  'FORBIDDEN',
  'CONFLICT',
  'INVALID_STATE',
  'INSUFFICIENT_MASS',
  'INSUFFICIENT_CREDIT',
  'MASS_NOT_CONSERVED',
  'ELEMENT_NOT_CONSERVED',
  'ATTESTATION_REQUIRED',
  'NOT_FOUND',
  'FACILITY_NOT_FOUND',
  'LOT_NOT_FOUND',
  'TRANSFER_NOT_FOUND',
  'PROCESS_RUN_NOT_FOUND',
  'ACCOUNT_NOT_FOUND',
  'PERIOD_NOT_FOUND',
  'BATTERY_NOT_FOUND',
  'HANDOVER_NOT_FOUND',
  'ATTESTATION_NOT_FOUND',
  'UNKNOWN_TRANSACTION',
  'WRONG_ARGUMENT_COUNT',
  'INTERNAL',
] as const;

/** A chaincode error code. */
export type ErrorCode = (typeof ERROR_CODES)[number];

const knownCodes: ReadonlySet<string> = new Set(ERROR_CODES);

/** Opening and closing markers of the error envelope. */
const ENVELOPE_OPEN = '[battery-trace-error ';
const ENVELOPE_CLOSE = ' [/battery-trace-error]';
const ENVELOPE_PATTERN = /\[battery-trace-error ([A-Z_]{1,64})\] ([\s\S]*?)(?: \[\/battery-trace-error\]|$)/;

/** Longest message an envelope carries; longer messages are cut. */
export const MAX_ERROR_MESSAGE_LENGTH = 1024;

/** A decoded error envelope. */
export interface ErrorEnvelope {
  readonly code: ErrorCode;
  readonly message: string;
}

/**
 * Tells whether a string is a known error code.
 * @param value - any string
 * @returns true when `value` is one of {@link ERROR_CODES}
 */
export function isErrorCode(value: string): value is ErrorCode {
  return knownCodes.has(value);
}

/**
 * Encodes a code and a human message as the envelope string.
 * @example
 * ```ts
 * encodeErrorEnvelope('LOT_NOT_FOUND', 'lot L1 does not exist');
 * // '[battery-trace-error LOT_NOT_FOUND] lot L1 does not exist [/battery-trace-error]'
 * ```
 */
export function encodeErrorEnvelope(code: ErrorCode, message: string): string {
  const clean = message.replaceAll('[/battery-trace-error]', '').replaceAll('[battery-trace-error', '').slice(0, MAX_ERROR_MESSAGE_LENGTH);
  return `${ENVELOPE_OPEN}${code}] ${clean}${ENVELOPE_CLOSE}`;
}

/**
 * Finds the error envelope inside any text (a Fabric error message, a gateway error detail).
 * @param text - text that may contain an envelope
 * @returns the code and message, or `undefined` when the text holds no envelope with a known code
 * @example
 * ```ts
 * decodeErrorEnvelope('chaincode response 500, [battery-trace-error FORBIDDEN] not yours [/battery-trace-error]');
 * // { code: 'FORBIDDEN', message: 'not yours' }
 * ```
 */
export function decodeErrorEnvelope(text: string): ErrorEnvelope | undefined {
  const match = ENVELOPE_PATTERN.exec(text);
  const code = match?.[1];
  if (match === null || code === undefined || !isErrorCode(code)) {
    return undefined;
  }
  return { code, message: match[2] ?? '' };
}

/**
 * The one error type the chaincode throws. Its `message` is the envelope; `code` and `detail` keep the parts.
 * @example
 * ```ts
 * throw new ContractError('INSUFFICIENT_MASS', `lot ${id} holds ${mass} g`);
 * ```
 */
export class ContractError extends Error {
  /** Machine-readable code. */
  readonly code: ErrorCode;
  /** Human-readable message without the envelope. */
  readonly detail: string;

  /**
   * @param code - the error code
   * @param detail - a human-readable message (no private or transient data)
   */
  constructor(code: ErrorCode, detail: string) {
    super(encodeErrorEnvelope(code, detail));
    this.name = 'ContractError';
    this.code = code;
    this.detail = detail;
  }
}

/**
 * Narrows an unknown error to a {@link ContractError}, optionally of one code.
 * @example
 * ```ts
 * if (isContractError(error, 'CONFLICT')) { ... }
 * ```
 */
export function isContractError(error: unknown, code?: ErrorCode): error is ContractError {
  return error instanceof ContractError && (code === undefined || error.code === code);
}
