import { expect } from 'chai';
import { expectRejectedWithoutTrace } from '../../support/assertions';
import { identities } from '../../support/identities';
import { documentHash, mint, query, simulate, standardWorld, submit } from './fixtures';

const propose = 'custody:ProposeTransfer';
const shipping = documentHash('b/l');

describe('invariants', () => {
  it('conserves mass across split, merge, transfer loss and transformation', async () => {
    const network = await standardWorld();
    await mint(network, 'a', 10_000);
    await mint(network, 'b', 5_000);
    await submit(network, identities.miningUser, 'lot:SplitLot', { lotId: 'a', children: [{ id: 'a1', massGrams: 4_000 }] });
    await submit(network, identities.miningUser, 'lot:MergeLots', { id: 'm', lotIds: ['a1', 'b'] });
    await submit(network, identities.miningUser, propose, { id: 't', lotId: 'm', toFacilityId: 'refinery-1', declaredMassGrams: 9_000, shippingDocumentsHash: shipping });
    const accepted = await submit(network, identities.miningUser, 'custody:AcceptTransfer', { transferId: 't', receivedMassGrams: 8_990 });
    const refined = await submit(network, identities.miningUser, 'process:Transform', {
      id: 'r',
      facilityId: 'refinery-1',
      processKind: 'REFINING',
      inputs: [{ lotId: 'm', massGrams: 8_990 }],
      outputs: [{ id: 'so4', material: 'COBALT_SULFATE', massGrams: 8_000 }],
      lossGrams: 990,
    });
    const held = 6_000 /* a */ + refined.outputs[0]!.massGrams;
    expect(held + (accepted.transfer.lossGrams ?? 0) + refined.run.lossGrams).to.equal(15_000);
  });

  it('carries every microgram of CO2e through split, merge and transformation, rounding only up', async () => {
    const network = await standardWorld();
    await mint(network, 'a', 10_000, { carbonIntensity: 100 });
    await mint(network, 'b', 5_000, { carbonIntensity: 333 });
    await submit(network, identities.miningUser, 'lot:SplitLot', { lotId: 'a', children: [{ id: 'a1', massGrams: 4_001 }] });
    await submit(network, identities.miningUser, 'lot:MergeLots', { id: 'm', lotIds: ['a1', 'b'] });
    const { outputs } = await submit(network, identities.miningUser, 'process:Transform', {
      id: 'r',
      facilityId: 'mine-1',
      processKind: 'CONCENTRATION',
      inputs: [{ lotId: 'm', massGrams: 9_001 }],
      outputs: [{ id: 'o1', material: 'COBALT_SULFATE', massGrams: 7_001 }, { id: 'o2', material: 'SCRAP', massGrams: 999 }],
      lossGrams: 1_001,
      processEmissionsGramsCo2e: 77,
    });
    const a = await query(network, identities.auditorUser, 'lot:GetLot', { id: 'a' });
    const held = [a, ...outputs].reduce((sum, lot) => sum + BigInt(lot.massGrams) * BigInt(lot.carbonIntensityMgPerKg ?? 0), 0n);
    // µg CO2e: what the mines declared plus the run's process emissions
    const declared = 10_000n * 100_000n + 5_000n * 333_000n + 77n * 1_000_000n;
    expect(held >= declared, `${String(held)} µg held, ${String(declared)} µg declared`).to.equal(true);
    // each rounding adds less than 1 µg per gram rounded: the merged lot's 9 001 g and the outputs' 8 000 g
    expect(held - declared < 9_001n + 8_000n + 1n, `${String(held - declared)} µg more than declared`).to.equal(true);
  });

  it('never holds more of an element than was mined, across merge, transfer loss and transformation', async () => {
    const network = await standardWorld();
    await mint(network, 'a', 10_000, { assay: { contentBasisPoints: 3001 } });
    await mint(network, 'b', 5_003, { assay: { contentBasisPoints: 4003 } });
    await submit(network, identities.miningUser, 'lot:MergeLots', { id: 'm', lotIds: ['a', 'b'] });
    await submit(network, identities.miningUser, propose, { id: 't', lotId: 'm', toFacilityId: 'refinery-1', declaredMassGrams: 15_003, shippingDocumentsHash: shipping });
    await submit(network, identities.miningUser, 'custody:AcceptTransfer', { transferId: 't', receivedMassGrams: 15_000 });
    const merged = await query(network, identities.auditorUser, 'lot:GetLot', { id: 'm' });
    const mined = 10_000 * 3001 + 5_003 * 4003;
    expect(merged.massGrams * (merged.elementContent.COBALT ?? 0)).to.be.at.most(mined);
    const most = Math.floor((merged.massGrams * (merged.elementContent.COBALT ?? 0)) / 14_000);
    const refine = (assay: number): Record<string, unknown> => ({
      id: `r-${String(assay)}`,
      facilityId: 'refinery-1',
      processKind: 'REFINING',
      inputs: [{ lotId: 'm', massGrams: 15_000 }],
      outputs: [{ id: `so4-${String(assay)}`, material: 'COBALT_SULFATE', massGrams: 14_000, assay: { contentBasisPoints: assay } }],
      lossGrams: 1_000,
    });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, 'process:Transform', refine(most + 1)), 'ELEMENT_NOT_CONSERVED');
    const { outputs } = await submit(network, identities.miningUser, 'process:Transform', refine(most));
    expect(outputs[0]?.elementContent).to.deep.equal({ COBALT: most });
  });

  it('never spends the same mass twice: a lot in transit cannot be split, merged, transformed or sent again', async () => {
    const network = await standardWorld();
    await mint(network, 'a', 100);
    await mint(network, 'b', 100);
    await submit(network, identities.miningUser, propose, { id: 't', lotId: 'a', toFacilityId: 'cell-1', declaredMassGrams: 100, shippingDocumentsHash: shipping });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, 'lot:SplitLot', { lotId: 'a', children: [{ id: 'x', massGrams: 1 }] }), 'INVALID_STATE');
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, 'lot:MergeLots', { id: 'ab', lotIds: ['a', 'b'] }), 'INVALID_STATE');
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, propose, { id: 't2', lotId: 'a', toFacilityId: 'refinery-1', declaredMassGrams: 100, shippingDocumentsHash: shipping }), 'INVALID_STATE');
    const transform = { id: 'r', facilityId: 'mine-1', processKind: 'REFINING', inputs: [{ lotId: 'a', massGrams: 100 }], outputs: [{ id: 'o', material: 'COBALT_SULFATE', massGrams: 100 }], lossGrams: 0 };
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, 'process:Transform', transform), 'INVALID_STATE');
  });

  it('touches disjoint keys for transactions on independent lots', async () => {
    const network = await standardWorld();
    await mint(network, 'a', 100);
    await mint(network, 'b', 100);
    const first = await simulate(network, identities.miningUser, 'custody:ProposeTransfer', { id: 'ta', lotId: 'a', toFacilityId: 'cell-1', declaredMassGrams: 100, shippingDocumentsHash: shipping });
    const second = await simulate(network, identities.miningUser, 'custody:ProposeTransfer', { id: 'tb', lotId: 'b', toFacilityId: 'cell-1', declaredMassGrams: 100, shippingDocumentsHash: shipping });
    const keysOf = (rwset: typeof first.rwset): string[] => [...rwset.writes.keys()];
    expect(keysOf(first.rwset).filter((key) => keysOf(second.rwset).includes(key))).to.deep.equal([]);
  });
});
