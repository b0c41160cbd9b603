import { RECORD_TYPES, type AccountRef, type Battery, type MaterialLot } from '../../chaincode/src/api';
import { enumLabel } from '../report/format';
import type { ReportData } from '../report/model';
import { buildCustodyTimeline, readTransfers } from './custody';
import { createDirectory, loadLotContext, type LedgerDirectory } from './directory';
import { buildMassFlows } from './flows';
import { buildMassBalance, readStatement } from './massBalance';
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
      details: [enumLabel(battery.status).toLowerCase(), `${(battery.carbonFootprint.totalGramsCo2e / 1000).toFixed(1)} kg CO2e`],
    };
  };
}

async function readMassBalance(readers: ReportReaders, subject: ReportSubject, directory: LedgerDirectory): Promise<Pick<ReportData, 'massBalance'>> {
  if (subject.massBalanceAccount === undefined) return {};
  const { statement, movements } = await readStatement(readers.auditor, subject.massBalanceAccount);
  return { massBalance: buildMassBalance(statement, movements, await directory.facility(subject.massBalanceAccount.facilityId)) };
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

/**
 * Builds the report from ledger reads only: the traced battery's passport in two access tiers and its record's
 * recycled content, its upstream trace, the downstream traces of the run's mined lots (mass flows), every
 * facility, process run and battery they name, the custody transfers of every lot upstream, and a
 * mass-balance statement with its movements.
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
  const runIds = [...upstream.nodes.values(), ...downstream.nodes.values()].filter((n) => n.type === RECORD_TYPES.processRun).map((n) => n.id);
  await loadLotContext(directory, [...upstreamLots, ...lotsOf(downstream)], runIds);
  const batteries = await readBatteries(reader, [upstream, downstream]);
  for (const battery of batteries.values()) await directory.facility(battery.manufacturingFacilityId);
  const transfers = (await Promise.all(upstreamLots.map((lot) => readTransfers(reader, lot.id)))).flat();
  const describe = describeBattery(batteries);
  const lookups = { facilities: directory.facilities, runs: directory.runs, describe };
  return {
    title: 'battery-trace — from mine to recycler and back',
    generatedAt: now.toISOString(),
    runId: subject.runId,
    ledger: { channel: subject.channel, chaincode: subject.chaincode },
    ...(await readPassport(readers, subject, upstream)),
    ...(await readMassBalance(readers, subject, directory)),
    trace: buildUpstreamTree(upstream, lookups),
    custody: buildCustodyTimeline(upstreamLots, transfers, directory.facilities, directory.runs),
    flows: buildMassFlows(downstream, lookups),
  };
}
