import type { SubmitOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { custodyTransactions } from '../definitions/custody';
import { withTransferEndorsers } from './transferEndorsers';

/** Parameters of {@link acceptTransfer}. */
export type AcceptTransferParameters = RequestOf<typeof custodyTransactions.acceptTransfer>;
/** Result of {@link acceptTransfer}. */
export type AcceptTransferReturnType = ResultOf<typeof custodyTransactions.acceptTransfer>;

/**
 * Accepts a transfer to your facility with the mass you weighed (`custody:AcceptTransfer`): within tolerance the difference is recorded as loss, beyond it the transfer goes into dispute.
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the request; validated before anything is sent
 * @param options - private data, endorsers (default: the transfer's sender and receiver organisations), retry policy
 * @returns the committed result
 * @throws {@link ValidationError}
 * @throws {@link NotFoundError}
 * @throws {@link ForbiddenError}
 * @throws {@link ConflictError}
 * @throws {@link CommitError}
 * @example
 * ```ts
 * const { transfer, lot } = await client.acceptTransfer({ transferId: 'T-1', receivedMassGrams: 998_000 });
 * ```
 */
export async function acceptTransfer(client: TransactionClient, parameters: AcceptTransferParameters, options?: SubmitOptions): Promise<AcceptTransferReturnType> {
  return client.submit(custodyTransactions.acceptTransfer, parameters, await withTransferEndorsers(client, parameters.transferId, options));
}
