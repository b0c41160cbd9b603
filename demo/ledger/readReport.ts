import { RECORD_TYPES, type MaterialLot } from '../../chaincode/src/api';
import type { ReportData } from '../report/model';
import { buildCustodyTimeline, readTransfers } from './custody';
import { createDirectory, loadLotContext } from './directory';
import { buildMassFlows } from './flows';
import type { LedgerReader } from './readerPort';
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
}

function lotsOf(graph: TraceGraph): MaterialLot[] {
  return [...graph.nodes.values()].flatMap((n) => (n.lot ? [n.lot] : []));
}

/**
 * Builds the report from ledger reads only: the upstream trace of the traced record, the downstream traces of
 * the run's mined lots (mass flows), every facility and process run they name, and every custody transfer of
 * the traced record's lots.
 * @param reader - an SDK client (any organisation may read these)
 * @param subject - the ids the report is about
 * @param now - the report's timestamp
 */
export async function readReport(reader: LedgerReader, subject: ReportSubject, now: Date = new Date()): Promise<ReportData> {
  const directory = createDirectory(reader);
  const upstream = await readTraceGraph(reader, 'upstream', subject.traced);
  const downstream = mergeTraceGraphs(
    await Promise.all(subject.sourceLotIds.map((id) => readTraceGraph(reader, 'downstream', { type: 'MaterialLot', id }))),
  );
  const upstreamLots = lotsOf(upstream);
  const runIds = [...upstream.nodes.values(), ...downstream.nodes.values()].filter((n) => n.type === RECORD_TYPES.processRun).map((n) => n.id);
  await loadLotContext(directory, [...upstreamLots, ...lotsOf(downstream)], runIds);
  const transfers = (await Promise.all(upstreamLots.map((lot) => readTransfers(reader, lot.id)))).flat();
  const lookups = { facilities: directory.facilities, runs: directory.runs };
  return {
    title: 'battery-trace — from mine to recycler and back',
    generatedAt: now.toISOString(),
    runId: subject.runId,
    ledger: { channel: subject.channel, chaincode: subject.chaincode },
    trace: buildUpstreamTree(upstream, lookups),
    custody: buildCustodyTimeline(upstreamLots, transfers, directory.facilities, directory.runs),
    flows: buildMassFlows(downstream, lookups),
  };
}
