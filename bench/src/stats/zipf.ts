import type { Random } from './random';

/** Draws ranks 0 … n-1 with probability proportional to 1 / (rank + 1)^exponent. */
export interface ZipfSampler {
  /** Number of items. */
  readonly size: number;
  /** The skew exponent (0 is uniform; about 1 is the classic Zipf law). */
  readonly exponent: number;
  /** Probability of drawing `rank`. */
  probability(rank: number): number;
  /** Draws one rank; rank 0 is the most popular item. */
  next(): number;
}

/**
 * A Zipf sampler over `size` items by inverse transform on the cumulative distribution (binary search), exact for
 * any exponent ≥ 0.
 * @param size - number of items, ≥ 1
 * @param exponent - skew, ≥ 0
 * @param random - uniform source in [0, 1); use {@link seededRandom} for repeatable runs
 * @throws {RangeError} for a size below 1 or a negative exponent
 * @example
 * ```ts
 * const facilities = newZipfSampler(50, 1.1, seededRandom(7));
 * const hot = facilities.next(); // 0 most often
 * ```
 */
export function newZipfSampler(size: number, exponent: number, random: Random): ZipfSampler {
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(`Zipf size must be an integer ≥ 1, got ${size}`);
  }
  if (!(exponent >= 0)) {
    throw new RangeError(`Zipf exponent must be ≥ 0, got ${exponent}`);
  }
  const weights = Array.from({ length: size }, (_, rank) => 1 / (rank + 1) ** exponent);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const cumulative: number[] = [];
  let running = 0;
  for (const weight of weights) {
    running += weight / total;
    cumulative.push(running);
  }
  return {
    size,
    exponent,
    probability: (rank) => (weights[rank] ?? 0) / total,
    next: () => firstAtLeast(cumulative, random()),
  };
}

function firstAtLeast(cumulative: readonly number[], u: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((cumulative[mid] ?? 1) > u) {
      high = mid;
    } else {
      low = mid + 1;
    }
  }
  return low;
}
