import type { EvaluateOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { massBalanceTransactions } from '../definitions/massbalance';

/** Parameters of {@link getAccount}: the `{{contract}}` request. */
export type GetAccountParameters = RequestOf<typeof massBalanceTransactions.getAccount>;
/** Result of {@link getAccount}. */
export type GetAccountReturnType = ResultOf<typeof massBalanceTransactions.getAccount>;

/**
 * Reads a mass-balance account head (`massbalance:GetAccount`).
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the request; validated before anything is sent
 * @param options - endorsers, private inputs
 * @returns the decoded result
 * @throws {@link NotFoundError}
 * @example
 * ```ts
 * const account = await client.getAccount({ facilityId: 'REFINERY-1', material: 'COBALT_SULFATE', claim: 'CERTIFIED_ORIGIN' });
 * ```
 */
export function getAccount(client: TransactionClient, parameters: GetAccountParameters, options?: EvaluateOptions): Promise<GetAccountReturnType> {
  return client.evaluate(massBalanceTransactions.getAccount, parameters, options);
}
