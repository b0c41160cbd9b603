import type { ErrorCategory } from './BaseError';
import { ChaincodeError, type ChaincodeErrorParameters } from './ChaincodeError';
import type { ErrorCode } from './errorCodes';

/**
 * The request conflicts with the ledger state: duplicate id, wrong status, lot in transit, insufficient mass or credit.
 * Carries the chaincode's `code`, its message as `shortMessage`, and the transaction id.
 */
export class ConflictError<C extends ErrorCode = ErrorCode> extends ChaincodeError<C> {
  override name = 'ConflictError';

  constructor(message: string, parameters: ChaincodeErrorParameters<C>) {
    super(message, parameters, 'conflict' satisfies ErrorCategory);
  }
}
