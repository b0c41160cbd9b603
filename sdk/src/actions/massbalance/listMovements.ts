import type { EvaluateOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { massBalanceTransactions } from '../definitions/massbalance';

/** Parameters of {@link listMovements}: the `{{contract}}` request. */
export type ListMovementsParameters = RequestOf<typeof massBalanceTransactions.listMovements>;
/** Result of {@link listMovements}. */
export type ListMovementsReturnType = ResultOf<typeof massBalanceTransactions.listMovements>;

/**
 * Lists an account's movements booked in a time window, oldest first (`massbalance:ListMovements`).
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the request; validated before anything is sent
 * @param options - endorsers, private inputs
 * @returns the decoded result
 * @throws {@link ValidationError}
 * @example
 * ```ts
 * const { items } = await client.listMovements({ facilityId: 'REFINERY-1', material: 'COBALT_SULFATE', claim: 'CERTIFIED_ORIGIN', from: '2025-01-01T00:00:00Z', until: '2025-04-01T00:00:00Z' });
 * ```
 */
export function listMovements(client: TransactionClient, parameters: ListMovementsParameters, options?: EvaluateOptions): Promise<ListMovementsReturnType> {
  return client.evaluate(massBalanceTransactions.listMovements, parameters, options);
}
