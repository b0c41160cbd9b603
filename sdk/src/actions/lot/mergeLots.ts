import type { SubmitOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { lotTransactions } from '../definitions/lot';

/** Parameters of {@link mergeLots}. */
export type MergeLotsParameters = RequestOf<typeof lotTransactions.mergeLots>;
/** Result of {@link mergeLots}. */
export type MergeLotsReturnType = ResultOf<typeof lotTransactions.mergeLots>;

/**
 * Merges whole lots of one material at one facility into a new lot (`lot:MergeLots`).
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
 * const { lot } = await client.mergeLots({ id: 'LOT-M', lotIds: ['LOT-1a', 'LOT-2'] });
 * ```
 */
export function mergeLots(client: TransactionClient, parameters: MergeLotsParameters, options?: SubmitOptions): Promise<MergeLotsReturnType> {
  return client.submit(lotTransactions.mergeLots, parameters, options);
}
