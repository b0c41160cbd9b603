import type { SubmitOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { batteryTransactions } from '../definitions/battery';

/** Parameters of {@link proposeHandover}. */
export type ProposeHandoverParameters = RequestOf<typeof batteryTransactions.proposeHandover>;
/** Result of {@link proposeHandover}. */
export type ProposeHandoverReturnType = ResultOf<typeof batteryTransactions.proposeHandover>;

/**
 * Offers a battery you hold to another facility (`battery:ProposeHandover`): a change of ownership, or a
 * collection at end of use (`kind: 'COLLECTION'`). Nothing moves until the receiving organisation accepts.
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the request; validated before anything is sent
 * @param options - endorsers, retry policy
 * @returns the handover and the battery after it
 * @throws {@link ValidationError}
 * @throws {@link NotFoundError}
 * @throws {@link ForbiddenError}
 * @throws {@link ConflictError}
 * @example
 * ```ts
 * await client.proposeHandover({ id: 'H-1', batteryId: 'PACK-1', toFacilityId: 'COLLECTOR-1', kind: 'COLLECTION' });
 * ```
 */
export function proposeHandover(client: TransactionClient, parameters: ProposeHandoverParameters, options?: SubmitOptions): Promise<ProposeHandoverReturnType> {
  return client.submit(batteryTransactions.proposeHandover, parameters, options);
}
