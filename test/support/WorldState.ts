import type { Iterators } from 'fabric-shim-api';
import { compareKeys, type WriteSet } from './MemoryStub';

interface Version {
  readonly txId: string;
  readonly timestamp: Date;
  readonly value: Uint8Array | undefined;
}

/** A committed chaincode event. */
export interface CommittedEvent {
  readonly txId: string;
  readonly name: string;
  readonly payload: Uint8Array;
}

/**
 * The committed ledger of the in-memory network: public state with history, state-based endorsement
 * parameters, private data per collection, and events. Only {@link WorldState.commit} changes it.
 */
export class WorldState {
  readonly #state = new Map<string, Uint8Array>();
  readonly #history = new Map<string, Version[]>();
  readonly #validation = new Map<string, Uint8Array>();
  readonly #private = new Map<string, Map<string, Uint8Array>>();
  readonly #events: CommittedEvent[] = [];

  getState(key: string): Uint8Array | undefined {
    return this.#state.get(key);
  }

  getValidationParameter(key: string): Uint8Array | undefined {
    return this.#validation.get(key);
  }

  getPrivate(collection: string, key: string): Uint8Array | undefined {
    return this.#private.get(collection)?.get(key);
  }

  /** Committed entries with `start <= key < end`, in LevelDB (UTF-8 byte) order. */
  range(start: string, end: string | undefined): Iterators.KV[] {
    return [...this.#state.entries()]
      .filter(([key]) => compareKeys(key, start) >= 0 && (end === undefined || compareKeys(key, end) < 0))
      .sort(([a], [b]) => compareKeys(a, b))
      .map(([key, value]) => ({ namespace: 'battery-trace', key, value: Uint8Array.from(value) }));
  }

  /** A key's history, newest first (as Fabric 2.x returns it). */
  history(key: string): Iterators.KeyModification[] {
    return [...(this.#history.get(key) ?? [])].reverse().map((version) => {
      const millis = version.timestamp.getTime();
      return {
        txId: version.txId,
        isDelete: version.value === undefined,
        value: version.value ? Uint8Array.from(version.value) : new Uint8Array(),
        // the shim hands history timestamps over as plain numbers (protobuf toObject)
        timestamp: { seconds: Math.floor(millis / 1000), nanos: (millis % 1000) * 1_000_000 } as unknown as Iterators.KeyModification['timestamp'],
      };
    });
  }

  /** Committed events, oldest first. */
  get events(): readonly CommittedEvent[] {
    return this.#events;
  }

  /** Applies a successful transaction's writes. */
  commit(txId: string, timestamp: Date, writes: WriteSet): void {
    for (const [key, value] of writes.state) {
      if (value === undefined) {
        this.#state.delete(key);
      } else {
        this.#state.set(key, value);
      }
      const versions = this.#history.get(key) ?? [];
      versions.push({ txId, timestamp, value });
      this.#history.set(key, versions);
    }
    for (const [key, value] of writes.validation) {
      this.#validation.set(key, value);
    }
    this.#commitPrivate(writes);
    if (writes.event) {
      this.#events.push({ txId, ...writes.event });
    }
  }

  #commitPrivate(writes: WriteSet): void {
    for (const [collection, entries] of writes.privateData) {
      const target = this.#private.get(collection) ?? new Map<string, Uint8Array>();
      for (const [key, value] of entries) {
        if (value === undefined) {
          target.delete(key);
        } else {
          target.set(key, value);
        }
      }
      this.#private.set(collection, target);
    }
  }

  /** A complete, comparable picture of the committed ledger (state, history, endorsement, private data, events). */
  snapshot(): string {
    const hex = (bytes: Uint8Array | undefined): string => (bytes ? Buffer.from(bytes).toString('hex') : '-');
    const sorted = <V>(map: Map<string, V>): [string, V][] => [...map.entries()].sort(([a], [b]) => compareKeys(a, b));
    return JSON.stringify({
      state: sorted(this.#state).map(([key, value]) => [key, hex(value)]),
      history: sorted(this.#history).map(([key, versions]) => [key, versions.map((v) => `${v.txId}:${hex(v.value)}`)]),
      validation: sorted(this.#validation).map(([key, value]) => [key, hex(value)]),
      private: sorted(this.#private).map(([collection, entries]) => [collection, sorted(entries).map(([key, value]) => [key, hex(value)])]),
      events: this.#events.map((event) => `${event.txId}:${event.name}:${hex(event.payload)}`),
    });
  }

  /** Every committed key with its value, for invariant checks. */
  entries(): [string, Uint8Array][] {
    return sorted(this.#state);
  }
}

function sorted<V>(map: Map<string, V>): [string, V][] {
  return [...map.entries()].sort(([a], [b]) => compareKeys(a, b));
}
