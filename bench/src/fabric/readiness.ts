import { organisations } from '../../../sdk/src/index';
import type { Connections, Identity } from './connections';
import { submitTransaction, type TxOutcome } from './transaction';

/** How long to wait for the gateway to find every organisation's peer, and how often to try. */
export interface ReadinessPlan {
  readonly timeoutMs: number;
  readonly intervalMs: number;
}

const defaultPlan: ReadinessPlan = { timeoutMs: 120_000, intervalMs: 1000 };

/**
 * Waits until `identity`'s gateway can have a write endorsed by its own organisation together with each other
 * organisation: one `baseline:Write` per pair, repeated until all commit. Right after a network starts, the gateway's
 * discovery has not yet learnt every peer from gossip, and a write that needs two organisations fails with
 * "no combination of peers can be derived which satisfy the endorsement policy"; measuring then would count
 * the network's start-up, not the transactions.
 * @param nextKey - a fresh baseline key per attempt
 * @returns milliseconds waited
 * @throws {Error} naming the organisations still unreachable once `plan.timeoutMs` has passed
 */
export async function awaitEndorsers(connections: Connections, identity: Identity, nextKey: () => string, plan: ReadinessPlan = defaultPlan): Promise<number> {
  const started = performance.now();
  const own = connections.mspId(identity.org);
  let pending = organisations.map((org) => connections.mspId(org)).filter((mspId) => mspId !== own);
  let last: TxOutcome | undefined;
  while (pending.length > 0) {
    const outcomes = await Promise.all(
      pending.map((mspId) => submitTransaction(connections, { identity, name: 'baseline:Write', args: [nextKey(), 'ready'], endorsingOrganizations: [own, mspId] })),
    );
    last = outcomes.find((outcome) => !outcome.valid) ?? last;
    pending = pending.filter((_, index) => outcomes[index]?.valid !== true);
    if (pending.length > 0) {
      if (performance.now() - started > plan.timeoutMs) {
        throw new Error(`no write endorsed by ${own} and ${pending.join(', ')} committed within ${plan.timeoutMs / 1000} s (${last?.failure ?? 'unknown'})`);
      }
      await new Promise((resolve) => setTimeout(resolve, plan.intervalMs));
    }
  }
  return performance.now() - started;
}
