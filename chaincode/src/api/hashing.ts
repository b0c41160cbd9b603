import { concat, getBytes, keccak256, toUtf8Bytes } from 'ethers';

/** 32 zero bytes: the `previousHash` of every record's first version. */
export const ZERO_HASH = `0x${'0'.repeat(64)}`;

/** A JSON value as the codec accepts it. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue | undefined };

/**
 * Canonical JSON: object keys sorted by code unit, no whitespace, `undefined` properties left out (as
 * `JSON.stringify` does), so every endorser and every verifier produces identical text.
 * @throws {TypeError} for non-finite numbers, `undefined` array items or non-JSON values
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [true, null] }); // '{"a":[true,null],"b":1}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new TypeError('canonical JSON cannot encode a non-finite number');
    }
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((item: unknown) => arrayItem(item)).join(',')}]`;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return canonicalObject(value as Record<string, unknown>);
  }
  throw new TypeError(`canonical JSON cannot encode a ${typeof value}`);
}

function arrayItem(item: unknown): string {
  if (item === undefined) {
    throw new TypeError('canonical JSON cannot encode undefined in an array');
  }
  return canonicalJson(item);
}

function canonicalObject(object: Record<string, unknown>): string {
  const keys = Object.keys(object)
    .filter((key) => object[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`).join(',')}}`;
}

/**
 * Computes a record version's hash: keccak256(UTF-8 canonical JSON of the fields ‖ the 32 bytes of `previousHash`).
 * The SDK passes this function to `verifyProof`.
 * @param fields - the record without `recordHash` and `previousHash`
 * @param previousHash - the previous version's `recordHash`, or {@link ZERO_HASH}
 * @returns the lowercase 0x-prefixed hash
 */
export function computeRecordHash(fields: Readonly<Record<string, unknown>>, previousHash: string): string {
  return keccak256(concat([toUtf8Bytes(canonicalJson(fields)), getBytes(previousHash)]));
}

/**
 * Hashes any JSON value by its canonical encoding (used for private data kept off the public record).
 * @returns the lowercase 0x-prefixed keccak256 hash
 */
export function hashCanonical(value: unknown): string {
  return keccak256(toUtf8Bytes(canonicalJson(value)));
}

/**
 * Tells whether a stored record version's hash matches its content and previous hash.
 * @param record - a stored record with `recordHash` and `previousHash`
 */
export function verifyRecordHash(record: Readonly<Record<string, unknown>> & { recordHash: string; previousHash: string }): boolean {
  const { recordHash, previousHash, ...fields } = record;
  return computeRecordHash(fields, previousHash) === recordHash.toLowerCase();
}
