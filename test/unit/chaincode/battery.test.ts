import { expect } from 'chai';
import { MATERIAL_CHEMISTRY, type Battery } from '../../../chaincode/src/api';
import { expectContractError, expectRejectedWithoutTrace } from '../../support/assertions';
import { identities } from '../../support/identities';
import type { MemoryNetwork } from '../../support/MemoryNetwork';
import type { TestIdentity } from '../../support/TestIdentity';
import { attest, deliver, documentHash, expectKeyPolicy, mint, query, recordKeyOf, standardWorld, submit } from './fixtures';

const issue = 'battery:IssueBattery';
const propose = 'battery:ProposeHandover';
const accept = 'battery:AcceptHandover';
const dismantle = 'battery:Dismantle';
const recycle = 'battery:Recycle';
const restricted = { dismantlingInformationHash: documentHash('dismantling'), partNumbers: ['PN-1'], testReportsHash: documentHash('tests'), salt: 'a-salt-of-16-chars' };
const cell = { id: 'cell-A', facilityId: 'cell-1', level: 'CELL', category: 'EV', model: 'C-1', chemistry: 'NMC', massGrams: 1_000, ratedCapacityMilliampHours: 60_000, nominalVoltageMillivolts: 3_700 };
const SULFATE_COBALT_BP = MATERIAL_CHEMISTRY.COBALT_SULFATE.reference.COBALT ?? 0;
/** Cobalt in 500 g of the reference cobalt sulfate, rounded down: what cell-A holds by its provenance. */
const CELL_COBALT_GRAMS = Math.floor((500 * SULFATE_COBALT_BP) / 10_000);

/**
 * 2 000 g of cobalt sulfate at the cell plant, refined from 2 500 g of hydroxide mined at 1 kg CO2e/kg with 7.5 kg
 * of process emissions: 5 kg CO2e per kg of sulfate. Besides the standard facilities, the recycling organisation
 * runs a second-life site, a collector and a recycler no auditor attests.
 */
async function world(): Promise<MemoryNetwork> {
  const network = await standardWorld();
  for (const facility of [
    { id: 'second-1', kind: 'SECOND_LIFE', name: 'Second life', country: 'DE' },
    { id: 'collector-1', kind: 'COLLECTOR', name: 'Collection point', country: 'DE' },
    { id: 'recycler-2', kind: 'RECYCLER', name: 'Unaudited recycler', country: 'PL' },
  ]) {
    await submit(network, identities.recyclingAdmin, 'facility:RegisterFacility', facility);
  }
  await mint(network, 'hx', 2_500, { carbonIntensity: 1_000 });
  await deliver(network, 'hx', 'refinery-1');
  await submit(network, identities.miningUser, 'process:Transform', {
    id: 'refine',
    facilityId: 'refinery-1',
    processKind: 'REFINING',
    inputs: [{ lotId: 'hx', massGrams: 2_500 }],
    outputs: [{ id: 'coso4', material: 'COBALT_SULFATE', massGrams: 2_000 }],
    lossGrams: 500,
    processEmissionsGramsCo2e: 7_500,
  });
  await deliver(network, 'coso4', 'cell-1');
  return network;
}

/** The world with cell-A issued from 500 g of the sulfate. */
async function withCell(): Promise<MemoryNetwork> {
  const network = await world();
  await submit(network, identities.manufacturingUser, issue, { ...cell, lots: [{ lotId: 'coso4', massGrams: 500 }] });
  return network;
}

let handovers = 0;

/** The holder proposes a handover and the receiver accepts it. */
async function handOver(network: MemoryNetwork, batteryId: string, from: TestIdentity, to: TestIdentity, toFacilityId: string, kind: 'OWNERSHIP' | 'COLLECTION'): Promise<Battery> {
  handovers += 1;
  const id = `h-${String(handovers)}`;
  await submit(network, from, propose, { id, batteryId, toFacilityId, kind });
  return (await submit(network, to, accept, { handoverId: id })).battery;
}

/** cell-A placed on the market and collected at the end of its use by a recycler (attested unless told otherwise). */
async function collected(recyclerId = 'recycler-1'): Promise<MemoryNetwork> {
  const network = await withCell();
  await attest(network, 'recycler-1', ['POST_CONSUMER_RECYCLED']);
  await submit(network, identities.manufacturingUser, 'battery:PlaceOnMarket', { batteryId: 'cell-A' });
  await handOver(network, 'cell-A', identities.manufacturingUser, identities.recyclingUser, recyclerId, 'COLLECTION');
  return network;
}

function cobalt(battery: Battery): Battery['elements'][number] | undefined {
  return battery.elements.find((e) => e.element === 'COBALT');
}

/** Recovered cobalt sulfate as a recycler declares it. */
function recovered(id: string, massGrams: number): { id: string; material: string; massGrams: number } {
  return { id, material: 'RECOVERED_COBALT_SULFATE', massGrams };
}

/** Cobalt in recovered cobalt sulfate of the reference composition, in gram-basis-points. */
function cobaltUnits(massGrams: number): number {
  return massGrams * SULFATE_COBALT_BP;
}

/**
 * Recycles a battery made of 500 g of the sulfate into 400 g of recovered cobalt sulfate (1 kg CO2e/kg from the
 * recycling process) and delivers it to the cell plant.
 */
async function recycledFeed(network: MemoryNetwork): Promise<void> {
  await submit(network, identities.manufacturingUser, issue, { ...cell, id: 'old', lots: [{ lotId: 'coso4', massGrams: 500 }] });
  await submit(network, identities.manufacturingUser, 'battery:PlaceOnMarket', { batteryId: 'old' });
  await handOver(network, 'old', identities.manufacturingUser, identities.recyclingUser, 'recycler-1', 'COLLECTION');
  await attest(network, 'recycler-1', ['POST_CONSUMER_RECYCLED']);
  await submit(network, identities.recyclingUser, recycle, { batteryId: 'old', outputs: [recovered('rec-co', 400)], lossGrams: 600, processEmissionsGramsCo2e: 400 });
  await deliver(network, 'rec-co', 'cell-1');
}

describe('IssueBattery', () => {
  it('issues a cell from a lot: consumes the lot, computes composition, recycled content and carbon footprint', async () => {
    const network = await world();
    const battery = await submit(network, identities.manufacturingUser, issue, { ...cell, lots: [{ lotId: 'coso4', massGrams: 500 }] });
    expect(battery).to.include({ status: 'MANUFACTURED', passportStatus: 'ORIGINAL', ownerMsp: 'ManufacturingMSP', manufacturingCountry: 'SE', ratedEnergyWattHours: 222 });
    expect(battery.materials).to.deep.equal([{ material: 'COBALT_SULFATE', massGrams: 500, critical: true }]);
    expect(cobalt(battery)).to.include({ massGrams: CELL_COBALT_GRAMS, postConsumerRecycledBasisPoints: 0, preConsumerRecycledBasisPoints: 0 });
    // 500 g at 5 kg CO2e/kg
    expect(battery.carbonFootprint).to.include({ totalGramsCo2e: 2_500, rawMaterialsGramsCo2e: 2_500, manufacturingGramsCo2e: 0, complete: true });
    expect(battery.claims).to.deep.equal([]);
    const lot = await query(network, identities.auditorUser, 'lot:GetLot', { id: 'coso4' });
    expect(lot.massGrams).to.equal(1_500);
    const trace = await query(network, identities.auditorUser, 'lot:TraceUpstream', { type: 'Battery', id: 'cell-A' });
    expect(trace.nodes.map((n) => n.id)).to.include.members(['coso4', 'refine', 'hx']);
    await expectKeyPolicy(network, recordKeyOf('Battery', 'cell-A'), ['ManufacturingMSP']);
  });

  it('adds the plant\'s process emissions to the footprint, per kWh of rated energy', async () => {
    const network = await world();
    const battery = await submit(network, identities.manufacturingUser, issue, { ...cell, lots: [{ lotId: 'coso4', massGrams: 500 }], processEmissionsGramsCo2e: 1_200 });
    expect(battery.carbonFootprint).to.include({ rawMaterialsGramsCo2e: 2_500, manufacturingGramsCo2e: 1_200, totalGramsCo2e: 3_700, perKwhGramsCo2e: Math.floor((3_700 * 1000) / 222) });
  });

  it('marks the footprint incomplete and names the lots without an intensity', async () => {
    const network = await world();
    await mint(network, 'plain', 100);
    await deliver(network, 'plain', 'cell-1');
    const battery = await submit(network, identities.manufacturingUser, issue, { ...cell, lots: [{ lotId: 'coso4', massGrams: 500 }, { lotId: 'plain', massGrams: 100 }] });
    expect(battery.carbonFootprint).to.deep.include({ totalGramsCo2e: 2_500, complete: false, lotsWithoutData: ['plain'] });
  });

  it('computes the recycled share from provenance, following the ledger when the input changes', async () => {
    const network = await world();
    await recycledFeed(network);
    const half = await submit(network, identities.manufacturingUser, issue, { ...cell, id: 'half', lots: [{ lotId: 'coso4', massGrams: 200 }, { lotId: 'rec-co', massGrams: 200 }] });
    expect(cobalt(half)).to.include({ postConsumerRecycledBasisPoints: 5_000, preConsumerRecycledBasisPoints: 0 });
    const quarter = await submit(network, identities.manufacturingUser, issue, { ...cell, id: 'quarter', lots: [{ lotId: 'coso4', massGrams: 300 }, { lotId: 'rec-co', massGrams: 100 }] });
    expect(cobalt(quarter)?.postConsumerRecycledBasisPoints).to.equal(2_500);
    // 300 g at 5 kg CO2e/kg and 100 g of recovered sulfate at the recycling process's 1 kg CO2e/kg
    expect(quarter.carbonFootprint.totalGramsCo2e).to.equal(300 * 5 + 100 * 1);
  });

  it('records the labelled mass it consumes where an auditor attests the plant for the claim', async () => {
    const network = await world();
    await recycledFeed(network);
    await attest(network, 'cell-1', ['POST_CONSUMER_RECYCLED']);
    const battery = await submit(network, identities.manufacturingUser, issue, { ...cell, id: 'half', lots: [{ lotId: 'coso4', massGrams: 200 }, { lotId: 'rec-co', massGrams: 150 }] });
    expect(battery.claims).to.deep.equal([{ claim: 'POST_CONSUMER_RECYCLED', massGrams: 150 }]);
    const module = await submit(network, identities.manufacturingUser, issue, { ...cell, id: 'mod-1', level: 'MODULE', massGrams: 1_200, components: ['half'], lots: [{ lotId: 'rec-co', massGrams: 50 }] });
    expect(module.claims).to.deep.equal([{ claim: 'POST_CONSUMER_RECYCLED', massGrams: 200 }]);
  });

  it('lets the labels of consumed components lapse at a plant no auditor attests for them (chaincode bug: component claims always count)', async () => {
    const network = await world();
    await recycledFeed(network);
    await attest(network, 'cell-1', ['POST_CONSUMER_RECYCLED'], { validUntil: '2025-06-01T00:00:00Z' });
    const labelled = await submit(network, identities.manufacturingUser, issue, { ...cell, id: 'half', lots: [{ lotId: 'coso4', massGrams: 200 }, { lotId: 'rec-co', massGrams: 150 }] });
    expect(labelled.claims).to.deep.equal([{ claim: 'POST_CONSUMER_RECYCLED', massGrams: 150 }]);
    network.setTime('2025-06-01T00:00:00.000Z');
    const module = await submit(network, identities.manufacturingUser, issue, { ...cell, id: 'mod-1', level: 'MODULE', massGrams: 1_200, components: ['half'] });
    expect(module.claims).to.deep.equal([]);
  });

  it('lets the labels of consumed lots lapse at a plant no auditor attests for them', async () => {
    const network = await world();
    await recycledFeed(network);
    const declared = { scheme: 'UL 2809', certificateId: 'UL-1', validFrom: '2024-01-01T00:00:00Z', validUntil: '2027-01-01T00:00:00Z', claims: ['POST_CONSUMER_RECYCLED'] };
    await submit(network, identities.manufacturingAdmin, 'facility:UpdateCertifications', { id: 'cell-1', certifications: [declared] });
    const battery = await submit(network, identities.manufacturingUser, issue, { ...cell, id: 'half', lots: [{ lotId: 'coso4', massGrams: 200 }, { lotId: 'rec-co', massGrams: 200 }] });
    expect(battery.claims).to.deep.equal([]);
    expect(cobalt(battery)?.postConsumerRecycledBasisPoints).to.equal(5_000);
  });

  it('builds a module from cells, which become part of it', async () => {
    const network = await withCell();
    const module = await submit(network, identities.manufacturingUser, issue, { ...cell, id: 'mod-1', level: 'MODULE', massGrams: 1_200, components: ['cell-A'] });
    expect(cobalt(module)?.massGrams).to.equal(CELL_COBALT_GRAMS);
    expect(module.carbonFootprint.componentsGramsCo2e).to.equal(2_500);
    expect((await query(network, identities.auditorUser, 'battery:GetBattery', { id: 'cell-A' })).integratedInto).to.equal('mod-1');
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, 'battery:PlaceOnMarket', { batteryId: 'cell-A' }), 'INVALID_STATE');
  });

  for (const [what, declared] of [
    ['a declared recycled share', { elements: [] }],
    ['a declared carbon footprint', { carbonFootprint: { totalGramsCo2e: 1 } }],
    ['declared claims', { claims: [{ claim: 'POST_CONSUMER_RECYCLED', massGrams: 500 }] }],
  ] as const) {
    it(`rejects ${what}`, async () => {
      const network = await world();
      await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, issue, { ...cell, lots: [{ lotId: 'coso4', massGrams: 500 }], ...declared }), 'INVALID_ARGUMENT');
    });
  }

  for (const [what, change, code] of [
    ['another organisation\'s plant', { facilityId: 'cell-1', who: 'mining' }, 'FORBIDDEN'],
    ['a plant of the wrong kind', { facilityId: 'refinery-1', who: 'mining' }, 'INVALID_STATE'],
    ['more mass than the lot holds', { lots: [{ lotId: 'coso4', massGrams: 2_001 }] }, 'INSUFFICIENT_MASS'],
    ['inputs heavier than the battery', { massGrams: 400 }, 'MASS_NOT_CONSERVED'],
    ['no inputs', { lots: [] }, 'INVALID_ARGUMENT'],
    ['an unknown lot', { lots: [{ lotId: 'nope', massGrams: 1 }] }, 'LOT_NOT_FOUND'],
    ['a lot named twice', { lots: [{ lotId: 'coso4', massGrams: 1 }, { lotId: 'coso4', massGrams: 1 }] }, 'INVALID_ARGUMENT'],
    ['a fractional mass', { massGrams: 10.5 }, 'INVALID_ARGUMENT'],
    ['an unknown chemistry', { chemistry: 'MAGIC' }, 'INVALID_ARGUMENT'],
  ] as const) {
    it(`rejects ${what}`, async () => {
      const network = await world();
      const { who, ...rest }: { who?: string } & Record<string, unknown> = change;
      const identity = who === 'mining' ? identities.miningUser : identities.manufacturingUser;
      await expectRejectedWithoutTrace(network, () => submit(network, identity, issue, { ...cell, lots: [{ lotId: 'coso4', massGrams: 500 }], ...rest }), code);
    });
  }

  it('rejects a lot held elsewhere', async () => {
    const network = await world();
    await mint(network, 'at-mine', 100);
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, issue, { ...cell, lots: [{ lotId: 'at-mine', massGrams: 10 }] }), 'INVALID_STATE');
  });

  it('rejects a duplicate id', async () => {
    const network = await withCell();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, issue, { ...cell, lots: [{ lotId: 'coso4', massGrams: 10 }] }), 'CONFLICT');
  });

  it('rejects a component waiting on a handover', async () => {
    const network = await withCell();
    await submit(network, identities.manufacturingUser, propose, { id: 'h1', batteryId: 'cell-A', toFacilityId: 'second-1' });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, issue, { ...cell, id: 'mod-1', level: 'MODULE', massGrams: 1_200, components: ['cell-A'] }), 'INVALID_STATE');
  });
});

describe('PlaceOnMarket', () => {
  it('places a manufactured battery on the market (its holder)', async () => {
    const network = await withCell();
    const battery = await submit(network, identities.manufacturingUser, 'battery:PlaceOnMarket', { batteryId: 'cell-A' });
    expect(battery).to.include({ status: 'PLACED_ON_MARKET', placedOnMarketAt: battery.updatedAt });
  });

  it('rejects another organisation', async () => {
    const network = await withCell();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingUser, 'battery:PlaceOnMarket', { batteryId: 'cell-A' }), 'FORBIDDEN');
  });

  it('rejects a battery already on the market', async () => {
    const network = await withCell();
    await submit(network, identities.manufacturingUser, 'battery:PlaceOnMarket', { batteryId: 'cell-A' });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, 'battery:PlaceOnMarket', { batteryId: 'cell-A' }), 'INVALID_STATE');
  });

  it('rejects an unknown battery', async () => {
    const network = await withCell();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, 'battery:PlaceOnMarket', { batteryId: 'nope' }), 'BATTERY_NOT_FOUND');
  });
});

describe('RecordUse', () => {
  it('puts a battery on the market into use (its holder)', async () => {
    const network = await withCell();
    await submit(network, identities.manufacturingUser, 'battery:PlaceOnMarket', { batteryId: 'cell-A' });
    expect((await submit(network, identities.manufacturingUser, 'battery:RecordUse', { batteryId: 'cell-A' })).status).to.equal('IN_USE');
  });

  it('rejects a battery not yet on the market', async () => {
    const network = await withCell();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, 'battery:RecordUse', { batteryId: 'cell-A' }), 'INVALID_STATE');
  });

  it('rejects another organisation', async () => {
    const network = await withCell();
    await submit(network, identities.manufacturingUser, 'battery:PlaceOnMarket', { batteryId: 'cell-A' });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingUser, 'battery:RecordUse', { batteryId: 'cell-A' }), 'FORBIDDEN');
  });
});

describe('RecordStateOfHealth', () => {
  const reading = { batteryId: 'cell-A', stateOfCertifiedEnergyBasisPoints: 9_500, remainingCapacityBasisPoints: 9_400, fullCycles: 300 };

  it('records a reading by the holder, and by the manufacturer once another organisation holds the battery', async () => {
    const network = await withCell();
    await submit(network, identities.manufacturingUser, 'battery:PlaceOnMarket', { batteryId: 'cell-A' });
    const own = await submit(network, identities.manufacturingUser, 'battery:RecordStateOfHealth', reading);
    expect(own.stateOfHealth).to.include({ fullCycles: 300, negativeEvents: 0, recordedBy: 'ManufacturingMSP' });
    await handOver(network, 'cell-A', identities.manufacturingUser, identities.recyclingUser, 'second-1', 'OWNERSHIP');
    expect((await submit(network, identities.recyclingUser, 'battery:RecordStateOfHealth', { ...reading, fullCycles: 310 })).stateOfHealth).to.include({ recordedBy: 'RecyclingMSP' });
    expect((await submit(network, identities.manufacturingUser, 'battery:RecordStateOfHealth', { ...reading, fullCycles: 320 })).stateOfHealth).to.include({ recordedBy: 'ManufacturingMSP' });
  });

  it('rejects an organisation that neither holds nor made the battery', async () => {
    const network = await withCell();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, 'battery:RecordStateOfHealth', reading), 'FORBIDDEN');
  });

  it('rejects a reading above 100 %', async () => {
    const network = await withCell();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, 'battery:RecordStateOfHealth', { ...reading, remainingCapacityBasisPoints: 10_001 }), 'INVALID_ARGUMENT');
  });
});

describe('ProposeHandover', () => {
  it('offers the battery to another facility\'s organisation without moving it, in a handover both organisations own', async () => {
    const network = await withCell();
    const { handover, battery } = await submit(network, identities.manufacturingUser, propose, { id: 'h1', batteryId: 'cell-A', toFacilityId: 'second-1' });
    expect(handover).to.include({ status: 'PROPOSED', kind: 'OWNERSHIP', fromFacilityId: 'cell-1', toFacilityId: 'second-1', senderMsp: 'ManufacturingMSP', receiverMsp: 'RecyclingMSP', ownerMsp: 'ManufacturingMSP' });
    expect(battery).to.include({ pendingHandoverId: 'h1', ownerMsp: 'ManufacturingMSP', holderFacilityId: 'cell-1', status: 'MANUFACTURED' });
    await expectKeyPolicy(network, recordKeyOf('BatteryHandover', 'h1'), ['ManufacturingMSP', 'RecyclingMSP']);
    await expectKeyPolicy(network, recordKeyOf('Battery', 'cell-A'), ['ManufacturingMSP']);
  });

  it('offers a battery on the market for collection at the end of its use', async () => {
    const network = await withCell();
    await submit(network, identities.manufacturingUser, 'battery:PlaceOnMarket', { batteryId: 'cell-A' });
    const { handover, battery } = await submit(network, identities.manufacturingUser, propose, { id: 'h1', batteryId: 'cell-A', toFacilityId: 'collector-1', kind: 'COLLECTION' });
    expect(handover.kind).to.equal('COLLECTION');
    expect(battery).to.include({ status: 'PLACED_ON_MARKET', ownerMsp: 'ManufacturingMSP' });
    expect(battery.collectedAt).to.equal(undefined);
  });

  it('rejects an organisation that does not hold the battery', async () => {
    const network = await withCell();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingUser, propose, { id: 'h1', batteryId: 'cell-A', toFacilityId: 'recycler-1' }), 'FORBIDDEN');
  });

  it('rejects a second handover while one is open', async () => {
    const network = await withCell();
    await submit(network, identities.manufacturingUser, propose, { id: 'h1', batteryId: 'cell-A', toFacilityId: 'second-1' });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, propose, { id: 'h2', batteryId: 'cell-A', toFacilityId: 'recycler-1' }), 'INVALID_STATE');
  });

  it('rejects the battery\'s own facility', async () => {
    const network = await withCell();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, propose, { id: 'h1', batteryId: 'cell-A', toFacilityId: 'cell-1' }), 'INVALID_ARGUMENT');
  });

  it('rejects a collection by a facility that does not take batteries back', async () => {
    const network = await withCell();
    await submit(network, identities.manufacturingUser, 'battery:PlaceOnMarket', { batteryId: 'cell-A' });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, propose, { id: 'h1', batteryId: 'cell-A', toFacilityId: 'refinery-1', kind: 'COLLECTION' }), 'INVALID_ARGUMENT');
  });

  it('rejects moving a collected battery on to a facility that does not take batteries back', async () => {
    const network = await collected();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingUser, propose, { id: 'h9', batteryId: 'cell-A', toFacilityId: 'cell-1' }), 'INVALID_ARGUMENT');
  });

  it('rejects collecting a collected battery again', async () => {
    const network = await collected();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingUser, propose, { id: 'h9', batteryId: 'cell-A', toFacilityId: 'recycler-2', kind: 'COLLECTION' }), 'INVALID_STATE');
  });

  it('rejects collecting a battery that was never placed on the market', async () => {
    const network = await withCell();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, propose, { id: 'h1', batteryId: 'cell-A', toFacilityId: 'recycler-1', kind: 'COLLECTION' }), 'INVALID_STATE');
  });

  it('rejects a battery that is part of another', async () => {
    const network = await withCell();
    await submit(network, identities.manufacturingUser, issue, { ...cell, id: 'mod-1', level: 'MODULE', massGrams: 1_200, components: ['cell-A'] });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, propose, { id: 'h1', batteryId: 'cell-A', toFacilityId: 'second-1' }), 'INVALID_STATE');
  });

  it('rejects an unknown battery or facility, an unknown kind and a duplicate id', async () => {
    const network = await withCell();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, propose, { id: 'h1', batteryId: 'nope', toFacilityId: 'second-1' }), 'BATTERY_NOT_FOUND');
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, propose, { id: 'h1', batteryId: 'cell-A', toFacilityId: 'nowhere' }), 'FACILITY_NOT_FOUND');
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, propose, { id: 'h1', batteryId: 'cell-A', toFacilityId: 'second-1', kind: 'GIFT' }), 'INVALID_ARGUMENT');
    await submit(network, identities.manufacturingUser, propose, { id: 'h1', batteryId: 'cell-A', toFacilityId: 'second-1' });
    await submit(network, identities.manufacturingUser, 'battery:CancelHandover', { handoverId: 'h1' });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, propose, { id: 'h1', batteryId: 'cell-A', toFacilityId: 'second-1' }), 'CONFLICT');
  });
});

describe('AcceptHandover', () => {
  it('moves ownership to the receiving facility only when its organisation accepts, and the battery key with it', async () => {
    const network = await withCell();
    await submit(network, identities.manufacturingUser, propose, { id: 'h1', batteryId: 'cell-A', toFacilityId: 'second-1' });
    const { handover, battery } = await submit(network, identities.recyclingUser, accept, { handoverId: 'h1' });
    expect(handover.status).to.equal('ACCEPTED');
    expect(battery).to.include({ ownerMsp: 'RecyclingMSP', holderFacilityId: 'second-1', status: 'MANUFACTURED', passportStatus: 'ORIGINAL', manufacturerMsp: 'ManufacturingMSP' });
    expect(battery.pendingHandoverId).to.equal(undefined);
    await expectKeyPolicy(network, recordKeyOf('Battery', 'cell-A'), ['RecyclingMSP']);
    await expectKeyPolicy(network, recordKeyOf('BatteryHandover', 'h1'), ['ManufacturingMSP', 'RecyclingMSP']);
  });

  it('marks a battery collected by a recycler or collector collected and waste', async () => {
    const network = await withCell();
    await submit(network, identities.manufacturingUser, 'battery:PlaceOnMarket', { batteryId: 'cell-A' });
    await submit(network, identities.manufacturingUser, propose, { id: 'h1', batteryId: 'cell-A', toFacilityId: 'collector-1', kind: 'COLLECTION' });
    const { battery } = await submit(network, identities.recyclingUser, accept, { handoverId: 'h1' });
    expect(battery).to.include({ status: 'COLLECTED', passportStatus: 'WASTE', ownerMsp: 'RecyclingMSP', holderFacilityId: 'collector-1', collectedAt: battery.updatedAt });
  });

  it('marks a battery collected by a second-life operator collected but not waste, and waste once it moves on to a recycler', async () => {
    const network = await withCell();
    await submit(network, identities.manufacturingUser, 'battery:PlaceOnMarket', { batteryId: 'cell-A' });
    const atSecondLife = await handOver(network, 'cell-A', identities.manufacturingUser, identities.recyclingUser, 'second-1', 'COLLECTION');
    expect(atSecondLife).to.include({ status: 'COLLECTED', passportStatus: 'ORIGINAL' });
    const atRecycler = await handOver(network, 'cell-A', identities.recyclingUser, identities.recyclingUser, 'recycler-1', 'OWNERSHIP');
    expect(atRecycler).to.include({ status: 'COLLECTED', passportStatus: 'WASTE', holderFacilityId: 'recycler-1' });
  });

  it('rejects the sender accepting its own proposal', async () => {
    const network = await withCell();
    await submit(network, identities.manufacturingUser, propose, { id: 'h1', batteryId: 'cell-A', toFacilityId: 'second-1' });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, accept, { handoverId: 'h1' }), 'FORBIDDEN');
  });

  it('rejects a third organisation', async () => {
    const network = await withCell();
    await submit(network, identities.manufacturingUser, propose, { id: 'h1', batteryId: 'cell-A', toFacilityId: 'second-1' });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, accept, { handoverId: 'h1' }), 'FORBIDDEN');
  });

  it('rejects a handover that is no longer open', async () => {
    const network = await withCell();
    await handOver(network, 'cell-A', identities.manufacturingUser, identities.recyclingUser, 'second-1', 'OWNERSHIP');
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingUser, accept, { handoverId: `h-${String(handovers)}` }), 'INVALID_STATE');
  });

  it('rejects an unknown handover', async () => {
    const network = await withCell();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingUser, accept, { handoverId: 'nope' }), 'HANDOVER_NOT_FOUND');
  });
});

describe('RejectHandover', () => {
  it('ends the handover; the battery stays with its holder and is free again', async () => {
    const network = await withCell();
    await submit(network, identities.manufacturingUser, propose, { id: 'h1', batteryId: 'cell-A', toFacilityId: 'second-1' });
    const { handover, battery } = await submit(network, identities.recyclingUser, 'battery:RejectHandover', { handoverId: 'h1', reason: 'no capacity' });
    expect(handover).to.include({ status: 'REJECTED', reason: 'no capacity' });
    expect(battery).to.include({ ownerMsp: 'ManufacturingMSP', holderFacilityId: 'cell-1' });
    expect(battery.pendingHandoverId).to.equal(undefined);
    expect((await submit(network, identities.manufacturingUser, 'battery:PlaceOnMarket', { batteryId: 'cell-A' })).status).to.equal('PLACED_ON_MARKET');
  });

  it('rejects the sender', async () => {
    const network = await withCell();
    await submit(network, identities.manufacturingUser, propose, { id: 'h1', batteryId: 'cell-A', toFacilityId: 'second-1' });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, 'battery:RejectHandover', { handoverId: 'h1' }), 'FORBIDDEN');
  });

  it('rejects a handover that is no longer open', async () => {
    const network = await withCell();
    await submit(network, identities.manufacturingUser, propose, { id: 'h1', batteryId: 'cell-A', toFacilityId: 'second-1' });
    await submit(network, identities.recyclingUser, 'battery:RejectHandover', { handoverId: 'h1' });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingUser, 'battery:RejectHandover', { handoverId: 'h1' }), 'INVALID_STATE');
  });
});

describe('CancelHandover', () => {
  it('withdraws the offer (the sender); the battery stays and is free again', async () => {
    const network = await withCell();
    await submit(network, identities.manufacturingUser, propose, { id: 'h1', batteryId: 'cell-A', toFacilityId: 'second-1' });
    const { handover, battery } = await submit(network, identities.manufacturingUser, 'battery:CancelHandover', { handoverId: 'h1' });
    expect(handover.status).to.equal('CANCELLED');
    expect(battery).to.include({ ownerMsp: 'ManufacturingMSP', holderFacilityId: 'cell-1' });
    expect(battery.pendingHandoverId).to.equal(undefined);
  });

  it('rejects the receiver', async () => {
    const network = await withCell();
    await submit(network, identities.manufacturingUser, propose, { id: 'h1', batteryId: 'cell-A', toFacilityId: 'second-1' });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingUser, 'battery:CancelHandover', { handoverId: 'h1' }), 'FORBIDDEN');
  });

  it('rejects an accepted handover', async () => {
    const network = await withCell();
    await submit(network, identities.manufacturingUser, propose, { id: 'h1', batteryId: 'cell-A', toFacilityId: 'second-1' });
    await submit(network, identities.recyclingUser, accept, { handoverId: 'h1' });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, 'battery:CancelHandover', { handoverId: 'h1' }), 'INVALID_STATE');
  });
});

describe('GetHandover', () => {
  it('reads a handover', async () => {
    const network = await withCell();
    await submit(network, identities.manufacturingUser, propose, { id: 'h1', batteryId: 'cell-A', toFacilityId: 'second-1' });
    expect(await query(network, identities.miningUser, 'battery:GetHandover', { id: 'h1' })).to.include({ status: 'PROPOSED', batteryId: 'cell-A' });
  });

  it('rejects an unknown handover', async () => {
    const network = await withCell();
    await expectContractError(query(network, identities.miningUser, 'battery:GetHandover', { id: 'nope' }), 'HANDOVER_NOT_FOUND');
  });
});

describe('an open handover', () => {
  const reading = { batteryId: 'cell-A', stateOfCertifiedEnergyBasisPoints: 9_500, remainingCapacityBasisPoints: 9_400, fullCycles: 300 };

  for (const [name, request] of [
    ['battery:PlaceOnMarket', { batteryId: 'cell-A' }],
    ['battery:RecordStateOfHealth', reading],
  ] as const) {
    it(`rejects ${name} until it is closed`, async () => {
      const network = await withCell();
      await submit(network, identities.manufacturingUser, propose, { id: 'h1', batteryId: 'cell-A', toFacilityId: 'second-1' });
      await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, name, request), 'INVALID_STATE');
    });
  }

  it('rejects RecordUse until it is closed', async () => {
    const network = await withCell();
    await submit(network, identities.manufacturingUser, 'battery:PlaceOnMarket', { batteryId: 'cell-A' });
    await submit(network, identities.manufacturingUser, propose, { id: 'h1', batteryId: 'cell-A', toFacilityId: 'second-1' });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, 'battery:RecordUse', { batteryId: 'cell-A' }), 'INVALID_STATE');
  });

  it('rejects Dismantle and Recycle until it is closed', async () => {
    const network = await collected();
    await submit(network, identities.recyclingUser, propose, { id: 'h9', batteryId: 'cell-A', toFacilityId: 'recycler-2' });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingUser, dismantle, { batteryId: 'cell-A', outputs: [recovered('co-1', 100)] }), 'INVALID_STATE');
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingUser, recycle, { batteryId: 'cell-A', outputs: [recovered('co-1', 100)], lossGrams: 900 }), 'INVALID_STATE');
  });

  it('rejects Repurpose until it is closed', async () => {
    const network = await withCell();
    await submit(network, identities.manufacturingUser, 'battery:PlaceOnMarket', { batteryId: 'cell-A' });
    await handOver(network, 'cell-A', identities.manufacturingUser, identities.recyclingUser, 'second-1', 'COLLECTION');
    await submit(network, identities.recyclingUser, propose, { id: 'h9', batteryId: 'cell-A', toFacilityId: 'recycler-1' });
    const repurpose = { batteryId: 'cell-A', newBatteryId: 'cell-A2', facilityId: 'second-1', category: 'STATIONARY', model: 'S-1', ratedCapacityMilliampHours: 50_000, nominalVoltageMillivolts: 3_700 };
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingUser, 'battery:Repurpose', repurpose), 'INVALID_STATE');
  });
});

describe('Dismantle', () => {
  it('takes a collected waste battery apart at the attested recycler into lots carrying the process\'s emissions, post-consumer recycled where they hold a conserved element', async () => {
    const network = await collected();
    const { battery, lots } = await submit(network, identities.recyclingUser, dismantle, {
      batteryId: 'cell-A',
      outputs: [{ id: 'casing', material: 'SCRAP', massGrams: 200 }, recovered('co-1', 300)],
      lossGrams: 10,
      processEmissionsGramsCo2e: 50,
    });
    expect(battery).to.include({ status: 'DISMANTLED', passportStatus: 'WASTE', dismantledAt: battery.updatedAt });
    expect(battery.recovery).to.deep.equal({ recoveredLotIds: ['casing', 'co-1'], recoveredGrams: 500, lossGrams: 10, elements: [{ element: 'COBALT', massGrams: Math.ceil(cobaltUnits(300) / 10_000) }] });
    expect(lots.map((lot) => [lot.id, lot.claims, lot.custodianFacilityId, lot.ownerMsp, lot.carbonIntensityMgPerKg])).to.deep.equal([
      ['casing', [], 'recycler-1', 'RecyclingMSP', (50 * 1_000_000) / 500],
      ['co-1', ['POST_CONSUMER_RECYCLED'], 'recycler-1', 'RecyclingMSP', (50 * 1_000_000) / 500],
    ]);
    expect(lots[1]?.origin).to.deep.equal({ kind: 'RECOVERED', sourceType: 'Battery', sourceId: 'cell-A' });
    const downstream = await query(network, identities.auditorUser, 'lot:TraceDownstream', { type: 'Battery', id: 'cell-A' });
    expect(downstream.nodes.map((n) => n.id)).to.deep.equal(['cell-A', 'casing', 'co-1']);
  });

  it('rejects a battery that has not reached waste status', async () => {
    const network = await withCell();
    await attest(network, 'recycler-1', ['POST_CONSUMER_RECYCLED']);
    await handOver(network, 'cell-A', identities.manufacturingUser, identities.recyclingUser, 'recycler-1', 'OWNERSHIP');
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingUser, dismantle, { batteryId: 'cell-A', outputs: [recovered('co-1', 100)] }), 'INVALID_STATE');
  });

  it('rejects a recycler no auditor attests for post-consumer recycled material', async () => {
    const network = await collected('recycler-2');
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingUser, dismantle, { batteryId: 'cell-A', outputs: [recovered('co-1', 100)] }), 'ATTESTATION_REQUIRED');
  });

  it('rejects a waste battery held by a collector rather than a recycler', async () => {
    const network = await withCell();
    await submit(network, identities.manufacturingUser, 'battery:PlaceOnMarket', { batteryId: 'cell-A' });
    await handOver(network, 'cell-A', identities.manufacturingUser, identities.recyclingUser, 'collector-1', 'COLLECTION');
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingUser, dismantle, { batteryId: 'cell-A', outputs: [recovered('co-1', 100)] }), 'INVALID_STATE');
  });

  it('rejects recovered lots holding more of an element than the battery\'s provenance gives it', async () => {
    const network = await collected();
    const most = Math.floor((CELL_COBALT_GRAMS * 10_000) / SULFATE_COBALT_BP);
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingUser, dismantle, { batteryId: 'cell-A', outputs: [recovered('co-1', most + 1)] }), 'ELEMENT_NOT_CONSERVED');
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingUser, dismantle, { batteryId: 'cell-A', outputs: [{ id: 'bm', material: 'BLACK_MASS', massGrams: 100 }] }), 'ELEMENT_NOT_CONSERVED');
    const { battery } = await submit(network, identities.recyclingUser, dismantle, { batteryId: 'cell-A', outputs: [recovered('co-1', most)] });
    expect(battery.recovery?.elements).to.deep.equal([{ element: 'COBALT', massGrams: Math.ceil(cobaltUnits(most) / 10_000) }]);
  });

  it('rejects outputs and losses heavier than the battery', async () => {
    const network = await collected();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingUser, dismantle, { batteryId: 'cell-A', outputs: [{ id: 'casing', material: 'SCRAP', massGrams: 900 }], lossGrams: 101 }), 'MASS_NOT_CONSERVED');
  });

  it('rejects another organisation', async () => {
    const network = await collected();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, dismantle, { batteryId: 'cell-A', outputs: [recovered('co-1', 100)] }), 'FORBIDDEN');
  });

  it('rejects a battery dismantled before', async () => {
    const network = await collected();
    await submit(network, identities.recyclingUser, dismantle, { batteryId: 'cell-A', outputs: [recovered('co-1', 100)] });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingUser, dismantle, { batteryId: 'cell-A', outputs: [recovered('co-2', 100)] }), 'INVALID_STATE');
  });
});

describe('Recycle', () => {
  it('recycles what is left of a collected waste battery at the attested recycler into post-consumer recycled lots', async () => {
    const network = await collected();
    const { battery, lots } = await submit(network, identities.recyclingUser, recycle, { batteryId: 'cell-A', outputs: [recovered('co-1', 400)], lossGrams: 600 });
    expect(battery).to.include({ status: 'RECYCLED', passportStatus: 'WASTE', recycledAt: battery.updatedAt });
    expect(battery.recovery).to.deep.equal({ recoveredLotIds: ['co-1'], recoveredGrams: 400, lossGrams: 600, elements: [{ element: 'COBALT', massGrams: Math.ceil(cobaltUnits(400) / 10_000) }] });
    expect(lots[0]).to.deep.include({ claims: ['POST_CONSUMER_RECYCLED'], elementContent: { COBALT: SULFATE_COBALT_BP } });
    expect(lots[0]?.carbonIntensityMgPerKg).to.equal(undefined);
    await expectKeyPolicy(network, recordKeyOf('MaterialLot', 'co-1'), ['RecyclingMSP']);
  });

  it('recycles the rest of a dismantled battery, bounding the recovered element mass over both steps', async () => {
    const network = await collected();
    await submit(network, identities.recyclingUser, dismantle, { batteryId: 'cell-A', outputs: [recovered('co-1', 300), { id: 'casing', material: 'SCRAP', massGrams: 200 }] });
    // 300 g and 200 g of sulfate are each within the battery's cobalt, together not
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingUser, recycle, { batteryId: 'cell-A', outputs: [recovered('co-2', 200)], lossGrams: 300 }), 'ELEMENT_NOT_CONSERVED');
    const { battery } = await submit(network, identities.recyclingUser, recycle, { batteryId: 'cell-A', outputs: [recovered('co-2', 190)], lossGrams: 310 });
    // the dismantling's cobalt is kept rounded up, so the bound never loosens
    const dismantled = Math.ceil(cobaltUnits(300) / 10_000) * 10_000;
    expect(battery.recovery).to.deep.equal({
      recoveredLotIds: ['co-1', 'casing', 'co-2'],
      recoveredGrams: 690,
      lossGrams: 310,
      elements: [{ element: 'COBALT', massGrams: Math.ceil((dismantled + cobaltUnits(190)) / 10_000) }],
    });
  });

  it('rejects outputs and losses other than what is left of the battery', async () => {
    const network = await collected();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingUser, recycle, { batteryId: 'cell-A', outputs: [recovered('co-1', 400)], lossGrams: 599 }), 'MASS_NOT_CONSERVED');
  });

  it('rejects a battery that has not reached waste status', async () => {
    const network = await withCell();
    await attest(network, 'recycler-1', ['POST_CONSUMER_RECYCLED']);
    await submit(network, identities.manufacturingUser, 'battery:PlaceOnMarket', { batteryId: 'cell-A' });
    await handOver(network, 'cell-A', identities.manufacturingUser, identities.recyclingUser, 'recycler-1', 'OWNERSHIP');
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingUser, recycle, { batteryId: 'cell-A', outputs: [recovered('co-1', 400)], lossGrams: 600 }), 'INVALID_STATE');
  });

  it('rejects a recycler no auditor attests for post-consumer recycled material', async () => {
    const network = await collected('recycler-2');
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingUser, recycle, { batteryId: 'cell-A', outputs: [recovered('co-1', 400)], lossGrams: 600 }), 'ATTESTATION_REQUIRED');
  });

  it('rejects another organisation', async () => {
    const network = await collected();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, recycle, { batteryId: 'cell-A', outputs: [recovered('co-1', 400)], lossGrams: 600 }), 'FORBIDDEN');
  });

  it('rejects a battery recycled before', async () => {
    const network = await collected();
    await submit(network, identities.recyclingUser, recycle, { batteryId: 'cell-A', outputs: [recovered('co-1', 400)], lossGrams: 600 });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingUser, recycle, { batteryId: 'cell-A', outputs: [recovered('co-2', 1)], lossGrams: 0 }), 'INVALID_STATE');
  });
});

describe('Repurpose', () => {
  const repurpose = { batteryId: 'cell-A', newBatteryId: 'cell-A2', facilityId: 'second-1', category: 'STATIONARY', model: 'S-1', ratedCapacityMilliampHours: 50_000, nominalVoltageMillivolts: 3_700 };

  it('gives a battery the second-life operator holds a new passport linked to its predecessor', async () => {
    const network = await withCell();
    await submit(network, identities.manufacturingUser, 'battery:PlaceOnMarket', { batteryId: 'cell-A' });
    await handOver(network, 'cell-A', identities.manufacturingUser, identities.recyclingUser, 'second-1', 'OWNERSHIP');
    await submit(network, identities.recyclingUser, 'battery:RecordUse', { batteryId: 'cell-A' });
    const result = await submit(network, identities.recyclingUser, 'battery:Repurpose', repurpose);
    expect(result.predecessor).to.include({ status: 'REPURPOSED', successorId: 'cell-A2' });
    expect(result.battery).to.include({ predecessorId: 'cell-A', passportStatus: 'REPURPOSED', manufacturerMsp: 'RecyclingMSP', status: 'MANUFACTURED', holderFacilityId: 'second-1' });
    expect(result.battery.elements).to.deep.equal(result.predecessor.elements);
    expect(result.battery.carbonFootprint.totalGramsCo2e).to.equal(result.predecessor.carbonFootprint.totalGramsCo2e);
  });

  it('rejects a battery repurposed before', async () => {
    const network = await withCell();
    await submit(network, identities.manufacturingUser, 'battery:PlaceOnMarket', { batteryId: 'cell-A' });
    await handOver(network, 'cell-A', identities.manufacturingUser, identities.recyclingUser, 'second-1', 'COLLECTION');
    await submit(network, identities.recyclingUser, 'battery:Repurpose', repurpose);
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingUser, 'battery:Repurpose', { ...repurpose, newBatteryId: 'cell-A3' }), 'INVALID_STATE');
  });

  it('rejects a battery the operator does not hold', async () => {
    const network = await withCell();
    await submit(network, identities.manufacturingUser, 'battery:PlaceOnMarket', { batteryId: 'cell-A' });
    await submit(network, identities.manufacturingUser, 'battery:RecordUse', { batteryId: 'cell-A' });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingUser, 'battery:Repurpose', repurpose), 'FORBIDDEN');
  });

  it('rejects a facility that is not a second-life site', async () => {
    const network = await collected();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingUser, 'battery:Repurpose', { ...repurpose, facilityId: 'recycler-1' }), 'INVALID_STATE');
  });
});

describe('GetBatteryHistory', () => {
  it('returns every version of a battery through its life, oldest first', async () => {
    const network = await collected();
    await submit(network, identities.recyclingUser, recycle, { batteryId: 'cell-A', outputs: [recovered('co-1', 400)], lossGrams: 600 });
    const history = await query(network, identities.auditorUser, 'battery:GetBatteryHistory', { id: 'cell-A' });
    expect(history.entries.map((e) => [e.record?.status, e.record?.ownerMsp, e.record?.pendingHandoverId !== undefined])).to.deep.equal([
      ['MANUFACTURED', 'ManufacturingMSP', false],
      ['PLACED_ON_MARKET', 'ManufacturingMSP', false],
      ['PLACED_ON_MARKET', 'ManufacturingMSP', true],
      ['COLLECTED', 'RecyclingMSP', false],
      ['RECYCLED', 'RecyclingMSP', false],
    ]);
  });

  it('rejects an unknown battery', async () => {
    const network = await withCell();
    await expectContractError(query(network, identities.auditorUser, 'battery:GetBatteryHistory', { id: 'nope' }), 'BATTERY_NOT_FOUND');
  });
});

describe('GetPassport', () => {
  let network: MemoryNetwork;
  beforeEach(async () => {
    network = await world();
    // transient data: the gateway asks no other organisation, so the caller names a second member of the collection
    await submit(network, identities.manufacturingUser, issue, { ...cell, lots: [{ lotId: 'coso4', massGrams: 500 }] }, { transient: { passportRestricted: restricted }, endorsingOrganizations: ['ManufacturingMSP', 'AuditorMSP'] });
  });
  const passport = (who: typeof identities.miningUser): ReturnType<typeof query<'battery:GetPassport'>> => query(network, who, 'battery:GetPassport', { id: 'cell-A' });

  it('keeps restricted fields in the private collection, with their hash on the public record', async () => {
    const battery = await query(network, identities.miningUser, 'battery:GetBattery', { id: 'cell-A' });
    expect(battery.restrictedDataHash).to.match(/^0x[0-9a-f]{64}$/);
    expect(JSON.stringify(network.ledger.entries().map(([, v]) => Buffer.from(v).toString('utf8')))).not.to.include('PN-1');
  });

  it('shows the public tier to everyone else', async () => {
    const view = await passport(identities.miningUser);
    expect(view.tier).to.equal('PUBLIC');
    expect(view.circularity.recycledContent).to.have.length(1);
    expect(view.materialComposition.materials).to.equal(undefined);
    expect(view.circularity.dismantlingInformationHash).to.equal(undefined);
  });

  it('shows legitimate-interest fields to recyclers, but not part numbers or test reports', async () => {
    const view = await passport(identities.recyclingUser);
    expect(view.tier).to.equal('LEGITIMATE_INTEREST');
    expect(view.materialComposition.materials).to.have.length(1);
    expect(view.circularity.dismantlingInformationHash).to.equal(restricted.dismantlingInformationHash);
    expect(view.labelsAndConformity.partNumbers).to.equal(undefined);
    expect(view.labelsAndConformity.testReportsHash).to.equal(undefined);
  });

  it('shows authorities everything restricted, and the manufacturer everything', async () => {
    const authorities = await passport(identities.auditorUser);
    expect(authorities.tier).to.equal('AUTHORITIES');
    expect(authorities.labelsAndConformity).to.include({ testReportsHash: restricted.testReportsHash });
    expect(authorities.materialComposition.inputLots).to.have.length(1);
    const own = await passport(identities.manufacturingUser);
    expect(own.tier).to.equal('MANUFACTURER');
    expect(own.labelsAndConformity.partNumbers).to.deep.equal(['PN-1']);
    expect(own.restrictedDataAvailable).to.equal(true);
  });

  it('rejects malformed restricted data and an unknown battery', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, issue, { ...cell, id: 'cell-B', lots: [{ lotId: 'coso4', massGrams: 1 }] }, { transient: { passportRestricted: { salt: 'short' } } }), 'INVALID_ARGUMENT');
    await expectContractError(passport(identities.miningUser).then(() => query(network, identities.miningUser, 'battery:GetPassport', { id: 'none' })), 'BATTERY_NOT_FOUND');
  });

  it('lists an auditor\'s attestations of the battery as third-party assurances for authorities', async () => {
    await submit(network, identities.auditorUser, 'audit:RecordAttestation', { id: 'a1', scheme: 'GBA', scope: 'passport data', subject: { type: 'Battery', id: 'cell-A' }, result: 'PASS', validFrom: '2024-01-01T00:00:00Z', validUntil: '2027-01-01T00:00:00Z', evidenceHash: documentHash('a1') });
    expect((await passport(identities.auditorUser)).supplyChainDueDiligence.thirdPartyAssurances?.map((a) => a.id)).to.deep.equal(['a1']);
    expect((await passport(identities.miningUser)).supplyChainDueDiligence.thirdPartyAssurances).to.equal(undefined);
  });
});
