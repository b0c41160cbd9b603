/** A chaincode error code as written in the error envelope. */
export type ErrorCode = string;

/** The error category of a chaincode error code. */
export type ChaincodeErrorCategory = 'validation' | 'not-found' | 'forbidden' | 'conflict' | 'contract';

const categories: Readonly<Record<string, ChaincodeErrorCategory>> = {
  INVALID_ARGUMENT: 'validation',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'not-found',
  CONFLICT: 'conflict',
};

/** Classifies a chaincode error code. */
export function categoryOfCode(code: ErrorCode): ChaincodeErrorCategory {
  return categories[code] ?? (code.endsWith('_NOT_FOUND') ? 'not-found' : 'contract');
}
