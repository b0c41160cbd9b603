import type { ErrorCategory } from './BaseError';
import { ChaincodeError, type ChaincodeErrorParameters } from './ChaincodeError';
import type { ErrorCode } from './errorCodes';

/**
 * A record the request names does not exist (codes ending in NOT_FOUND).
 * Carries the chaincode's `code`, its message as `shortMessage`, and the transaction id.
 */
export class NotFoundError<C extends ErrorCode = ErrorCode> extends ChaincodeError<C> {
  override name = 'NotFoundError';

  constructor(message: string, parameters: ChaincodeErrorParameters<C>) {
    super(message, parameters, 'not-found' satisfies ErrorCategory);
  }
}
