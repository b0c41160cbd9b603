import type { SubmitOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { custodyTransactions } from '../definitions/custody';
import { withTransferEndorsers } from './transferEndorsers';

/** Parameters of {@link resolveDispute}. */
export type ResolveDisputeParameters = RequestOf<typeof custodyTransactions.resolveDispute>;
/** Result of {@link resolveDispute}. */
export type ResolveDisputeReturnType = ResultOf<typeof custodyTransactions.resolveDispute>;

/**
 * Settles a disputed transfer (`custody:ResolveDispute`): an auditor decides, or both parties propose and equal proposals settle.
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the request; validated before anything is sent
 * @param options - private data, endorsers (default: the transfer's sender and receiver organisations), retry policy
 * @returns the committed result
 * @throws {@link ValidationError}
 * @throws {@link NotFoundError}
 * @throws {@link ForbiddenError}
 * @throws {@link ConflictError}
 * @example
 * ```ts
 * await client.resolveDispute({ transferId: 'T-1', settledMassGrams: 990_000 });
 * ```
 */
export async function resolveDispute(client: TransactionClient, parameters: ResolveDisputeParameters, options?: SubmitOptions): Promise<ResolveDisputeReturnType> {
  return client.submit(custodyTransactions.resolveDispute, parameters, await withTransferEndorsers(client, parameters.transferId, options));
}
