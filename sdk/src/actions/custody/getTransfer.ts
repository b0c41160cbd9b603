import type { EvaluateOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { custodyTransactions } from '../definitions/custody';

/** Parameters of {@link getTransfer}. */
export type GetTransferParameters = RequestOf<typeof custodyTransactions.getTransfer>;
/** Result of {@link getTransfer}. */
export type GetTransferReturnType = ResultOf<typeof custodyTransactions.getTransfer>;

/**
 * Reads a custody transfer (`custody:GetTransfer`).
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the request; validated before anything is sent
 * @param options - endorsers, private inputs
 * @returns the decoded result
 * @throws {@link NotFoundError}
 * @example
 * ```ts
 * const transfer = await client.getTransfer({ id: 'T-1' });
 * ```
 */
export function getTransfer(client: TransactionClient, parameters: GetTransferParameters, options?: EvaluateOptions): Promise<GetTransferReturnType> {
  return client.evaluate(custodyTransactions.getTransfer, parameters, options);
}
