/**
 * How an event listener reconnects after its stream fails (the gateway peer restarted, the network dropped).
 * Delays grow from `initialDelayMs` by `multiplier` up to `maxDelayMs`; a successful event resets them.
 */
export interface ReconnectPolicy {
  /** Consecutive failed connections before the listener gives up; `Infinity` never gives up. */
  readonly maxAttempts: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  readonly multiplier: number;
}

/** Reconnect forever, 250 ms doubling to at most 10 s. */
export const defaultReconnectPolicy: ReconnectPolicy = {
  maxAttempts: Number.POSITIVE_INFINITY,
  initialDelayMs: 250,
  maxDelayMs: 10_000,
  multiplier: 2,
};

/** The delay after `failures` consecutive failures (1-based). */
export function reconnectDelay(policy: ReconnectPolicy, failures: number): number {
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.multiplier ** (failures - 1));
}
