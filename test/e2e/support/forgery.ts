/**
 * The attacker's side of the tampered-chaincode test: submit a forged transaction through a gateway with chosen
 * endorsing organisations and record where it ended, read keys raw through the tampered peer, and forge record
 * values that the honest chaincode would read as valid (schema, hash chain).
 */
import { EndorseError, StatusCode, type Contract } from '@hyperledger/fabric-gateway';
import type { z } from 'zod';
import { canonicalJson, computeRecordHash, ZERO_HASH, type RecordMeta } from '../../../chaincode/src/api';
import type { CompositeKeySpec } from '../../../chaincode/src/state/keys';
import { FORGE, rawEntrySchema, type ForgeWriteRequest, type RawEntry } from '../../support/tampered/forgeApi';

/** Where a submitted transaction ended: refused by an endorsing peer, or ordered and given a validation code. */
export type Outcome =
  | { readonly stage: 'endorsement'; readonly refusedBy: readonly string[]; readonly message: string }
  | { readonly stage: 'validation'; readonly code: number; readonly codeName: string; readonly blockNumber: bigint; readonly transactionId: string };

/** One submission of an attack. */
export interface Attempt {
  readonly attack: string;
  readonly endorsers: readonly string[];
  readonly outcome: Outcome;
}

const codeNames = new Map<number, string>(Object.entries(StatusCode).map(([name, code]) => [code, name]));
const utf8 = new TextDecoder();

/**
 * Submits `transaction` with one JSON argument, endorsed by exactly `endorsers`, and waits for its commit status.
 * @returns the endorsement refusal (with the MSP ids of the refusing peers) or the validation code
 * @throws anything but an endorsement refusal (network errors, deadlines)
 */
export async function submitAttempt(contract: Contract, transaction: string, request: unknown, endorsers: readonly string[]): Promise<Outcome> {
  let submitted;
  try {
    submitted = await contract.submitAsync(transaction, { arguments: [JSON.stringify(request)], endorsingOrganizations: [...endorsers] });
  } catch (error) {
    if (error instanceof EndorseError) {
      const message = error.details.map((d) => `${d.mspId}: ${d.message.replace(/^chaincode response \d+, /, '').slice(0, 140)}`).join('; ');
      return { stage: 'endorsement', refusedBy: [...new Set(error.details.map((d) => d.mspId))].sort(), message: message || error.message };
    }
    throw error;
  }
  const status = await submitted.getStatus();
  return { stage: 'validation', code: status.code, codeName: codeNames.get(status.code) ?? `code ${status.code}`, blockNumber: status.blockNumber, transactionId: status.transactionId };
}

/** One line for people: how an attempt ended. */
export function describeOutcome(outcome: Outcome): string {
  if (outcome.stage === 'endorsement') {
    return `refused at endorsement (${outcome.message})`;
  }
  return outcome.code === StatusCode.VALID ? `COMMITTED in block ${outcome.blockNumber}` : `invalidated in block ${outcome.blockNumber}: ${outcome.codeName} (${outcome.code})`;
}

/** The forge write request that puts `puts` and deletes `deletes`, claiming every put key for `keyEndorsers`. */
export function forgeWrite(puts: readonly { key: CompositeKeySpec; value: string }[], deletes: readonly CompositeKeySpec[], keyEndorsers: readonly string[]): ForgeWriteRequest {
  const spec = (key: CompositeKeySpec): { objectType: string; attributes: string[] } => ({ objectType: key.objectType, attributes: [...key.attributes] });
  return { puts: puts.map((put) => ({ key: spec(put.key), value: put.value })), deletes: deletes.map(spec), keyEndorsers: [...keyEndorsers] };
}

/** Reads keys raw through `forge:ReadKey`, evaluated on the peers of `mspId` (the tampered peer). */
export async function readRaw(contract: Contract, mspId: string, keys: readonly CompositeKeySpec[]): Promise<RawEntry[]> {
  const entries: RawEntry[] = [];
  for (const key of keys) {
    const bytes = await contract.evaluate(`${FORGE.contract}:${FORGE.ReadKey}`, {
      arguments: [JSON.stringify({ key: { objectType: key.objectType, attributes: [...key.attributes] } })],
      endorsingOrganizations: [mspId],
    });
    entries.push(rawEntrySchema.parse(JSON.parse(utf8.decode(bytes))));
  }
  return entries;
}

type Fields<T extends RecordMeta> = Omit<T, 'recordHash' | 'previousHash'>;

function sealed<T extends RecordMeta>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, fields: Fields<T>, previousHash: string): string {
  return canonicalJson(schema.parse({ ...fields, previousHash, recordHash: computeRecordHash(fields, previousHash) }));
}

function withoutHashes<T extends RecordMeta>(record: T): Fields<T> {
  const fields: Partial<T> = { ...record };
  Reflect.deleteProperty(fields, 'recordHash');
  Reflect.deleteProperty(fields, 'previousHash');
  return fields as Fields<T>;
}

/**
 * A forged first version of a record, as the honest chaincode would have stored it (canonical JSON, a valid
 * hash chain start), made from a real record of the same type and `changes`.
 */
export function forgedRecord<T extends RecordMeta>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, template: T, changes: Partial<T>, txId: string): string {
  const now = new Date().toISOString();
  return sealed(schema, { ...withoutHashes(template), ...changes, createdAt: now, updatedAt: now, txId, version: 1 }, ZERO_HASH);
}

/** A forged next version of a stored record, chained to its current hash. */
export function forgedNextVersion<T extends RecordMeta>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, record: T, changes: Partial<T>, txId: string): string {
  return sealed(schema, { ...withoutHashes(record), ...changes, updatedAt: new Date().toISOString(), txId, version: record.version + 1 }, record.recordHash);
}
