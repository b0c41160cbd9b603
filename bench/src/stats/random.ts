/** A source of uniformly distributed numbers in [0, 1). */
export type Random = () => number;

/**
 * A small seeded generator (mulberry32), so that a benchmark run draws the same sequence every time and two runs
 * offer the same skew.
 * @param seed - any 32-bit integer
 * @example
 * ```ts
 * const random = seededRandom(42);
 * random(); // always the same first value for seed 42
 * ```
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
