import { peer } from '@hyperledger/fabric-protos';
import type { MspIdentity } from './ChannelMsp';
import type { Collections } from './Collections';
import { compareKeys } from './keys';
import type { BlockUpdate, CommittedEvent, HistoryRecord, Ledger, TransactionRecord } from './Ledger';
import type { ChaincodeEvent } from './Peer';
import { sha256, type RangeQueryInfo, type ReadWriteSet } from './ReadWriteSet';
import { decodeSignaturePolicy, evaluatePolicy, type SignaturePolicy } from './SignaturePolicy';
import { sameVersion, type Height, type VersionedStore, type VersionedValue } from './VersionedStore';

/** Fabric's validation codes the in-memory network reports. */
export const VALIDATION_CODES = {
  VALID: peer.TxValidationCode.VALID,
  DUPLICATE_TXID: peer.TxValidationCode.DUPLICATE_TXID,
  ENDORSEMENT_POLICY_FAILURE: peer.TxValidationCode.ENDORSEMENT_POLICY_FAILURE,
  MVCC_READ_CONFLICT: peer.TxValidationCode.MVCC_READ_CONFLICT,
  PHANTOM_READ_CONFLICT: peer.TxValidationCode.PHANTOM_READ_CONFLICT,
} as const;

/** A validation code name. */
export type ValidationCodeName = keyof typeof VALIDATION_CODES;

/** An endorsed transaction as the orderer puts it in a block. */
export interface OrderedTransaction {
  readonly txId: string;
  readonly timestamp: Date;
  readonly rwset: ReadWriteSet;
  readonly event: ChaincodeEvent | undefined;
  /** The endorsing peers' identities. */
  readonly endorsers: readonly MspIdentity[];
}

/** A private value change member peers apply with the block. */
export interface PrivateUpdate {
  readonly collection: string;
  readonly key: string;
  /** `undefined` deletes; `'keep'` only moves the version (a policy-only write). */
  readonly value: Uint8Array | undefined | 'keep';
  readonly version: Height;
}

/** A validated block: what it changes and each transaction's code. */
export interface ValidatedBlock {
  readonly update: BlockUpdate;
  readonly privateUpdates: readonly PrivateUpdate[];
  readonly codes: readonly ValidationCodeName[];
}

/** What validation needs of the channel. */
export interface ValidationContext {
  readonly ledger: Ledger;
  readonly collections: Collections;
  readonly chaincodePolicy: SignaturePolicy;
}

/** Thrown when a committed key-level policy cannot be read: a Fabric peer stops processing the channel there. */
export class ValidationHaltedError extends Error {
  override name = 'ValidationHaltedError';
}

/** The block's changes so far, over the committed ledger: what MVCC checks and later transactions see. */
class BlockState {
  readonly state = new Map<string, VersionedValue | undefined>();
  readonly hashes = new Map<string, Map<string, VersionedValue | undefined>>();
  readonly #ledger: Ledger;

  constructor(ledger: Ledger) {
    this.#ledger = ledger;
  }

  current(collection: string, key: string): VersionedValue | undefined {
    const updates = collection === '' ? this.state : this.hashes.get(collection);
    return updates?.has(key) === true ? updates.get(key) : this.#store(collection).get(key);
  }

  set(collection: string, key: string, value: VersionedValue | undefined): void {
    if (collection === '') {
      this.state.set(key, value);
      return;
    }
    const updates = this.hashes.get(collection) ?? new Map<string, VersionedValue | undefined>();
    updates.set(key, value);
    this.hashes.set(collection, updates);
  }

  /** Public keys in `[start, end)` as they stand now, in key order. */
  publicKeys(start: string, end: string): string[] {
    const inRange = (key: string): boolean => compareKeys(key, start) >= 0 && (end === '' || compareKeys(key, end) < 0);
    const keys = new Set([...this.#ledger.state.keysInRange(start, end), ...[...this.state.keys()].filter(inRange)]);
    return [...keys].filter((key) => this.current('', key) !== undefined).sort(compareKeys);
  }

  #store(collection: string): VersionedStore {
    return collection === '' ? this.#ledger.state : this.#ledger.hashes(collection);
  }
}

interface WrittenKey {
  readonly collection: string;
  readonly key: string;
}

function writtenKeys(rwset: ReadWriteSet): WrittenKey[] {
  const publicKeys = [...rwset.writes.keys(), ...rwset.metadataWrites.keys()].map((key) => ({ collection: '', key }));
  const privateKeys = [...rwset.collections].flatMap(([collection, c]) => [...c.writes.keys(), ...c.metadataWrites.keys()].map((key) => ({ collection, key })));
  return [...publicKeys, ...privateKeys];
}

function decodeCommitted(bytes: Uint8Array, key: WrittenKey): SignaturePolicy {
  try {
    return decodeSignaturePolicy(bytes);
  } catch (error) {
    throw new ValidationHaltedError(`could not translate policy for ${key.collection === '' ? '' : `${key.collection}:`}${key.key}: ${String(error)}`);
  }
}

/** The policies one transaction's endorsements have been checked against; shared ones are checked once. */
class PolicyCheck {
  readonly #signers: readonly MspIdentity[];
  readonly #checked = new Set<string>();
  #someChecked = false;

  constructor(signers: readonly MspIdentity[]) {
    this.#signers = signers;
  }

  /** A key-level policy: checked for every key that has one. */
  key(policy: SignaturePolicy): boolean {
    this.#someChecked = true;
    return evaluatePolicy(policy, this.#signers);
  }

  /** The chaincode's or a collection's policy: checked once per transaction. */
  shared(policy: SignaturePolicy, name: string): boolean {
    if (this.#checked.has(name)) {
      return true;
    }
    this.#checked.add(name);
    return this.key(policy);
  }

  /** A transaction must satisfy at least the chaincode policy, even when it writes nothing (FAB-9473). */
  finish(chaincodePolicy: SignaturePolicy): boolean {
    return this.#someChecked || this.key(chaincodePolicy);
  }
}

function keyHolds(written: WrittenKey, check: PolicyCheck, context: ValidationContext): boolean {
  const store = written.collection === '' ? context.ledger.state : context.ledger.hashes(written.collection);
  const keyPolicy = store.get(written.key)?.validationParameter;
  if (keyPolicy !== undefined && keyPolicy.length > 0) {
    return check.key(decodeCommitted(keyPolicy, written));
  }
  const collectionPolicy = written.collection === '' ? undefined : context.collections.get(written.collection)?.endorsementPolicy;
  return collectionPolicy === undefined ? check.shared(context.chaincodePolicy, '') : check.shared(collectionPolicy, written.collection);
}

/**
 * Fabric's validation of the endorsements (the v2.0 state-based validator): every written key — value,
 * delete or policy write, public or private — must satisfy its committed key-level policy; keys without one
 * need the collection's endorsement policy or, failing that, the chaincode's; a transaction that writes
 * nothing still needs the chaincode policy. A key whose policy an earlier transaction of the same block
 * changed (and that passed this check) cannot be written.
 */
function endorsementPolicyHolds(tx: OrderedTransaction, context: ValidationContext, policyChangedInBlock: ReadonlySet<string>): boolean {
  const check = new PolicyCheck(tx.endorsers);
  for (const written of writtenKeys(tx.rwset)) {
    if (policyChangedInBlock.has(`${written.collection}\u0000${written.key}`) || !keyHolds(written, check, context)) {
      return false;
    }
  }
  return check.finish(context.chaincodePolicy);
}

function phantom(query: RangeQueryInfo, block: BlockState): boolean {
  let index = 0;
  for (const key of block.publicKeys(query.startKey, query.endKey)) {
    const read = query.reads[index];
    if (read === undefined) {
      // more results than the simulation iterated: a phantom only if it had iterated to the end
      return query.exhausted;
    }
    if (read.key !== key || !sameVersion(read.version, block.current('', key)?.version)) {
      return true;
    }
    index += 1;
  }
  return index < query.reads.length;
}

/** Fabric's MVCC checks, in its order: public reads, range queries, then hashed private reads. */
function readConflict(rwset: ReadWriteSet, block: BlockState): ValidationCodeName | undefined {
  for (const [key, version] of rwset.reads) {
    if (!sameVersion(block.current('', key)?.version, version)) {
      return 'MVCC_READ_CONFLICT';
    }
  }
  if (rwset.rangeQueries.some((query) => phantom(query, block))) {
    return 'PHANTOM_READ_CONFLICT';
  }
  for (const [collection, c] of rwset.collections) {
    for (const [key, version] of c.reads) {
      if (!sameVersion(block.current(collection, key)?.version, version)) {
        return 'MVCC_READ_CONFLICT';
      }
    }
  }
  return undefined;
}

/**
 * One key's new committed entry. A value write keeps the key's policy unless the transaction sets one; a
 * policy-only write keeps the value and moves the version, and is dropped for a key that does not exist; a
 * delete removes value and policy.
 */
function nextEntry(current: VersionedValue | undefined, write: { has: boolean; value: Uint8Array | undefined }, policy: Uint8Array | undefined, version: Height): VersionedValue | undefined | 'skip' {
  if (write.has && write.value === undefined) {
    return undefined;
  }
  const value = write.has ? write.value : current?.value;
  if (value === undefined) {
    return 'skip';
  }
  return { value, version, validationParameter: policy ?? current?.validationParameter };
}

interface Collected {
  readonly history: { key: string; record: HistoryRecord }[];
  readonly privateUpdates: PrivateUpdate[];
}

function applyPublic(tx: OrderedTransaction, block: BlockState, version: Height, collected: Collected): void {
  const keys = new Set([...tx.rwset.writes.keys(), ...tx.rwset.metadataWrites.keys()]);
  for (const key of keys) {
    const has = tx.rwset.writes.has(key);
    const entry = nextEntry(block.current('', key), { has, value: tx.rwset.writes.get(key) }, tx.rwset.metadataWrites.get(key), version);
    if (entry === 'skip') {
      continue;
    }
    block.set('', key, entry);
    if (has) {
      collected.history.push({ key, record: { txId: tx.txId, timestamp: tx.timestamp, value: entry?.value } });
    }
  }
}

function applyPrivate(tx: OrderedTransaction, block: BlockState, version: Height, collected: Collected): void {
  for (const [collection, c] of tx.rwset.collections) {
    for (const key of new Set([...c.writes.keys(), ...c.metadataWrites.keys()])) {
      const has = c.writes.has(key);
      const value = c.writes.get(key);
      const entry = nextEntry(block.current(collection, key), { has, value: value === undefined ? undefined : sha256(value) }, c.metadataWrites.get(key), version);
      if (entry === 'skip') {
        continue;
      }
      block.set(collection, key, entry);
      collected.privateUpdates.push({ collection, key, value: has ? value : 'keep', version });
    }
  }
}

/** Records the keys whose policy a transaction that passed the policy check sets, for the rest of the block. */
function notePolicyChanges(rwset: ReadWriteSet, changed: Set<string>): void {
  for (const key of rwset.metadataWrites.keys()) {
    changed.add(`\u0000${key}`);
  }
  for (const [collection, c] of rwset.collections) {
    for (const key of c.metadataWrites.keys()) {
      changed.add(`${collection}\u0000${key}`);
    }
  }
}

/**
 * Validates and applies a block's transactions in order, as a committing peer does: duplicate transaction
 * ids, then the endorsement policies, then MVCC and phantom checks against the committed ledger and the
 * block's earlier valid transactions. Invalid transactions change nothing.
 * @param context - the channel
 * @param transactions - the block's transactions, in order
 * @throws {@link ValidationHaltedError} when a committed key-level policy cannot be decoded
 */
export function validateBlock(context: ValidationContext, transactions: readonly OrderedTransaction[]): ValidatedBlock {
  const number = context.ledger.height;
  const block = new BlockState(context.ledger);
  const policyChanged = new Set<string>();
  const seen = new Set<string>();
  const collected: Collected = { history: [], privateUpdates: [] };
  const events: CommittedEvent[] = [];
  const codes = transactions.map((tx, index): ValidationCodeName => {
    const duplicate = seen.has(tx.txId) || context.ledger.transaction(tx.txId) !== undefined;
    seen.add(tx.txId);
    if (duplicate) {
      return 'DUPLICATE_TXID';
    }
    if (!endorsementPolicyHolds(tx, context, policyChanged)) {
      return 'ENDORSEMENT_POLICY_FAILURE';
    }
    notePolicyChanges(tx.rwset, policyChanged);
    const conflict = readConflict(tx.rwset, block);
    if (conflict !== undefined) {
      return conflict;
    }
    const version = { block: number, tx: index };
    applyPublic(tx, block, version, collected);
    applyPrivate(tx, block, version, collected);
    if (tx.event !== undefined) {
      events.push({ txId: tx.txId, blockNumber: number, ...tx.event });
    }
    return 'VALID';
  });
  const records: TransactionRecord[] = transactions.map((tx, index) => ({ txId: tx.txId, blockNumber: number, txNumber: index, code: VALIDATION_CODES[codes[index] ?? 'VALID'], codeName: codes[index] ?? 'VALID' }));
  return {
    update: { number, state: block.state, hashes: block.hashes, history: collected.history, events, transactions: records.filter((record) => record.codeName !== 'DUPLICATE_TXID') },
    privateUpdates: collected.privateUpdates,
    codes,
  };
}
