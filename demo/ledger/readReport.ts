import { RECORD_TYPES, type AccountRef, type Battery, type BatteryHandover, type CustodyTransfer, type MaterialLot } from '../../chaincode/src/api';
import { claimLabel, enumLabel, formatMass } from '../report/format';
import type { ReportData } from '../report/model';
import { buildCustodyTimeline, readHandovers, readTransfers } from './custody';
import { createDirectory, loadLotContext, type LedgerDirectory } from './directory';
import { buildMassFlows } from './flows';
import { buildMassBalance, claimedRunIds, readStatement } from './massBalance';
import { comparePassports } from './passport';
import type { LedgerReader } from './readerPort';
import { buildRecycledContent } from './recycled';
import { mergeTraceGraphs, readTraceGraph, type TraceGraph } from './traceGraph';
import { buildUpstreamTree } from './upstreamTree';

/** Which records of a run the report is about: ids only; every figure is read from the ledger. */
export interface ReportSubject {
  readonly runId: string;
  readonly channel: string;
  readonly chaincode: string;
  /** The record whose upstream trace, custody and passport the report shows (a battery, or a lot). */
  readonly traced: { readonly type: string; readonly id: string };
  /** Where the mass flows start: the run's mined lots. */
  readonly sourceLotIds: readonly string[];
  /** The mass-balance account whose statement the report shows. */
  readonly massBalanceAccount?: AccountRef;
}

/** Who reads: the auditor reads everything public; two organisations read the passport at their access tier. */
export interface ReportReaders {
  readonly auditor: LedgerReader;
  readonly publicReader: { readonly reader: LedgerReader; readonly name: string };
  readonly restrictedReader: { readonly reader: LedgerReader; readonly name: string };
}

function lotsOf(graph: TraceGraph): MaterialLot[] {
  return [...graph.nodes.values()].flatMap((n) => (n.lot ? [n.lot] : []));
}

async function readBatteries(reader: LedgerReader, graphs: readonly TraceGraph[]): Promise<Map<string, Battery>> {
  const batteries = new Map<string, Battery>();
  for (const graph of graphs) {
    for (const node of graph.nodes.values()) {
      if (node.type === RECORD_TYPES.battery && !batteries.has(node.id)) batteries.set(node.id, await reader.getBattery({ id: node.id }));
    }
  }
  return batteries;
}

function describeBattery(batteries: ReadonlyMap<string, Battery>): (type: string, id: string) => { title: string; facilityId: string; massGrams: number; inUseGrams: number; details: string[] } | undefined {
  return (type, id) => {
    const battery = type === RECORD_TYPES.battery ? batteries.get(id) : undefined;
    if (battery === undefined) return undefined;
    const inService = battery.integratedInto === undefined && ['MANUFACTURED', 'PLACED_ON_MARKET', 'IN_USE'].includes(battery.status);
    return {
      title: `${enumLabel(battery.level)} ${battery.model}`,
      facilityId: battery.manufacturingFacilityId,
      massGrams: battery.massGrams,
      inUseGrams: inService ? battery.massGrams : 0,
      details: [
        enumLabel(battery.status).toLowerCase(),
        `${(battery.carbonFootprint.totalGramsCo2e / 1000).toFixed(1)} kg CO2e`,
        ...battery.claims.map((c) => `label: ${formatMass(c.massGrams)} ${claimLabel(c.claim)}`),
      ],
    };
  };
}

async function readMassBalance(readers: ReportReaders, subject: ReportSubject, directory: LedgerDirectory): Promise<Pick<ReportData, 'massBalance'>> {
  if (subject.massBalanceAccount === undefined) return {};
  const { statement, movements } = await readStatement(readers.auditor, subject.massBalanceAccount);
  const lots = new Map<string, MaterialLot>();
  for (const runId of claimedRunIds(movements)) {
    for (const input of (await directory.processRun(runId)).inputs) lots.set(input.lotId, await readers.auditor.getLot({ id: input.lotId }));
  }
  return { massBalance: buildMassBalance(statement, movements, await directory.facility(subject.massBalanceAccount.facilityId), directory.runs, lots) };
}

async function readPassport(readers: ReportReaders, subject: ReportSubject, upstream: TraceGraph): Promise<Pick<ReportData, 'passport' | 'recycledContent'>> {
  if (subject.traced.type !== RECORD_TYPES.battery) return {};
  const id = subject.traced.id;
  const battery = await readers.auditor.getBattery({ id });
  const publicView = await readers.publicReader.reader.getPassport({ id });
  const restrictedView = await readers.restrictedReader.reader.getPassport({ id });
  return {
    passport: comparePassports({ view: publicView, reader: readers.publicReader.name }, { view: restrictedView, reader: readers.restrictedReader.name }),
    recycledContent: buildRecycledContent(battery, upstream),
  };
}

/** Custody transfers of the upstream lots (the timeline) and of split lots anywhere (where they were split). */
async function readCustody(reader: LedgerReader, upstreamLots: readonly MaterialLot[], otherLots: readonly MaterialLot[]): Promise<CustodyTransfer[]> {
  const upstreamIds = new Set(upstreamLots.map((lot) => lot.id));
  const splitElsewhere = otherLots.filter((lot) => lot.origin.kind === 'SPLIT' && !upstreamIds.has(lot.id));
  return (await Promise.all([...upstreamLots, ...splitElsewhere].map((lot) => readTransfers(reader, lot.id)))).flat();
}

async function readBatteryCustody(reader: LedgerReader, batteries: readonly Battery[]): Promise<BatteryHandover[]> {
  return (await Promise.all(batteries.map((battery) => readHandovers(reader, battery.id)))).flat();
}

/**
 * Builds the report from ledger reads only: the traced battery's passport in two access tiers and its record's
 * recycled content, its upstream trace, the downstream traces of the run's mined lots (mass flows), every
 * facility (with its attestations), process run and battery they name, the custody transfers of every lot and
 * the handovers of every battery upstream, and a mass-balance statement with its movements.
 * @param readers - SDK clients of the organisations that read
 * @param subject - the ids the report is about
 * @param now - the report's timestamp
 */
export async function readReport(readers: ReportReaders, subject: ReportSubject, now: Date = new Date()): Promise<ReportData> {
  const reader = readers.auditor;
  const directory = createDirectory(reader);
  const upstream = await readTraceGraph(reader, 'upstream', subject.traced);
  const downstream = mergeTraceGraphs(
    await Promise.all(subject.sourceLotIds.map((id) => readTraceGraph(reader, 'downstream', { type: RECORD_TYPES.lot, id }))),
  );
  const upstreamLots = lotsOf(upstream);
  const transfers = await readCustody(reader, upstreamLots, lotsOf(downstream));
  directory.noteSplitSites([...upstreamLots, ...lotsOf(downstream)], transfers);
  const runIds = [...upstream.nodes.values(), ...downstream.nodes.values()].filter((n) => n.type === RECORD_TYPES.processRun).map((n) => n.id);
  await loadLotContext(directory, [...upstreamLots, ...lotsOf(downstream)], runIds);
  const batteries = await readBatteries(reader, [upstream, downstream]);
  for (const battery of batteries.values()) await directory.facility(battery.manufacturingFacilityId);
  const upstreamBatteries = [...batteries.values()].filter((b) => upstream.nodes.has(`${RECORD_TYPES.battery}:${b.id}`));
  const handovers = await readBatteryCustody(reader, upstreamBatteries);
  for (const handover of handovers) await directory.facility(handover.toFacilityId);
  const lookups = { facilities: directory.facilities, runs: directory.runs, splitSites: directory.splitSites, attestations: directory.facilityAttestations, describe: describeBattery(batteries) };
  return {
    title: 'battery-trace — from mine to recycler and back',
    generatedAt: now.toISOString(),
    runId: subject.runId,
    ledger: { channel: subject.channel, chaincode: subject.chaincode },
    ...(await readPassport(readers, subject, upstream)),
    ...(await readMassBalance(readers, subject, directory)),
    trace: buildUpstreamTree(upstream, lookups),
    custody: buildCustodyTimeline(upstreamLots, transfers.filter((t) => upstream.nodes.has(`${RECORD_TYPES.lot}:${t.lotId}`)), lookups, upstreamBatteries, handovers),
    flows: buildMassFlows(downstream, lookups),
  };
}
