import { createHash } from 'node:crypto';
import { compareKeys, hex } from './keys';
import type { Height } from './VersionedStore';

/** A key read with the committed version it had (`undefined`: the key did not exist). */
export interface KeyRead {
  readonly key: string;
  readonly version: Height | undefined;
}

/** A range query as the validator re-runs it: the keys the peer iterated, and whether it reached the end. */
export interface RangeQueryInfo {
  readonly startKey: string;
  readonly endKey: string;
  readonly exhausted: boolean;
  readonly reads: readonly KeyRead[];
}

/** One collection's part of a simulation: hashed reads, and the private values written (`undefined`: deleted). */
export interface CollectionRwSet {
  readonly reads: ReadonlyMap<string, Height | undefined>;
  readonly writes: ReadonlyMap<string, Uint8Array | undefined>;
  /** Key-level endorsement policies set (the `VALIDATION_PARAMETER` metadata). */
  readonly metadataWrites: ReadonlyMap<string, Uint8Array>;
}

/**
 * What a simulation read and wrote. Writes are the final value per key (a later write replaces an earlier
 * one; an empty value or a delete is `undefined`), as Fabric's read-write set builder keeps them.
 */
export interface ReadWriteSet {
  readonly reads: ReadonlyMap<string, Height | undefined>;
  readonly rangeQueries: readonly RangeQueryInfo[];
  readonly writes: ReadonlyMap<string, Uint8Array | undefined>;
  readonly metadataWrites: ReadonlyMap<string, Uint8Array>;
  readonly collections: ReadonlyMap<string, CollectionRwSet>;
}

/** SHA-256, the hash Fabric keeps of private keys and values. */
export function sha256(bytes: Uint8Array): Uint8Array {
  return createHash('sha256').update(bytes).digest();
}

function version(height: Height | undefined): string {
  return height === undefined ? '-' : `${String(height.block)}.${String(height.tx)}`;
}

function sortedEntries<V>(map: ReadonlyMap<string, V>): [string, V][] {
  return [...map].sort(([a], [b]) => compareKeys(a, b));
}

/**
 * The read-write set as the endorsement payload carries it: keys sorted, private keys and values hashed.
 * Two endorsements agree exactly when these strings are equal.
 */
export function describeReadWriteSet(rwset: ReadWriteSet): unknown {
  const hashKey = (key: string): string => hex(sha256(new TextEncoder().encode(key)));
  return {
    reads: sortedEntries(rwset.reads).map(([key, v]) => [key, version(v)]),
    ranges: rwset.rangeQueries.map((q) => [q.startKey, q.endKey, q.exhausted, q.reads.map((r) => [r.key, version(r.version)])]),
    writes: sortedEntries(rwset.writes).map(([key, value]) => [key, hex(value)]),
    metadata: sortedEntries(rwset.metadataWrites).map(([key, value]) => [key, hex(value)]),
    collections: sortedEntries(rwset.collections).map(([name, c]) => ({
      name,
      reads: sortedEntries(c.reads).map(([key, v]) => [hashKey(key), version(v)]),
      writes: sortedEntries(c.writes).map(([key, value]) => [hashKey(key), value === undefined ? '-' : hex(sha256(value))]),
      metadata: sortedEntries(c.metadataWrites).map(([key, value]) => [hashKey(key), hex(value)]),
    })),
  };
}

/** Whether the simulation wrote anything at all (public or private, values or policies). */
export function hasWrites(rwset: ReadWriteSet): boolean {
  const collectionWrites = [...rwset.collections.values()].some((c) => c.writes.size > 0 || c.metadataWrites.size > 0);
  return rwset.writes.size > 0 || rwset.metadataWrites.size > 0 || collectionWrites;
}
