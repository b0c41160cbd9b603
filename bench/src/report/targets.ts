import type { BenchResults } from './BenchResults';
import { compareOperations } from './comparisons';

/** One target of issue 6, checked against a run. Targets are reported, never asserted. */
export interface TargetCheck {
  /** What is compared, e.g. `ProposeTransfer goodput at the knee`. */
  readonly subject: string;
  /** The target as text, e.g. `≥ 0.70 × baseline`. */
  readonly target: string;
  /** The measured value (a ratio or fraction), or null when not measured. */
  readonly measured: number | null;
  /** True when met, false when missed, null when not measured. */
  readonly met: boolean | null;
  /** By how much it was missed (or the margin), in words. */
  readonly gap: string;
}

const goodputTargets: Readonly<Record<string, number>> = { ProposeTransfer: 0.7, AcceptTransfer: 0.7, Transform: 0.5, IssueBattery: 0.5 };

/** Checks every target of issue 6 that the run measured; unmeasured ones come back with `met: null`. */
export function checkTargets(results: BenchResults): TargetCheck[] {
  return [...throughputTargets(results), ...contentionTargets(results), ...queryTargets(results)];
}

/**
 * A "higher is better" (`atLeast`) or "lower is better" check of `measured` against `limit`, with the gap as a
 * percentage of the limit.
 */
export function check(subject: string, measured: number | null, limit: number, direction: 'atLeast' | 'atMost', unit = '×'): TargetCheck {
  const sign = direction === 'atLeast' ? '≥' : '≤';
  const target = `${sign} ${limit.toFixed(2)}${unit}`;
  if (measured === null || !Number.isFinite(measured)) {
    return { subject, target, measured: null, met: null, gap: 'not measured' };
  }
  const met = direction === 'atLeast' ? measured >= limit : measured <= limit;
  const percent = (Math.abs(measured - limit) / limit) * 100;
  const gap = met ? `met with ${percent.toFixed(0)} % margin` : `missed by ${percent.toFixed(0)} % (${measured.toFixed(2)} vs ${limit.toFixed(2)})`;
  return { subject, target, measured, met, gap };
}

function throughputTargets(results: BenchResults): TargetCheck[] {
  if (results.throughput === null) {
    return [];
  }
  // Issue 6 compares each operation with the baseline under the same chaincode definition, not the one-organisation one.
  return compareOperations(results.throughput).flatMap(({ name, toBaseline }) => [
    check(`${name}: goodput at the knee / baseline`, toBaseline.goodput, goodputTargets[name] ?? 0.5, 'atLeast'),
    check(`${name}: p50 at the common load / baseline`, toBaseline.p50, 1.5, 'atMost'),
    check(`${name}: p95 at the common load / baseline`, toBaseline.p95, 2, 'atMost'),
  ]);
}

function contentionTargets(results: BenchResults): TargetCheck[] {
  return (results.contention?.variants ?? [])
    .filter((variant) => variant.independent)
    .map((variant) => check(`${variant.name}: valid fraction under Zipf contention`, variant.validFraction, 0.99, 'atLeast', ''));
}

function queryTargets(results: BenchResults): TargetCheck[] {
  const queries = results.queries;
  if (queries === null) {
    return [];
  }
  const checks = queries.traceGrowth.map((growth) =>
    check(`trace of ${growth.size} records: latency at 10× / 1× unrelated records`, growth.ratio, 1.2, 'atMost'),
  );
  const largest = [...queries.statements].sort((a, b) => b.size - a.size)[0];
  if (largest !== undefined) {
    checks.push(check(`mass-balance statement of ${largest.size} movements / single-key read`, largest.ratioToRead, 3, 'atMost'));
  }
  return checks;
}
