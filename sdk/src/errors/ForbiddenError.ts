import type { ErrorCategory } from './BaseError';
import { ChaincodeError, type ChaincodeErrorParameters } from './ChaincodeError';
import type { ErrorCode } from './errorCodes';

/**
 * The caller's organisation or role may not perform this action (FORBIDDEN).
 * Carries the chaincode's `code`, its message as `shortMessage`, and the transaction id.
 */
export class ForbiddenError<C extends ErrorCode = ErrorCode> extends ChaincodeError<C> {
  override name = 'ForbiddenError';

  constructor(message: string, parameters: ChaincodeErrorParameters<C>) {
    super(message, parameters, 'forbidden' satisfies ErrorCategory);
  }
}
