import type { Connections } from '../fabric/connections';
import { evaluateTransaction, type TxRequest } from '../fabric/transaction';
import { ratio, summarize, type LatencySummary } from '../stats/percentiles';

/** One timed query: what it asked, how many records came back, how long it took. */
export interface QueryMeasurement {
  /** e.g. `lot:TraceUpstream`. */
  readonly query: string;
  /** The size the data was built for (trace records, movements, versions). */
  readonly size: number;
  /** Records the query returned (all pages). */
  readonly records: number;
  /** Pages (evaluate calls) per query. */
  readonly pages: number;
  /** Unrelated records of the same kind on the ledger when measured, when relevant. */
  readonly unrelatedRecords: number | null;
  readonly latencyMs: LatencySummary;
  /** The single-key read timed alternately with this query (read, query, read, query …). */
  readonly readLatencyMs: LatencySummary;
  /** p50 / p50 of the alternating single-key read. */
  readonly ratioToRead: number | null;
}

/** The answer to one page of a paginated query: records on the page and the bookmark of the next. */
export interface Page {
  readonly records: number;
  readonly bookmark: string;
}

/** A query that may take several pages: builds the request of a page from the bookmark, parses the answer. */
export interface PagedQuery {
  readonly query: string;
  request(bookmark: string): TxRequest;
  parse(result: Uint8Array): Page;
}

/** Timings of a query and of the reference read alternated with it. */
export interface PairedTiming {
  readonly latencyMs: LatencySummary;
  readonly readLatencyMs: LatencySummary;
  readonly records: number;
  readonly pages: number;
}

/** How many times to time a query: `repetitions`, but stop early once `budgetMs` is spent and 3 runs are in. */
export interface QueryRepetitions {
  readonly repetitions: number;
  readonly budgetMs: number;
}

/** Fewest timed runs of a query, whatever the budget. */
const MIN_REPETITIONS = 3;

/**
 * Times runs of a paginated query (each run fetches every page), alternating each run with one run of
 * `reference` (the single-key read) so both see the same machine load; one unmeasured run of each first.
 * @throws {Error} when a query fails: a query benchmark has no acceptable failure
 */
export async function timeQuery(connections: Connections, query: PagedQuery, reference: PagedQuery, plan: QueryRepetitions): Promise<PairedTiming> {
  const started = performance.now();
  await runOnce(connections, reference);
  await runOnce(connections, query);
  const latencies: number[] = [];
  const readLatencies: number[] = [];
  let last = { records: 0, pages: 0 };
  const more = (done: number): boolean =>
    done < plan.repetitions && (done < MIN_REPETITIONS || performance.now() - started < plan.budgetMs);
  for (let done = 0; more(done); done++) {
    readLatencies.push(await timed(() => runOnce(connections, reference)));
    const start = performance.now();
    last = await runOnce(connections, query);
    latencies.push(performance.now() - start);
  }
  return { latencyMs: summarize(latencies), readLatencyMs: summarize(readLatencies), ...last };
}

/** A {@link QueryMeasurement} with its ratio to the alternating single-key read. */
export function toMeasurement(query: string, size: number, timing: PairedTiming, unrelatedRecords: number | null): QueryMeasurement {
  return {
    query,
    size,
    records: timing.records,
    pages: timing.pages,
    unrelatedRecords,
    latencyMs: timing.latencyMs,
    readLatencyMs: timing.readLatencyMs,
    ratioToRead: ratio(timing.latencyMs.p50, timing.readLatencyMs.p50),
  };
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

async function runOnce(connections: Connections, query: PagedQuery): Promise<{ records: number; pages: number }> {
  let bookmark = '';
  let records = 0;
  let pages = 0;
  do {
    const outcome = await evaluateTransaction(connections, query.request(bookmark));
    if (!outcome.valid || outcome.result === undefined) {
      throw new Error(`${query.query} failed: ${outcome.failure ?? 'no result'}`);
    }
    const page = query.parse(outcome.result);
    records += page.records;
    pages++;
    bookmark = page.bookmark;
  } while (bookmark !== '' && pages < 10_000);
  return { records, pages };
}
