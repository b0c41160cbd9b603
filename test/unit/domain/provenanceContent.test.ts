import { expect } from 'chai';
import type { MaterialLot } from '../../../chaincode/src/api';
import { canSee, tierOf } from '../../../chaincode/src/domain/passport';
import { carbonFootprintOf, claimedContent, natureOf, RecycledShares, recycledContent, SHARE_SCALE } from '../../../chaincode/src/domain/provenanceContent';

function lot(id: string, fields: Partial<MaterialLot>): MaterialLot {
  return {
    id, ownerMsp: 'M', createdAt: '', updatedAt: '', txId: 't', version: 1, recordHash: '0x', previousHash: '0x',
    material: 'COBALT_SULFATE', massGrams: 1000, initialMassGrams: 1000, custodianFacilityId: 'f', status: 'ACTIVE',
    custodyModel: 'SEGREGATED', origin: { kind: 'MINED', facilityId: 'm', country: 'CD' }, parents: [], claims: [],
    elementContent: { COBALT: 2100 }, ...fields,
  };
}

const virgin = lot('virgin', { carbonIntensityMgPerKg: 4_000_000 });
const recovered = lot('recovered', { material: 'RECOVERED_COBALT_SULFATE', origin: { kind: 'RECOVERED', sourceType: 'Battery', sourceId: 'b' }, carbonIntensityMgPerKg: 1_000_000 });
const productionScrap = lot('scrap', { material: 'SCRAP', origin: { kind: 'TRANSFORMED', processRunId: 'r0', processKind: 'CELL_MANUFACTURING', productionScrap: true }, elementContent: { COBALT: 600 } });
const otherScrap = lot('scrap-2', { material: 'SCRAP', origin: { kind: 'TRANSFORMED', processRunId: 'r9', processKind: 'CELL_MANUFACTURING' }, parents: [{ lotId: 'virgin', massGrams: 100 }] });
const merged = lot('merged', { origin: { kind: 'MERGED' }, parents: [{ lotId: 'virgin', massGrams: 300 }, { lotId: 'recovered', massGrams: 100 }] });
const cathode = lot('cathode', {
  material: 'CATHODE_NMC', origin: { kind: 'TRANSFORMED', processRunId: 'r1', processKind: 'CATHODE_SYNTHESIS' },
  parents: [{ lotId: 'merged', massGrams: 400 }, { lotId: 'nickel', massGrams: 1000 }],
  elementContent: { NICKEL: 4800, COBALT: 600 },
});
const nickel = lot('nickel', { material: 'NICKEL_SULFATE', elementContent: { NICKEL: 2233 } });
const ancestry = new Map([virgin, recovered, productionScrap, otherScrap, merged, cathode, nickel].map((l) => [l.id, l]));

describe('recycled content from provenance', () => {
  it('classifies lots: recovered from batteries post-consumer, production scrap pre-consumer, mined virgin', () => {
    expect([recovered, productionScrap, virgin, merged].map(natureOf)).to.deep.equal(['POST_CONSUMER', 'PRE_CONSUMER', 'VIRGIN', 'DERIVED']);
  });

  it('counts scrap as pre-consumer only when it was recorded as production scrap', () => {
    expect(natureOf(otherScrap)).to.equal('DERIVED');
    expect(new RecycledShares(ancestry).of('scrap-2', 'COBALT')).to.deep.equal({ pre: 0n, post: 0n });
  });

  it('carries element-weighted shares through merges and transformations', () => {
    const shares = new RecycledShares(ancestry);
    expect(shares.of('merged', 'COBALT').post).to.equal(SHARE_SCALE / 4n);
    expect(shares.of('cathode', 'COBALT').post).to.equal(SHARE_SCALE / 4n);
    expect(shares.of('cathode', 'NICKEL').post).to.equal(0n);
  });

  it("sums element masses and shares of a battery's inputs from their element content", () => {
    const [cobalt] = recycledContent([{ lot: merged, massGrams: 400 }], [], ancestry);
    expect(cobalt).to.deep.equal({ element: 'COBALT', massGrams: 84, preConsumerRecycledGrams: 0, postConsumerRecycledGrams: 21, preConsumerRecycledBasisPoints: 0, postConsumerRecycledBasisPoints: 2500 });
  });

  it('rejects an incomplete ancestry', () => {
    expect(() => new RecycledShares(new Map([['cathode', cathode]])).of('cathode', 'COBALT')).to.throw(/provenance/);
  });
});

describe('carbon footprint of a battery', () => {
  it("adds the lots' embodied emissions, the components' footprints and the plant's process emissions", () => {
    const footprint = carbonFootprintOf([{ lot: virgin, massGrams: 500 }, { lot: recovered, massGrams: 250 }], [], 1_000, 2_000);
    expect(footprint.rawMaterialsGramsCo2e).to.equal(2_000 + 250);
    expect(footprint.manufacturingGramsCo2e).to.equal(1_000);
    expect(footprint.totalGramsCo2e).to.equal(3_250);
    expect(footprint.perKwhGramsCo2e).to.equal(1_625);
    expect(footprint.complete).to.equal(true);
  });

  it('lists lots without an intensity and marks the footprint incomplete', () => {
    const footprint = carbonFootprintOf([{ lot: merged, massGrams: 10 }], [], 0, 0);
    expect(footprint.lotsWithoutData).to.deep.equal(['merged']);
    expect(footprint.complete).to.equal(false);
    expect(footprint.perKwhGramsCo2e).to.equal(0);
  });
});

describe('claimed content of a battery', () => {
  it('counts labelled mass per claim where the plant is attested, and the components\' claims', () => {
    const labelled = lot('labelled', { claims: ['CERTIFIED_ORIGIN', 'CONFLICT_FREE'] });
    const claims = claimedContent([{ lot: labelled, massGrams: 300 }], [{ claims: [{ claim: 'CERTIFIED_ORIGIN', massGrams: 50 }] }], (claim) => claim === 'CERTIFIED_ORIGIN');
    expect(claims).to.deep.equal([{ claim: 'CERTIFIED_ORIGIN', massGrams: 350 }]);
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
