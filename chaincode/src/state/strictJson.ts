/**
 * Strict JSON: `JSON.parse` plus the two things it lets through silently. A key repeated in one object keeps
 * only its last value, so what a reviewer or a log reads differs from what the chaincode acts on; and an
 * escape such as `"\ud800"` yields a lone UTF-16 surrogate, which no UTF-8 encoding (and so no stored state or
 * peer) can represent faithfully.
 */

/** Where in a JSON document a value sits: object keys and array indices from the top. */
export type JsonPath = readonly (string | number)[];

/** The outcome of {@link parseStrictJson}. */
export type StrictJsonResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly problem: 'syntax' }
  | { readonly ok: false; readonly problem: 'duplicate-key' | 'lone-surrogate'; readonly path: JsonPath };

type Frame = { readonly kind: 'object'; readonly keys: Set<string>; key: string; expectingKey: boolean } | { readonly kind: 'array'; index: number };

type Problem = Extract<StrictJsonResult, { path: JsonPath }>;

/**
 * Parses JSON text, refusing duplicate keys (at any depth, compared after unescaping) and strings, keys
 * included, that hold a lone surrogate.
 * @param text - the JSON text
 * @returns the value, or which rule the text breaks (with the path of the offending key or string)
 * @example
 * ```ts
 * parseStrictJson('{"a":{"b":1,"b":2}}'); // { ok: false, problem: 'duplicate-key', path: ['a', 'b'] }
 * ```
 */
export function parseStrictJson(text: string): StrictJsonResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'syntax' };
  }
  return findProblem(text) ?? { ok: true, value };
}

/** Scans text that `JSON.parse` accepted, so only string literals and structural characters need telling apart. */
function findProblem(text: string): Problem | undefined {
  const frames: Frame[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '"') {
      const end = endOfString(text, i);
      const problem = checkString(frames, unescape(text.slice(i, end + 1)));
      if (problem !== undefined) {
        return problem;
      }
      i = end;
    } else {
      applyStructure(frames, char);
    }
  }
  return undefined;
}

function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') {
    i += text[i] === '\\' ? 2 : 1;
  }
  return i;
}

function unescape(literal: string): string {
  // a JSON string literal parses to a string
  return String(JSON.parse(literal));
}

function checkString(frames: Frame[], value: string): Problem | undefined {
  const top = frames.at(-1);
  const isKey = top?.kind === 'object' && top.expectingKey;
  if (isKey) {
    top.expectingKey = false;
    top.key = value;
  }
  if (!value.isWellFormed()) {
    return { ok: false, problem: 'lone-surrogate', path: pathOf(frames) };
  }
  if (isKey && top.keys.has(value)) {
    return { ok: false, problem: 'duplicate-key', path: pathOf(frames) };
  }
  if (isKey) {
    top.keys.add(value);
  }
  return undefined;
}

function applyStructure(frames: Frame[], char: string | undefined): void {
  const top = frames.at(-1);
  if (char === '{') {
    frames.push({ kind: 'object', keys: new Set(), key: '', expectingKey: true });
  } else if (char === '[') {
    frames.push({ kind: 'array', index: 0 });
  } else if (char === '}' || char === ']') {
    frames.pop();
  } else if (char === ',' && top?.kind === 'object') {
    top.expectingKey = true;
  } else if (char === ',' && top?.kind === 'array') {
    top.index += 1;
  }
}

function pathOf(frames: readonly Frame[]): JsonPath {
  return frames.map((frame) => (frame.kind === 'object' ? frame.key : frame.index));
}
