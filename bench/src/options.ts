import type { ThroughputOptions } from './suites/throughput';

/** The suites a run can include. */
export const suiteNames = ['throughput', 'contention', 'queries'] as const;
/** One suite. */
export type SuiteName = (typeof suiteNames)[number];

/** Contention suite settings. */
export interface ContentionOptions {
  /** Facilities the skewed draw picks from. */
  readonly facilities: number;
  /** Zipf exponent of the draw. */
  readonly exponent: number;
  /** Clients (transactions in flight). */
  readonly concurrency: number;
  /** Measured window per variant, ms. */
  readonly roundMs: number;
  readonly rampMs: number;
  /** Seed of the draw, for repeatable runs. */
  readonly seed: number;
}

/** Query-scaling suite settings. */
export interface QueryOptions {
  /** Trace sizes, history versions and statement movements to build (e.g. 10, 100, 1000). */
  readonly sizes: readonly number[];
  /** Unrelated records of the "10×" ledger state, as a multiple of the largest size. */
  readonly unrelatedMultiple: number;
  /** Repetitions of each query (after one unmeasured call). */
  readonly repetitions: number;
  /** Time after which a query stops repeating (once it has 3 timed runs), ms. */
  readonly budgetMs: number;
}

/** Everything one run does. */
export interface BenchProfile {
  readonly name: 'quick' | 'full';
  readonly throughput: ThroughputOptions;
  readonly contention: ContentionOptions;
  readonly queries: QueryOptions;
}

/** About 3 minutes on 2 cores: ramp 2, 8, 32, short rounds, traces up to 100 records. */
export const quickProfile: BenchProfile = {
  name: 'quick',
  throughput: { levels: [2, 8, 32], roundMs: 2500, rampMs: 500, warmupMs: 1000, commonLoad: undefined, commonLoadFraction: 0.5, maxPreparedPerRound: 1500 },
  contention: { facilities: 20, exponent: 1.1, concurrency: 16, roundMs: 3000, rampMs: 500, seed: 6 },
  queries: { sizes: [10, 100], unrelatedMultiple: 10, repetitions: 10, budgetMs: 5000 },
};

/** About 15 minutes on 2 cores: the full ramp 1 … 64, traces, statements and histories up to 1,000. */
export const fullProfile: BenchProfile = {
  name: 'full',
  throughput: { levels: [1, 2, 4, 8, 16, 32, 64], roundMs: 4000, rampMs: 1000, warmupMs: 3000, commonLoad: undefined, commonLoadFraction: 0.5, maxPreparedPerRound: 4000 },
  contention: { facilities: 50, exponent: 1.1, concurrency: 32, roundMs: 8000, rampMs: 1000, seed: 6 },
  queries: { sizes: [10, 100, 1000], unrelatedMultiple: 10, repetitions: 20, budgetMs: 20_000 },
};
