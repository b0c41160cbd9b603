/**
 * Choices drawn from a fixed list of numbers that fast-check generates and shrinks: every value shrinks toward
 * 0, and 0 always means the first, most ordinary option (the rightful caller, a valid argument, no mutation),
 * so a shrunk counterexample keeps only the choices that matter.
 */
export class Choices {
  readonly #values: readonly number[];
  #index = 0;

  /** @param values - non-negative integers */
  constructor(values: readonly number[]) {
    this.#values = values.length === 0 ? [0] : values;
  }

  /** The next raw value; past the end of the list the values repeat, scrambled by the round. */
  next(): number {
    const length = this.#values.length;
    const value = this.#values[this.#index % length] ?? 0;
    const round = Math.floor(this.#index / length);
    this.#index += 1;
    return round === 0 || value === 0 ? value : (Math.imul(value, 2_654_435_761) + round) >>> 1;
  }

  /** An integer in `[0, n)`. */
  int(n: number): number {
    return n <= 1 ? 0 : this.next() % n;
  }

  /** One of the items (the first for 0), or `undefined` when there are none. */
  pick<T>(items: readonly T[]): T | undefined {
    return items[this.int(items.length)];
  }

  /** True with a probability of `percent` % (never for a shrunk 0). */
  rare(percent: number): boolean {
    return this.int(100) >= 100 - percent;
  }

  /** The items each kept with a probability of `percent` %. */
  subset<T>(items: readonly T[], percent: number): T[] {
    return items.filter(() => this.int(100) < percent);
  }
}
