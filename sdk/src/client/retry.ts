import { CommitError } from '../errors/CommitError';

/**
 * When and how often to resubmit a transaction that failed at commit with a read conflict
 * (`MVCC_READ_CONFLICT`, `PHANTOM_READ_CONFLICT`). Nothing else is ever retried: a chaincode error is an answer,
 * not a transient failure. Each attempt is a new proposal with a new transaction id.
 */
export interface RetryPolicy {
  /** Total attempts including the first; 1 disables retries. */
  readonly maxAttempts: number;
  /** Delay before the second attempt, in milliseconds. */
  readonly initialDelayMs: number;
  /** Upper bound of any delay, in milliseconds. */
  readonly maxDelayMs: number;
  /** Factor applied to the delay after each attempt. */
  readonly multiplier: number;
  /** Randomise each delay between half and all of its value, so that racing clients spread out. */
  readonly jitter: boolean;
}

/** Ready-made retry policies. */
export const retryPolicies = {
  /** Never retry. */
  none: { maxAttempts: 1, initialDelayMs: 0, maxDelayMs: 0, multiplier: 1, jitter: false } satisfies RetryPolicy,
  /** Up to 5 attempts, 100 ms doubling to at most 2 s, with jitter. */
  readConflicts: { maxAttempts: 5, initialDelayMs: 100, maxDelayMs: 2_000, multiplier: 2, jitter: true } satisfies RetryPolicy,
} as const;

/** True when `error` is one the policy may retry: a commit-time read conflict. */
export function isRetryable(error: unknown): error is CommitError {
  return error instanceof CommitError && error.isReadConflict;
}

/**
 * The delay before attempt `attempt + 1`, given that `attempt` (1-based) just failed.
 * @param random - source of randomness for jitter, in [0, 1)
 */
export function retryDelay(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.multiplier ** (attempt - 1));
  return policy.jitter ? Math.round(base * (0.5 + random() / 2)) : base;
}

/** Validates a policy; throws a RangeError for nonsense values. */
export function checkRetryPolicy(policy: RetryPolicy): RetryPolicy {
  const ok =
    Number.isInteger(policy.maxAttempts) &&
    policy.maxAttempts >= 1 &&
    policy.initialDelayMs >= 0 &&
    policy.maxDelayMs >= policy.initialDelayMs &&
    policy.multiplier >= 1;
  if (!ok) {
    throw new RangeError('retry policy: maxAttempts must be an integer ≥ 1, 0 ≤ initialDelayMs ≤ maxDelayMs, multiplier ≥ 1');
  }
  return policy;
}
