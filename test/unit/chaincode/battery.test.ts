import { expect } from 'chai';
import type { Battery } from '../../../chaincode/src/api';
import { expectContractError, expectRejectedWithoutTrace } from '../../support/assertions';
import { identities } from '../../support/identities';
import type { MemoryNetwork } from '../../support/MemoryNetwork';
import type { TransactionName } from '../../support/transactions';
import { documentHash, mint, query, standardWorld, submit } from './fixtures';

const issue = 'battery:IssueBattery';
const restricted = { dismantlingInformationHash: documentHash('dismantling'), partNumbers: ['PN-1'], testReportsHash: documentHash('tests'), salt: 'a-salt-of-16-chars' };
const cell = { id: 'cell-A', facilityId: 'cell-1', level: 'CELL', category: 'EV', model: 'C-1', chemistry: 'NMC', massGrams: 1_000, ratedCapacityMilliampHours: 60_000, nominalVoltageMillivolts: 3_700 };

async function send(network: MemoryNetwork, who: typeof identities.miningUser, receiver: typeof identities.miningUser, lotId: string, to: string, mass: number): Promise<void> {
  await submit(network, who, 'custody:ProposeTransfer', { id: `t-${lotId}`, lotId, toFacilityId: to, declaredMassGrams: mass, shippingDocumentsHash: documentHash(lotId) });
  await submit(network, receiver, 'custody:AcceptTransfer', { transferId: `t-${lotId}`, receivedMassGrams: mass });
}

/** Virgin cobalt sulfate (5 kg CO2e/kg) at the cell plant. */
async function world(): Promise<MemoryNetwork> {
  const network = await standardWorld();
  await mint(network, 'coso4', 2_000, { material: 'COBALT_SULFATE', carbonIntensity: 5_000 });
  await send(network, identities.miningUser, identities.manufacturingUser, 'coso4', 'cell-1', 2_000);
  return network;
}

/** Takes a battery from issuance through collection and recycling into 400 g of recovered cobalt sulfate at the cell plant. */
async function recycledFeed(network: MemoryNetwork): Promise<void> {
  await submit(network, identities.manufacturingUser, issue, { ...cell, id: 'old', lots: [{ lotId: 'coso4', massGrams: 500 }] });
  await submit(network, identities.manufacturingUser, 'battery:PlaceOnMarket', { batteryId: 'old' });
  await submit(network, identities.recyclingUser, 'battery:Collect', { batteryId: 'old', facilityId: 'recycler-1' });
  await submit(network, identities.recyclingUser, 'battery:Recycle', { batteryId: 'old', outputs: [{ id: 'rec-co', material: 'RECOVERED_COBALT_SULFATE', massGrams: 400, carbonIntensity: 1_000 }], lossGrams: 600 });
  await submit(network, identities.recyclingAdmin, 'facility:UpdateCertifications', {
    id: 'recycler-1',
    certifications: [{ scheme: 'UL 2809', certificateId: 'UL-1', validFrom: '2024-01-01T00:00:00Z', validUntil: '2027-01-01T00:00:00Z', claims: ['POST_CONSUMER_RECYCLED'] }],
  });
  await send(network, identities.recyclingUser, identities.manufacturingUser, 'rec-co', 'cell-1', 400);
}

function cobalt(battery: Battery): Battery['elements'][number] | undefined {
  return battery.elements.find((e) => e.element === 'COBALT');
}

describe('IssueBattery', () => {
  it('issues a cell from a lot: consumes the lot, computes composition, recycled content and carbon footprint', async () => {
    const network = await world();
    const battery = await submit(network, identities.manufacturingUser, issue, { ...cell, lots: [{ lotId: 'coso4', massGrams: 500 }] });
    expect(battery).to.include({ status: 'MANUFACTURED', passportStatus: 'ORIGINAL', ownerMsp: 'ManufacturingMSP', manufacturingCountry: 'SE', ratedEnergyWattHours: 222 });
    expect(battery.materials).to.deep.equal([{ material: 'COBALT_SULFATE', massGrams: 500, critical: true }]);
    expect(cobalt(battery)).to.include({ massGrams: 105, postConsumerRecycledBasisPoints: 0, preConsumerRecycledBasisPoints: 0 });
    expect(battery.carbonFootprint).to.include({ totalGramsCo2e: 2_500, rawMaterialsGramsCo2e: 2_500, complete: true });
    const lot = await query(network, identities.auditorUser, 'lot:GetLot', { id: 'coso4' });
    expect(lot.massGrams).to.equal(1_500);
    const trace = await query(network, identities.auditorUser, 'lot:TraceUpstream', { type: 'Battery', id: 'cell-A' });
    expect(trace.nodes.map((n) => n.id)).to.include('coso4');
  });

  it('computes the recycled share from provenance, following the ledger when the input changes', async () => {
    const network = await world();
    await recycledFeed(network);
    const half = await submit(network, identities.manufacturingUser, issue, { ...cell, id: 'half', lots: [{ lotId: 'coso4', massGrams: 200 }, { lotId: 'rec-co', massGrams: 200 }] });
    expect(cobalt(half)).to.include({ postConsumerRecycledBasisPoints: 5_000, preConsumerRecycledBasisPoints: 0 });
    const quarter = await submit(network, identities.manufacturingUser, issue, { ...cell, id: 'quarter', lots: [{ lotId: 'coso4', massGrams: 300 }, { lotId: 'rec-co', massGrams: 100 }] });
    expect(cobalt(quarter)?.postConsumerRecycledBasisPoints).to.equal(2_500);
    expect(quarter.carbonFootprint.totalGramsCo2e).to.equal(1_600);
  });

  it('rejects a declared recycled share', async () => {
    const network = await world();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, issue, { ...cell, lots: [{ lotId: 'coso4', massGrams: 500 }], elements: [] }), 'INVALID_ARGUMENT');
  });

  it('builds a module from cells, which become part of it', async () => {
    const network = await world();
    await submit(network, identities.manufacturingUser, issue, { ...cell, lots: [{ lotId: 'coso4', massGrams: 500 }] });
    const module = await submit(network, identities.manufacturingUser, issue, { ...cell, id: 'mod-1', level: 'MODULE', massGrams: 1_200, components: ['cell-A'] });
    expect(cobalt(module)?.massGrams).to.equal(105);
    expect(module.carbonFootprint.componentsGramsCo2e).to.equal(2_500);
    expect((await query(network, identities.auditorUser, 'battery:GetBattery', { id: 'cell-A' })).integratedInto).to.equal('mod-1');
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, 'battery:PlaceOnMarket', { batteryId: 'cell-A' }), 'INVALID_STATE');
  });

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

  it('rejects a lot held elsewhere and a duplicate id', async () => {
    const network = await world();
    await mint(network, 'at-mine', 100, { material: 'COBALT_SULFATE' });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, issue, { ...cell, lots: [{ lotId: 'at-mine', massGrams: 10 }] }), 'INVALID_STATE');
    await submit(network, identities.manufacturingUser, issue, { ...cell, lots: [{ lotId: 'coso4', massGrams: 10 }] });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, issue, { ...cell, lots: [{ lotId: 'coso4', massGrams: 10 }] }), 'CONFLICT');
  });
});

describe('battery lifecycle', () => {
  let network: MemoryNetwork;
  beforeEach(async () => {
    network = await world();
    await submit(network, identities.manufacturingUser, issue, { ...cell, lots: [{ lotId: 'coso4', massGrams: 500 }] });
  });
  const act = (who: typeof identities.miningUser, name: TransactionName, request: unknown): Promise<unknown> => submit(network, who, name, request);

  it('goes manufactured → placed on market → in use → collected → recycled, with state of health on the way', async () => {
    await act(identities.manufacturingUser, 'battery:PlaceOnMarket', { batteryId: 'cell-A' });
    await act(identities.manufacturingUser, 'battery:RecordUse', { batteryId: 'cell-A' });
    const soh = await submit(network, identities.manufacturingUser, 'battery:RecordStateOfHealth', { batteryId: 'cell-A', stateOfCertifiedEnergyBasisPoints: 9_500, remainingCapacityBasisPoints: 9_400, fullCycles: 300 });
    expect(soh.stateOfHealth).to.include({ fullCycles: 300, recordedBy: 'ManufacturingMSP' });
    const collected = await submit(network, identities.recyclingUser, 'battery:Collect', { batteryId: 'cell-A', facilityId: 'recycler-1' });
    expect(collected).to.include({ status: 'COLLECTED', ownerMsp: 'RecyclingMSP', passportStatus: 'WASTE' });
    const recycled = await submit(network, identities.recyclingUser, 'battery:Recycle', { batteryId: 'cell-A', outputs: [{ id: 'bm', material: 'BLACK_MASS', massGrams: 700 }], lossGrams: 300 });
    expect(recycled.battery.status).to.equal('RECYCLED');
    expect(recycled.lots[0]).to.deep.include({ claims: ['POST_CONSUMER_RECYCLED'], custodianFacilityId: 'recycler-1', origin: { kind: 'RECOVERED', sourceType: 'Battery', sourceId: 'cell-A' } });
    const history = await query(network, identities.auditorUser, 'battery:GetBatteryHistory', { id: 'cell-A' });
    expect(history.entries.map((e) => e.record?.status)).to.deep.equal(['MANUFACTURED', 'PLACED_ON_MARKET', 'IN_USE', 'IN_USE', 'COLLECTED', 'RECYCLED']);
  });

  it('rejects steps by the wrong party or out of order', async () => {
    await expectRejectedWithoutTrace(network, () => act(identities.recyclingUser, 'battery:PlaceOnMarket', { batteryId: 'cell-A' }), 'FORBIDDEN');
    await expectRejectedWithoutTrace(network, () => act(identities.manufacturingUser, 'battery:RecordUse', { batteryId: 'cell-A' }), 'INVALID_STATE');
    await expectRejectedWithoutTrace(network, () => act(identities.recyclingUser, 'battery:Collect', { batteryId: 'cell-A', facilityId: 'recycler-1' }), 'INVALID_STATE');
    await act(identities.manufacturingUser, 'battery:PlaceOnMarket', { batteryId: 'cell-A' });
    await expectRejectedWithoutTrace(network, () => act(identities.miningUser, 'battery:RecordStateOfHealth', { batteryId: 'cell-A', stateOfCertifiedEnergyBasisPoints: 1, remainingCapacityBasisPoints: 1, fullCycles: 1 }), 'FORBIDDEN');
    await expectRejectedWithoutTrace(network, () => act(identities.recyclingUser, 'battery:Collect', { batteryId: 'cell-A', facilityId: 'cell-1' }), 'FORBIDDEN');
    await act(identities.recyclingUser, 'battery:Collect', { batteryId: 'cell-A', facilityId: 'recycler-1' });
    await expectRejectedWithoutTrace(network, () => act(identities.manufacturingUser, 'battery:Recycle', { batteryId: 'cell-A', outputs: [{ id: 'x', material: 'BLACK_MASS', massGrams: 1000 }], lossGrams: 0 }), 'FORBIDDEN');
    await expectRejectedWithoutTrace(network, () => act(identities.recyclingUser, 'battery:Recycle', { batteryId: 'cell-A', outputs: [{ id: 'x', material: 'BLACK_MASS', massGrams: 900 }], lossGrams: 0 }), 'MASS_NOT_CONSERVED');
    await expectRejectedWithoutTrace(network, () => act(identities.recyclingUser, 'battery:Dismantle', { batteryId: 'cell-A', outputs: [{ id: 'x', material: 'SCRAP', massGrams: 1001 }] }), 'MASS_NOT_CONSERVED');
  });

  it('dismantles, then recycles the rest', async () => {
    await act(identities.manufacturingUser, 'battery:PlaceOnMarket', { batteryId: 'cell-A' });
    await act(identities.recyclingUser, 'battery:Collect', { batteryId: 'cell-A', facilityId: 'recycler-1' });
    await act(identities.recyclingUser, 'battery:Dismantle', { batteryId: 'cell-A', outputs: [{ id: 'casing', material: 'SCRAP', massGrams: 200 }] });
    const result = await submit(network, identities.recyclingUser, 'battery:Recycle', { batteryId: 'cell-A', outputs: [{ id: 'bm', material: 'BLACK_MASS', massGrams: 750 }], lossGrams: 50 });
    expect(result.battery.recovery).to.deep.equal({ recoveredLotIds: ['casing', 'bm'], recoveredGrams: 950, lossGrams: 50 });
  });

  it('hands a battery over and repurposes it with a new passport linked to its predecessor', async () => {
    await submit(network, identities.recyclingAdmin, 'facility:RegisterFacility', { id: 'second-1', kind: 'SECOND_LIFE', name: 'Second life', country: 'DE' });
    await act(identities.manufacturingUser, 'battery:PlaceOnMarket', { batteryId: 'cell-A' });
    await act(identities.manufacturingUser, 'battery:TransferOwnership', { batteryId: 'cell-A', toFacilityId: 'second-1' });
    await act(identities.recyclingUser, 'battery:RecordUse', { batteryId: 'cell-A' });
    const result = await submit(network, identities.recyclingUser, 'battery:Repurpose', { batteryId: 'cell-A', newBatteryId: 'cell-A2', facilityId: 'second-1', category: 'STATIONARY', model: 'S-1', ratedCapacityMilliampHours: 50_000, nominalVoltageMillivolts: 3_700 });
    expect(result.predecessor).to.include({ status: 'REPURPOSED', successorId: 'cell-A2' });
    expect(result.battery).to.include({ predecessorId: 'cell-A', passportStatus: 'REPURPOSED', manufacturerMsp: 'RecyclingMSP', status: 'MANUFACTURED' });
    expect(result.battery.elements).to.deep.equal(result.predecessor.elements);
    await expectRejectedWithoutTrace(network, () => act(identities.recyclingUser, 'battery:Repurpose', { batteryId: 'cell-A', newBatteryId: 'cell-A3', facilityId: 'second-1', category: 'STATIONARY', model: 'S-1', ratedCapacityMilliampHours: 1, nominalVoltageMillivolts: 1 }), 'INVALID_STATE');
  });
});

describe('GetPassport', () => {
  let network: MemoryNetwork;
  beforeEach(async () => {
    network = await world();
    await submit(network, identities.manufacturingUser, issue, { ...cell, lots: [{ lotId: 'coso4', massGrams: 500 }] }, { transient: { passportRestricted: restricted } });
  });
  const passport = (who: typeof identities.miningUser) => query(network, who, 'battery:GetPassport', { id: 'cell-A' });

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
