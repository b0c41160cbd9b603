import type { EvaluateOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { massBalanceTransactions } from '../definitions/massbalance';

/** Parameters of {@link getPeriod}: the `{{contract}}` request. */
export type GetPeriodParameters = RequestOf<typeof massBalanceTransactions.getPeriod>;
/** Result of {@link getPeriod}. */
export type GetPeriodReturnType = ResultOf<typeof massBalanceTransactions.getPeriod>;

/**
 * Reads a balancing period (`massbalance:GetPeriod`).
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the request; validated before anything is sent
 * @param options - endorsers, private inputs
 * @returns the decoded result
 * @throws {@link NotFoundError}
 * @example
 * ```ts
 * const period = await client.getPeriod({ id: 'P-2025Q1' });
 * ```
 */
export function getPeriod(client: TransactionClient, parameters: GetPeriodParameters, options?: EvaluateOptions): Promise<GetPeriodReturnType> {
  return client.evaluate(massBalanceTransactions.getPeriod, parameters, options);
}
