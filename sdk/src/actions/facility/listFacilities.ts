import type { EvaluateOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { facilityTransactions } from '../definitions/facility';

/** Parameters of {@link listFacilities}. */
export type ListFacilitiesParameters = RequestOf<typeof facilityTransactions.listFacilities>;
/** Result of {@link listFacilities}. */
export type ListFacilitiesReturnType = ResultOf<typeof facilityTransactions.listFacilities>;

/**
 * Lists an organisation's facilities, one page at a time (`facility:ListFacilitiesByOrg`).
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the request; validated before anything is sent
 * @param options - endorsers, private inputs
 * @returns the decoded result
 * @throws {@link ValidationError}
 * @example
 * ```ts
 * const { items, bookmark } = await client.listFacilities({ ownerMsp: 'MiningMSP', pageSize: 50 });
 * ```
 */
export function listFacilities(client: TransactionClient, parameters: ListFacilitiesParameters, options?: EvaluateOptions): Promise<ListFacilitiesReturnType> {
  return client.evaluate(facilityTransactions.listFacilities, parameters, options);
}
