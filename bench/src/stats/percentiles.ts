/** Summary of a set of latencies, in milliseconds. */
export interface LatencySummary {
  /** Number of observations. */
  readonly count: number;
  readonly mean: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/**
 * The `p`-th percentile of already sorted values by the nearest-rank method (the smallest value such that at
 * least `p` % of the observations are at or below it). Nearest-rank never interpolates, so a reported p99 is a
 * latency some transaction really had.
 * @param sorted - values in ascending order
 * @param p - percentile in (0, 100]
 * @returns the percentile, or `NaN` for an empty set
 * @throws {RangeError} when `p` is outside (0, 100]
 * @example
 * ```ts
 * percentile([1, 2, 3, 4], 50); // 2
 * ```
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (!(p > 0 && p <= 100)) {
    throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  }
  if (sorted.length === 0) {
    return Number.NaN;
  }
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, rank) - 1] ?? Number.NaN;
}

/**
 * Count, mean, p50/p95/p99 and maximum of `values` (any order).
 * @returns a summary whose statistics are `NaN` when `values` is empty
 */
export function summarize(values: readonly number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    count: sorted.length,
    mean: sorted.length === 0 ? Number.NaN : total / sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length === 0 ? Number.NaN : (sorted[sorted.length - 1] ?? Number.NaN),
  };
}

/**
 * `value / reference`, or `null` when either is missing, not finite or the reference is zero, so that reports
 * show "n/a" rather than `Infinity`.
 */
export function ratio(value: number | null | undefined, reference: number | null | undefined): number | null {
  if (value == null || reference == null || !Number.isFinite(value) || !Number.isFinite(reference) || reference === 0) {
    return null;
  }
  return value / reference;
}
