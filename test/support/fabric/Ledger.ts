import { compareKeys, hex } from './keys';
import { VersionedStore, type Height, type VersionedValue } from './VersionedStore';

/** One committed version of a public key, for history queries. */
export interface HistoryRecord {
  readonly txId: string;
  readonly timestamp: Date;
  /** `undefined` for a delete. */
  readonly value: Uint8Array | undefined;
}

/** A chaincode event of a valid transaction. */
export interface CommittedEvent {
  readonly txId: string;
  readonly blockNumber: number;
  readonly name: string;
  readonly payload: Uint8Array;
}

/** Where and how a transaction was committed. */
export interface TransactionRecord {
  readonly txId: string;
  readonly blockNumber: number;
  readonly txNumber: number;
  /** Fabric's `TxValidationCode`. */
  readonly code: number;
  readonly codeName: string;
}

/** What one block changes, computed by the validator from its valid transactions. */
export interface BlockUpdate {
  readonly number: number;
  /** Public keys: the new value with version and policy, or `undefined` for a delete. */
  readonly state: ReadonlyMap<string, VersionedValue | undefined>;
  /** Private keys' hashes (value = SHA-256 of the private value), by collection. */
  readonly hashes: ReadonlyMap<string, ReadonlyMap<string, VersionedValue | undefined>>;
  readonly history: readonly { readonly key: string; readonly record: HistoryRecord }[];
  readonly events: readonly CommittedEvent[];
  readonly transactions: readonly TransactionRecord[];
}

const NO_HASHES = new VersionedStore();

function applyTo(store: VersionedStore, updates: ReadonlyMap<string, VersionedValue | undefined>): void {
  for (const [key, value] of updates) {
    if (value === undefined) {
      store.delete(key);
    } else {
      store.put(key, value);
    }
  }
}

/**
 * The committed ledger every peer of the in-memory channel shares: public state with versions and key-level
 * policies, the hashes of private data, key history, events and the record of every committed transaction.
 * Private values themselves live on the peers ({@link PrivateStore}). Only {@link Ledger.apply} changes it.
 */
export class Ledger {
  readonly state = new VersionedStore();
  readonly #hashes = new Map<string, VersionedStore>();
  readonly #history = new Map<string, HistoryRecord[]>();
  readonly #events: CommittedEvent[] = [];
  readonly #transactions = new Map<string, TransactionRecord>();
  // block 0 is the channel's genesis block
  #height = 1;

  /** The number of blocks, genesis block included; the next block gets this number. */
  get height(): number {
    return this.#height;
  }

  /** The committed hashes of a collection's keys. */
  hashes(collection: string): VersionedStore {
    return this.#hashes.get(collection) ?? NO_HASHES;
  }

  /** A key's committed versions, oldest first. */
  history(key: string): readonly HistoryRecord[] {
    return this.#history.get(key) ?? [];
  }

  /** Events of valid transactions, oldest first. */
  get events(): readonly CommittedEvent[] {
    return this.#events;
  }

  /** The record of a committed transaction (valid or not). */
  transaction(txId: string): TransactionRecord | undefined {
    return this.#transactions.get(txId);
  }

  /** Applies a validated block. */
  apply(update: BlockUpdate): void {
    applyTo(this.state, update.state);
    for (const [collection, updates] of update.hashes) {
      let store = this.#hashes.get(collection);
      if (store === undefined) {
        store = new VersionedStore();
        this.#hashes.set(collection, store);
      }
      applyTo(store, updates);
    }
    for (const { key, record } of update.history) {
      const versions = this.#history.get(key) ?? [];
      versions.push(record);
      this.#history.set(key, versions);
    }
    this.#events.push(...update.events);
    for (const record of update.transactions) {
      this.#transactions.set(record.txId, record);
    }
    this.#height = update.number + 1;
  }

  /** A comparable picture of everything valid transactions change (blocks and transaction records excluded). */
  snapshot(): unknown {
    const versioned = (store: VersionedStore): string[] =>
      store.entries().map(([key, v]) => `${JSON.stringify(key)}=${hex(v.value)}@${String(v.version.block)}.${String(v.version.tx)}:${hex(v.validationParameter)}`);
    return {
      state: versioned(this.state),
      hashes: [...this.#hashes].sort(([a], [b]) => compareKeys(a, b)).map(([collection, store]) => [collection, versioned(store)]),
      history: [...this.#history].sort(([a], [b]) => compareKeys(a, b)).map(([key, records]) => [key, records.map((r) => `${r.txId}:${hex(r.value)}`)]),
      events: this.#events.map((event) => `${event.txId}:${event.name}:${hex(event.payload)}`),
    };
  }
}

/** A private value as a member peer holds it. */
export interface PrivateValue {
  readonly value: Uint8Array;
  readonly version: Height;
}

/** One peer's private data: the values of the collections its organisation is a member of. */
export class PrivateStore {
  readonly #collections = new Map<string, Map<string, PrivateValue>>();

  get(collection: string, key: string): PrivateValue | undefined {
    return this.#collections.get(collection)?.get(key);
  }

  put(collection: string, key: string, value: PrivateValue | undefined): void {
    const entries = this.#collections.get(collection) ?? new Map<string, PrivateValue>();
    if (value === undefined) {
      entries.delete(key);
    } else {
      entries.set(key, value);
    }
    this.#collections.set(collection, entries);
  }

  /** A collection's entries with `start <= key < end` in key order (an empty `end` is unbounded). */
  range(collection: string, start: string, end: string): [string, PrivateValue][] {
    return [...(this.#collections.get(collection) ?? [])]
      .filter(([key]) => compareKeys(key, start) >= 0 && (end === '' || compareKeys(key, end) < 0))
      .sort(([a], [b]) => compareKeys(a, b));
  }

  snapshot(): unknown {
    return [...this.#collections]
      .sort(([a], [b]) => compareKeys(a, b))
      .map(([collection, entries]) => [collection, [...entries].sort(([a], [b]) => compareKeys(a, b)).map(([key, v]) => `${JSON.stringify(key)}=${hex(v.value)}`)]);
  }
}

/**
 * The ledger's read-write lock, writer first like Go's `sync.RWMutex`: simulations hold it shared, a commit
 * holds it alone, so a simulation never sees a block half applied (the peer's transaction manager does the same).
 */
export class LedgerLock {
  #readers = 0;
  #writing = false;
  readonly #waiting: { readonly write: boolean; readonly wake: () => void }[] = [];

  async read<T>(body: () => Promise<T>): Promise<T> {
    await this.#acquire(false);
    try {
      return await body();
    } finally {
      this.#readers -= 1;
      this.#wakeNext();
    }
  }

  async write<T>(body: () => T): Promise<T> {
    await this.#acquire(true);
    try {
      return body();
    } finally {
      this.#writing = false;
      this.#wakeNext();
    }
  }

  #acquire(write: boolean): Promise<void> {
    const writerWaiting = this.#waiting.some((waiter) => waiter.write);
    const free = write ? !this.#writing && this.#readers === 0 : !this.#writing && !writerWaiting;
    if (free) {
      this.#take(write);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.#waiting.push({
        write,
        wake: () => {
          resolve();
        },
      });
    });
  }

  #take(write: boolean): void {
    if (write) {
      this.#writing = true;
    } else {
      this.#readers += 1;
    }
  }

  #wakeNext(): void {
    while (this.#waiting.length > 0 && !this.#writing) {
      const next = this.#waiting[0];
      if (next === undefined || (next.write && this.#readers > 0)) {
        return;
      }
      this.#waiting.shift();
      this.#take(next.write);
      next.wake();
      if (next.write) {
        return;
      }
    }
  }
}
