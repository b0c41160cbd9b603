import type { EvaluateOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { batteryTransactions } from '../definitions/battery';

/** Parameters of {@link getBattery}: the `{{contract}}` request. */
export type GetBatteryParameters = RequestOf<typeof batteryTransactions.getBattery>;
/** Result of {@link getBattery}. */
export type GetBatteryReturnType = ResultOf<typeof batteryTransactions.getBattery>;

/**
 * Reads a battery record (`battery:GetBattery`).
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the request; validated before anything is sent
 * @param options - endorsers, private inputs
 * @returns the decoded result
 * @throws {@link NotFoundError}
 * @example
 * ```ts
 * const battery = await client.getBattery({ id: 'PACK-1' });
 * ```
 */
export function getBattery(client: TransactionClient, parameters: GetBatteryParameters, options?: EvaluateOptions): Promise<GetBatteryReturnType> {
  return client.evaluate(batteryTransactions.getBattery, parameters, options);
}
