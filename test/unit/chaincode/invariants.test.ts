import { expect } from 'chai';
import { expectRejectedWithoutTrace } from '../../support/assertions';
import { identities } from '../../support/identities';
import { documentHash, mint, simulate, standardWorld, submit } from './fixtures';

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
