import { readFileSync } from 'node:fs';
import { InvalidArgumentError } from 'commander';

/** Parses `--request <json|@file>`: inline JSON, or `@path` to a JSON file (`@-` for stdin). */
export function parseRequestOption(value: string): Record<string, unknown> {
  const text = value.startsWith('@') ? readFileSync(value === '@-' ? 0 : value.slice(1), 'utf8') : value;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    throw new InvalidArgumentError('not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InvalidArgumentError('the request must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

/** Parses an exact non-negative integer (masses in grams, block numbers). */
export function parseInteger(value: string): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new InvalidArgumentError('expected a non-negative integer');
  }
  return Number(value);
}

/** Parses a number (ratios, footprints). */
export function parseNumber(value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed)) {
    throw new InvalidArgumentError('expected a number');
  }
  return parsed;
}

/** Parses an inline JSON value (objects or arrays in a flag). */
export function parseJsonValue(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw new InvalidArgumentError('not valid JSON');
  }
}

/** Collects a repeatable flag into a list. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Parses a comma-separated list. */
export function parseList(value: string): string[] {
  return value.split(',').map((item) => item.trim()).filter((item) => item !== '');
}

/** Parses a repeatable `<lotId>=<grams>` flag into `{ [idField]: id, massGrams }` items. */
export function massEntries(idField: string): (value: string, previous: unknown) => Record<string, unknown>[] {
  return (value, previous) => {
    const match = /^([^=]+)=(\d+)$/.exec(value);
    if (match?.[1] === undefined || match[2] === undefined) {
      throw new InvalidArgumentError(`expected <${idField}>=<grams>`);
    }
    const list = Array.isArray(previous) ? (previous as Record<string, unknown>[]) : [];
    return [...list, { [idField]: match[1], massGrams: parseInteger(match[2]) }];
  };
}
