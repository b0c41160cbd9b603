import type { SubmitOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { massBalanceTransactions } from '../definitions/massbalance';

/** Parameters of {@link reconcilePeriod}: the `{{contract}}` request. */
export type ReconcilePeriodParameters = RequestOf<typeof massBalanceTransactions.reconcilePeriod>;
/** Result of {@link reconcilePeriod}. */
export type ReconcilePeriodReturnType = ResultOf<typeof massBalanceTransactions.reconcilePeriod>;

/**
 * Reconciles a period's book balance against the declared physical stock (`massbalance:ReconcilePeriod`); deviations beyond the tolerance are flagged.
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the request; validated before anything is sent
 * @param options - private data, endorsers, retry policy
 * @returns the committed result
 * @throws {@link ValidationError}
 * @throws {@link NotFoundError}
 * @throws {@link ForbiddenError}
 * @throws {@link ConflictError}
 * @example
 * ```ts
 * const period = await client.reconcilePeriod({ periodId: 'P-2025Q1', declaredPhysicalStockGrams: 1_200_000 });
 * ```
 */
export function reconcilePeriod(client: TransactionClient, parameters: ReconcilePeriodParameters, options?: SubmitOptions): Promise<ReconcilePeriodReturnType> {
  return client.submit(massBalanceTransactions.reconcilePeriod, parameters, options);
}
