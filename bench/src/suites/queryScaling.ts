import { CONTRACTS, LOT_TRANSACTIONS, qualifiedName } from '../../../chaincode/src/api/transactions';
import type { SplitLotRequest, TraceRequest } from '../../../chaincode/src/api/requests';
import { submitAll } from '../driver/setup';
import type { Identity } from '../fabric/connections';
import { submitTransaction } from '../fabric/transaction';
import type { QueryOptions } from '../options';
import { ratio } from '../stats/percentiles';
import { baselineRead } from '../workloads/baseline';
import type { Catalog } from '../workloads/catalog';
import { jsonRequest, mintLots, SETUP_CONCURRENCY, type Facility } from '../workloads/fixtures';
import { buildTree, planTree } from '../workloads/provenanceTree';
import { concentration } from '../workloads/transform';
import type { BenchContext } from './context';
import type { QueryResult, TraceGrowth } from './queries';
import { timeQuery, toMeasurement, type PagedQuery, type QueryMeasurement } from './queryTiming';

/** The query suite between its two ledger states. */
export interface QueryPhase {
  /** What cannot be measured on this chaincode. */
  readonly notes: readonly string[];
  /** Grows the ledger to the "10×" state, measures again, measures histories, returns the results. */
  finish(): Promise<QueryResult>;
}

/** Id kinds of lots that are unrelated to the measured traces (see {@link IdSource}). */
const UNRELATED_LOT_KINDS = ['lot', 'zlot', 'out', 'chip'];
const PAGE_SIZE = 100;

/**
 * Phase one of query scaling, run first on the network: single-key read reference, provenance trees of each
 * size, the "1×" ledger state and its trace timings; histories start building in the background (one version per
 * block, paused during measured rounds). {@link QueryPhase.finish} runs at the end of the benchmark.
 */
export async function runQueries(context: BenchContext, deployed: ReadonlySet<string>, options: QueryOptions, catalog: Catalog): Promise<QueryPhase> {
  const notes: string[] = [];
  const identity: Identity = { org: 'mining' };
  const singleRead = await singleReadQuery(context, identity);
  const largest = Math.max(...options.sizes);
  const canTrace = catalog.has('lot:TraceUpstream', 'process:Transform', 'lot:MintLot');
  const canHistory = catalog.has('lot:GetLotHistory', 'lot:SplitLot', 'lot:MintLot');
  notes.push(...missingNotes(deployed));
  const facilities = canTrace || canHistory ? await catalog.facilities() : undefined;
  const mine = facilities?.mine;
  const histories = canHistory && mine !== undefined ? startHistories(context, mine, options.sizes) : undefined;
  // Awaited in finish(); until then a failure must not surface as an unhandled rejection.
  histories?.catch(() => undefined);
  const roots = new Map<number, string>();
  const traces: QueryMeasurement[] = [];
  let unrelatedBefore = 0;
  if (canTrace && facilities !== undefined) {
    const { concentrator } = facilities;
    for (const size of options.sizes) {
      context.log(`query set-up: provenance tree of ${size} lots`);
      roots.set(size, await buildTree(context, concentrator, concentration, planTree(size)));
    }
    unrelatedBefore = await growUnrelated(context, facilities.mine, largest);
    traces.push(...(await measureTraces(context, identity, roots, options, singleRead, unrelatedBefore)));
  }
  return {
    notes,
    finish: async () => {
      const after: QueryMeasurement[] = [];
      let unrelatedAfter = unrelatedBefore;
      if (mine !== undefined && roots.size > 0) {
        unrelatedAfter = await growUnrelated(context, mine, largest * options.unrelatedMultiple);
        after.push(...(await measureTraces(context, identity, roots, options, singleRead, unrelatedAfter)));
      }
      return {
        traces: [...traces, ...after],
        traceGrowth: growthOf(traces, after, unrelatedBefore, unrelatedAfter),
        statements: [],
        histories: histories === undefined ? [] : await measureHistories(context, identity, await histories, options, singleRead),
        notes,
      };
    },
  };
}

function missingNotes(deployed: ReadonlySet<string>): string[] {
  const wanted: readonly [string, string][] = [
    ['lot:TraceUpstream', 'upstream trace latency'],
    ['lot:GetLotHistory', 'lot history latency'],
  ];
  return [
    ...wanted.filter(([name]) => !deployed.has(name)).map(([name, what]) => `${what}: the deployed chaincode lacks ${name}`),
    'mass-balance statement latency (10/100/1,000 movements): not measured yet — the harness has no set-up of certified receipts that credit an account',
  ];
}

async function singleReadQuery(context: BenchContext, identity: Identity): Promise<PagedQuery> {
  const key = context.ids.next('read');
  await submitAll(context.connections, [{ identity, name: 'baseline:Write', args: [key, 'single-key read reference'] }], 1, 'the single-read key');
  return { query: 'baseline:Read', request: () => baselineRead(identity, key), parse: () => ({ records: 1, bookmark: '' }) };
}

/** Children per split when growing unrelated lots (the chaincode's limit is 100). */
const CHILDREN_PER_SPLIT = 100;

/**
 * Creates lots at `mine` until this run has created at least `target` lots outside the traces: mints parents and
 * splits each into 100 children of 1 kg, so 101 lot records (and 100 provenance links) cost two transactions.
 */
async function growUnrelated(context: BenchContext, mine: Facility, target: number): Promise<number> {
  const created = (): number => UNRELATED_LOT_KINDS.reduce((sum, kind) => sum + context.ids.count(kind), 0);
  const lacking = target - created();
  if (lacking > 0) {
    context.log(`query set-up: ${lacking} unrelated lots`);
    const parents = await mintLots(context, mine, Math.ceil(lacking / (CHILDREN_PER_SPLIT + 1)));
    const splits = parents.map((lotId) => {
      const request: SplitLotRequest = {
        lotId,
        children: Array.from({ length: CHILDREN_PER_SPLIT }, () => ({ id: context.ids.next('chip'), massGrams: 1000 })),
      };
      return jsonRequest({ org: mine.org }, qualifiedName(CONTRACTS.lot, LOT_TRANSACTIONS.SplitLot), request);
    });
    await submitAll(context.connections, splits, SETUP_CONCURRENCY, `${splits.length} splits into unrelated lots`);
  }
  return created();
}

function tracePage(identity: Identity, rootId: string): PagedQuery {
  return {
    query: 'lot:TraceUpstream',
    request: (bookmark) => {
      const request: TraceRequest = { id: rootId, pageSize: PAGE_SIZE, bookmark };
      return jsonRequest(identity, qualifiedName(CONTRACTS.lot, LOT_TRANSACTIONS.TraceUpstream), request);
    },
    parse: (bytes) => {
      const page = JSON.parse(Buffer.from(bytes).toString('utf8')) as { nodes?: unknown[]; bookmark?: string };
      return { records: page.nodes?.length ?? 0, bookmark: page.bookmark ?? '' };
    },
  };
}

async function measureTraces(context: BenchContext, identity: Identity, roots: ReadonlyMap<number, string>, options: QueryOptions, singleRead: PagedQuery, unrelated: number): Promise<QueryMeasurement[]> {
  const results: QueryMeasurement[] = [];
  for (const [size, rootId] of roots) {
    const timed = await timeQuery(context.connections, tracePage(identity, rootId), singleRead, options);
    context.log(`trace of ${size} lots (${unrelated} unrelated): p50 ${timed.latencyMs.p50.toFixed(1)} ms (single read ${timed.readLatencyMs.p50.toFixed(1)} ms), ${timed.records} records, ${timed.pages} pages`);
    results.push(toMeasurement('lot:TraceUpstream', size, timed, unrelated));
  }
  return results;
}

function growthOf(before: readonly QueryMeasurement[], after: readonly QueryMeasurement[], unrelatedBefore: number, unrelatedAfter: number): TraceGrowth[] {
  return before.map((first) => ({
    size: first.size,
    unrelatedBefore,
    unrelatedAfter,
    ratio: ratio(after.find((second) => second.size === first.size)?.latencyMs.p50, first.latencyMs.p50),
  }));
}

/**
 * Gives one lot per size that many versions: a mint, then `size - 1` splits of one gram, each in its own block
 * (they all write the lot), waiting at the background gate before each.
 * @returns the lot id per size
 */
async function startHistories(context: BenchContext, mine: Facility, sizes: readonly number[]): Promise<Map<number, string>> {
  const lots = await mintLots(context, mine, sizes.length);
  await Promise.all(sizes.map((size, index) => versionLot(context, mine, lots[index] ?? '', size)));
  return new Map(sizes.map((size, index) => [size, lots[index] ?? '']));
}

async function versionLot(context: BenchContext, mine: Facility, lotId: string, versions: number): Promise<void> {
  for (let version = 2; version <= versions; version++) {
    await context.background.passed();
    const request: SplitLotRequest = { lotId, children: [{ id: context.ids.next('chip'), massGrams: 1 }] };
    const outcome = await submitTransaction(context.connections, jsonRequest({ org: mine.org }, qualifiedName(CONTRACTS.lot, LOT_TRANSACTIONS.SplitLot), request));
    if (!outcome.valid) {
      throw new Error(`building the history of ${lotId}: version ${version} failed (${outcome.failure ?? 'unknown'})`);
    }
  }
}

async function measureHistories(context: BenchContext, identity: Identity, lots: ReadonlyMap<number, string>, options: QueryOptions, singleRead: PagedQuery): Promise<QueryMeasurement[]> {
  const results: QueryMeasurement[] = [];
  for (const [size, lotId] of lots) {
    const query: PagedQuery = {
      query: 'lot:GetLotHistory',
      request: () => jsonRequest(identity, qualifiedName(CONTRACTS.lot, LOT_TRANSACTIONS.GetLotHistory), { id: lotId }),
      parse: (bytes) => ({ records: (JSON.parse(Buffer.from(bytes).toString('utf8')) as { entries?: unknown[] }).entries?.length ?? 0, bookmark: '' }),
    };
    const timed = await timeQuery(context.connections, query, singleRead, options);
    context.log(`history of ${size} versions: p50 ${timed.latencyMs.p50.toFixed(1)} ms`);
    results.push(toMeasurement('lot:GetLotHistory', size, timed, null));
  }
  return results;
}

