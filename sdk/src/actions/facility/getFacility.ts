import type { EvaluateOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { facilityTransactions } from '../definitions/facility';

/** Parameters of {@link getFacility}. */
export type GetFacilityParameters = RequestOf<typeof facilityTransactions.getFacility>;
/** Result of {@link getFacility}. */
export type GetFacilityReturnType = ResultOf<typeof facilityTransactions.getFacility>;

/**
 * Reads a facility (`facility:GetFacility`).
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the request; validated before anything is sent
 * @param options - endorsers, private inputs
 * @returns the decoded result
 * @throws {@link NotFoundError}
 * @example
 * ```ts
 * const facility = await client.getFacility({ id: 'MINE-1' });
 * ```
 */
export function getFacility(client: TransactionClient, parameters: GetFacilityParameters, options?: EvaluateOptions): Promise<GetFacilityReturnType> {
  return client.evaluate(facilityTransactions.getFacility, parameters, options);
}
