import type { QueryMeasurement } from './queryTiming';

/** How a trace's latency changed when the ledger grew by unrelated records. */
export interface TraceGrowth {
  readonly size: number;
  readonly unrelatedBefore: number;
  readonly unrelatedAfter: number;
  /** p50 with more unrelated records / p50 with fewer. */
  readonly ratio: number | null;
}

/** Results of the query-scaling suite. */
export interface QueryResult {
  /** Upstream traces at each size and ledger state. */
  readonly traces: readonly QueryMeasurement[];
  readonly traceGrowth: readonly TraceGrowth[];
  /** Mass-balance statements by movement count. */
  readonly statements: readonly QueryMeasurement[];
  /** Lot histories by version count. */
  readonly histories: readonly QueryMeasurement[];
  /** What could not be measured and why. */
  readonly notes: readonly string[];
}
