import type { ResourceSummary, RoundSummary } from '../driver/measure';
import { ratio } from '../stats/percentiles';
import type { ThroughputResult, WorkloadThroughput } from '../suites/throughput';

/** One operation against the baseline measured in the same run. */
export interface OperationComparison {
  readonly name: string;
  /** Concurrency of the operation's knee, or null when it has none. */
  readonly kneeConcurrency: number | null;
  readonly kneeGoodput: number | null;
  /** Operation knee goodput / baseline knee goodput. */
  readonly goodputRatio: number | null;
  /** At the common load: operation p50 / baseline p50 (submit-to-commit). */
  readonly p50Ratio: number | null;
  readonly p95Ratio: number | null;
  readonly p99Ratio: number | null;
  /** At the common load: endorse-phase p50 ratio. */
  readonly endorseP50Ratio: number | null;
  /** Network CPU (peer + orderer + chaincode) per valid transaction, ratio. */
  readonly cpuPerTxRatio: number | null;
  /** Chaincode CPU per valid transaction, ratio. */
  readonly chaincodeCpuPerTxRatio: number | null;
  /** Block bytes per transaction, ratio. */
  readonly blockBytesPerTxRatio: number | null;
}

/** Network CPU seconds per valid transaction (peer + orderer + chaincode). */
export function networkCpuPerTx(resources: ResourceSummary): number {
  const cpu = resources.cpuSecondsPerValidTx;
  return cpu.peer + cpu.orderer + cpu.chaincode;
}

/** Compares each operation with the baseline of the same run. */
export function compareOperations(throughput: ThroughputResult): OperationComparison[] {
  return throughput.operations.map((operation) => compareOne(operation, throughput.baseline));
}

function compareOne(operation: WorkloadThroughput, baseline: WorkloadThroughput): OperationComparison {
  return {
    name: operation.name,
    kneeConcurrency: operation.knee?.concurrency ?? null,
    kneeGoodput: operation.knee?.summary.goodput ?? null,
    goodputRatio: ratio(operation.knee?.summary.goodput, baseline.knee?.summary.goodput),
    ...latencyRatios(operation.commonLoad, baseline.commonLoad),
    ...resourceRatios(operation.overall.resources, baseline.overall.resources),
  };
}

function latencyRatios(
  common: RoundSummary | null,
  base: RoundSummary | null,
): Pick<OperationComparison, 'p50Ratio' | 'p95Ratio' | 'p99Ratio' | 'endorseP50Ratio'> {
  if (common === null || base === null) {
    return { p50Ratio: null, p95Ratio: null, p99Ratio: null, endorseP50Ratio: null };
  }
  return {
    p50Ratio: ratio(common.latencyMs.p50, base.latencyMs.p50),
    p95Ratio: ratio(common.latencyMs.p95, base.latencyMs.p95),
    p99Ratio: ratio(common.latencyMs.p99, base.latencyMs.p99),
    endorseP50Ratio: ratio(common.endorseMs.p50, base.endorseMs.p50),
  };
}

function resourceRatios(
  resources: ResourceSummary,
  base: ResourceSummary,
): Pick<OperationComparison, 'cpuPerTxRatio' | 'chaincodeCpuPerTxRatio' | 'blockBytesPerTxRatio'> {
  return {
    cpuPerTxRatio: ratio(networkCpuPerTx(resources), networkCpuPerTx(base)),
    chaincodeCpuPerTxRatio: ratio(resources.cpuSecondsPerValidTx.chaincode, base.cpuSecondsPerValidTx.chaincode),
    blockBytesPerTxRatio: ratio(resources.blockBytesPerTx, base.blockBytesPerTx),
  };
}
