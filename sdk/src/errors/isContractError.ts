import { BaseError, type ErrorCategory } from './BaseError';
import { ChaincodeError } from './ChaincodeError';
import type { ErrorCode } from './errorCodes';

/**
 * True when `error` is a chaincode error, optionally with the given code; narrows `error.code` to that code.
 *
 * @param error - anything caught
 * @param code - the chaincode error code to test for; any code when omitted
 * @example
 * ```ts
 * try { await client.acceptTransfer(request); }
 * catch (e) { if (isContractError(e, 'CONFLICT')) { e.code; // 'CONFLICT' } else throw e; }
 * ```
 */
export function isContractError<C extends ErrorCode>(error: unknown, code?: C): error is ChaincodeError<C> {
  return error instanceof ChaincodeError && (code === undefined || error.code === code);
}

/**
 * True when `error` is an SDK error of the given category (`'conflict'`, `'commit'`, `'network'`…).
 *
 * @param error - anything caught
 * @param category - the category to test for
 */
export function isErrorCategory(error: unknown, category: ErrorCategory): error is BaseError {
  return error instanceof BaseError && error.category === category;
}
