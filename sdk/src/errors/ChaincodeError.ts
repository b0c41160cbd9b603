import { BaseError, type BaseErrorParameters, type ErrorCategory } from './BaseError';
import type { ErrorCode } from './errorCodes';

/** Options of a {@link ChaincodeError}. */
export interface ChaincodeErrorParameters<C extends ErrorCode = ErrorCode> extends BaseErrorParameters {
  /** The chaincode's error code. */
  readonly code: C;
}

/**
 * The chaincode refused the request: it threw a `ContractError` whose envelope the SDK decoded.
 * `code` is the chaincode's stable error code, `shortMessage` its message.
 * Subclasses name the common categories: {@link ValidationError}, {@link NotFoundError},
 * {@link ForbiddenError}, {@link ConflictError}.
 *
 * @example
 * ```ts
 * if (e instanceof ChaincodeError && e.code === 'LOT_NOT_FOUND') { … }
 * ```
 */
export class ChaincodeError<C extends ErrorCode = ErrorCode> extends BaseError {
  override name = 'ChaincodeError';
  /** The chaincode's error code. */
  readonly code: C;

  constructor(message: string, parameters: ChaincodeErrorParameters<C>, category: ErrorCategory = 'contract') {
    super(message, category, { ...parameters, metaMessages: [`Code: ${parameters.code}`, ...(parameters.metaMessages ?? [])] });
    this.code = parameters.code;
  }
}
