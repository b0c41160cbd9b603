import { measure, summarizeRounds, type RoundSummary } from '../driver/measure';
import { runClosedLoop } from '../driver/rounds';
import type { Workload } from '../driver/Workload';
import type { ContentionOptions } from '../options';
import type { BenchContext } from './context';
import { describe } from './throughput';

/** How one contention variant fared. */
export interface ContentionVariant {
  readonly name: string;
  readonly description: string;
  /** True for the design's own transactions on independent records; false for contrasts. */
  readonly independent: boolean;
  readonly summary: RoundSummary;
  /** Valid / measured transactions. */
  readonly validFraction: number;
  readonly mvccReadConflicts: number;
  readonly phantomReadConflicts: number;
  /** Failures other than read conflicts. */
  readonly otherFailures: number;
}

/** Results of the contention suite. */
export interface ContentionResult {
  readonly facilities: number;
  readonly exponent: number;
  readonly concurrency: number;
  /** Share of draws that hit the hottest facility. */
  readonly hottestShare: number;
  readonly variants: readonly ContentionVariant[];
}

/** A workload of the contention suite and whether it acts on independent records. */
export interface ContentionWorkload {
  readonly workload: Workload;
  readonly independent: boolean;
}

/**
 * Runs each variant for one closed-loop round at the configured concurrency (the draws are skewed by the
 * workloads' Zipf samplers) and counts read conflicts separately.
 */
export async function runContention(
  context: BenchContext,
  variants: readonly ContentionWorkload[],
  options: ContentionOptions,
  hottestShare: number,
): Promise<ContentionResult> {
  const results: ContentionVariant[] = [];
  const seconds = (options.roundMs + options.rampMs) / 1000;
  // Before any round: every client completing about 3 transactions a second; then 1.5 × the best goodput so far.
  let rate = options.concurrency * 3;
  for (const { workload, independent } of variants) {
    await workload.prepare(Math.ceil(rate * seconds) + options.concurrency);
    const round = await measure(context.probe, () =>
      runClosedLoop(context.connections, workload, { concurrency: options.concurrency, durationMs: options.roundMs, rampMs: options.rampMs }),
    );
    const summary = summarizeRounds([round]);
    context.log(describe(workload.name, `Zipf ${options.concurrency} in flight`, summary));
    results.push(contentionVariant(workload, independent, summary));
    rate = Math.max(...results.map((result) => result.summary.goodput)) * 1.5;
  }
  return { facilities: options.facilities, exponent: options.exponent, concurrency: options.concurrency, hottestShare, variants: results };
}

/** Splits a round's failures into MVCC, phantom and other. */
export function contentionVariant(workload: Pick<Workload, 'name' | 'description'>, independent: boolean, summary: RoundSummary): ContentionVariant {
  const mvcc = summary.failures.MVCC_READ_CONFLICT ?? 0;
  const phantom = summary.failures.PHANTOM_READ_CONFLICT ?? 0;
  const failed = summary.transactions - summary.valid;
  return {
    name: workload.name,
    description: workload.description,
    independent,
    summary,
    validFraction: summary.transactions > 0 ? summary.valid / summary.transactions : 0,
    mvccReadConflicts: mvcc,
    phantomReadConflicts: phantom,
    otherFailures: failed - mvcc - phantom,
  };
}
