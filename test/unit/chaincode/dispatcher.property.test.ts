import { expect } from 'chai';
import fc from 'fast-check';
import type { ChaincodeResponse } from 'fabric-shim';
import { z } from 'zod';
import { createChaincode } from '../../../chaincode/src/chaincode';
import { decodeErrorEnvelope, isErrorCode, ORGS, type ErrorCode } from '../../../chaincode/src/api';
import { callArgs, DispatchStub, muteFabricLogs, testCaller, type TestCaller } from './DispatchStub';

/** A transaction as GetMetadata lists it. */
interface KnownTransaction {
  readonly name: string;
  readonly parameters: number;
  /** Takes one JSON request (every product contract), rather than positional strings (baseline, benchmark, system). */
  readonly json: boolean;
}

/** A malformed call and, where the rule is certain, the code (and words of the message) it must be refused with. */
interface MalformedCall {
  readonly args: Uint8Array[];
  readonly code?: ErrorCode;
  readonly reason?: string;
}

const metadataSchema = z.object({
  contracts: z.record(z.object({ transactions: z.array(z.object({ name: z.string(), parameters: z.array(z.unknown()).optional() })) })),
});

const POSITIONAL_CONTRACTS = new Set(['baseline', 'benchmark', 'org.hyperledger.fabric']);

const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');

/** A plausible request, to cut short or blow up. */
const plausibleRequestArb = fc.record({ id: fc.stringMatching(/^[A-Z][A-Z0-9-]{0,12}$/), facilityId: fc.constant('MINE-1'), massGrams: fc.nat(), name: fc.string() }, { requiredKeys: [] });

/** JSON text of an object with one key written twice (possibly nested, possibly escaped). */
const duplicateKeyArb = fc
  .tuple(fc.dictionary(fc.string({ unit: 'binary', maxLength: 6 }), fc.jsonValue(), { minKeys: 1, maxKeys: 4 }), fc.jsonValue(), fc.nat({ max: 3 }))
  .map(([object, again, depth]) => {
    const key = Object.keys(object)[0]!;
    const inner = `${JSON.stringify(object).slice(0, -1)},${JSON.stringify(key)}:${JSON.stringify(again)}}`;
    return '{"x":['.repeat(depth) + inner + ']}'.repeat(depth);
  });

/** JSON text with a lone surrogate escape in a key or a string. */
const loneSurrogateArb = fc
  .tuple(fc.integer({ min: 0xd800, max: 0xdfff }), fc.boolean(), fc.string({ maxLength: 8 }))
  .map(([unit, inKey, text]) => {
    const lone = `${JSON.stringify(text).slice(0, -1)}\\u${unit.toString(16)}"`;
    return inKey ? `{${lone}:1}` : `{"id":${lone}}`;
  });

/** Valid JSON bytes with a byte sequence that is not UTF-8 spliced into a string. */
const invalidUtf8Arb = fc
  .tuple(plausibleRequestArb, fc.constantFrom([0x80], [0xc3], [0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]))
  .map(([request, bad]) => Buffer.concat([utf8('{"id":"'), Buffer.from(bad), utf8(`",${JSON.stringify(request).slice(1)}`)]));

/** Valid JSON cut short. */
const truncatedArb = plausibleRequestArb.chain((request) => {
  const text = JSON.stringify(request);
  return fc.nat({ max: text.length - 1 }).map((cut) => text.slice(0, cut));
});

/** Oversized arguments: a huge field, deep nesting, a megabyte of bytes. */
const oversizedArb = fc.oneof(
  fc.nat({ max: 3 }).map((n) => utf8(JSON.stringify({ id: 'A'.repeat(100_000 * (n + 1)) }))),
  fc.integer({ min: 1000, max: 20_000 }).map((depth) => utf8('['.repeat(depth) + ']'.repeat(depth))),
  fc.constant(Buffer.alloc(1_000_000, 0xff)),
);

/** Any argument at all. */
const anyArgumentArb: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 64 }),
  fc.json({ stringUnit: 'binary' }).map(utf8),
  fc.string({ unit: 'binary' }).map(utf8),
  duplicateKeyArb.map(utf8),
  loneSurrogateArb.map(utf8),
  invalidUtf8Arb,
  truncatedArb.map(utf8),
);

function malformedCallsFor(tx: KnownTransaction): fc.Arbitrary<MalformedCall> {
  const name = utf8(tx.name);
  const wrongArity = fc
    .integer({ min: 0, max: tx.parameters + 3 })
    .filter((count) => count !== tx.parameters)
    .chain((count) => fc.array(anyArgumentArb, { minLength: count, maxLength: count }))
    .map((args): MalformedCall => ({ args: [name, ...args], code: 'WRONG_ARGUMENT_COUNT' }));
  const anyArguments = fc.array(anyArgumentArb, { minLength: tx.parameters, maxLength: tx.parameters }).map((args): MalformedCall => ({ args: [name, ...args] }));
  if (!tx.json) {
    return fc.oneof(wrongArity, anyArguments);
  }
  const refused = (arb: fc.Arbitrary<Uint8Array>, reason?: string): fc.Arbitrary<MalformedCall> => arb.map((arg) => ({ args: [name, arg], code: 'INVALID_ARGUMENT', reason }));
  return fc.oneof(
    wrongArity,
    anyArguments,
    refused(duplicateKeyArb.map(utf8), 'duplicate key'),
    refused(loneSurrogateArb.map(utf8), 'lone surrogate'),
    refused(invalidUtf8Arb, 'not valid UTF-8'),
    refused(truncatedArb.map(utf8), 'not valid JSON'),
    refused(oversizedArb),
  );
}

/** Names no contract has: an unknown transaction of a known contract, an unknown contract, or no namespace. */
function unknownNameArb(contracts: readonly string[]): fc.Arbitrary<MalformedCall> {
  const suffix = fc.string({ unit: 'binary', maxLength: 16 });
  return fc
    .oneof(
      fc.tuple(fc.constantFrom(...contracts), suffix).map(([contract, rest]) => `${contract}:Unknown_${rest}`),
      fc.tuple(suffix, fc.constantFrom('GetLot', 'MintLot', 'Write', 'GetMetadata')).map(([rest, transaction]) => `unknown_${rest}:${transaction}`),
      suffix.map((rest) => `Unknown_${rest}`),
    )
    .chain((fcn) => fc.array(anyArgumentArb, { maxLength: 2 }).map((args): MalformedCall => ({ args: [utf8(fcn), ...args], code: 'UNKNOWN_TRANSACTION' })));
}

describe('chaincode dispatcher under malformed calls (property)', () => {
  muteFabricLogs();
  const chaincode = createChaincode();
  let caller: TestCaller;
  let transactions: KnownTransaction[];

  async function send(args: Uint8Array[]): Promise<{ response: ChaincodeResponse; stub: DispatchStub }> {
    const stub = new DispatchStub(new Map(), { caller, args });
    return { response: await chaincode.Invoke(stub), stub };
  }

  /** Every failure carries the envelope with a known code, none is an internal error, and nothing was written. */
  function checkRefusal({ response, stub }: { response: ChaincodeResponse; stub: DispatchStub }, expected: ErrorCode | undefined, reason?: string): void {
    if (response.status === 200 && expected === undefined) {
      return;
    }
    const text = response.message ?? '';
    expect(response.status, text).to.equal(500);
    const envelope = decodeErrorEnvelope(text);
    expect(envelope, `no envelope in: ${text.slice(0, 300)}`).not.to.equal(undefined);
    expect(isErrorCode(envelope?.code ?? '')).to.equal(true);
    expect(envelope?.code, text.slice(0, 300)).not.to.equal('INTERNAL');
    if (expected !== undefined) {
      expect(envelope?.code, text.slice(0, 300)).to.equal(expected);
    }
    if (reason !== undefined) {
      expect(envelope?.message).to.contain(reason);
    }
    expect(stub.writes).to.deep.equal([]);
  }

  before(async () => {
    caller = await testCaller(ORGS.mining, 'admin');
    const { response } = await send(callArgs('org.hyperledger.fabric:GetMetadata'));
    const metadata = metadataSchema.parse(JSON.parse(Buffer.from(response.payload ?? new Uint8Array()).toString('utf8')));
    transactions = Object.entries(metadata.contracts).flatMap(([contract, { transactions: list }]) =>
      list.map(({ name, parameters = [] }) => ({ name: `${contract}:${name}`, parameters: parameters.length, json: !POSITIONAL_CONTRACTS.has(contract) })),
    );
  });

  it('knows every transaction of every contract from the metadata', () => {
    expect(transactions.length).to.be.at.least(50);
    expect(transactions.map(({ name }) => name)).to.include.members(['lot:MintLot', 'custody:ProposeTransfer', 'baseline:Write', 'benchmark:RecordWithCounter', 'org.hyperledger.fabric:GetMetadata']);
    expect(transactions.filter(({ json }) => json).every(({ parameters }) => parameters === 1)).to.equal(true);
  });

  it('refuses the same malformed requests on every JSON transaction with the envelope and no write', async () => {
    const cases: [ErrorCode, Uint8Array[], string][] = [
      ['INVALID_ARGUMENT', [utf8('{"id":"bad id!","id":"A-1"}')], 'duplicate key at id'],
      ['INVALID_ARGUMENT', [utf8('{"id":"\\ud800"}')], 'lone surrogate'],
      ['INVALID_ARGUMENT', [Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])], 'not valid UTF-8'],
      ['INVALID_ARGUMENT', [utf8('{"id":"A-1"')], 'not valid JSON'],
      ['INVALID_ARGUMENT', [utf8('')], 'not valid JSON'],
      ['WRONG_ARGUMENT_COUNT', [], 'takes 1 argument'],
      ['WRONG_ARGUMENT_COUNT', [utf8('{}'), utf8('{}')], 'takes 1 argument'],
    ];
    for (const tx of transactions.filter(({ json }) => json)) {
      for (const [code, args, reason] of cases) {
        checkRefusal(await send([utf8(tx.name), ...args]), code, reason);
      }
    }
  });

  it('answers random malformed calls to every known transaction with the envelope and no write', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...transactions).chain((tx) => malformedCallsFor(tx)),
        async ({ args, code, reason }) => {
          checkRefusal(await send(args), code, reason);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('refuses unknown transaction and contract names with UNKNOWN_TRANSACTION', async () => {
    const contracts = [...new Set(transactions.map(({ name }) => name.slice(0, name.lastIndexOf(':'))))];
    await fc.assert(
      fc.asyncProperty(unknownNameArb(contracts), async ({ args, code }) => {
        checkRefusal(await send(args), code);
      }),
      { numRuns: 200 },
    );
  });

  it('answers calls made entirely of random bytes with the envelope and no write', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 48 }), { minLength: 1, maxLength: 4 }), async (args) => {
        checkRefusal(await send(args), undefined);
      }),
      { numRuns: 200 },
    );
  });
});
