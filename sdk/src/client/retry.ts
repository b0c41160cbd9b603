import { EndorseError, GatewayError } from '@hyperledger/fabric-gateway';
import { CommitError } from '../errors/CommitError';
import { NetworkError } from '../errors/NetworkError';

/**
 * When and how often to try a call again. Two separate policies use this shape:
 * - the read-conflict policy resubmits a transaction that failed at commit with `MVCC_READ_CONFLICT` or
 *   `PHANTOM_READ_CONFLICT`; each attempt is a new proposal with a new transaction id;
 * - the transient policy repeats a call that the network could not serve before anything was sent for ordering:
 *   no endorsing peer available (gRPC `UNAVAILABLE`) or no answer within the endorsement deadline
 *   (`DEADLINE_EXCEEDED`), in endorsement or evaluation.
 *
 * Nothing else is ever retried: a chaincode error is an answer, not a transient failure, and a failure while
 * submitting to the ordering service or reading the commit status may hide a transaction that was ordered.
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
  /**
   * The default transient policy: up to 4 attempts, 250 ms doubling to at most 2 s, with jitter — about 2.5 s of
   * waiting, long enough to ride out a peer restart or a gossip membership refresh, short enough that an
   * organisation that is really gone is reported promptly.
   */
  transient: { maxAttempts: 4, initialDelayMs: 250, maxDelayMs: 2_000, multiplier: 2, jitter: true } satisfies RetryPolicy,
} as const;

/** gRPC status codes of an endorsement or evaluation that no peer could serve in time. */
const transientCodes: ReadonlySet<number> = new Set([4 /* DEADLINE_EXCEEDED */, 14 /* UNAVAILABLE */]);

/**
 * True when `error` is transient unavailability that the transient policy may retry: a {@link NetworkError} with
 * gRPC `UNAVAILABLE` or `DEADLINE_EXCEEDED` that arose while endorsing (for a submit) or evaluating — never while
 * submitting to the ordering service or waiting for commit, where the transaction may already be ordered.
 * @param phase - what the failed call was doing
 */
export function isTransient(error: unknown, phase: 'submit' | 'evaluate'): error is NetworkError {
  if (!(error instanceof NetworkError) || error.grpcCode === undefined || !transientCodes.has(error.grpcCode)) {
    return false;
  }
  return phase === 'submit' ? error.cause instanceof EndorseError : error.cause instanceof GatewayError;
}

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
