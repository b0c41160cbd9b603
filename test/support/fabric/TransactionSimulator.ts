import type { MspIdentity } from './ChannelMsp';
import { isMember, type Collection, type Collections } from './Collections';
import type { HistoryRecord, Ledger, PrivateStore } from './Ledger';
import type { CollectionRwSet, KeyRead, RangeQueryInfo, ReadWriteSet } from './ReadWriteSet';
import { sameVersion, type Height } from './VersionedStore';

/** The only state metadata key Fabric defines: the key-level endorsement policy. */
export const VALIDATION_PARAMETER = 'VALIDATION_PARAMETER';

/** One result of a range query. */
export interface RangeEntry {
  readonly key: string;
  readonly value: Uint8Array;
}

/** A range query's results as the peer reads them, one at a time; reading is what the read set records. */
export interface RangeCursor {
  next(): RangeEntry | undefined;
  /** The key after the last one read, for a page's bookmark (empty when there is none). */
  peekKey(): string;
}

/** What a simulation produced, for the endorsement and for the gateway's planning. */
export interface SimulationResults {
  readonly rwset: ReadWriteSet;
  /**
   * The committed key-level policy of every written key when it was written (`collection ''` = public),
   * what the peer reports in the proposal response so the gateway can plan further endorsers.
   */
  readonly writtenKeyPolicies: readonly { readonly collection: string; readonly key: string; readonly policy: Uint8Array | undefined }[];
  /** Collections whose private values were read. */
  readonly privateReads: ReadonlySet<string>;
}

/** Who and what one simulation runs for. */
export interface SimulationContext {
  readonly txId: string;
  readonly chaincodeName: string;
  readonly ledger: Ledger;
  readonly privateStore: PrivateStore;
  readonly collections: Collections;
  readonly creator: MspIdentity;
}

class CollectionBuilder {
  readonly reads = new Map<string, Height | undefined>();
  readonly writes = new Map<string, Uint8Array | undefined>();
  readonly metadataWrites = new Map<string, Uint8Array>();
}

/**
 * The peer's side of one transaction simulation, after Fabric's transaction simulator and chaincode handler:
 * reads see committed state only and record the version they saw, writes are collected, range queries record
 * what they iterated for phantom checks, private data obeys the collection's membership and access rules, and
 * the combinations Fabric refuses (paginated or private range queries in a writing transaction) fail the same way.
 */
export class TransactionSimulator {
  readonly #context: SimulationContext;
  readonly #reads = new Map<string, Height | undefined>();
  readonly #ranges: { startKey: string; endKey: string; exhausted: boolean; reads: KeyRead[] }[] = [];
  readonly #writes = new Map<string, Uint8Array | undefined>();
  readonly #metadataWrites = new Map<string, Uint8Array>();
  readonly #collections = new Map<string, CollectionBuilder>();
  readonly #writtenKeyPolicies = new Map<string, { collection: string; key: string; policy: Uint8Array | undefined }>();
  readonly #privateReads = new Set<string>();
  #writePerformed = false;
  #paginatedQueryPerformed = false;
  #privateQueryPerformed = false;

  constructor(context: SimulationContext) {
    this.#context = context;
  }

  getState(key: string): Uint8Array | undefined {
    const committed = this.#context.ledger.state.get(key);
    this.#reads.set(key, committed?.version);
    return committed?.value;
  }

  /** Reads the key's committed policy; like a value read, it records the key's version. */
  getStateMetadata(key: string): Uint8Array | undefined {
    const committed = this.#context.ledger.state.get(key);
    this.#reads.set(key, committed?.version);
    return committed?.validationParameter;
  }

  putState(key: string, value: Uint8Array): void {
    this.#checkWrite();
    this.#writes.set(key, value.length === 0 ? undefined : Uint8Array.from(value));
    this.#noteWrittenKey('', key);
  }

  deleteState(key: string): void {
    this.putState(key, new Uint8Array());
  }

  putStateMetadata(key: string, metakey: string, value: Uint8Array): void {
    this.#checkWrite();
    this.#metadataWrites.set(key, this.#validationParameter(metakey, value));
    this.#noteWrittenKey('', key);
  }

  getPrivateData(collection: string, key: string): Uint8Array | undefined {
    const config = this.#collection(collection);
    this.#requireAccess(config, 'read');
    const hash = this.#context.ledger.hashes(collection).get(key);
    const held = this.#context.privateStore.get(collection, key);
    if (!sameVersion(hash?.version, held?.version)) {
      throw new Error(`private data matching public hash version is not available. Public hash version = ${describe(hash?.version)}, Private data version = ${describe(held?.version)}`);
    }
    this.#collectionBuilder(collection).reads.set(key, hash?.version);
    this.#privateReads.add(collection);
    return held?.value;
  }

  getPrivateDataHash(collection: string, key: string): Uint8Array | undefined {
    this.#collection(collection);
    const hash = this.#context.ledger.hashes(collection).get(key);
    this.#collectionBuilder(collection).reads.set(key, hash?.version);
    return hash?.value;
  }

  getPrivateDataMetadata(collection: string, key: string): Uint8Array | undefined {
    this.#requireAccess(this.#collection(collection), 'read');
    const hash = this.#context.ledger.hashes(collection).get(key);
    this.#collectionBuilder(collection).reads.set(key, hash?.version);
    return hash?.validationParameter;
  }

  putPrivateData(collection: string, key: string, value: Uint8Array): void {
    this.#requireAccess(this.#collection(collection), 'write');
    this.#checkWrite();
    this.#collectionBuilder(collection).writes.set(key, value.length === 0 ? undefined : Uint8Array.from(value));
    this.#noteWrittenKey(collection, key);
  }

  deletePrivateData(collection: string, key: string): void {
    this.putPrivateData(collection, key, new Uint8Array());
  }

  putPrivateDataMetadata(collection: string, key: string, metakey: string, value: Uint8Array): void {
    this.#requireAccess(this.#collection(collection), 'write');
    this.#checkWrite();
    this.#collectionBuilder(collection).metadataWrites.set(key, this.#validationParameter(metakey, value));
    this.#noteWrittenKey(collection, key);
  }

  /**
   * Opens a range query over committed public state; with a page, it is a paginated query, which Fabric
   * allows only before any write.
   */
  openRange(startKey: string, endKey: string, paginated: boolean): RangeCursor {
    if (paginated) {
      if (this.#writePerformed) {
        throw new Error(`txid [${this.#context.txId}]: unsuppored transaction. Paginated queries are supported only in a read-only transaction`);
      }
      this.#paginatedQueryPerformed = true;
    }
    const store = this.#context.ledger.state;
    const keys = store.keysInRange(startKey, endKey);
    const info = { startKey, endKey, exhausted: false, reads: [] as KeyRead[] };
    this.#ranges.push(info);
    let next = 0;
    return {
      next: () => {
        const key = keys[next];
        const committed = key === undefined ? undefined : store.get(key);
        if (key === undefined || committed === undefined) {
          info.exhausted = true;
          return undefined;
        }
        next += 1;
        info.reads.push({ key, version: committed.version });
        return { key, value: committed.value };
      },
      peekKey: () => keys[next] ?? '',
    };
  }

  /** Opens a range query over this peer's private data (read-only transactions only, no phantom protection). */
  openPrivateRange(collection: string, startKey: string, endKey: string): RangeCursor {
    this.#requireAccess(this.#collection(collection), 'read');
    if (this.#writePerformed) {
      throw new Error(`txid [${this.#context.txId}]: unsuppored transaction. Queries on pvt data is supported only in a read-only transaction`);
    }
    this.#privateQueryPerformed = true;
    const entries = this.#context.privateStore.range(collection, startKey, endKey);
    let next = 0;
    return {
      next: () => {
        const entry = entries[next];
        next += 1;
        return entry === undefined ? undefined : { key: entry[0], value: entry[1].value };
      },
      peekKey: () => entries[next]?.[0] ?? '',
    };
  }

  /** A key's committed history, newest first (history queries record no reads). */
  history(key: string): readonly HistoryRecord[] {
    return [...this.#context.ledger.history(key)].reverse();
  }

  results(): SimulationResults {
    const collections = new Map<string, CollectionRwSet>([...this.#collections].map(([name, builder]) => [name, { reads: builder.reads, writes: builder.writes, metadataWrites: builder.metadataWrites }]));
    const rangeQueries: RangeQueryInfo[] = this.#ranges.map((range) => ({ ...range, reads: [...range.reads] }));
    return {
      rwset: { reads: this.#reads, rangeQueries, writes: this.#writes, metadataWrites: this.#metadataWrites, collections },
      writtenKeyPolicies: [...this.#writtenKeyPolicies.values()],
      privateReads: this.#privateReads,
    };
  }

  #validationParameter(metakey: string, value: Uint8Array): Uint8Array {
    if (metakey !== VALIDATION_PARAMETER) {
      throw new Error(`metadata key ${metakey} is not supported by the in-memory network`);
    }
    return Uint8Array.from(value);
  }

  #checkWrite(): void {
    if (this.#privateQueryPerformed) {
      throw new Error(`txid [${this.#context.txId}]: unsuppored transaction. Transaction has already performed queries on pvt data. Writes are not allowed`);
    }
    if (this.#paginatedQueryPerformed) {
      throw new Error(`txid [${this.#context.txId}]: unsuppored transaction. Transaction has already performed a paginated query. Writes are not allowed`);
    }
    this.#writePerformed = true;
  }

  /** The simulator reports each written key's committed policy, which the gateway plans endorsement with. */
  #noteWrittenKey(collection: string, key: string): void {
    const committed = collection === '' ? this.#context.ledger.state.get(key) : this.#context.ledger.hashes(collection).get(key);
    const policy = committed?.validationParameter;
    this.#writtenKeyPolicies.set(`${collection}\u0000${key}`, { collection, key, policy: policy !== undefined && policy.length > 0 ? policy : undefined });
  }

  #collection(name: string): Collection {
    const collection = this.#context.collections.get(name);
    if (collection === undefined) {
      throw new Error(`collection [${name}] not defined in the collection config for chaincode [${this.#context.chaincodeName}]`);
    }
    return collection;
  }

  #collectionBuilder(name: string): CollectionBuilder {
    let builder = this.#collections.get(name);
    if (builder === undefined) {
      builder = new CollectionBuilder();
      this.#collections.set(name, builder);
    }
    return builder;
  }

  /** The creator's access to a collection, as the chaincode handler checks it before the simulator runs. */
  #requireAccess(collection: Collection, access: 'read' | 'write'): void {
    const memberOnly = access === 'read' ? collection.memberOnlyRead : collection.memberOnlyWrite;
    if (memberOnly && !isMember(collection, this.#context.creator)) {
      throw new Error(`tx creator does not have ${access} access permission on privatedata in chaincodeName:${this.#context.chaincodeName} collectionName: ${collection.name}`);
    }
  }
}

function describe(version: Height | undefined): string {
  return version === undefined ? '<nil>' : `{BlockNum: ${String(version.block)}, TxNum: ${String(version.tx)}}`;
}
