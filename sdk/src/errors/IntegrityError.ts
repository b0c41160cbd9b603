import { BaseError, type BaseErrorParameters } from './BaseError';

/** Options of an {@link IntegrityError}. */
export interface IntegrityErrorParameters extends BaseErrorParameters {
  /** What failed to verify, one line each. */
  readonly problems: readonly string[];
}

/**
 * A record history read from the ledger does not verify: a version's `recordHash` does not match its content,
 * or a `previousHash` does not link to the version before. The peer returned tampered or corrupted data.
 */
export class IntegrityError extends BaseError {
  override name = 'IntegrityError';
  /** What failed to verify. */
  readonly problems: readonly string[];

  constructor(message: string, parameters: IntegrityErrorParameters) {
    super(message, 'integrity', { ...parameters, metaMessages: [...parameters.problems, ...(parameters.metaMessages ?? [])] });
    this.problems = parameters.problems;
  }
}
