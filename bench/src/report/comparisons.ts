import type { ResourceSummary, RoundSummary } from '../driver/measure';
import { ratio } from '../stats/percentiles';
import type { ThroughputResult, WorkloadThroughput } from '../suites/throughput';

/** One workload's figures divided by a reference workload's, both measured in the same run. */
export interface Ratios {
  /** Knee goodput / the reference's knee goodput. */
  readonly goodput: number | null;
  /** At the common load: p50 / the reference's p50 (submit-to-commit). */
  readonly p50: number | null;
  readonly p95: number | null;
  readonly p99: number | null;
  /** At the common load: endorse-phase p50 / the reference's. */
  readonly endorseP50: number | null;
  /** Network CPU (peer + orderer + chaincode) per valid transaction / the reference's. */
  readonly cpuPerTx: number | null;
  /** Chaincode CPU per valid transaction / the reference's. */
  readonly chaincodeCpuPerTx: number | null;
  /** Block bytes per transaction / the reference's. */
  readonly blockBytesPerTx: number | null;
}

/** One operation against the baselines measured in the same run. */
export interface OperationComparison {
  readonly name: string;
  /** Concurrency of the operation's knee, or null when it has none. */
  readonly kneeConcurrency: number | null;
  readonly kneeGoodput: number | null;
  /** Against the baseline under the same chaincode definition (and policy) as the operation. */
  readonly toBaseline: Ratios;
  /** Against the one-organisation baseline, or null when the run has none. */
  readonly toOneOrgBaseline: Ratios | null;
}

/** Network CPU seconds per valid transaction (peer + orderer + chaincode). */
export function networkCpuPerTx(resources: ResourceSummary): number {
  const cpu = resources.cpuSecondsPerValidTx;
  return cpu.peer + cpu.orderer + cpu.chaincode;
}

/** Compares each operation with the baselines of the same run. */
export function compareOperations(throughput: ThroughputResult): OperationComparison[] {
  const oneOrg = throughput.oneOrgBaseline;
  return throughput.operations.map((operation) => ({
    name: operation.name,
    kneeConcurrency: operation.knee?.concurrency ?? null,
    kneeGoodput: operation.knee?.summary.goodput ?? null,
    toBaseline: ratiosTo(operation, throughput.baseline),
    toOneOrgBaseline: oneOrg === null ? null : ratiosTo(operation, oneOrg),
  }));
}

/**
 * Divides `workload`'s figures by `reference`'s: knee goodput, latencies and endorse phase at the common load,
 * resources over all rounds.
 */
export function ratiosTo(workload: WorkloadThroughput, reference: WorkloadThroughput): Ratios {
  return {
    goodput: ratio(workload.knee?.summary.goodput, reference.knee?.summary.goodput),
    ...latencyRatios(workload.commonLoad, reference.commonLoad),
    ...resourceRatios(workload.overall.resources, reference.overall.resources),
  };
}

/** Lowest and highest value of a figure over rounds run under the same load. */
export interface Spread {
  readonly min: number;
  readonly max: number;
  readonly rounds: number;
}

/** One figure of the two baselines side by side. */
export interface BaselineFigure {
  readonly baseline: number | null;
  readonly oneOrg: number | null;
  /** Baseline / one-organisation baseline. */
  readonly ratio: number | null;
  /** The figure in each of the baseline's own rounds at the same load (the run's noise), when known. */
  readonly baselineSpread: Spread | null;
}

/** What the endorsements beyond the first cost: the baseline against the one-organisation baseline of the run. */
export interface EndorsementCost {
  /** Mean endorsements per transaction over all rounds. */
  readonly endorsements: { readonly baseline: number | null; readonly oneOrg: number | null };
  readonly kneeGoodput: BaselineFigure;
  /** At the common load, ms. */
  readonly p50Ms: BaselineFigure;
  /** At the common load, ms. */
  readonly endorseP50Ms: BaselineFigure;
  /** Network CPU (peer + orderer + chaincode) per valid transaction over all rounds, ms. */
  readonly networkCpuMs: BaselineFigure;
  /** Block bytes per ordered transaction over all rounds. */
  readonly blockBytes: BaselineFigure;
  /** In-flight transactions of the knee when both baselines' knees are the top step of their ramps (neither saturated). */
  readonly unsaturatedAt: number | null;
}

/** The cost of the second endorsement in `throughput`, or null when it has no one-organisation baseline. */
export function endorsementCost(throughput: ThroughputResult): EndorsementCost | null {
  const { baseline, oneOrgBaseline: oneOrg } = throughput;
  if (oneOrg === null) {
    return null;
  }
  const figure = (pick: (workload: WorkloadThroughput) => number | undefined, spread: Spread | null = null): BaselineFigure => {
    const [value, reference] = [finite(pick(baseline)), finite(pick(oneOrg))];
    return { baseline: value, oneOrg: reference, ratio: ratio(value, reference), baselineSpread: spread };
  };
  const commonRounds = baseline.commonLoadRounds;
  return {
    endorsements: { baseline: finite(baseline.overall.endorsementsPerTx), oneOrg: finite(oneOrg.overall.endorsementsPerTx) },
    kneeGoodput: figure((workload) => workload.knee?.summary.goodput, spreadOf((baseline.knee?.rounds ?? []).map((round) => round.goodput))),
    p50Ms: figure((workload) => workload.commonLoad?.latencyMs.p50, spreadOf(commonRounds.map((round) => round.p50Ms))),
    endorseP50Ms: figure((workload) => workload.commonLoad?.endorseMs.p50, spreadOf(commonRounds.map((round) => round.endorseP50Ms))),
    networkCpuMs: figure((workload) => networkCpuPerTx(workload.overall.resources) * 1000),
    blockBytes: figure((workload) => workload.overall.resources.blockBytesPerTx),
    unsaturatedAt: bothAtTop(baseline, oneOrg),
  };
}

function spreadOf(values: readonly number[]): Spread | null {
  const known = values.filter((value) => Number.isFinite(value));
  return known.length < 2 ? null : { min: Math.min(...known), max: Math.max(...known), rounds: known.length };
}

function bothAtTop(baseline: WorkloadThroughput, oneOrg: WorkloadThroughput): number | null {
  const atTop = (workload: WorkloadThroughput): boolean =>
    workload.knee !== null && workload.knee.concurrency === workload.ramp[workload.ramp.length - 1]?.concurrency;
  return atTop(baseline) && atTop(oneOrg) ? (baseline.knee?.concurrency ?? null) : null;
}

function finite(value: number | undefined): number | null {
  return value === undefined || !Number.isFinite(value) ? null : value;
}

function latencyRatios(common: RoundSummary | null, base: RoundSummary | null): Pick<Ratios, 'p50' | 'p95' | 'p99' | 'endorseP50'> {
  if (common === null || base === null) {
    return { p50: null, p95: null, p99: null, endorseP50: null };
  }
  return {
    p50: ratio(common.latencyMs.p50, base.latencyMs.p50),
    p95: ratio(common.latencyMs.p95, base.latencyMs.p95),
    p99: ratio(common.latencyMs.p99, base.latencyMs.p99),
    endorseP50: ratio(common.endorseMs.p50, base.endorseMs.p50),
  };
}

function resourceRatios(resources: ResourceSummary, base: ResourceSummary): Pick<Ratios, 'cpuPerTx' | 'chaincodeCpuPerTx' | 'blockBytesPerTx'> {
  return {
    cpuPerTx: ratio(networkCpuPerTx(resources), networkCpuPerTx(base)),
    chaincodeCpuPerTx: ratio(resources.cpuSecondsPerValidTx.chaincode, base.cpuSecondsPerValidTx.chaincode),
    blockBytesPerTx: ratio(resources.blockBytesPerTx, base.blockBytesPerTx),
  };
}
