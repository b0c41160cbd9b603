import type { Attestation, CustodyTransfer, Facility, MaterialLot, ProcessRun } from '../../chaincode/src/api';
import type { FacilityRef } from '../report/model';
import type { LedgerReader } from './readerPort';

/** Facilities, their attestations and process runs read from the ledger once each, by id. */
export interface LedgerDirectory {
  facility(id: string): Promise<Facility>;
  processRun(id: string): Promise<ProcessRun>;
  /** Every attestation of a facility (in force or not), read once. */
  attestations(facilityId: string): Promise<Attestation[]>;
  /** Records, for lots split off another, the facility they were split at (where their first shipment left from). */
  noteSplitSites(lots: readonly MaterialLot[], transfers: readonly CustodyTransfer[]): void;
  /** Facilities read so far. */
  readonly facilities: ReadonlyMap<string, Facility>;
  /** Process runs read so far. */
  readonly runs: ReadonlyMap<string, ProcessRun>;
  /** Attestations read so far, by facility id. */
  readonly facilityAttestations: ReadonlyMap<string, readonly Attestation[]>;
  /** Where split lots were made, by lot id. */
  readonly splitSites: ReadonlyMap<string, string>;
}

async function readAttestations(reader: Pick<LedgerReader, 'listAttestations'>, facilityId: string): Promise<Attestation[]> {
  const found: Attestation[] = [];
  let bookmark = '';
  for (let page = 0; page < 100; page += 1) {
    const result = await reader.listAttestations({ subject: { type: 'Facility', id: facilityId }, pageSize: 20, bookmark });
    found.push(...result.items);
    if (result.bookmark === '') break;
    bookmark = result.bookmark;
  }
  return found;
}

/** Creates a caching directory over the ledger. */
export function createDirectory(reader: Pick<LedgerReader, 'getFacility' | 'getProcessRun' | 'listAttestations'>): LedgerDirectory {
  const facilities = new Map<string, Facility>();
  const runs = new Map<string, ProcessRun>();
  const attested = new Map<string, Attestation[]>();
  const splitSites = new Map<string, string>();
  return {
    facilities,
    runs,
    facilityAttestations: attested,
    splitSites,
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
    async attestations(facilityId: string): Promise<Attestation[]> {
      const known = attested.get(facilityId);
      if (known) return known;
      const found = await readAttestations(reader, facilityId);
      attested.set(facilityId, found);
      return found;
    },
    noteSplitSites(lots: readonly MaterialLot[], transfers: readonly CustodyTransfer[]): void {
      for (const lot of lots) {
        if (lot.origin.kind !== 'SPLIT' || splitSites.has(lot.id)) continue;
        const first = transfers.filter((t) => t.lotId === lot.id).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1))[0];
        splitSites.set(lot.id, first?.fromFacilityId ?? lot.custodianFacilityId);
      }
    },
  };
}

/**
 * The facility a lot was created at: the mine it was extracted at, where the process that made it ran, or
 * (for a lot split off another) where it was split.
 * @param splitSites - where split lots were made (see {@link LedgerDirectory.noteSplitSites}); else their custodian
 */
export function creationFacilityId(lot: MaterialLot, runs: ReadonlyMap<string, ProcessRun>, splitSites: ReadonlyMap<string, string> = new Map()): string {
  switch (lot.origin.kind) {
    case 'MINED':
      return lot.origin.facilityId;
    case 'TRANSFORMED':
      return runs.get(lot.origin.processRunId)?.facilityId ?? lot.custodianFacilityId;
    case 'RECOVERED':
      return (lot.origin.processRunId === undefined ? undefined : runs.get(lot.origin.processRunId)?.facilityId) ?? lot.custodianFacilityId;
    case 'SPLIT':
      return splitSites.get(lot.id) ?? lot.custodianFacilityId;
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
 * Reads every facility (with its attestations) and process run the lots refer to, so that pure builders can
 * look them up.
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
    await directory.facility(creationFacilityId(lot, directory.runs, directory.splitSites));
    if (lot.origin.kind === 'MINED') await directory.facility(lot.origin.facilityId);
  }
  for (const id of directory.facilities.keys()) {
    await directory.attestations(id);
  }
}
