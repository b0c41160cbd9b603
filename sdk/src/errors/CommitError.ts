import { StatusCode } from '@hyperledger/fabric-gateway';
import { BaseError, type BaseErrorParameters } from './BaseError';

/** Name of a Fabric transaction validation code, e.g. `MVCC_READ_CONFLICT`. */
export type ValidationCodeName = keyof typeof StatusCode;

/** Options of a {@link CommitError}. */
export interface CommitErrorParameters extends BaseErrorParameters {
  /** The transaction validation code (a value of fabric-gateway's `StatusCode`). */
  readonly validationCode: number;
  /** The block the transaction was invalidated in. */
  readonly blockNumber?: bigint;
  /** How many times the SDK submitted the request (more than one when the retry policy applied). */
  readonly attempts?: number;
}

const namesByCode = new Map<number, ValidationCodeName>(
  (Object.entries(StatusCode) as [ValidationCodeName, number][]).map(([name, code]) => [code, name]),
);

const readConflicts: ReadonlySet<number> = new Set([StatusCode.MVCC_READ_CONFLICT, StatusCode.PHANTOM_READ_CONFLICT]);

/**
 * The transaction was endorsed and ordered but the committing peers invalidated it.
 * `isReadConflict` is true for `MVCC_READ_CONFLICT` and `PHANTOM_READ_CONFLICT`: another transaction changed
 * what this one read; resubmitting it (the retry policy does that) is safe.
 */
export class CommitError extends BaseError {
  override name = 'CommitError';
  /** The transaction validation code. */
  readonly validationCode: number;
  /** The validation code's name, e.g. `MVCC_READ_CONFLICT`; `UNKNOWN` if Fabric added a code this SDK does not know. */
  readonly validationCodeName: ValidationCodeName | 'UNKNOWN';
  /** The block the transaction was invalidated in. */
  readonly blockNumber: bigint | undefined;
  /** How many times the SDK submitted the request. */
  readonly attempts: number;

  constructor(parameters: CommitErrorParameters) {
    const name = namesByCode.get(parameters.validationCode) ?? 'UNKNOWN';
    const attempts = parameters.attempts ?? 1;
    super(`Transaction failed to commit: ${name} (${parameters.validationCode})`, 'commit', {
      ...parameters,
      metaMessages: attempts > 1 ? [`Attempts: ${attempts}`] : [],
    });
    this.validationCode = parameters.validationCode;
    this.validationCodeName = name;
    this.blockNumber = parameters.blockNumber;
    this.attempts = attempts;
  }

  /** True for MVCC and phantom read conflicts, the only commit failures worth retrying. */
  get isReadConflict(): boolean {
    return readConflicts.has(this.validationCode);
  }
}
