import type { ContentionResult } from '../suites/contention';
import type { QueryResult } from '../suites/queries';
import type { ThroughputResult } from '../suites/throughput';
import type { MachineInfo } from './machine';

/** Everything one benchmark run measured; written as `results.json`. */
export interface BenchResults {
  readonly format: 'battery-trace-bench/1';
  readonly profile: 'quick' | 'full';
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly machine: MachineInfo;
  readonly network: NetworkInfo;
  /** Operations or queries that could not be measured, with the reason (e.g. not deployed yet). */
  readonly missing: readonly string[];
  readonly throughput: ThroughputResult | null;
  readonly contention: ContentionResult | null;
  readonly queries: QueryResult | null;
}

/** The network a run measured. */
export interface NetworkInfo {
  readonly networkDir: string;
  readonly channel: string;
  readonly chaincode: string;
  /** The one-organisation definition of the same package the run measured against, or null when it had none. */
  readonly oneOrgChaincode: string | null;
  /** Organisation whose gateway peer every client used. */
  readonly gatewayOrg: string;
}
