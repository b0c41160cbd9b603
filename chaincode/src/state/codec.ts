import type { z } from 'zod';
import { canonicalJson, ContractError, type ErrorCode } from '../api';

/** A schema producing `T` from any input. */
export type Schema<T> = z.ZodType<T, z.ZodTypeDef, unknown>;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Encodes a value deterministically (canonical JSON, sorted keys, UTF-8) so every endorser writes the same bytes.
 * @throws {@link ContractError} `INTERNAL` when the value is not JSON-encodable
 */
export function encodeValue(value: unknown): Uint8Array {
  try {
    return encoder.encode(canonicalJson(value));
  } catch (error) {
    throw new ContractError('INTERNAL', `cannot encode value: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Parses UTF-8 JSON text to `unknown`, or returns an error description. */
function parseJson(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(decoder.decode(bytes)) as unknown };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Decodes bytes: UTF-8 → JSON → `unknown` → schema → typed value.
 * @param bytes - stored or transmitted bytes
 * @param schema - the schema the value must match
 * @param what - what is being decoded, for the error message
 * @param code - the error code on failure (`INTERNAL` for stored state, `INVALID_ARGUMENT` for client data)
 * @throws {@link ContractError} with `code` when the bytes are not JSON or do not match
 */
export function decodeValue<T>(bytes: Uint8Array, schema: Schema<T>, what: string, code: ErrorCode = 'INTERNAL'): T {
  const json = parseJson(bytes);
  if (!json.ok) {
    throw new ContractError(code, `${what} is not valid JSON: ${json.reason}`);
  }
  return parseValue(json.value, schema, what, code);
}

/**
 * Validates an already-parsed value against a schema.
 * @throws {@link ContractError} with `code` listing the schema issues
 */
export function parseValue<T>(value: unknown, schema: Schema<T>, what: string, code: ErrorCode = 'INVALID_ARGUMENT'): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new ContractError(code, `${what} is invalid: ${describeIssues(parsed.error)}`);
  }
  return parsed.data;
}

/**
 * Renders zod issues as `path: message; …` (at most 10).
 */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 10)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(request)'}: ${issue.message}`)
    .join('; ');
}
