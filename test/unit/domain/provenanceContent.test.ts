import { expect } from 'chai';
import type { MaterialLot } from '../../../chaincode/src/api';
import { canSee, tierOf } from '../../../chaincode/src/domain/passport';
import { carbonIntensityOf, natureOf, RecycledShares, recycledContent, SHARE_SCALE } from '../../../chaincode/src/domain/provenanceContent';

function lot(id: string, fields: Partial<MaterialLot>): MaterialLot {
  return {
    id, ownerMsp: 'M', createdAt: '', updatedAt: '', txId: 't', version: 1, recordHash: '0x', previousHash: '0x',
    material: 'COBALT_SULFATE', massGrams: 1000, initialMassGrams: 1000, custodianFacilityId: 'f', status: 'ACTIVE',
    custodyModel: 'SEGREGATED', origin: { kind: 'MINED', facilityId: 'm', country: 'CD' }, parents: [], claims: [], ...fields,
  };
}

const virgin = lot('virgin', { carbonIntensity: 4000 });
const recovered = lot('recovered', { material: 'RECOVERED_COBALT_SULFATE', origin: { kind: 'RECOVERED', sourceType: 'Battery', sourceId: 'b' }, carbonIntensity: 1000 });
const scrap = lot('scrap', { material: 'SCRAP', origin: { kind: 'TRANSFORMED', processRunId: 'r0' } });
const merged = lot('merged', { origin: { kind: 'MERGED' }, parents: [{ lotId: 'virgin', massGrams: 300 }, { lotId: 'recovered', massGrams: 100 }] });
const cathode = lot('cathode', {
  material: 'CATHODE_NMC', origin: { kind: 'TRANSFORMED', processRunId: 'r1' },
  parents: [{ lotId: 'merged', massGrams: 400 }, { lotId: 'nickel', massGrams: 1000 }],
});
const nickel = lot('nickel', { material: 'NICKEL_SULFATE' });
const ancestry = new Map([virgin, recovered, scrap, merged, cathode, nickel].map((l) => [l.id, l]));

describe('recycled content from provenance', () => {
  it('classifies lots: recovered from batteries post-consumer, scrap pre-consumer, mined virgin', () => {
    expect([recovered, scrap, virgin, merged].map(natureOf)).to.deep.equal(['POST_CONSUMER', 'PRE_CONSUMER', 'VIRGIN', 'DERIVED']);
  });

  it('carries element-weighted shares through merges and transformations', () => {
    const shares = new RecycledShares(ancestry);
    expect(shares.of('merged', 'COBALT').post).to.equal(SHARE_SCALE / 4n);
    expect(shares.of('cathode', 'COBALT').post).to.equal(SHARE_SCALE / 4n);
    expect(shares.of('cathode', 'NICKEL').post).to.equal(0n);
  });

  it('sums element masses and shares of a battery\'s inputs', () => {
    const [cobalt] = recycledContent([{ lot: merged, massGrams: 400 }], [], ancestry);
    expect(cobalt).to.deep.equal({ element: 'COBALT', massGrams: 84, preConsumerRecycledGrams: 0, postConsumerRecycledGrams: 21, preConsumerRecycledBasisPoints: 0, postConsumerRecycledBasisPoints: 2500 });
  });

  it('rejects an incomplete ancestry', () => {
    expect(() => new RecycledShares(new Map([['cathode', cathode]])).of('cathode', 'COBALT')).to.throw(/provenance/);
  });

  it('inherits carbon intensity from parents when a lot records none', () => {
    expect(carbonIntensityOf('merged', ancestry)).to.equal(3250);
    expect(carbonIntensityOf('cathode', ancestry)).to.equal(undefined);
  });
});

describe('passport tiers', () => {
  it('maps callers to tiers: manufacturer, authorities, legitimate interest, public', () => {
    const battery = { manufacturerMsp: 'ManufacturingMSP' };
    expect(['ManufacturingMSP', 'AuditorMSP', 'RecyclingMSP', 'MiningMSP'].map((msp) => tierOf(msp, battery))).to.deep.equal(['MANUFACTURER', 'AUTHORITIES', 'LEGITIMATE_INTEREST', 'PUBLIC']);
    expect(canSee('AUTHORITIES', 'LEGITIMATE_INTEREST_AND_COMMISSION')).to.equal(true);
    expect(canSee('LEGITIMATE_INTEREST', 'LEGITIMATE_INTEREST_AND_COMMISSION')).to.equal(false);
  });
});
