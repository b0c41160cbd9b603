import type { z } from 'zod';
import { canonicalJson, ContractError, type ErrorCode } from '../api';
import { parseStrictJson, type JsonPath } from './strictJson';

/** A schema producing `T` from any input. */
export type Schema<T> = z.ZodType<T, z.ZodTypeDef, unknown>;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
// A byte order mark is kept, not skipped: the text must be exactly what the client sent (JSON.parse refuses it).
const clientDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

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
 * @param code - the error code on failure (client data goes through {@link decodeClientValue}, which is strict)
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
 * Decodes bytes a client sent as UTF-8 text, refusing any invalid sequence instead of replacing it.
 * @param bytes - the bytes as received
 * @param what - what is being decoded, for the error message
 * @throws {@link ContractError} `INVALID_ARGUMENT` when the bytes are not valid UTF-8
 */
export function decodeClientText(bytes: Uint8Array, what: string): string {
  try {
    return clientDecoder.decode(bytes);
  } catch {
    throw new ContractError('INVALID_ARGUMENT', `${what} is not valid UTF-8`);
  }
}

/**
 * Parses JSON text a client sent, strictly: no duplicate key at any depth and no lone surrogate in any key or
 * string (see {@link parseStrictJson}). The message names the rule and the path, never the text itself.
 * @throws {@link ContractError} `INVALID_ARGUMENT` naming the problem
 */
export function parseClientJson(text: string, what: string): unknown {
  const parsed = parseStrictJson(text);
  if (parsed.ok) {
    return parsed.value;
  }
  switch (parsed.problem) {
    case 'syntax':
      throw new ContractError('INVALID_ARGUMENT', `${what} is not valid JSON`);
    case 'duplicate-key':
      throw new ContractError('INVALID_ARGUMENT', `${what} has a duplicate key at ${renderPath(parsed.path)}`);
    case 'lone-surrogate':
      throw new ContractError('INVALID_ARGUMENT', `${what} has a lone surrogate (an unpaired UTF-16 escape) at ${renderPath(parsed.path)}`);
  }
}

/**
 * Decodes bytes a client sent (transient data): strict UTF-8 → strict JSON → schema → typed value.
 * @throws {@link ContractError} `INVALID_ARGUMENT` when any step fails
 */
export function decodeClientValue<T>(bytes: Uint8Array, schema: Schema<T>, what: string): T {
  return parseValue(parseClientJson(decodeClientText(bytes, what), what), schema, what);
}

/** Renders a path like zod issue paths (`a.0.b`), quoting keys that are not plain names (escaping any lone surrogate). */
function renderPath(path: JsonPath): string {
  if (path.length === 0) {
    return '(top level)';
  }
  return path.map((part) => (typeof part === 'number' || /^[A-Za-z_$][\w$-]*$/.test(part) ? String(part) : JSON.stringify(part))).join('.');
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
