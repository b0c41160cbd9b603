import { NotFoundError } from '../errors/NotFoundError';

/** How long an acceptance waits for the counterparty's proposal to reach the caller's own peer, by default. */
export const DEFAULT_PROPOSAL_WAIT_MS = 10_000;

/**
 * Runs an operation on a record that another organisation just proposed (a transfer, a handover), retrying while
 * the caller's own peer does not know the record yet. Each peer commits a block on its own time, so the
 * counterparty's proposal, committed on its peer, can still be missing on the caller's for a moment; the
 * operation endorses nothing while the record is missing, so trying again is safe.
 * @param attempt - the read or submit that needs the record
 * @param waitMs - how long to keep trying (0: once)
 * @throws the last {@link NotFoundError} once `waitMs` has passed, or any other error at once
 */
export async function awaitProposal<T>(attempt: () => Promise<T>, waitMs: number = DEFAULT_PROPOSAL_WAIT_MS): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (let delay = 100; ; delay = Math.min(delay * 2, 1000)) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof NotFoundError) || Date.now() + delay > deadline) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
