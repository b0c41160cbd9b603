import type { EvaluateOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { lotTransactions } from '../definitions/lot';

/** Parameters of {@link listLots}. */
export type ListLotsParameters = RequestOf<typeof lotTransactions.listLots>;
/** Result of {@link listLots}. */
export type ListLotsReturnType = ResultOf<typeof lotTransactions.listLots>;

/**
 * Lists the lots in a facility's custody, one page at a time (`lot:ListLotsByFacility`).
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the request; validated before anything is sent
 * @param options - endorsers, private inputs
 * @returns the decoded result
 * @throws {@link ValidationError}
 * @example
 * ```ts
 * const { items } = await client.listLots({ facilityId: 'REFINERY-1' });
 * ```
 */
export function listLots(client: TransactionClient, parameters: ListLotsParameters, options?: EvaluateOptions): Promise<ListLotsReturnType> {
  return client.evaluate(lotTransactions.listLots, parameters, options);
}
