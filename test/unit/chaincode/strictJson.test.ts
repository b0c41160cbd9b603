import { expect } from 'chai';
import fc from 'fast-check';
import { parseStrictJson, type JsonPath, type StrictJsonResult } from '../../../chaincode/src/state/strictJson';

/** A JSON text with the path that leads to its innermost (last-written) member. */
interface Wrapped {
  readonly text: string;
  readonly path: JsonPath;
}

const valueArb = fc.jsonValue({ stringUnit: 'binary', maxDepth: 3 });
const keyArb = fc.string({ unit: 'binary', maxLength: 8 });

/** An array or object around a value, with random siblings written before it. */
type Wrapper = { kind: 'array'; before: fc.JsonValue[] } | { kind: 'object'; key: string; before: Record<string, fc.JsonValue> };

const wrappersArb: fc.Arbitrary<Wrapper[]> = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('array' as const), before: fc.array(valueArb, { maxLength: 3 }) }),
    fc.record({ kind: fc.constant('object' as const), key: keyArb, before: fc.dictionary(keyArb, valueArb, { maxKeys: 3 }) }),
  ),
  { maxLength: 4 },
);

/** Wraps JSON text in the wrappers, innermost first, tracking its path from the top. */
function wrap(inner: Wrapped, wrappers: readonly Wrapper[]): Wrapped {
  let { text, path } = inner;
  for (const wrapper of wrappers) {
    if (wrapper.kind === 'array') {
      text = `[${[...wrapper.before.map((value) => JSON.stringify(value)), text].join(', ')}]`;
      path = [wrapper.before.length, ...path];
    } else {
      const siblings = Object.entries(wrapper.before).filter(([key]) => key !== wrapper.key);
      text = `{${[...siblings.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`), `${JSON.stringify(wrapper.key)} : ${text}`].join(',')}}`;
      path = [wrapper.key, ...path];
    }
  }
  return { text, path };
}

function expectProblem(result: StrictJsonResult, problem: 'duplicate-key' | 'lone-surrogate', path: JsonPath): void {
  expect(result).to.deep.equal({ ok: false, problem, path });
}

describe('parseStrictJson', () => {
  it('parses any JSON.stringify output, compact or indented, to what JSON.parse gives', () => {
    fc.assert(
      fc.property(valueArb, fc.constantFrom(undefined, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        expect(parseStrictJson(text)).to.deep.equal({ ok: true, value: JSON.parse(text) as unknown });
      }),
      { numRuns: 300 },
    );
  });

  it('accepts keys and strings full of quotes, backslashes, escapes and surrogate pairs', () => {
    const text = '{"a\\"b":"\\\\","\\\\":"\\"","c":"\\ud83d\\udd0b 🔋","d\\u0000":["}",{"]":"{"}],"e":"\\/"}';
    expect(parseStrictJson(text)).to.deep.equal({ ok: true, value: JSON.parse(text) as unknown });
  });

  it('refuses a duplicate key at any depth, with its path', () => {
    fc.assert(
      fc.property(fc.dictionary(keyArb, valueArb, { minKeys: 1, maxKeys: 4 }), valueArb, wrappersArb, (object, again, wrappers) => {
        const keys = Object.keys(object);
        const duplicate = keys[keys.length - 1]!;
        const inner = `${JSON.stringify(object).slice(0, -1)},${JSON.stringify(duplicate)}:${JSON.stringify(again)}}`;
        const { text, path } = wrap({ text: inner, path: [duplicate] }, wrappers);
        expectProblem(parseStrictJson(text), 'duplicate-key', path);
      }),
      { numRuns: 300 },
    );
  });

  it('compares keys after unescaping', () => {
    expectProblem(parseStrictJson('{"id":1,"\\u0069\\u0064":2}'), 'duplicate-key', ['id']);
    expectProblem(parseStrictJson('{"🔋":1,"\\ud83d\\udd0b":2}'), 'duplicate-key', ['🔋']);
  });

  it('allows the same key in sibling and nested objects', () => {
    const text = '{"a":{"a":1},"b":[{"a":1},{"a":2}],"c":{"b":{"a":{}}}}';
    expect(parseStrictJson(text)).to.deep.equal({ ok: true, value: JSON.parse(text) as unknown });
  });

  it('refuses a lone surrogate in any string value or key, with its path', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0xd800, max: 0xdfff }), fc.boolean(), fc.boolean(), wrappersArb, (unit, asKey, escaped, wrappers) => {
        const lone = escaped ? `\\u${unit.toString(16)}` : String.fromCharCode(unit);
        const inner = asKey ? `{"ok":1,"x${lone}":2}` : `["ok","x${lone}"]`;
        const { text, path } = wrap({ text: inner, path: asKey ? [`x${String.fromCharCode(unit)}`] : [1] }, wrappers);
        expectProblem(parseStrictJson(text), 'lone-surrogate', path);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses reversed surrogates and a lone surrogate at the top level', () => {
    expectProblem(parseStrictJson('["\\udd0b\\ud83d"]'), 'lone-surrogate', [0]);
    expectProblem(parseStrictJson('"\\ud800"'), 'lone-surrogate', []);
  });

  it('reports a syntax error for anything JSON.parse refuses', () => {
    for (const text of ['', '{', '{"a":1,}', '[1,]', "{'a':1}", '{a:1}', '01', 'NaN', '"\t"', '\ufeff{}', '{"a":1}x', '// c\n{}']) {
      expect(parseStrictJson(text), JSON.stringify(text)).to.deep.equal({ ok: false, problem: 'syntax' });
    }
  });
});
