import { expect } from 'chai';
import { acceptHandover, closeHandover, proposeHandover, recycle, repurpose } from '../../../chaincode/src/domain/battery';
import { battery, expectCode, facility } from './support';

const NOW = '2025-06-01T00:00:00.000Z';
const collector = facility('collector', 'COLLECTOR', 'RecyclingMSP');
const oem = facility('oem', 'OEM', 'ManufacturingMSP');
const recycler = facility('recycler', 'RECYCLER', 'RecyclingMSP');

describe('battery handovers by consent', () => {
  const pack = battery('pack');

  it('moves nothing until the receiver accepts', () => {
    const plan = proposeHandover(pack, 'ManufacturingMSP', collector, { id: 'h1', kind: 'COLLECTION' });
    expect(plan.battery).to.include({ ownerMsp: 'ManufacturingMSP', holderFacilityId: 'pack-plant', pendingHandoverId: 'h1' });
    const handover = { ...pack, ...plan.handover, createdAt: NOW, updatedAt: NOW, txId: 't', version: 1 } as const;
    const accepted = acceptHandover(handover, plan.battery, 'RecyclingMSP', collector, NOW);
    expect(accepted.battery).to.include({ ownerMsp: 'RecyclingMSP', holderFacilityId: 'collector', status: 'COLLECTED', passportStatus: 'WASTE', collectedAt: NOW });
    expect(accepted.battery.pendingHandoverId).to.equal(undefined);
  });

  it('refuses a proposal by anyone but the holder, and an acceptance by anyone but the receiver', () => {
    expectCode(() => proposeHandover(pack, 'RecyclingMSP', collector, { id: 'h1', kind: 'COLLECTION' }), 'FORBIDDEN');
    const plan = proposeHandover(pack, 'ManufacturingMSP', collector, { id: 'h1', kind: 'COLLECTION' });
    const handover = { ...pack, ...plan.handover } as const;
    expectCode(() => acceptHandover(handover, plan.battery, 'MiningMSP', collector, NOW), 'FORBIDDEN');
    expectCode(() => closeHandover(handover, plan.battery, 'MiningMSP', 'REJECTED', undefined), 'FORBIDDEN');
  });

  it('blocks every other change while a handover is open', () => {
    const plan = proposeHandover(pack, 'ManufacturingMSP', oem, { id: 'h1', kind: 'OWNERSHIP' });
    expectCode(() => proposeHandover(plan.battery, 'ManufacturingMSP', collector, { id: 'h2', kind: 'COLLECTION' }), 'INVALID_STATE');
  });

  it('sends a battery at end of use only to a collecting facility', () => {
    expectCode(() => proposeHandover(pack, 'ManufacturingMSP', oem, { id: 'h1', kind: 'COLLECTION' }), 'INVALID_ARGUMENT');
  });
});

describe('recycling only waste batteries, within their provenance', () => {
  const held = battery('pack', { ownerMsp: 'RecyclingMSP', holderFacilityId: 'recycler', status: 'COLLECTED', passportStatus: 'WASTE', massGrams: 1_000_000, elements: [{ element: 'COBALT', massGrams: 1, preConsumerRecycledGrams: 0, postConsumerRecycledGrams: 0, preConsumerRecycledBasisPoints: 0, postConsumerRecycledBasisPoints: 0 }] });

  it('refuses recovered lots holding more of an element than the battery held (1 g tracked, 1 t of black mass)', () => {
    const input = { outputs: [{ id: 'bm', material: 'BLACK_MASS' as const, massGrams: 1_000_000 }], lossGrams: 0 };
    expect(expectCode(() => recycle(held, 'RecyclingMSP', recycler, input, NOW), 'ELEMENT_NOT_CONSERVED')).to.match(/COBALT/);
  });

  it('recovers what the provenance gives, labelled post-consumer recycled', () => {
    const input = { outputs: [{ id: 'bm', material: 'BLACK_MASS' as const, massGrams: 10_000, assay: { elements: { COBALT: 1, NICKEL: 0, LITHIUM: 0, MANGANESE: 0 } } }], lossGrams: 990_000 };
    const plan = recycle(held, 'RecyclingMSP', recycler, input, NOW);
    expect(plan.lots[0]?.claims).to.deep.equal(['POST_CONSUMER_RECYCLED']);
    expect(plan.battery.recovery?.elements).to.deep.equal([{ element: 'COBALT', massGrams: 1 }]);
  });

  it('refuses a battery that has not reached waste status', () => {
    const repaired = { ...held, passportStatus: 'ORIGINAL' as const };
    expectCode(() => recycle(repaired, 'RecyclingMSP', recycler, { outputs: [{ id: 'x', material: 'SCRAP', massGrams: 1_000_000, assay: { elements: { NICKEL: 0, COBALT: 0, LITHIUM: 0 } } }], lossGrams: 0 }, NOW), 'INVALID_STATE');
  });
});

describe('repurposing', () => {
  it('computes the footprint per kWh exactly', () => {
    const used = battery('pack', { ownerMsp: 'RecyclingMSP', holderFacilityId: 'second-life', status: 'IN_USE', carbonFootprint: { totalGramsCo2e: 624_684_257_501_749, rawMaterialsGramsCo2e: 0, componentsGramsCo2e: 0, manufacturingGramsCo2e: 0, perKwhGramsCo2e: 0, complete: true, lotsWithoutData: [] } });
    const plan = repurpose(used, 'RecyclingMSP', facility('second-life', 'SECOND_LIFE', 'RecyclingMSP'), { newBatteryId: 'ess', category: 'STATIONARY', model: 'E', ratedCapacityMilliampHours: 28_243, nominalVoltageMillivolts: 1_000_000, labels: [] }, NOW);
    // floating point gives 22118197695066 here
    expect(plan.successor.carbonFootprint.perKwhGramsCo2e).to.equal(22_118_197_695_065);
  });
});
