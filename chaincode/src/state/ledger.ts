import type { ChaincodeStub, Iterators } from 'fabric-shim-api';
import {
  computeRecordHash,
  ContractError,
  EVENT_NAME,
  ZERO_HASH,
  type ChangeAction,
  type Draft,
  type EventEnvelope,
  type HistoryEntry,
  type MetaField,
  type RecordChange,
  type RecordHistory,
  type RecordMeta,
} from '../api';
import { decodeValue, encodeValue, type Schema } from './codec';
import { ownerPolicy } from './endorsement';
import { recordKey, type CompositeKeySpec } from './keys';
import type { RecordType } from './recordTypes';

export type { Draft } from '../api';

/** An index or link entry found under a key prefix. */
export interface Entry<V> {
  /** The key's attributes after the object type. */
  readonly attributes: readonly string[];
  readonly value: V;
}

/** A page of index entries. */
export interface EntryPage<V> {
  readonly entries: Entry<V>[];
  /** Empty when there is no further page. */
  readonly bookmark: string;
}

interface Written {
  /** The version committed before this transaction (undefined for a record created in it). */
  readonly base: RecordMeta | undefined;
  readonly record: RecordMeta;
}

const META_FIELDS: readonly MetaField[] = ['id', 'ownerMsp', 'createdAt', 'updatedAt', 'txId', 'version', 'recordHash', 'previousHash'];

/** Ledger time as ISO 8601 UTC. Accepts a Long or a plain number of seconds (history entries carry either). */
export function timestampToIso(timestamp: { seconds: unknown; nanos: number }): string {
  const seconds = typeof timestamp.seconds === 'number' ? timestamp.seconds : Number(String(timestamp.seconds));
  return new Date(seconds * 1000 + Math.floor(timestamp.nanos / 1_000_000)).toISOString();
}

/**
 * The records and entries of one transaction over the Fabric stub: typed reads, creates that refuse existing
 * ids, updates with version + 1, the keccak256 hash chain, a key-level endorsement policy naming its owners on
 * every key written (records, index and link entries, private data; see `endorsement.ts`), and the list of
 * changed records for the transaction's one event.
 *
 * Fabric does not let a transaction read its own writes; the ledger remembers the records it wrote so that
 * reads, and the hash chain of a record written twice in one transaction, see them.
 */
export class Ledger {
  readonly #stub: ChaincodeStub;
  readonly #txId: string;
  readonly #now: string;
  readonly #written = new Map<string, Written>();
  readonly #changes: RecordChange[] = [];

  /**
   * @param stub - the transaction's stub
   */
  constructor(stub: ChaincodeStub) {
    this.#stub = stub;
    this.#txId = stub.getTxID();
    this.#now = stub.getDateTimestamp().toISOString();
  }

  /** The transaction id. */
  get txId(): string {
    return this.#txId;
  }

  /** The transaction timestamp, ISO 8601 UTC. */
  get now(): string {
    return this.#now;
  }

  /** The underlying stub (transient data, private data hashes). */
  get stub(): ChaincodeStub {
    return this.#stub;
  }

  /** Turns a key spec into the ledger key. */
  key(spec: CompositeKeySpec): string {
    return this.#stub.createCompositeKey(spec.objectType, [...spec.attributes]);
  }

  /**
   * Reads a record, or `undefined` when there is none.
   * @throws {@link ContractError} `INTERNAL` when the stored bytes do not match the schema
   */
  async get<T extends RecordMeta>(type: RecordType<T>, id: string): Promise<T | undefined> {
    const key = this.key(recordKey(type.name, id));
    const written = this.#written.get(key);
    if (written) {
      return type.schema.parse(written.record);
    }
    return this.#readCommitted(type, key);
  }

  /**
   * Reads a record that must exist.
   * @throws {@link ContractError} with the type's not-found code when it does not
   */
  async require<T extends RecordMeta>(type: RecordType<T>, id: string): Promise<T> {
    const record = await this.get(type, id);
    if (record === undefined) {
      throw new ContractError(type.notFound, `${type.name} ${id} does not exist`);
    }
    return record;
  }

  /**
   * Stores a new record (version 1) and sets its key's endorsement policy.
   * @throws {@link ContractError} `CONFLICT` when a record with the id exists
   */
  async create<T extends RecordMeta>(type: RecordType<T>, draft: Draft<T>): Promise<T> {
    const key = this.key(recordKey(type.name, draft.id));
    if ((await this.get(type, draft.id)) !== undefined) {
      throw new ContractError('CONFLICT', `${type.name} ${draft.id} already exists`);
    }
    return this.#write(type, key, draft, undefined, 'CREATED');
  }

  /**
   * Stores a new version of an existing record (version + 1, chained to the committed version's hash). The
   * draft's maintained fields (version, hashes, times) are ignored.
   * @throws {@link ContractError} with the type's not-found code when the record does not exist
   */
  async update<T extends RecordMeta>(type: RecordType<T>, draft: Draft<T>): Promise<T> {
    const key = this.key(recordKey(type.name, draft.id));
    const written = this.#written.get(key);
    if (written) {
      return this.#write(type, key, draft, written.base, written.base ? 'UPDATED' : 'CREATED');
    }
    const base = await this.require(type, draft.id);
    return this.#write(type, key, draft, base, 'UPDATED');
  }

  async #readCommitted<T extends RecordMeta>(type: RecordType<T>, key: string): Promise<T | undefined> {
    const bytes = await this.#stub.getState(key);
    return bytes.length === 0 ? undefined : decodeValue(bytes, type.schema, `stored ${type.name}`);
  }

  async #write<T extends RecordMeta>(type: RecordType<T>, key: string, draft: Draft<T>, base: RecordMeta | undefined, action: ChangeAction): Promise<T> {
    const fields: Record<string, unknown> = { ...stripMeta(draft), id: draft.id, ownerMsp: draft.ownerMsp };
    fields.createdAt = base?.createdAt ?? this.#now;
    fields.updatedAt = this.#now;
    fields.txId = this.#txId;
    fields.version = (base?.version ?? 0) + 1;
    const previousHash = base?.recordHash ?? ZERO_HASH;
    const stored = { ...fields, previousHash, recordHash: computeRecordHash(fields, previousHash) };
    const parsed = type.schema.safeParse(JSON.parse(JSON.stringify(stored)));
    if (!parsed.success) {
      throw new ContractError('INTERNAL', `${type.name} ${draft.id} does not match its schema: ${parsed.error.issues[0]?.message ?? ''}`);
    }
    const record = parsed.data;
    await this.#stub.putState(key, encodeValue(record));
    await this.#setEndorsers(type, key, record, base);
    this.#written.set(key, { base, record });
    this.#recordChange({ type: type.name, id: draft.id, action });
    return record;
  }

  async #setEndorsers<T extends RecordMeta>(type: RecordType<T>, key: string, record: T, base: RecordMeta | undefined): Promise<void> {
    const endorsersOf = (value: T): string[] => [...new Set(type.endorsers ? type.endorsers(value) : [value.ownerMsp])].sort();
    const wanted = endorsersOf(record);
    const parsedBase = base === undefined ? undefined : type.schema.safeParse(base);
    if (parsedBase?.success && endorsersOf(parsedBase.data).join(',') === wanted.join(',')) {
      return;
    }
    await this.#stub.setStateValidationParameter(key, ownerPolicy(wanted));
  }

  #recordChange(change: RecordChange): void {
    const existing = this.#changes.findIndex((c) => c.type === change.type && c.id === change.id);
    if (existing === -1) {
      this.#changes.push(change);
    }
  }

  /**
   * Writes an index or link entry owned by `owners` (the organisations whose record it belongs to): its value is
   * the canonical JSON of `value` (never empty, which Fabric treats as delete), its key-level policy names them.
   */
  async putEntry(spec: CompositeKeySpec, owners: readonly string[], value: unknown = {}): Promise<void> {
    const key = this.key(spec);
    await this.#stub.putState(key, encodeValue(value));
    await this.#stub.setStateValidationParameter(key, ownerPolicy(owners));
  }

  /** Deletes an index or link entry. */
  async deleteEntry(spec: CompositeKeySpec): Promise<void> {
    await this.#stub.deleteState(this.key(spec));
  }

  /**
   * Reads every committed entry under a prefix (for sets bounded by design, such as one lot's links).
   * Entries written by this transaction are not seen (Fabric range queries read committed state).
   */
  async entries<V>(prefix: CompositeKeySpec, schema: Schema<V>): Promise<Entry<V>[]> {
    const iterator = await this.#stub.getStateByPartialCompositeKey(prefix.objectType, [...prefix.attributes]);
    return this.#collect(iterator, schema, prefix);
  }

  /**
   * Reads one page of committed entries under a prefix (read-only transactions only: Fabric refuses
   * paginated queries in transactions that write).
   */
  async entriesPage<V>(prefix: CompositeKeySpec, schema: Schema<V>, pageSize: number, bookmark: string): Promise<EntryPage<V>> {
    // Fabric starts a paginated query at the bookmark key, whatever it is: a bookmark outside the prefix would
    // read another index's entries, so only keys under the prefix are accepted as bookmarks.
    if (bookmark !== '' && !bookmark.startsWith(this.key(prefix))) {
      throw new ContractError('INVALID_ARGUMENT', 'bookmark is not one this query returned');
    }
    const { iterator, metadata } = await this.#stub.getStateByPartialCompositeKeyWithPagination(prefix.objectType, [...prefix.attributes], pageSize, bookmark);
    const entries = await this.#collect(iterator, schema, prefix);
    const more = entries.length === pageSize && metadata.bookmark !== '';
    return { entries, bookmark: more ? metadata.bookmark : '' };
  }

  async #collect<V>(iterator: Iterators.StateQueryIterator, schema: Schema<V>, prefix: CompositeKeySpec): Promise<Entry<V>[]> {
    const found: Entry<V>[] = [];
    try {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        const { attributes } = this.#stub.splitCompositeKey(next.value.key);
        found.push({ attributes: attributes.slice(prefix.attributes.length), value: decodeValue(next.value.value, schema, `entry of ${prefix.objectType}`) });
      }
    } finally {
      await iterator.close();
    }
    return found;
  }

  /**
   * Writes a value (canonical JSON) owned by `owners` to a private data collection, with a key-level policy
   * naming them. Keep its `hashCanonical` on the public record.
   */
  async putPrivate(collection: string, spec: CompositeKeySpec, value: unknown, owners: readonly string[]): Promise<void> {
    const key = this.key(spec);
    await this.#stub.putPrivateData(collection, key, encodeValue(value));
    await this.#stub.setPrivateDataValidationParameter(collection, key, ownerPolicy(owners));
  }

  /**
   * Reads a private value, or `undefined` when this peer holds none.
   * @throws {@link ContractError} `INTERNAL` when the stored bytes do not match the schema
   */
  async getPrivate<V>(collection: string, spec: CompositeKeySpec, schema: Schema<V>): Promise<V | undefined> {
    const bytes = await this.#stub.getPrivateData(collection, this.key(spec));
    return bytes.length === 0 ? undefined : decodeValue(bytes, schema, `private ${spec.objectType}`);
  }

  /**
   * Reads a record's committed history, oldest version first.
   */
  async history<T extends RecordMeta>(type: RecordType<T>, id: string): Promise<RecordHistory<T>> {
    const iterator = await this.#stub.getHistoryForKey(this.key(recordKey(type.name, id)));
    const entries: HistoryEntry<T>[] = [];
    try {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        entries.push(this.#historyEntry(type, next.value));
      }
    } finally {
      await iterator.close();
    }
    return { type: type.name, id, entries: sortHistory(entries) };
  }

  #historyEntry<T extends RecordMeta>(type: RecordType<T>, modification: Iterators.KeyModification): HistoryEntry<T> {
    const entry = { txId: modification.txId, timestamp: timestampToIso(modification.timestamp), isDelete: modification.isDelete };
    if (modification.isDelete || modification.value.length === 0) {
      return entry;
    }
    return { ...entry, record: decodeValue(modification.value, type.schema, `stored ${type.name}`) };
  }

  /** The records this transaction changed, in order. */
  get changes(): readonly RecordChange[] {
    return this.#changes;
  }

  /**
   * Emits the transaction's one chaincode event listing every changed record.
   * @param transaction - the qualified transaction name, e.g. `lot:MintLot`
   * @returns the emitted envelope
   */
  emitEvent(transaction: string): EventEnvelope {
    const envelope: EventEnvelope = { txId: this.#txId, transaction, timestamp: this.#now, changes: [...this.#changes] };
    this.#stub.setEvent(EVENT_NAME, encodeValue(envelope));
    return envelope;
  }
}

function stripMeta(draft: object): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...draft };
  for (const field of META_FIELDS) {
    Reflect.deleteProperty(copy, field);
  }
  return copy;
}

function sortHistory<T extends RecordMeta>(entries: HistoryEntry<T>[]): HistoryEntry<T>[] {
  const allVersioned = entries.every((entry) => entry.record !== undefined);
  return allVersioned ? [...entries].sort((a, b) => (a.record?.version ?? 0) - (b.record?.version ?? 0)) : [...entries].reverse();
}
