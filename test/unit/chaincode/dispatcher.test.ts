import { expect } from 'chai';
import { Context, Contract, Info, Transaction } from 'fabric-contract-api';
import { Shim, type ChaincodeInterface, type ChaincodeResponse } from 'fabric-shim';
import { z } from 'zod';
import { createChaincode } from '../../../chaincode/src/chaincode';
import { BatteryTraceContract } from '../../../chaincode/src/contracts/BatteryTraceContract';
import { decodeErrorEnvelope, facilitySchema, ORGS, type ErrorCode } from '../../../chaincode/src/api';
import { submit } from '../../../chaincode/src/state';
import { callArgs, DispatchStub, muteFabricLogs, testCaller, type DispatchCall, type TestCaller } from './DispatchStub';

/** A contract without the project's base class. */
class PlainContract extends Contract {
  constructor() {
    super('plain');
  }
}

/** A contract whose transaction fails unexpectedly, to see what an INTERNAL error shows and logs. */
@Info({ title: 'explode', description: 'fails with an unexpected error' })
class ExplodingContract extends BatteryTraceContract {
  constructor() {
    super('explode');
  }

  @Transaction()
  public Explode(ctx: Context, request: string): Promise<object> {
    return submit(ctx, 'explode:Explode', z.object({}).strict(), request, () => {
      throw new TypeError('secret internals: cannot read properties of undefined');
    });
  }
}

interface Callers {
  miningAdmin: TestCaller;
  miningUser: TestCaller;
}

const MINE = { id: 'MINE-1', kind: 'MINE', name: 'Kolwezi mine', country: 'CD' };
const REFINERY = { id: 'REF-1', kind: 'REFINERY', name: 'Kokkola refinery', country: 'FI' };
const LOT = { id: 'LOT-1', facilityId: 'MINE-1', material: 'COBALT_HYDROXIDE', massGrams: 1000 };
const HASH = `0x${'ab'.repeat(32)}`;

/** Runs one call through `Invoke` on a fresh stub over `world`; commits its writes when it succeeded. */
async function invoke(chaincode: ChaincodeInterface, world: Map<string, Uint8Array>, call: DispatchCall): Promise<{ response: ChaincodeResponse; stub: DispatchStub }> {
  const stub = new DispatchStub(world, call);
  const response = await chaincode.Invoke(stub);
  if (response.status === 200) {
    for (const [key, value] of stub.pending) {
      if (value === undefined) world.delete(key);
      else world.set(key, value);
    }
  }
  return { response, stub };
}

function expectRefused(result: { response: ChaincodeResponse; stub: DispatchStub }, code: ErrorCode, ...parts: string[]): string {
  const text = result.response.message ?? '';
  expect(result.response.status, text).to.equal(500);
  const envelope = decodeErrorEnvelope(text);
  expect(envelope, `no envelope in: ${text}`).not.to.equal(undefined);
  expect(envelope?.code, text).to.equal(code);
  for (const part of parts) {
    expect(envelope?.message).to.contain(part);
  }
  expect(result.stub.writes).to.deep.equal([]);
  return envelope?.message ?? '';
}

function payloadOf(response: ChaincodeResponse): unknown {
  expect(response.status, response.message).to.equal(200);
  return JSON.parse(Buffer.from(response.payload ?? new Uint8Array()).toString('utf8'));
}

describe('chaincode dispatcher (createChaincode → Invoke)', () => {
  muteFabricLogs();
  const chaincode = createChaincode();
  let callers: Callers;
  let world: Map<string, Uint8Array>;
  const call = (caller: TestCaller, fcn: string, ...args: (string | Uint8Array)[]): Promise<{ response: ChaincodeResponse; stub: DispatchStub }> =>
    invoke(chaincode, world, { caller, args: callArgs(fcn, ...args) });
  const register = (request: unknown): Promise<{ response: ChaincodeResponse; stub: DispatchStub }> => call(callers.miningAdmin, 'facility:RegisterFacility', JSON.stringify(request));

  before(async () => {
    callers = { miningAdmin: await testCaller(ORGS.mining, 'admin'), miningUser: await testCaller(ORGS.mining, 'client') };
  });
  beforeEach(() => {
    world = new Map();
  });

  describe('valid requests', () => {
    it('registers a facility, reads it back and answers GetMetadata', async () => {
      const registered = await register(MINE);
      expect(facilitySchema.parse(payloadOf(registered.response)).id).to.equal('MINE-1');
      expect(registered.stub.writes.some((write) => write.startsWith('setEvent'))).to.equal(true);
      const read = await call(callers.miningUser, 'facility:GetFacility', JSON.stringify({ id: 'MINE-1' }));
      expect(facilitySchema.parse(payloadOf(read.response)).name).to.equal('Kolwezi mine');
      const metadata = await call(callers.miningUser, 'org.hyperledger.fabric:GetMetadata');
      expect(payloadOf(metadata.response)).to.have.property('contracts');
    });

    it('accepts non-ASCII text, escaped surrogate pairs and times with 1–3 fractional digits', async () => {
      const named = await register({ ...MINE, name: 'Skellefteå \ud83d\udd0b', address: 'M\\u00f6lndal' });
      expect(facilitySchema.parse(payloadOf(named.response)).name).to.equal('Skellefteå 🔋');
      const escaped = await call(callers.miningAdmin, 'facility:RegisterFacility', '{"id":"MINE-2","kind":"MINE","name":"\\ud83d\\udd0b","country":"CD"}');
      expect(facilitySchema.parse(payloadOf(escaped.response)).name).to.equal('🔋');
      const certification = { scheme: 'IRMA', certificateId: 'C-1', validFrom: '2024-02-29T23:59:59.5Z', validUntil: '2026-12-31T00:00:00Z' };
      const certified = await register({ ...MINE, id: 'MINE-3', certifications: [certification] });
      expect(facilitySchema.parse(payloadOf(certified.response)).certifications[0]?.validFrom).to.equal('2024-02-29T23:59:59.500Z');
    });

    it('runs the baseline and benchmark transactions', async () => {
      expect(payloadOf((await call(callers.miningUser, 'baseline:Write', 'k1', 'v1')).response)).to.deep.equal({ key: 'k1', value: 'v1' });
      expect(payloadOf((await call(callers.miningUser, 'baseline:Read', 'k1')).response)).to.deep.equal({ key: 'k1', value: 'v1' });
      expect(payloadOf((await call(callers.miningUser, 'benchmark:Record', 'F1', 'I1')).response)).to.deep.equal({ facilityId: 'F1', itemId: 'I1', counter: 0 });
    });
  });

  describe('duplicate keys', () => {
    it('rejects a duplicate top-level key, naming it (the last one would otherwise win)', async () => {
      const json = '{"id":"bad id!","kind":"MINE","name":"Kolwezi mine","country":"CD","id":"MINE-1"}';
      expectRefused(await call(callers.miningAdmin, 'facility:RegisterFacility', json), 'INVALID_ARGUMENT', 'duplicate key', 'id');
      expect(world.size).to.equal(0);
    });

    it('rejects a duplicate key inside a nested object with its path', async () => {
      const json = '{"id":"MINE-1","kind":"MINE","name":"n","country":"CD","geolocation":{"latitudeE6":1,"longitudeE6":2,"latitudeE6":3}}';
      expectRefused(await call(callers.miningAdmin, 'facility:RegisterFacility', json), 'INVALID_ARGUMENT', 'duplicate key', 'geolocation.latitudeE6');
    });

    it('rejects a duplicate key inside an array element with its path', async () => {
      const certification = '{"scheme":"IRMA","certificateId":"C-1","validFrom":"2024-01-01T00:00:00Z","validUntil":"2026-01-01T00:00:00Z","scheme":"X"}';
      const json = `{"id":"MINE-1","kind":"MINE","name":"n","country":"CD","certifications":[${certification.replace(',"scheme":"X"', '')},${certification}]}`;
      expectRefused(await call(callers.miningAdmin, 'facility:RegisterFacility', json), 'INVALID_ARGUMENT', 'duplicate key', 'certifications.1.scheme');
    });

    it('rejects keys that are only equal after unescaping', async () => {
      const json = '{"id":"MINE-1","kind":"MINE","name":"n","country":"CD","\\u0069d":"MINE-2"}';
      expectRefused(await call(callers.miningAdmin, 'facility:RegisterFacility', json), 'INVALID_ARGUMENT', 'duplicate key', 'id');
    });

    it('rejects a duplicate key in transient data', async () => {
      await register(MINE);
      await register(REFINERY);
      await call(callers.miningUser, 'lot:MintLot', JSON.stringify(LOT));
      expect(world.size).to.be.greaterThan(0);
      const terms = '{"priceMinorUnits":1,"currency":"EUR","contractReference":"K-1","salt":"0123456789abcdef","priceMinorUnits":0}';
      const request = JSON.stringify({ id: 'T-1', lotId: 'LOT-1', toFacilityId: 'REF-1', declaredMassGrams: 1000, shippingDocumentsHash: HASH });
      const refused = await invoke(chaincode, world, {
        caller: callers.miningUser,
        args: callArgs('custody:ProposeTransfer', request),
        transient: new Map([['commercialTerms', Buffer.from(terms)]]),
      });
      expectRefused(refused, 'INVALID_ARGUMENT', 'transient commercialTerms', 'duplicate key', 'priceMinorUnits');
    });
  });

  describe('impossible times', () => {
    const impossible = [
      '2026-02-30T00:00:00Z',
      '2025-02-29T00:00:00Z',
      '2100-02-29T00:00:00Z',
      '2026-04-31T00:00:00Z',
      '2026-01-00T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-00-10T00:00:00Z',
      '2026-01-01T24:00:00Z',
      '2026-01-01T23:60:00Z',
      '2026-01-01T23:59:60Z',
      '2026-01-01T23:59:60.5Z',
    ];
    for (const time of impossible) {
      it(`rejects ${time}`, async () => {
        const request = { ...MINE, certifications: [{ scheme: 'IRMA', certificateId: 'C-1', validFrom: '2024-01-01T00:00:00Z', validUntil: time }] };
        expectRefused(await register(request), 'INVALID_ARGUMENT', 'certifications.0.validUntil');
      });
    }
  });

  describe('text encoding', () => {
    it('rejects a lone high surrogate escape in a value', async () => {
      const json = '{"id":"MINE-1","kind":"MINE","name":"a\\ud800b","country":"CD"}';
      expectRefused(await call(callers.miningAdmin, 'facility:RegisterFacility', json), 'INVALID_ARGUMENT', 'lone surrogate', 'name');
    });

    it('rejects a lone low surrogate escape in a key', async () => {
      const json = '{"id":"MINE-1","kind":"MINE","name":"n","country":"CD","\\udc00":1}';
      expectRefused(await call(callers.miningAdmin, 'facility:RegisterFacility', json), 'INVALID_ARGUMENT', 'lone surrogate');
    });

    it('rejects reversed surrogate escapes', async () => {
      const json = '{"id":"MINE-1","kind":"MINE","name":"\\udd0b\\ud83d","country":"CD"}';
      expectRefused(await call(callers.miningAdmin, 'facility:RegisterFacility', json), 'INVALID_ARGUMENT', 'lone surrogate');
    });

    const invalidUtf8: [string, number[]][] = [
      ['a stray continuation byte', [0x80]],
      ['a truncated sequence', [0xc3]],
      ['an invalid byte', [0xff]],
      ['an overlong encoding', [0xc0, 0xaf]],
      ['an encoded surrogate (CESU-8)', [0xed, 0xa0, 0x80]],
      ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ];
    for (const [what, bytes] of invalidUtf8) {
      it(`rejects ${what} in the request bytes`, async () => {
        const raw = Buffer.concat([Buffer.from('{"id":"MINE-1","kind":"MINE","name":"a'), Buffer.from(bytes), Buffer.from('","country":"CD"}')]);
        expectRefused(await call(callers.miningAdmin, 'facility:RegisterFacility', raw), 'INVALID_ARGUMENT', 'not valid UTF-8');
      });
    }

    it('rejects invalid UTF-8 in transient data', async () => {
      await register(MINE);
      await register(REFINERY);
      await call(callers.miningUser, 'lot:MintLot', JSON.stringify(LOT));
      const terms = Buffer.concat([Buffer.from('{"priceMinorUnits":1,"currency":"EUR","contractReference":"K'), Buffer.from([0xff]), Buffer.from('","salt":"0123456789abcdef"}')]);
      const request = JSON.stringify({ id: 'T-1', lotId: 'LOT-1', toFacilityId: 'REF-1', declaredMassGrams: 1000, shippingDocumentsHash: HASH });
      const refused = await invoke(chaincode, world, { caller: callers.miningUser, args: callArgs('custody:ProposeTransfer', request), transient: new Map([['commercialTerms', terms]]) });
      expectRefused(refused, 'INVALID_ARGUMENT', 'transient commercialTerms', 'not valid UTF-8');
    });

    it('rejects a byte order mark before the JSON', async () => {
      expectRefused(await call(callers.miningAdmin, 'facility:RegisterFacility', `\ufeff${JSON.stringify(MINE)}`), 'INVALID_ARGUMENT', 'not valid JSON');
    });
  });

  describe('names and arity', () => {
    it('rejects an unknown transaction of a known contract', async () => {
      expectRefused(await call(callers.miningUser, 'lot:DeleteLot', '{}'), 'UNKNOWN_TRANSACTION', 'DeleteLot');
    });

    it('rejects an unknown transaction of the system contract', async () => {
      expectRefused(await call(callers.miningUser, 'org.hyperledger.fabric:Nope'), 'UNKNOWN_TRANSACTION', 'Nope');
    });

    it('rejects an unknown contract', async () => {
      expectRefused(await call(callers.miningUser, 'nosuch:GetLot', '{"id":"L"}'), 'UNKNOWN_TRANSACTION', 'nosuch');
    });

    it('rejects an unknown name without a namespace (the default contract)', async () => {
      expectRefused(await call(callers.miningUser, 'GetLot', '{"id":"L"}'), 'UNKNOWN_TRANSACTION', 'GetLot');
    });

    it('rejects too few arguments', async () => {
      expectRefused(await call(callers.miningUser, 'lot:GetLot'), 'WRONG_ARGUMENT_COUNT', 'lot:GetLot', '1', '0');
    });

    it('rejects too many arguments', async () => {
      expectRefused(await call(callers.miningAdmin, 'facility:RegisterFacility', JSON.stringify(MINE), 'extra'), 'WRONG_ARGUMENT_COUNT', '1', '2');
      expect(world.size).to.equal(0);
    });

    it('is never built with a contract that would answer unknown names without the envelope', () => {
      expect(() => createChaincode([PlainContract])).to.throw('PlainContract must extend BatteryTraceContract');
    });

    it('rejects wrong arity of the baseline and benchmark contracts', async () => {
      expectRefused(await call(callers.miningUser, 'baseline:Write', 'k1'), 'WRONG_ARGUMENT_COUNT');
      expectRefused(await call(callers.miningUser, 'benchmark:Record', 'F1', 'I1', 'X'), 'WRONG_ARGUMENT_COUNT');
    });
  });

  describe('baseline and benchmark arguments', () => {
    it('rejects an invalid baseline key', async () => {
      expectRefused(await call(callers.miningUser, 'baseline:Write', 'bad key!', 'v'), 'INVALID_ARGUMENT', 'key');
      expectRefused(await call(callers.miningUser, 'baseline:Read', ''), 'INVALID_ARGUMENT', 'key');
    });

    it('rejects a baseline value that is too long or not valid UTF-8', async () => {
      expectRefused(await call(callers.miningUser, 'baseline:Write', 'k1', 'v'.repeat(257)), 'INVALID_ARGUMENT', 'value');
      expectRefused(await call(callers.miningUser, 'baseline:Write', 'k1', Buffer.from([0x61, 0xff])), 'INVALID_ARGUMENT', 'not valid UTF-8');
    });

    it('rejects invalid benchmark ids', async () => {
      expectRefused(await call(callers.miningUser, 'benchmark:Record', 'F 1', 'I1'), 'INVALID_ARGUMENT', 'id');
      expectRefused(await call(callers.miningUser, 'benchmark:RecordWithCounter', 'F1', ''), 'INVALID_ARGUMENT', 'id');
    });
  });

  describe('internal errors', () => {
    const exploding = createChaincode([ExplodingContract]);

    it('answers with INTERNAL and the transaction id only, and logs the stack', async () => {
      const logger = Shim.newLogger('explode:battery-trace');
      const logged: string[] = [];
      const original = logger.error;
      const capture = ((message: string) => {
        logged.push(message);
        return logger;
      }) as typeof logger.error;
      // the unit suite's quiet loggers reset `error` whenever a logger is handed out; an accessor keeps the capture
      Object.defineProperty(logger, 'error', { configurable: true, get: () => capture, set: () => undefined });
      try {
        const result = await invoke(exploding, world, { caller: callers.miningUser, args: callArgs('explode:Explode', '{}'), txId: 'tx-boom' });
        const message = expectRefused(result, 'INTERNAL', 'internal error', 'tx-boom');
        expect(message).not.to.contain('secret internals');
        expect(message).not.to.match(/\bat /);
      } finally {
        Object.defineProperty(logger, 'error', { configurable: true, writable: true, value: original });
      }
      expect(logged.join('\n')).to.contain('tx-boom').and.to.contain('TypeError: secret internals').and.to.match(/\n\s+at /);
    });

    it('answers with INTERNAL when the dispatcher itself fails (unparseable creator)', async () => {
      const result = await invoke(chaincode, world, { caller: { mspId: ORGS.mining, certificatePem: 'not a certificate' }, args: callArgs('lot:GetLot', '{"id":"L"}'), txId: 'tx-creator' });
      const message = expectRefused(result, 'INTERNAL', 'tx-creator');
      expect(message).not.to.contain('certificate');
    });
  });
});
