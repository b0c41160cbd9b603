import { BaseError, type BaseErrorParameters } from './BaseError';

/** Options of a {@link NetworkError}. */
export interface NetworkErrorParameters extends BaseErrorParameters {
  /** The gRPC status code, when the failure came from gRPC. */
  readonly grpcCode?: number;
}

/**
 * The gateway peer or the ordering service could not be reached, did not answer before the deadline, or the
 * transaction could not be submitted for ordering or its commit status read. The transaction may or may not have
 * committed: check `transactionId` before resubmitting a non-idempotent request.
 */
export class NetworkError extends BaseError {
  override name = 'NetworkError';
  /** The gRPC status code, when the failure came from gRPC. */
  readonly grpcCode: number | undefined;

  constructor(message: string, parameters: NetworkErrorParameters = {}) {
    super(message, 'network', parameters);
    this.grpcCode = parameters.grpcCode;
  }
}
