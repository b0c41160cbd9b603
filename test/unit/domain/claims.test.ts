import { expect } from 'chai';
import { mintedLot, planMerge, planSplit } from '../../../chaincode/src/domain/lots';
import { planTransform } from '../../../chaincode/src/domain/process';
import { expectCode, facility, lot } from './support';

const mine = facility('mine', 'MINE');

describe('what a mine may mint', () => {
  const request = { id: 'l', massGrams: 1_000, custodyModel: 'SEGREGATED' as const, claims: [] };

  it('mints extracted material with its element content and claims of origin', () => {
    const minted = mintedLot({ ...request, material: 'COBALT_HYDROXIDE', assay: { contentBasisPoints: 3300 }, carbonIntensity: 12, claims: ['CERTIFIED_ORIGIN'] }, mine);
    expect(minted).to.include({ material: 'COBALT_HYDROXIDE', carbonIntensityMgPerKg: 12_000 });
    expect(minted.elementContent).to.deep.equal({ COBALT: 3300 });
    expect(minted.claims).to.deep.equal(['CERTIFIED_ORIGIN']);
  });

  it('refuses scrap, recovered or processed material', () => {
    for (const material of ['SCRAP', 'BLACK_MASS', 'RECOVERED_COBALT_SULFATE', 'COBALT_SULFATE', 'CATHODE_NMC'] as const) {
      expectCode(() => mintedLot({ ...request, material }, mine), 'INVALID_ARGUMENT');
    }
  });

  it('refuses recycled claims on mined material', () => {
    for (const claim of ['PRE_CONSUMER_RECYCLED', 'POST_CONSUMER_RECYCLED'] as const) {
      expectCode(() => mintedLot({ ...request, material: 'COBALT_ORE', claims: [claim] }, mine), 'INVALID_ARGUMENT');
    }
  });
});

describe('claim labels through splits, merges and transformations', () => {
  const labelled = lot('lab', { claims: ['CERTIFIED_ORIGIN'], massGrams: 1_000, initialMassGrams: 1_000 });
  const plain = lot('plain', { massGrams: 3_000, initialMassGrams: 3_000 });

  it('keeps labels on every child of a split, each covering its own mass', () => {
    const plan = planSplit(labelled, [{ id: 'a', massGrams: 400 }]);
    expect(plan.children[0]?.claims).to.deep.equal(['CERTIFIED_ORIGIN']);
    expect(plan.parent.claims).to.deep.equal(['CERTIFIED_ORIGIN']);
    expect((plan.children[0]?.massGrams ?? 0) + plan.parent.massGrams).to.equal(1_000);
  });

  it('releases a label not all merged lots share, with the mass of the lot that carried it', () => {
    const plan = planMerge('m', [labelled, plain]);
    expect(plan.merged.claims).to.deep.equal([]);
    expect(plan.released).to.deep.equal([{ lotId: 'lab', claim: 'CERTIFIED_ORIGIN', massGrams: 1_000 }]);
  });

  it('keeps a label every merged lot carries, and releases nothing', () => {
    const plan = planMerge('m', [labelled, { ...plain, claims: ['CERTIFIED_ORIGIN'] }]);
    expect(plan.merged.claims).to.deep.equal(['CERTIFIED_ORIGIN']);
    expect(plan.released).to.deep.equal([]);
  });

  it('passes no label to transformation outputs and releases the consumed labelled mass', () => {
    const plan = planTransform(
      { id: 'run', processKind: 'CONCENTRATION', inputs: [{ lotId: 'lab', massGrams: 600 }, { lotId: 'plain', massGrams: 3_000 }], outputs: [{ id: 'o', material: 'COBALT_ORE', massGrams: 3_000 }], lossGrams: 600 },
      facility('plant', 'CONCENTRATOR'),
      [labelled, plain],
    );
    expect(plan.outputs[0]?.claims).to.deep.equal([]);
    expect(plan.released).to.deep.equal([{ lotId: 'lab', claim: 'CERTIFIED_ORIGIN', massGrams: 600 }]);
  });

  it('labels production scrap pre-consumer recycled: scrap of a manufacturing process at a facility attested for it', () => {
    const cathode = lot('cam', { material: 'CATHODE_NMC', elementContent: { NICKEL: 4827, COBALT: 606, LITHIUM: 713, MANGANESE: 565 }, massGrams: 1_000, initialMassGrams: 1_000 });
    const scrapOf = (processKind: 'CELL_MANUFACTURING' | 'MECHANICAL_RECYCLING', attested: boolean): { claims: string[]; productionScrap: boolean } => {
      const output = planTransform(
        { id: 'run', processKind, inputs: [{ lotId: 'cam', massGrams: 100 }], outputs: [{ id: 's', material: 'SCRAP', massGrams: 100 }], lossGrams: 0 },
        facility('plant', 'CELL_PLANT'),
        [cathode],
        attested,
      ).outputs[0];
      return { claims: output?.claims ?? [], productionScrap: output?.origin.kind === 'TRANSFORMED' && output.origin.productionScrap === true };
    };
    expect(scrapOf('CELL_MANUFACTURING', true)).to.deep.equal({ claims: ['PRE_CONSUMER_RECYCLED'], productionScrap: true });
    expect(scrapOf('CELL_MANUFACTURING', false), 'without an attestation').to.deep.equal({ claims: [], productionScrap: false });
    expect(scrapOf('MECHANICAL_RECYCLING', true), 'not a manufacturing process').to.deep.equal({ claims: [], productionScrap: false });
  });
});
