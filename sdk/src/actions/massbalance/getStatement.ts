import type { EvaluateOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { massBalanceTransactions } from '../definitions/massbalance';

/** Parameters of {@link getStatement}: the `{{contract}}` request. */
export type GetStatementParameters = RequestOf<typeof massBalanceTransactions.getStatement>;
/** Result of {@link getStatement}. */
export type GetStatementReturnType = ResultOf<typeof massBalanceTransactions.getStatement>;

/**
 * The mass-balance statement of an account for a period (`massbalance:GetStatement`): opening balance, credits in, claims out, balance, each credit's use.
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the request; validated before anything is sent
 * @param options - endorsers, private inputs
 * @returns the decoded result
 * @throws {@link NotFoundError}
 * @example
 * ```ts
 * const statement = await client.getStatement({ facilityId: 'REFINERY-1', material: 'COBALT_SULFATE', claim: 'CERTIFIED_ORIGIN' });
 * ```
 */
export function getStatement(client: TransactionClient, parameters: GetStatementParameters, options?: EvaluateOptions): Promise<GetStatementReturnType> {
  return client.evaluate(massBalanceTransactions.getStatement, parameters, options);
}
