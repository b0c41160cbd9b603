import type { SubmitOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { custodyTransactions } from '../definitions/custody';
import { withTransferEndorsers } from './transferEndorsers';

/** Parameters of {@link cancelTransfer}. */
export type CancelTransferParameters = RequestOf<typeof custodyTransactions.cancelTransfer>;
/** Result of {@link cancelTransfer}. */
export type CancelTransferReturnType = ResultOf<typeof custodyTransactions.cancelTransfer>;

/**
 * Cancels a transfer you proposed while it is pending (`custody:CancelTransfer`).
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
 * await client.cancelTransfer({ transferId: 'T-1' });
 * ```
 */
export async function cancelTransfer(client: TransactionClient, parameters: CancelTransferParameters, options?: SubmitOptions): Promise<CancelTransferReturnType> {
  return client.submit(custodyTransactions.cancelTransfer, parameters, await withTransferEndorsers(client, parameters.transferId, options));
}
