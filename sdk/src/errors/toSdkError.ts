import { CommitError as GatewayCommitError, CommitStatusError, EndorseError, GatewayError } from '@hyperledger/fabric-gateway';
import { BaseError, type NodeErrorDetail } from './BaseError';
import { ChaincodeError, type ChaincodeErrorParameters } from './ChaincodeError';
import { CommitError } from './CommitError';
import { ConflictError } from './ConflictError';
import { EndorsementError } from './EndorsementError';
import { decodeErrorEnvelope, type ErrorEnvelope } from '../../../chaincode/src/api/errors';
import { categoryOfCode } from './errorCodes';
import { ForbiddenError } from './ForbiddenError';
import { NetworkError } from './NetworkError';
import { NotFoundError } from './NotFoundError';
import { ValidationError } from './ValidationError';

/** What the SDK was doing when an error occurred. */
export interface ErrorContext {
  /** Qualified transaction name, e.g. `lot:MintLot`. */
  readonly transactionName: string;
  /** Transaction id, when already known. */
  readonly transactionId?: string;
  /** Whether the call evaluated (read) or endorsed (write); worded into the message. */
  readonly phase?: 'evaluate' | 'submit';
}

/** gRPC status codes that mean the node could not be reached or did not answer in time. */
const unreachable: ReadonlySet<number> = new Set([1 /* CANCELLED */, 4 /* DEADLINE_EXCEEDED */, 14 /* UNAVAILABLE */]);

/**
 * Converts anything a fabric-gateway call throws into a typed SDK error. The chaincode's error envelope,
 * when a node reported one, decides the class; otherwise the fabric-gateway error type does.
 */
export function toSdkError(error: unknown, context: ErrorContext): BaseError {
  if (error instanceof BaseError) {
    return error;
  }
  if (error instanceof GatewayError) {
    return fromGatewayError(error, context);
  }
  if (error instanceof GatewayCommitError) {
    return new CommitError({
      validationCode: error.code,
      transactionId: error.transactionId,
      transactionName: context.transactionName,
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new NetworkError(`Gateway call failed: ${message}`, { ...context, cause: error });
}

function fromGatewayError(error: GatewayError, context: ErrorContext): BaseError {
  const details: readonly NodeErrorDetail[] = error.details.map(({ address, mspId, message }) => ({ address, mspId, message }));
  const transactionId = transactionIdOf(error) ?? context.transactionId;
  const common = { details, cause: error, transactionName: context.transactionName, transactionId };
  const envelope = findEnvelope(error);
  if (envelope) {
    return chaincodeError(envelope, common);
  }
  const isEndorsement = error instanceof EndorseError || transactionId === undefined;
  if (unreachable.has(error.code) || !isEndorsement || error instanceof CommitStatusError) {
    return new NetworkError(`Gateway call failed: ${error.message}`, { ...common, grpcCode: error.code });
  }
  const what = context.phase === 'evaluate' ? 'Evaluation' : 'Endorsement';
  return new EndorsementError(`${what} failed: ${error.message}`, { ...common, grpcCode: error.code });
}

function transactionIdOf(error: GatewayError): string | undefined {
  const value: unknown = (error as GatewayError & { transactionId?: unknown }).transactionId;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function findEnvelope(error: GatewayError): ErrorEnvelope | undefined {
  for (const detail of error.details) {
    const envelope = decodeErrorEnvelope(detail.message);
    if (envelope) {
      return envelope;
    }
  }
  return decodeErrorEnvelope(error.message);
}

const constructors = {
  validation: ValidationError,
  'not-found': NotFoundError,
  forbidden: ForbiddenError,
  conflict: ConflictError,
  contract: ChaincodeError,
} as const;

/** Builds the typed error for a decoded chaincode envelope. */
export function chaincodeError(envelope: ErrorEnvelope, parameters: Omit<ChaincodeErrorParameters, 'code'>): ChaincodeError {
  const Constructor = constructors[categoryOfCode(envelope.code)];
  return new Constructor(envelope.message, { ...parameters, code: envelope.code });
}
