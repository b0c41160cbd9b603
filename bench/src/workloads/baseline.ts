import type { Workload } from '../driver/Workload';
import type { Identity } from '../fabric/connections';
import type { TxRequest } from '../fabric/transaction';
import type { IdSource } from './ids';

/** The 32-byte value every baseline write stores. */
const VALUE = 'battery-trace benchmark baseline';

/**
 * The benchmark baseline: `baseline:Write(key, value)`, one small key written, nothing read. Every transaction
 * writes a fresh key, so baseline transactions never conflict.
 * @param identity - who signs (the same organisation as the measured operations' proposer)
 */
export function baselineWorkload(ids: IdSource, identity: Identity): Workload {
  return {
    name: 'baseline',
    description: 'baseline:Write — one 32-byte value under a fresh key, no read',
    prepare: () => Promise.resolve(),
    next: (): TxRequest => ({ identity, name: 'baseline:Write', args: [ids.next('k'), VALUE] }),
  };
}

/** A `baseline:Read(key)` request: the single-key read the query benchmarks are compared with. */
export function baselineRead(identity: Identity, key: string): TxRequest {
  return { identity, name: 'baseline:Read', args: [key] };
}
