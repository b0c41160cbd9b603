import { computeRecordHash, ZERO_HASH } from '../../../chaincode/src/api/hashing';

/** A stored record version: its fields plus the two hash fields. */
export interface HashedRecord {
  readonly recordHash: string;
  readonly previousHash: string;
  readonly [field: string]: unknown;
}

/** Recomputes a record version's hash from its fields (without the hash fields) and the previous hash. */
export type RecordHasher = (fields: Readonly<Record<string, unknown>>, previousHash: string) => string;

/** The record hash the chaincode stores: keccak256(canonical JSON of the fields ‖ previous hash). */
export const recordHash: RecordHasher = computeRecordHash;

/** 32 zero bytes: the `previousHash` of a record's first version. */
export const zeroHash: string = ZERO_HASH;

/**
 * Checks one record's versions, oldest first: each hash recomputes from its content, each `previousHash`
 * links to the version before (the first to `genesisHash`).
 * @param label - names the record in problem lines, e.g. `MaterialLot LOT-1`
 * @returns the problems found; empty when the chain verifies
 */
export function verifyRecordChain(
  label: string,
  versions: readonly HashedRecord[],
  hasher: RecordHasher = recordHash,
  genesisHash: string = zeroHash,
): string[] {
  const problems: string[] = [];
  let expectedPrevious = genesisHash.toLowerCase();
  versions.forEach((version, index) => {
    const where = `${label} version ${index}`;
    const { recordHash: stored, previousHash, ...fields } = version;
    if (previousHash.toLowerCase() !== expectedPrevious) {
      problems.push(`${where}: previousHash does not link to the version before`);
    }
    if (hasher(fields, previousHash).toLowerCase() !== stored.toLowerCase()) {
      problems.push(`${where}: recordHash does not match the record's content`);
    }
    expectedPrevious = stored.toLowerCase();
  });
  return problems;
}
