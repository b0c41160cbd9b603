import type { SubmitOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { custodyTransactions } from '../definitions/custody';
import { withTransferEndorsers } from './transferEndorsers';

/** Parameters of {@link rejectTransfer}. */
export type RejectTransferParameters = RequestOf<typeof custodyTransactions.rejectTransfer>;
/** Result of {@link rejectTransfer}. */
export type RejectTransferReturnType = ResultOf<typeof custodyTransactions.rejectTransfer>;

/**
 * Rejects a transfer to your facility (`custody:RejectTransfer`); the lot returns to the sender.
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
 * await client.rejectTransfer({ transferId: 'T-1', reason: 'wrong material' });
 * ```
 */
export async function rejectTransfer(client: TransactionClient, parameters: RejectTransferParameters, options?: SubmitOptions): Promise<RejectTransferReturnType> {
  return client.submit(custodyTransactions.rejectTransfer, parameters, await withTransferEndorsers(client, parameters.transferId, options));
}
