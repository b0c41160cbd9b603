import type { SubmitOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { batteryTransactions } from '../definitions/battery';

/** Parameters of {@link recordUse}: the `{{contract}}` request. */
export type RecordUseParameters = RequestOf<typeof batteryTransactions.recordUse>;
/** Result of {@link recordUse}. */
export type RecordUseReturnType = ResultOf<typeof batteryTransactions.recordUse>;

/**
 * Records that a battery is in use (`battery:RecordUse`).
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the request; validated before anything is sent
 * @param options - private data, endorsers, retry policy
 * @returns the committed result
 * @throws {@link NotFoundError}
 * @throws {@link ForbiddenError}
 * @throws {@link ConflictError}
 * @example
 * ```ts
 * await client.recordUse({ batteryId: 'PACK-1' });
 * ```
 */
export function recordUse(client: TransactionClient, parameters: RecordUseParameters, options?: SubmitOptions): Promise<RecordUseReturnType> {
  return client.submit(batteryTransactions.recordUse, parameters, options);
}
