import type { SubmitOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { massBalanceTransactions } from '../definitions/massbalance';

/** Parameters of {@link openPeriod}: the `{{contract}}` request. */
export type OpenPeriodParameters = RequestOf<typeof massBalanceTransactions.openPeriod>;
/** Result of {@link openPeriod}. */
export type OpenPeriodReturnType = ResultOf<typeof massBalanceTransactions.openPeriod>;

/**
 * Opens the next balancing period of a mass-balance account (`massbalance:OpenPeriod`): facility × material × claim, declared start and end, reconciliation tolerance.
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the request; validated before anything is sent
 * @param options - private data, endorsers, retry policy
 * @returns the committed result
 * @throws {@link ValidationError}
 * @throws {@link ForbiddenError}
 * @throws {@link ConflictError}
 * @example
 * ```ts
 * const period = await client.openPeriod({ id: 'P-2025Q1', facilityId: 'REFINERY-1', material: 'COBALT_SULFATE', claim: 'CERTIFIED_ORIGIN', startsAt: '2025-01-01T00:00:00Z', endsAt: '2025-04-01T00:00:00Z' });
 * ```
 */
export function openPeriod(client: TransactionClient, parameters: OpenPeriodParameters, options?: SubmitOptions): Promise<OpenPeriodReturnType> {
  return client.submit(massBalanceTransactions.openPeriod, parameters, options);
}
