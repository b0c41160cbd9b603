import type { z } from 'zod';
import { DecodeError } from '../errors/DecodeError';
import { ValidationError } from '../errors/ValidationError';

const utf8Decoder = new TextDecoder('utf-8', { fatal: true });
const utf8Encoder = new TextEncoder();

/**
 * Validates a request against its schema and returns the parsed value.
 * @throws {@link ValidationError} with code `INVALID_ARGUMENT` when the request does not match; nothing is sent.
 */
export function validateRequest<S extends z.ZodTypeAny>(schema: S, request: unknown, transactionName: string): z.output<S> {
  const parsed = schema.safeParse(request);
  if (!parsed.success) {
    throw new ValidationError(`Invalid request for ${transactionName}: ${describeIssues(parsed.error)}`, {
      code: 'INVALID_ARGUMENT',
      transactionName,
      cause: parsed.error,
    });
  }
  return parsed.data as z.output<S>;
}

/**
 * Decodes a transaction's result bytes: UTF-8 → JSON → schema.
 * @throws {@link DecodeError} when the bytes are not JSON or do not match the schema.
 */
export function decodeResult<S extends z.ZodTypeAny>(schema: S, bytes: Uint8Array, transactionName: string): z.output<S> {
  const parsed = schema.safeParse(parseJson(bytes, transactionName));
  if (!parsed.success) {
    throw new DecodeError(`Unexpected result from ${transactionName}: ${describeIssues(parsed.error)}`, {
      transactionName,
      cause: parsed.error,
    });
  }
  return parsed.data as z.output<S>;
}

/** Parses UTF-8 JSON bytes to `unknown`; empty bytes decode to `undefined`. */
export function parseJson(bytes: Uint8Array, what: string): unknown {
  try {
    const text = utf8Decoder.decode(bytes);
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch (cause) {
    throw new DecodeError(`${what} did not return UTF-8 JSON`, { transactionName: what, cause });
  }
}

/** Encodes transient (private) fields: each key's value as UTF-8 JSON. */
export function encodeTransient(fields: Readonly<Record<string, unknown>>): Record<string, Uint8Array> {
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, utf8Encoder.encode(JSON.stringify(value))]));
}

/** Renders zod issues as `path: message; …`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(request)'}: ${issue.message}`).join('; ');
}
