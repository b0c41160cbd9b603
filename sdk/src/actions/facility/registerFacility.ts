import type { SubmitOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { facilityTransactions } from '../definitions/facility';

/** Parameters of {@link registerFacility}. */
export type RegisterFacilityParameters = RequestOf<typeof facilityTransactions.registerFacility>;
/** Result of {@link registerFacility}. */
export type RegisterFacilityReturnType = ResultOf<typeof facilityTransactions.registerFacility>;

/**
 * Registers a facility your organisation owns (`facility:RegisterFacility`); your organisation's admin identity must call it.
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the request; validated before anything is sent
 * @param options - private data, endorsers, retry policy
 * @returns the committed result
 * @throws {@link ValidationError}
 * @throws {@link ForbiddenError}
 * @throws {@link ConflictError}
 * @example
 * ```ts
 * const facility = await client.registerFacility({ id: 'MINE-1', kind: 'MINE', name: 'Kolwezi North', country: 'CD' });
 * ```
 */
export function registerFacility(client: TransactionClient, parameters: RegisterFacilityParameters, options?: SubmitOptions): Promise<RegisterFacilityReturnType> {
  return client.submit(facilityTransactions.registerFacility, parameters, options);
}
