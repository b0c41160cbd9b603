import type { EvaluateOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { custodyTransactions } from '../definitions/custody';

/** Parameters of {@link listTransfers}. */
export type ListTransfersParameters = RequestOf<typeof custodyTransactions.listTransfers>;
/** Result of {@link listTransfers}. */
export type ListTransfersReturnType = ResultOf<typeof custodyTransactions.listTransfers>;

/**
 * Lists a lot's custody transfers, one page at a time (`custody:ListTransfersByLot`).
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the request; validated before anything is sent
 * @param options - endorsers, private inputs
 * @returns the decoded result
 * @throws {@link ValidationError}
 * @example
 * ```ts
 * const { items } = await client.listTransfers({ lotId: 'LOT-1' });
 * ```
 */
export function listTransfers(client: TransactionClient, parameters: ListTransfersParameters, options?: EvaluateOptions): Promise<ListTransfersReturnType> {
  return client.evaluate(custodyTransactions.listTransfers, parameters, options);
}
