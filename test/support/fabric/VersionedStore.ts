import { compareKeys } from './keys';

/** A ledger height: the block and the transaction's position in it, Fabric's key version. */
export interface Height {
  readonly block: number;
  readonly tx: number;
}

/** A committed value with its version and its key-level endorsement policy, if any. */
export interface VersionedValue {
  readonly value: Uint8Array;
  readonly version: Height;
  readonly validationParameter: Uint8Array | undefined;
}

/** Tells whether two versions are the same (absent equals absent). */
export function sameVersion(a: Height | undefined, b: Height | undefined): boolean {
  return a === undefined || b === undefined ? a === b : a.block === b.block && a.tx === b.tx;
}

/** One namespace of versioned state (the public state, or one collection's hashes), iterable in key order. */
export class VersionedStore {
  readonly #entries = new Map<string, VersionedValue>();
  #sorted: string[] = [];

  get(key: string): VersionedValue | undefined {
    return this.#entries.get(key);
  }

  put(key: string, value: VersionedValue): void {
    if (!this.#entries.has(key)) {
      this.#sorted.splice(this.#insertionPoint(key), 0, key);
    }
    this.#entries.set(key, value);
  }

  delete(key: string): void {
    if (this.#entries.delete(key)) {
      this.#sorted.splice(this.#insertionPoint(key), 1);
    }
  }

  /** Keys with `start <= key < end` in key order; an empty or absent `end` is unbounded. */
  keysInRange(start: string, end: string | undefined): string[] {
    const from = this.#insertionPoint(start);
    const to = end === undefined || end === '' ? this.#sorted.length : this.#insertionPoint(end);
    return this.#sorted.slice(from, Math.max(from, to));
  }

  /** Every entry in key order. */
  entries(): [string, VersionedValue][] {
    return this.#sorted.flatMap((key): [string, VersionedValue][] => {
      const value = this.#entries.get(key);
      return value === undefined ? [] : [[key, value]];
    });
  }

  #insertionPoint(key: string): number {
    let low = 0;
    let high = this.#sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareKeys(this.#sorted[middle] ?? '', key) < 0) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }
}
