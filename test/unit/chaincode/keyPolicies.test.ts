import { expect } from 'chai';
import { z } from 'zod';
import { mspIdSchema, type RecordTypeName } from '../../../chaincode/src/api';
import { OBJECT_TYPES, RECORD_OBJECT_TYPES } from '../../../chaincode/src/state/keys';
import { identities } from '../../support/identities';
import type { MemoryNetwork } from '../../support/MemoryNetwork';
import { attest, compositeKey, deliver, expectKeyPolicy, mint, recordKeyOf, splitKey, standardWorld, submit } from './fixtures';

const ownedSchema = z.object({ ownerMsp: mspIdSchema }).passthrough();
const partiesSchema = z.object({ senderMsp: mspIdSchema, receiverMsp: mspIdSchema }).passthrough();
const RECORD_TYPE_BY_OBJECT_TYPE = new Map(Object.entries(RECORD_OBJECT_TYPES).map(([type, objectType]) => [objectType, type as RecordTypeName]));

function json(bytes: Uint8Array | undefined): unknown {
  return bytes === undefined ? undefined : JSON.parse(Buffer.from(bytes).toString('utf8'));
}

/** The organisations a record's key belongs to: both parties of a transfer or handover, else its owner. */
function recordOwners(value: unknown): string[] {
  const parties = partiesSchema.safeParse(value);
  return parties.success ? [parties.data.senderMsp, parties.data.receiverMsp] : [ownedSchema.parse(value).ownerMsp];
}

function ownersOfRecord(network: MemoryNetwork, type: RecordTypeName, id: string): string[] {
  return recordOwners(json(network.ledger.value(recordKeyOf(type, id))));
}

/** A provenance link belongs to whoever created the record it leads to (the child's first version). */
function creatorOf(network: MemoryNetwork, type: string, id: string): string[] {
  const objectType = RECORD_OBJECT_TYPES[type as RecordTypeName];
  const [first] = network.ledger.history(compositeKey(objectType, id));
  return [ownedSchema.parse(json(first?.value)).ownerMsp];
}

/** The owners of an index or link entry, from the record it belongs to. */
function entryOwners(network: MemoryNetwork, objectType: string, attributes: readonly string[]): string[] {
  const at = (index: number): string => attributes.at(index) ?? '';
  switch (objectType) {
    case OBJECT_TYPES.facilitiesByOrg:
      return [at(0)];
    case OBJECT_TYPES.lotsByFacility:
      return ownersOfRecord(network, 'MaterialLot', at(1));
    case OBJECT_TYPES.transfersByLot:
      return ownersOfRecord(network, 'CustodyTransfer', at(1));
    case OBJECT_TYPES.provenanceUp:
      return creatorOf(network, at(0), at(1));
    case OBJECT_TYPES.provenanceDown:
      return creatorOf(network, at(2), at(3));
    case OBJECT_TYPES.massBalanceMovements:
      return ownersOfRecord(network, 'MassBalanceMovement', at(-1));
    case OBJECT_TYPES.attestationsBySubject:
      return ownersOfRecord(network, 'Attestation', at(-1));
    default:
      return expect.fail(`no owner rule for keys of ${objectType}`);
  }
}

/**
 * Every kind of key the chaincode writes: facilities, attestations, minted, split and merged lots, transfers,
 * a transformation with consumption credit, a claim split off its output, a battery handed over for collection
 * and recycled into recovered lots.
 */
async function everyKindOfKey(): Promise<MemoryNetwork> {
  const network = await standardWorld();
  await attest(network, 'mine-1', ['CERTIFIED_ORIGIN']);
  await attest(network, 'refinery-1', ['CERTIFIED_ORIGIN']);
  await attest(network, 'recycler-1', ['POST_CONSUMER_RECYCLED']);
  await submit(network, identities.miningUser, 'massbalance:OpenPeriod', { id: 'p1', facilityId: 'refinery-1', material: 'COBALT_HYDROXIDE', claim: 'CERTIFIED_ORIGIN', startsAt: '2025-01-01T00:00:00Z', endsAt: '2025-02-01T00:00:00Z' });
  await mint(network, 'ore-c', 10_000, { claims: ['CERTIFIED_ORIGIN'], carbonIntensity: 100 });
  await mint(network, 'ore-u', 10_000, { carbonIntensity: 100 });
  await submit(network, identities.miningUser, 'lot:SplitLot', { lotId: 'ore-u', children: [{ id: 'ore-u1', massGrams: 4_000 }, { id: 'ore-u2', massGrams: 1_000 }] });
  await submit(network, identities.miningUser, 'lot:MergeLots', { id: 'ore-m', lotIds: ['ore-u', 'ore-u1'] });
  await deliver(network, 'ore-c', 'refinery-1');
  await deliver(network, 'ore-m', 'refinery-1');
  await submit(network, identities.miningUser, 'process:Transform', {
    id: 'run-1',
    facilityId: 'refinery-1',
    processKind: 'REFINING',
    inputs: [{ lotId: 'ore-c', massGrams: 10_000 }, { lotId: 'ore-m', massGrams: 9_000 }],
    outputs: [{ id: 'so4', material: 'COBALT_SULFATE', massGrams: 15_200 }],
    lossGrams: 3_800,
  });
  await submit(network, identities.miningUser, 'massbalance:ClaimOnOutput', { id: 'c1', processRunId: 'run-1', outputLotId: 'so4', claim: 'CERTIFIED_ORIGIN', sourceMaterial: 'COBALT_HYDROXIDE', massGrams: 800, claimedLotId: 'so4-co' });
  await deliver(network, 'so4', 'cell-1');
  await submit(network, identities.manufacturingUser, 'battery:IssueBattery', { id: 'cell-A', facilityId: 'cell-1', level: 'CELL', category: 'EV', model: 'C-1', chemistry: 'NMC', massGrams: 1_000, ratedCapacityMilliampHours: 60_000, nominalVoltageMillivolts: 3_700, lots: [{ lotId: 'so4', massGrams: 500 }] });
  await submit(network, identities.manufacturingUser, 'battery:PlaceOnMarket', { batteryId: 'cell-A' });
  await submit(network, identities.manufacturingUser, 'battery:ProposeHandover', { id: 'h1', batteryId: 'cell-A', toFacilityId: 'recycler-1', kind: 'COLLECTION' });
  await submit(network, identities.recyclingUser, 'battery:AcceptHandover', { handoverId: 'h1' });
  await submit(network, identities.recyclingUser, 'battery:Recycle', { batteryId: 'cell-A', outputs: [{ id: 'rec-co', material: 'RECOVERED_COBALT_SULFATE', massGrams: 400 }], lossGrams: 600 });
  return network;
}

describe('key-level policies', () => {
  it('name every key\'s owners, and one other organisation besides a lone owner, on every key the chaincode writes', async () => {
    const network = await everyKindOfKey();
    const checked = new Set<string>();
    for (const [key, value] of network.ledger.entries()) {
      const { objectType, attributes } = splitKey(key);
      const recordType = RECORD_TYPE_BY_OBJECT_TYPE.get(objectType);
      const owners = recordType === undefined ? entryOwners(network, objectType, attributes) : recordOwners(json(value));
      await expectKeyPolicy(network, key, owners);
      checked.add(objectType);
    }
    const privateTypes: readonly string[] = [OBJECT_TYPES.commercialTerms, OBJECT_TYPES.passportRestricted];
    const publicTypes = [...Object.values(RECORD_OBJECT_TYPES), ...Object.values(OBJECT_TYPES).filter((type) => !privateTypes.includes(type))];
    expect([...checked].sort()).to.deep.equal(publicTypes.sort());
  });

  it('move with a record to its new owner, and leave provenance links with their creator', async () => {
    const network = await everyKindOfKey();
    await expectKeyPolicy(network, recordKeyOf('MaterialLot', 'so4'), ['ManufacturingMSP']);
    await expectKeyPolicy(network, recordKeyOf('Battery', 'cell-A'), ['RecyclingMSP']);
    // the links a lot's creator wrote stay its creator's after the lot moved
    await expectKeyPolicy(network, compositeKey(OBJECT_TYPES.provenanceUp, 'MaterialLot', 'so4', 'ProcessRun', 'run-1'), ['MiningMSP']);
  });
});
