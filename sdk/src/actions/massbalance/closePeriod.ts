import type { SubmitOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { massBalanceTransactions } from '../definitions/massbalance';

/** Parameters of {@link closePeriod}: the `{{contract}}` request. */
export type ClosePeriodParameters = RequestOf<typeof massBalanceTransactions.closePeriod>;
/** Result of {@link closePeriod}. */
export type ClosePeriodReturnType = ResultOf<typeof massBalanceTransactions.closePeriod>;

/**
 * Closes a reconciled period and carries the balance over (`massbalance:ClosePeriod`).
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the request; validated before anything is sent
 * @param options - private data, endorsers, retry policy
 * @returns the committed result
 * @throws {@link NotFoundError}
 * @throws {@link ForbiddenError}
 * @throws {@link ConflictError}
 * @example
 * ```ts
 * const closed = await client.closePeriod({ periodId: 'P-2025Q1' });
 * ```
 */
export function closePeriod(client: TransactionClient, parameters: ClosePeriodParameters, options?: SubmitOptions): Promise<ClosePeriodReturnType> {
  return client.submit(massBalanceTransactions.closePeriod, parameters, options);
}
