import type { SubmitOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { batteryTransactions } from '../definitions/battery';

/** Parameters of {@link collect}: the `{{contract}}` request. */
export type CollectParameters = RequestOf<typeof batteryTransactions.collect>;
/** Result of {@link collect}. */
export type CollectReturnType = ResultOf<typeof batteryTransactions.collect>;

/**
 * Takes a battery in at a collector's, second-life operator's or recycler's facility (`battery:Collect`).
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the request; validated before anything is sent
 * @param options - private data, endorsers, retry policy
 * @returns the committed result
 * @throws {@link NotFoundError}
 * @throws {@link ForbiddenError}
 * @throws {@link ConflictError}
 * @example
 * ```ts
 * await client.collect({ batteryId: 'PACK-1', facilityId: 'COLLECTOR-1' });
 * ```
 */
export function collect(client: TransactionClient, parameters: CollectParameters, options?: SubmitOptions): Promise<CollectReturnType> {
  return client.submit(batteryTransactions.collect, parameters, options);
}
