import type { ErrorCategory } from './BaseError';
import { ChaincodeError, type ChaincodeErrorParameters } from './ChaincodeError';
import type { ErrorCode } from './errorCodes';

/**
 * The request is invalid (INVALID_ARGUMENT), rejected by the SDK's schema check before sending or by the chaincode.
 * Carries the chaincode's `code`, its message as `shortMessage`, and the transaction id.
 */
export class ValidationError<C extends ErrorCode = ErrorCode> extends ChaincodeError<C> {
  override name = 'ValidationError';

  constructor(message: string, parameters: ChaincodeErrorParameters<C>) {
    super(message, parameters, 'validation' satisfies ErrorCategory);
  }
}
