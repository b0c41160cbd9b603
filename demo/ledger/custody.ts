import type { CustodyTransfer, Facility, MaterialLot, ProcessRun } from '../../chaincode/src/api';
import { enumLabel } from '../report/format';
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

function facilityName(facilities: ReadonlyMap<string, Facility>, id: string): string {
  const facility = facilities.get(id);
  return facility ? `${facility.name} (${facility.country})` : id;
}

function creationEvent(lot: MaterialLot, facilities: ReadonlyMap<string, Facility>, runs: ReadonlyMap<string, ProcessRun>): CustodyEvent {
  const run = lot.origin.kind === 'TRANSFORMED' ? runs.get(lot.origin.processRunId) : undefined;
  const action =
    lot.origin.kind === 'MINED' ? 'minted' : run ? `made by ${enumLabel(run.processKind).toLowerCase()}` : enumLabel(lot.origin.kind).toLowerCase();
  return { at: lot.createdAt, subjectId: lot.id, action, to: facilityName(facilities, creationFacilityId(lot, runs)), grams: lot.initialMassGrams, txId: lot.txId };
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

/**
 * The custody timeline of a set of lots, oldest first: when each was minted or made, and every shipment
 * proposed and received, with declared and weighed masses and the loss.
 */
export function buildCustodyTimeline(
  lots: readonly MaterialLot[],
  transfers: readonly CustodyTransfer[],
  facilities: ReadonlyMap<string, Facility>,
  runs: ReadonlyMap<string, ProcessRun>,
): CustodyEvent[] {
  const events = [...lots.map((lot) => creationEvent(lot, facilities, runs)), ...transfers.flatMap((t) => transferEvents(t, facilities))];
  return events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
