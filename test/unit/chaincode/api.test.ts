import { expect } from 'chai';
import {
  canonicalJson,
  computeRecordHash,
  ContractError,
  COUNTRY_CODES,
  countrySchema,
  decodeErrorEnvelope,
  encodeErrorEnvelope,
  isContractError,
  massSchema,
  ZERO_HASH,
} from '../../../chaincode/src/api';

describe('error envelope', () => {
  it('survives Fabric\'s and the gateway\'s wrapping', () => {
    const error = new ContractError('INSUFFICIENT_MASS', 'lot L1 holds 5 g');
    for (const wrapped of [
      error.message,
      `chaincode response 500, ${error.message}`,
      `rpc error: code = Unknown desc = failed to execute transaction abc: chaincode response 500, ${error.message}`,
      `10 ABORTED: failed to endorse transaction: ${error.message}\ntrailing detail`,
    ]) {
      expect(decodeErrorEnvelope(wrapped)).to.deep.equal({ code: 'INSUFFICIENT_MASS', message: 'lot L1 holds 5 g' });
    }
  });

  it('finds no envelope in other text or with an unknown code', () => {
    expect(decodeErrorEnvelope('chaincode response 500, boom')).to.equal(undefined);
    expect(decodeErrorEnvelope('[battery-trace-error NOPE] x [/battery-trace-error]')).to.equal(undefined);
  });

  it('keeps envelope markers out of messages', () => {
    const text = encodeErrorEnvelope('FORBIDDEN', 'a [/battery-trace-error] b');
    expect(decodeErrorEnvelope(text)?.message).to.equal('a  b');
  });

  it('narrows with isContractError', () => {
    const error: unknown = new ContractError('CONFLICT', 'x');
    expect(isContractError(error, 'CONFLICT')).to.equal(true);
    expect(isContractError(error, 'FORBIDDEN')).to.equal(false);
    expect(isContractError(new Error('x'))).to.equal(false);
  });
});

describe('canonical encoding and record hash', () => {
  it('sorts keys at every level and drops undefined properties', () => {
    expect(canonicalJson({ b: { d: 1, c: [2, { f: null, e: 'x' }] }, a: undefined })).to.equal('{"b":{"c":[2,{"e":"x","f":null}],"d":1}}');
  });

  it('refuses values JSON cannot carry faithfully', () => {
    expect(() => canonicalJson({ a: Number.NaN })).to.throw(TypeError);
    expect(() => canonicalJson([undefined])).to.throw(TypeError);
    expect(() => canonicalJson(new Date())).to.throw(TypeError);
  });

  it('hashes independently of key order and chains on the previous hash', () => {
    const one = computeRecordHash({ a: 1, b: 2 }, ZERO_HASH);
    expect(computeRecordHash({ b: 2, a: 1 }, ZERO_HASH)).to.equal(one);
    expect(computeRecordHash({ a: 1, b: 2 }, one)).not.to.equal(one);
  });
});

describe('schemas', () => {
  it('accepts exactly the 249 ISO 3166-1 alpha-2 codes', () => {
    expect(COUNTRY_CODES).to.have.length(249);
    expect(countrySchema.safeParse('CD').success).to.equal(true);
    expect(countrySchema.safeParse('UK').success).to.equal(false);
  });

  it('accepts masses that are whole grams from 1 to 10^15', () => {
    expect([1, 1e15].map((m) => massSchema.safeParse(m).success)).to.deep.equal([true, true]);
    expect([0, -1, 0.5, 1e15 + 1, Number.NaN, Infinity].map((m) => massSchema.safeParse(m).success)).to.deep.equal([false, false, false, false, false, false]);
  });
});
