import type { ErrorCode } from '../../../chaincode/src/api/errors';

export type { ErrorCode } from '../../../chaincode/src/api/errors';

/** The error category of a chaincode error code. */
export type ChaincodeErrorCategory = 'validation' | 'not-found' | 'forbidden' | 'conflict' | 'contract';

/**
 * How each chaincode code is classified. A code missing here is classified by its name (`*_NOT_FOUND`) or
 * falls back to `contract`, so a chaincode that adds a code keeps working with an older SDK.
 */
const categories: Partial<Record<ErrorCode, ChaincodeErrorCategory>> = {
  INVALID_ARGUMENT: 'validation',
  MASS_NOT_CONSERVED: 'validation',
  UNKNOWN_TRANSACTION: 'validation',
  WRONG_ARGUMENT_COUNT: 'validation',
  FORBIDDEN: 'forbidden',
  CONFLICT: 'conflict',
  INVALID_STATE: 'conflict',
  INSUFFICIENT_MASS: 'conflict',
  INSUFFICIENT_CREDIT: 'conflict',
  ATTESTATION_REQUIRED: 'conflict',
  INTERNAL: 'contract',
};

/**
 * Classifies a chaincode error code: `INVALID_ARGUMENT`, `MASS_NOT_CONSERVED` and the caller errors
 * `UNKNOWN_TRANSACTION` and `WRONG_ARGUMENT_COUNT` (usually an SDK and a chaincode of different versions) are
 * validation errors, `FORBIDDEN` forbidden, `*_NOT_FOUND` not-found, and state conflicts (`CONFLICT`, `INVALID_STATE`,
 * `INSUFFICIENT_MASS`, `INSUFFICIENT_CREDIT`, `ATTESTATION_REQUIRED`) conflicts.
 */
export function categoryOfCode(code: ErrorCode): ChaincodeErrorCategory {
  return categories[code] ?? (code.endsWith('NOT_FOUND') ? 'not-found' : 'contract');
}
