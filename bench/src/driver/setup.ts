import type { Connections } from '../fabric/connections';
import type { TxOutcome, TxRequest } from '../fabric/transaction';
import { runBatch } from './rounds';

/**
 * Submits set-up transactions (not measured) with `concurrency` in flight and fails loudly when any of them does
 * not commit: set-up is conflict-free by construction, so a failure is a bug in the workload or the chaincode.
 * @param what - what is being set up, for the error message
 * @returns the outcomes in request order
 * @throws {Error} naming the first failure reason and how many failed
 */
export async function submitAll(connections: Connections, requests: readonly TxRequest[], concurrency: number, what: string): Promise<TxOutcome[]> {
  const outcomes = await runBatch(connections, requests, concurrency);
  const failed = outcomes.filter((outcome) => !outcome.valid);
  if (failed.length > 0) {
    const reasons = [...new Set(failed.map((outcome) => outcome.failure))].join(', ');
    throw new Error(`set-up of ${what}: ${failed.length} of ${outcomes.length} transactions failed (${reasons})`);
  }
  return outcomes;
}
