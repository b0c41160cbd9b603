import type { SubmitOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { batteryTransactions } from '../definitions/battery';

/** Parameters of {@link recycle}: the `{{contract}}` request. */
export type RecycleParameters = RequestOf<typeof batteryTransactions.recycle>;
/** Result of {@link recycle}. */
export type RecycleReturnType = ResultOf<typeof batteryTransactions.recycle>;

/**
 * Recycles the rest of a battery into recovered (post-consumer recycled) lots (`battery:Recycle`); outputs + losses = what remains.
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
 * const { lots } = await client.recycle({ batteryId: 'PACK-1', outputs: [{ id: 'RCS-1', material: 'RECOVERED_COBALT_SULFATE', massGrams: 20_000_000 }], lossGrams: 1_000_000 });
 * ```
 */
export function recycle(client: TransactionClient, parameters: RecycleParameters, options?: SubmitOptions): Promise<RecycleReturnType> {
  return client.submit(batteryTransactions.recycle, parameters, options);
}
