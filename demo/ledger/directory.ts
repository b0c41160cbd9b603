import type { Facility, MaterialLot, ProcessRun } from '../../chaincode/src/api';
import type { FacilityRef } from '../report/model';
import type { LedgerReader } from './readerPort';

/** Facilities and process runs read from the ledger once each, by id. */
export interface LedgerDirectory {
  facility(id: string): Promise<Facility>;
  processRun(id: string): Promise<ProcessRun>;
  /** Facilities read so far. */
  readonly facilities: ReadonlyMap<string, Facility>;
  /** Process runs read so far. */
  readonly runs: ReadonlyMap<string, ProcessRun>;
}

/** Creates a caching directory over the ledger. */
export function createDirectory(reader: Pick<LedgerReader, 'getFacility' | 'getProcessRun'>): LedgerDirectory {
  const facilities = new Map<string, Facility>();
  const runs = new Map<string, ProcessRun>();
  return {
    facilities,
    runs,
    async facility(id: string): Promise<Facility> {
      const known = facilities.get(id);
      if (known) return known;
      const facility = await reader.getFacility({ id });
      facilities.set(id, facility);
      return facility;
    },
    async processRun(id: string): Promise<ProcessRun> {
      const known = runs.get(id);
      if (known) return known;
      const run = await reader.getProcessRun({ id });
      runs.set(id, run);
      return run;
    },
  };
}

/** The facility a lot was created at: the mine it was extracted at, or where the process that made it ran. */
export function creationFacilityId(lot: MaterialLot, runs: ReadonlyMap<string, ProcessRun>): string {
  switch (lot.origin.kind) {
    case 'MINED':
      return lot.origin.facilityId;
    case 'TRANSFORMED':
      return runs.get(lot.origin.processRunId)?.facilityId ?? lot.custodianFacilityId;
    case 'RECOVERED':
      return (lot.origin.processRunId === undefined ? undefined : runs.get(lot.origin.processRunId)?.facilityId) ?? lot.custodianFacilityId;
    default:
      return lot.custodianFacilityId;
  }
}

/** The process run ids a set of lots was made by. */
export function processRunIds(lots: Iterable<MaterialLot>): string[] {
  const ids = new Set<string>();
  for (const lot of lots) {
    if (lot.origin.kind === 'TRANSFORMED') ids.add(lot.origin.processRunId);
    if (lot.origin.kind === 'RECOVERED' && lot.origin.processRunId !== undefined) ids.add(lot.origin.processRunId);
  }
  return [...ids];
}

/** A facility as the report shows it. */
export function facilityRef(facility: Facility): FacilityRef {
  return { id: facility.id, name: facility.name, country: facility.country, kind: facility.kind };
}

/**
 * Reads every facility and process run the lots refer to, so that pure builders can look them up.
 * @param extraRunIds - further process runs to read (e.g. run nodes of a trace)
 */
export async function loadLotContext(directory: LedgerDirectory, lots: readonly MaterialLot[], extraRunIds: readonly string[] = []): Promise<void> {
  for (const runId of new Set([...processRunIds(lots), ...extraRunIds])) {
    await directory.processRun(runId);
  }
  for (const run of directory.runs.values()) {
    await directory.facility(run.facilityId);
  }
  for (const lot of lots) {
    await directory.facility(creationFacilityId(lot, directory.runs));
    if (lot.origin.kind === 'MINED') await directory.facility(lot.origin.facilityId);
  }
}
