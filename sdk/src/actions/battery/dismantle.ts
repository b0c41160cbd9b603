import type { SubmitOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { batteryTransactions } from '../definitions/battery';

/** Parameters of {@link dismantle}: the `{{contract}}` request. */
export type DismantleParameters = RequestOf<typeof batteryTransactions.dismantle>;
/** Result of {@link dismantle}. */
export type DismantleReturnType = ResultOf<typeof batteryTransactions.dismantle>;

/**
 * Dismantles a collected battery into recovered-material lots (`battery:Dismantle`).
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
 * const { lots } = await client.dismantle({ batteryId: 'PACK-1', outputs: [{ id: 'BM-1', material: 'BLACK_MASS', massGrams: 180_000_000 }], lossGrams: 2_000_000 });
 * ```
 */
export function dismantle(client: TransactionClient, parameters: DismantleParameters, options?: SubmitOptions): Promise<DismantleReturnType> {
  return client.submit(batteryTransactions.dismantle, parameters, options);
}
