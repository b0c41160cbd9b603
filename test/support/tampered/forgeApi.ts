/**
 * The `forge` contract's transactions as both sides see them: the tampered chaincode decodes its requests with
 * these schemas, the tampered-chaincode test encodes them. Keys travel as composite-key specs (object type and
 * attributes, as chaincode/src/state/keys.ts builds them) and the chaincode turns them into ledger keys.
 */
import { z } from 'zod';

/** Namespace and transaction names of the forge contract. */
export const FORGE = {
  contract: 'forge',
  Write: 'Write',
  ReadKey: 'ReadKey',
} as const;

/** A composite key: object type and attributes (a `CompositeKeySpec` of the product's key module). */
export const keySpecSchema = z.object({ objectType: z.string().min(1), attributes: z.array(z.string()) }).strict();

/** `forge:Write`: raw puts (UTF-8 values, written byte for byte) and deletes in one transaction. */
export const forgeWriteRequestSchema = z
  .object({
    puts: z.array(z.object({ key: keySpecSchema, value: z.string().min(1) }).strict()).default([]),
    deletes: z.array(keySpecSchema).default([]),
    /** When not empty, every put key also gets a key-level endorsement policy naming these MSP ids (all of them). */
    keyEndorsers: z.array(z.string().min(1)).default([]),
  })
  .strict();
/** `forge:Write` request. */
export type ForgeWriteRequest = z.input<typeof forgeWriteRequestSchema>;

/** `forge:Write` result. */
export const forgeWriteResultSchema = z.object({ puts: z.number().int(), deletes: z.number().int() }).strict();
/** `forge:Write` result. */
export type ForgeWriteResult = z.infer<typeof forgeWriteResultSchema>;

/** `forge:ReadKey`: one key's committed value and key-level endorsement policy, read raw. */
export const readKeyRequestSchema = z.object({ key: keySpecSchema }).strict();
/** `forge:ReadKey` request. */
export type ReadKeyRequest = z.input<typeof readKeyRequestSchema>;

/** `forge:ReadKey` result: an absent key reads as `exists: false` with empty value and policy. */
export const rawEntrySchema = z
  .object({
    exists: z.boolean(),
    /** The stored bytes as UTF-8 (every value this chaincode writes is JSON text). */
    value: z.string(),
    /** The key's validation parameter (state-based endorsement policy), base64; empty when it has none. */
    keyPolicy: z.string(),
  })
  .strict();
/** `forge:ReadKey` result. */
export type RawEntry = z.infer<typeof rawEntrySchema>;
