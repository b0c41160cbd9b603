import type { Battery, BatteryHandover, CustodyTransfer, Facility, MaterialLot, ProcessRun } from '../../chaincode/src/api';
import { claimLabel, enumLabel } from '../report/format';
import type { CustodyEvent } from '../report/model';
import { creationFacilityId } from './directory';
import type { LedgerReader } from './readerPort';

/** Reads every custody transfer of a lot, following bookmarks. */
export async function readTransfers(reader: Pick<LedgerReader, 'listTransfers'>, lotId: string): Promise<CustodyTransfer[]> {
  const transfers: CustodyTransfer[] = [];
  let bookmark = '';
  for (let page = 0; page < 100; page += 1) {
    const result = await reader.listTransfers({ lotId, pageSize: 100, bookmark });
    transfers.push(...result.items);
    if (result.bookmark === '') break;
    bookmark = result.bookmark;
  }
  return transfers;
}

/** Reads every handover a battery took part in: those its record's history names while they were open. */
export async function readHandovers(reader: Pick<LedgerReader, 'getBatteryHistory' | 'getHandover'>, batteryId: string): Promise<BatteryHandover[]> {
  const history = await reader.getBatteryHistory({ id: batteryId });
  const ids = new Set(history.entries.flatMap((entry) => (entry.record?.pendingHandoverId === undefined ? [] : [entry.record.pendingHandoverId])));
  const handovers: BatteryHandover[] = [];
  for (const id of ids) {
    handovers.push(await reader.getHandover({ id }));
  }
  return handovers;
}

function facilityName(facilities: ReadonlyMap<string, Facility>, id: string): string {
  const facility = facilities.get(id);
  return facility ? `${facility.name} (${facility.country})` : id;
}

/** What the timeline needs to name places: facilities, process runs, and where split lots were made. */
export interface CustodyLookups {
  readonly facilities: ReadonlyMap<string, Facility>;
  readonly runs: ReadonlyMap<string, ProcessRun>;
  readonly splitSites?: ReadonlyMap<string, string>;
}

function creationEvent(lot: MaterialLot, lookups: CustodyLookups): CustodyEvent {
  const run = lot.origin.kind === 'TRANSFORMED' ? lookups.runs.get(lot.origin.processRunId) : undefined;
  const labels = lot.origin.kind === 'SPLIT' && lot.claims.length > 0 ? ` (labelled ${lot.claims.map(claimLabel).join(', ')})` : '';
  const action =
    lot.origin.kind === 'MINED' ? 'minted' : run ? `made by ${enumLabel(run.processKind).toLowerCase()}` : `${enumLabel(lot.origin.kind).toLowerCase()}${labels}`;
  const at = facilityName(lookups.facilities, creationFacilityId(lot, lookups.runs, lookups.splitSites));
  return { at: lot.createdAt, subjectId: lot.id, action, to: at, grams: lot.initialMassGrams, txId: lot.txId };
}

function transferEvents(transfer: CustodyTransfer, facilities: ReadonlyMap<string, Facility>): CustodyEvent[] {
  const common = { subjectId: transfer.lotId, from: facilityName(facilities, transfer.fromFacilityId), to: facilityName(facilities, transfer.toFacilityId) };
  const proposed: CustodyEvent = { ...common, at: transfer.createdAt, action: 'shipped (proposed)', grams: transfer.declaredMassGrams };
  if (transfer.status === 'PROPOSED') return [proposed];
  const closed: CustodyEvent = {
    ...common,
    at: transfer.updatedAt,
    action: transfer.status === 'ACCEPTED' || transfer.status === 'SETTLED' ? 'received (accepted)' : enumLabel(transfer.status).toLowerCase(),
    ...(transfer.receivedMassGrams === undefined ? {} : { grams: transfer.receivedMassGrams }),
    ...(transfer.lossGrams === undefined ? {} : { lossGrams: transfer.lossGrams }),
    txId: transfer.txId,
  };
  return [proposed, closed];
}

function batteryEvent(battery: Battery, facilities: ReadonlyMap<string, Facility>): CustodyEvent {
  return { at: battery.createdAt, subjectId: battery.id, action: `issued (${enumLabel(battery.level).toLowerCase()})`, to: facilityName(facilities, battery.manufacturingFacilityId), grams: battery.massGrams, txId: battery.txId };
}

function handoverEvents(handover: BatteryHandover, facilities: ReadonlyMap<string, Facility>): CustodyEvent[] {
  const kind = handover.kind === 'COLLECTION' ? 'collection' : 'handover';
  const common = { subjectId: handover.batteryId, from: facilityName(facilities, handover.fromFacilityId), to: facilityName(facilities, handover.toFacilityId) };
  const proposed: CustodyEvent = { ...common, at: handover.createdAt, action: `${kind} proposed` };
  if (handover.status === 'PROPOSED') return [proposed];
  return [proposed, { ...common, at: handover.updatedAt, action: `${kind} ${enumLabel(handover.status).toLowerCase()}`, txId: handover.txId }];
}

/**
 * The custody timeline of a set of lots and batteries, oldest first: when each lot was minted or made and each
 * battery issued, every shipment proposed and received (declared and weighed masses, the loss), and every
 * battery handover proposed and accepted.
 */
export function buildCustodyTimeline(
  lots: readonly MaterialLot[],
  transfers: readonly CustodyTransfer[],
  lookups: CustodyLookups,
  batteries: readonly Battery[] = [],
  handovers: readonly BatteryHandover[] = [],
): CustodyEvent[] {
  const events = [
    ...lots.map((lot) => creationEvent(lot, lookups)),
    ...transfers.flatMap((t) => transferEvents(t, lookups.facilities)),
    ...batteries.map((b) => batteryEvent(b, lookups.facilities)),
    ...handovers.flatMap((h) => handoverEvents(h, lookups.facilities)),
  ];
  return events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
