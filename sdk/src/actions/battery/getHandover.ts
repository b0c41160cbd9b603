import type { EvaluateOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { batteryTransactions } from '../definitions/battery';

/** Parameters of {@link getHandover}. */
export type GetHandoverParameters = RequestOf<typeof batteryTransactions.getHandover>;
/** Result of {@link getHandover}. */
export type GetHandoverReturnType = ResultOf<typeof batteryTransactions.getHandover>;

/**
 * Reads a battery handover (`battery:GetHandover`).
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the handover id
 * @returns the handover record
 * @throws {@link NotFoundError}
 * @example
 * ```ts
 * const handover = await client.getHandover({ id: 'H-1' });
 * ```
 */
export function getHandover(client: TransactionClient, parameters: GetHandoverParameters, options?: EvaluateOptions): Promise<GetHandoverReturnType> {
  return client.evaluate(batteryTransactions.getHandover, parameters, options);
}
