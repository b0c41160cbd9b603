import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { validateRequest } from '../client/codec';

/**
 * Private fields as they travel in transient data: with a random `salt` (16 bytes, unless the caller gives
 * one) so that the hash on the public ledger cannot be guessed, validated against their schema before sending.
 * @throws {@link ValidationError} when the fields do not match the schema
 */
export function salted<S extends z.ZodTypeAny>(schema: S, fields: Readonly<Record<string, unknown>> & { readonly salt?: string }, what: string): z.output<S> {
  return validateRequest(schema, { ...fields, salt: fields.salt ?? randomBytes(16).toString('hex') }, what);
}
