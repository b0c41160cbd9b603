import type { Workload } from '../driver/Workload';
import type { Identity } from '../fabric/connections';
import type { TxRequest } from '../fabric/transaction';
import type { IdSource } from './ids';

/** The 32-byte value every baseline write stores. */
const VALUE = 'battery-trace benchmark baseline';

/** Name of the baseline written under the network's own chaincode definition (and its policy). */
export const BASELINE = 'baseline';
/** Name of the baseline written under the one-organisation chaincode definition. */
export const ONE_ORG_BASELINE = 'baseline, one organisation';

/**
 * The benchmark baseline: `baseline:Write(key, value)`, one small key written, nothing read, under the network's
 * own chaincode definition, so it needs the endorsements that definition's policy asks for a new key. Every
 * transaction writes a fresh key, so baseline transactions never conflict.
 * @param identity - who signs (the same organisation as the measured operations' proposer)
 */
export function baselineWorkload(ids: IdSource, identity: Identity): Workload {
  return {
    name: BASELINE,
    description: 'baseline:Write — one 32-byte value under a fresh key, no read, under the chaincode-level policy',
    prepare: () => Promise.resolve(),
    next: (): TxRequest => ({ identity, name: 'baseline:Write', args: [ids.next('k'), VALUE] }),
  };
}

/**
 * The same `baseline:Write` against `chaincode`: another definition of the same package whose policy one
 * organisation satisfies, so that the cost of every further endorsement shows against it (same run, same network,
 * same transaction).
 * @param chaincode - the one-organisation chaincode definition, e.g. `battery-trace-one-org`
 */
export function oneOrgBaselineWorkload(ids: IdSource, identity: Identity, chaincode: string): Workload {
  return {
    name: ONE_ORG_BASELINE,
    description: `baseline:Write on the chaincode definition \`${chaincode}\`: the same package and transaction, endorsed by one organisation`,
    prepare: () => Promise.resolve(),
    next: (): TxRequest => ({ identity, name: 'baseline:Write', chaincode, args: [ids.next('k1'), VALUE] }),
  };
}

/** A `baseline:Read(key)` request: the single-key read the query benchmarks are compared with. */
export function baselineRead(identity: Identity, key: string, chaincode?: string): TxRequest {
  return chaincode === undefined ? { identity, name: 'baseline:Read', args: [key] } : { identity, name: 'baseline:Read', chaincode, args: [key] };
}
