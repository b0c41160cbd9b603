import { BaseError, type BaseErrorParameters } from './BaseError';

/** Options of an {@link EndorsementError}. */
export interface EndorsementErrorParameters extends BaseErrorParameters {
  /** The gRPC status code the gateway returned. */
  readonly grpcCode: number;
}

/**
 * Endorsement (or evaluation) failed without a chaincode error envelope: the endorsement policy could not be
 * satisfied, the chaincode crashed, or peers disagreed. `details` names each node and what it said.
 */
export class EndorsementError extends BaseError {
  override name = 'EndorsementError';
  /** The gRPC status code the gateway returned. */
  readonly grpcCode: number;

  constructor(message: string, parameters: EndorsementErrorParameters) {
    super(message, 'endorsement', parameters);
    this.grpcCode = parameters.grpcCode;
  }
}
