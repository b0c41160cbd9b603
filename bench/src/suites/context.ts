import type { Gate } from '../driver/Gate';
import type { ProbeTarget } from '../driver/measure';
import type { Connections } from '../fabric/connections';
import type { IdSource } from '../workloads/ids';

/** What every suite needs: connections, the resource probe target, run-unique ids and a progress printer. */
export interface BenchContext {
  readonly connections: Connections;
  readonly probe: ProbeTarget;
  readonly ids: IdSource;
  /** Prints one progress line for people. */
  readonly log: (line: string) => void;
  /** Closed during measured rounds so background set-up pauses. */
  readonly background: Gate;
}
