import { createHash } from 'node:crypto';
import Long from 'long';
import type { ChaincodeProposal, ChaincodeResponse, ChaincodeStub, Iterators, SerializedIdentity, SplitCompositekey, StateQueryResponse, Timestamp } from 'fabric-shim-api';
import type { WorldState } from './WorldState';

const COMPOSITE_NS = '\u0000';
const MIN_RUNE = '\u0000';
const MAX_RUNE = '\u{10ffff}';

type QueryResult<T> = Promise<T> & AsyncIterable<Iterators.KV>;

/** Compares keys by their UTF-8 bytes, as LevelDB orders them. */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** The writes a transaction made, applied to the world state only when it succeeds. */
export interface WriteSet {
  readonly state: Map<string, Uint8Array | undefined>;
  readonly validation: Map<string, Uint8Array>;
  readonly privateData: Map<string, Map<string, Uint8Array | undefined>>;
  event: { name: string; payload: Uint8Array } | undefined;
}

/** Options of one simulated transaction. */
export interface TxOptions {
  readonly txId: string;
  readonly timestamp: Date;
  readonly mspId: string;
  readonly transient: Map<string, Uint8Array>;
}

function iteratorOf<T>(items: readonly T[]): Iterators.CommonIterator<T> {
  let index = 0;
  return {
    next: () => {
      const value = items[index];
      index += 1;
      return Promise.resolve(value === undefined ? { value: undefined as unknown as T, done: true } : { value, done: false });
    },
    close: () => Promise.resolve(),
  };
}

function asyncIterable<R>(promise: Promise<R>, items: readonly Iterators.KV[]): Promise<R> & AsyncIterable<Iterators.KV> {
  return Object.assign(promise, {
    async *[Symbol.asyncIterator](): AsyncGenerator<Iterators.KV> {
      for (const item of items) {
        yield await Promise.resolve(item);
      }
    },
  });
}

function validatePart(part: string): void {
  if (part.length === 0) {
    throw new Error('object type or attribute not a non-zero length string');
  }
}

function unsupported(name: string): never {
  throw new Error(`MemoryStub does not support ${name}`);
}

/**
 * A typed in-memory `ChaincodeStub` for one transaction: reads see committed state only (as on Fabric),
 * writes go to a write set that the {@link WorldState} applies when the transaction succeeds.
 */
export class MemoryStub implements ChaincodeStub {
  readonly writes: WriteSet = { state: new Map(), validation: new Map(), privateData: new Map(), event: undefined };
  readonly #world: WorldState;
  readonly #options: TxOptions;

  constructor(world: WorldState, options: TxOptions) {
    this.#world = world;
    this.#options = options;
  }

  getArgs(): string[] {
    return [];
  }
  getStringArgs(): string[] {
    return [];
  }
  getFunctionAndParameters(): { params: string[]; fcn: string } {
    return { fcn: '', params: [] };
  }
  getTxID(): string {
    return this.#options.txId;
  }
  getChannelID(): string {
    return 'batterytrace';
  }
  getCreator(): SerializedIdentity {
    return { mspid: this.#options.mspId, idBytes: new Uint8Array() };
  }
  getMspID(): string {
    return this.#options.mspId;
  }
  getTransient(): Map<string, Uint8Array> {
    return new Map(this.#options.transient);
  }
  getSignedProposal(): ChaincodeProposal.SignedProposal {
    return unsupported('getSignedProposal');
  }
  getTxTimestamp(): Timestamp {
    const millis = this.#options.timestamp.getTime();
    return { seconds: Long.fromNumber(Math.floor(millis / 1000), true), nanos: (millis % 1000) * 1_000_000 };
  }
  getDateTimestamp(): Date {
    return new Date(this.#options.timestamp.getTime());
  }
  getBinding(): string {
    return '';
  }

  getState(key: string): Promise<Uint8Array> {
    return Promise.resolve(this.#world.getState(key) ?? new Uint8Array());
  }
  putState(key: string, value: Uint8Array): Promise<void> {
    this.#checkKey(key);
    this.writes.state.set(key, value.length === 0 ? undefined : Uint8Array.from(value));
    return Promise.resolve();
  }
  deleteState(key: string): Promise<void> {
    this.#checkKey(key);
    this.writes.state.set(key, undefined);
    return Promise.resolve();
  }
  setStateValidationParameter(key: string, ep: Uint8Array): Promise<void> {
    this.writes.validation.set(key, Uint8Array.from(ep));
    return Promise.resolve();
  }
  getStateValidationParameter(key: string): Promise<Uint8Array> {
    return Promise.resolve(this.#world.getValidationParameter(key) ?? new Uint8Array());
  }

  getStateByRange(startKey: string, endKey: string): QueryResult<Iterators.StateQueryIterator> {
    const items = this.#world.range(startKey === '' ? '\u0001' : startKey, endKey === '' ? undefined : endKey);
    return asyncIterable(Promise.resolve(iteratorOf(items)), items);
  }
  getStateByRangeWithPagination(startKey: string, endKey: string, pageSize: number, bookmark?: string): QueryResult<StateQueryResponse<Iterators.StateQueryIterator>> {
    return this.#page(startKey === '' ? '\u0001' : startKey, endKey === '' ? undefined : endKey, pageSize, bookmark);
  }
  getStateByPartialCompositeKey(objectType: string, attributes: string[]): QueryResult<Iterators.StateQueryIterator> {
    const prefix = this.createCompositeKey(objectType, attributes);
    const items = this.#world.range(prefix, prefix + MAX_RUNE);
    return asyncIterable(Promise.resolve(iteratorOf(items)), items);
  }
  getStateByPartialCompositeKeyWithPagination(
    objectType: string,
    attributes: string[],
    pageSize: number,
    bookmark?: string,
  ): QueryResult<StateQueryResponse<Iterators.StateQueryIterator>> {
    const prefix = this.createCompositeKey(objectType, attributes);
    return this.#page(prefix, prefix + MAX_RUNE, pageSize, bookmark);
  }

  #page(start: string, end: string | undefined, pageSize: number, bookmark: string | undefined): QueryResult<StateQueryResponse<Iterators.StateQueryIterator>> {
    const from = bookmark !== undefined && bookmark !== '' && compareKeys(bookmark, start) > 0 ? bookmark : start;
    const all = this.#world.range(from, end);
    const items = all.slice(0, pageSize);
    const next = all[pageSize]?.key ?? '';
    const response = { iterator: iteratorOf(items), metadata: { fetchedRecordsCount: items.length, bookmark: next } };
    return asyncIterable(Promise.resolve(response), items);
  }

  getQueryResult(): QueryResult<Iterators.StateQueryIterator> {
    return unsupported('rich queries (LevelDB has none)');
  }
  getQueryResultWithPagination(): QueryResult<StateQueryResponse<Iterators.StateQueryIterator>> {
    return unsupported('rich queries (LevelDB has none)');
  }
  getHistoryForKey(key: string): Promise<Iterators.HistoryQueryIterator> & AsyncIterable<Iterators.KeyModification> {
    const items = this.#world.history(key);
    return Object.assign(Promise.resolve(iteratorOf(items)), {
      async *[Symbol.asyncIterator](): AsyncGenerator<Iterators.KeyModification> {
        for (const item of items) {
          yield await Promise.resolve(item);
        }
      },
    });
  }
  invokeChaincode(): Promise<ChaincodeResponse> {
    return unsupported('invokeChaincode');
  }
  setEvent(name: string, payload: Uint8Array): void {
    if (name.length === 0) {
      throw new Error('Event name must be a non-empty string');
    }
    this.writes.event = { name, payload: Uint8Array.from(payload) };
  }

  createCompositeKey(objectType: string, attributes: string[]): string {
    validatePart(objectType);
    attributes.forEach(validatePart);
    return `${COMPOSITE_NS}${objectType}${MIN_RUNE}${attributes.map((attribute) => `${attribute}${MIN_RUNE}`).join('')}`;
  }
  splitCompositeKey(compositeKey: string): SplitCompositekey {
    if (compositeKey.length <= 1 || !compositeKey.startsWith(COMPOSITE_NS)) {
      return { objectType: '', attributes: [] };
    }
    const parts = compositeKey.substring(1).split(MIN_RUNE);
    parts.pop();
    return { objectType: parts[0] ?? '', attributes: parts.slice(1) };
  }

  getPrivateData(collection: string, key: string): Promise<Uint8Array> {
    return Promise.resolve(this.#world.getPrivate(collection, key) ?? new Uint8Array());
  }
  getPrivateDataHash(collection: string, key: string): Promise<Uint8Array> {
    const value = this.#world.getPrivate(collection, key);
    return Promise.resolve(value === undefined ? new Uint8Array() : createHash('sha256').update(value).digest());
  }
  putPrivateData(collection: string, key: string, value: Uint8Array): Promise<void> {
    this.#privateWrites(collection).set(key, value.length === 0 ? undefined : Uint8Array.from(value));
    return Promise.resolve();
  }
  deletePrivateData(collection: string, key: string): Promise<void> {
    this.#privateWrites(collection).set(key, undefined);
    return Promise.resolve();
  }
  purgePrivateData(collection: string, key: string): Promise<void> {
    return this.deletePrivateData(collection, key);
  }
  setPrivateDataValidationParameter(): Promise<void> {
    return unsupported('setPrivateDataValidationParameter');
  }
  getPrivateDataValidationParameter(): Promise<Uint8Array> {
    return unsupported('getPrivateDataValidationParameter');
  }
  getPrivateDataByRange(): QueryResult<Iterators.StateQueryIterator> {
    return unsupported('getPrivateDataByRange');
  }
  getPrivateDataByPartialCompositeKey(): QueryResult<Iterators.StateQueryIterator> {
    return unsupported('getPrivateDataByPartialCompositeKey');
  }
  getPrivateDataQueryResult(): QueryResult<Iterators.StateQueryIterator> {
    return unsupported('getPrivateDataQueryResult');
  }

  #privateWrites(collection: string): Map<string, Uint8Array | undefined> {
    const existing = this.writes.privateData.get(collection);
    if (existing) {
      return existing;
    }
    const created = new Map<string, Uint8Array | undefined>();
    this.writes.privateData.set(collection, created);
    return created;
  }

  #checkKey(key: string): void {
    if (key.length === 0) {
      throw new Error('key must not be empty');
    }
  }
}
