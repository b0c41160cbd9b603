import type { SubmitOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { batteryTransactions } from '../definitions/battery';

/** Parameters of {@link transferBattery}: the `{{contract}}` request. */
export type TransferBatteryParameters = RequestOf<typeof batteryTransactions.transferBattery>;
/** Result of {@link transferBattery}. */
export type TransferBatteryReturnType = ResultOf<typeof batteryTransactions.transferBattery>;

/**
 * Hands a battery to a facility of another (or your own) organisation (`battery:TransferOwnership`).
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the request; validated before anything is sent
 * @param options - private data, endorsers, retry policy
 * @returns the committed result
 * @throws {@link NotFoundError}
 * @throws {@link ForbiddenError}
 * @throws {@link ConflictError}
 * @example
 * ```ts
 * await client.transferBattery({ batteryId: 'PACK-1', toFacilityId: 'OEM-1' });
 * ```
 */
export function transferBattery(client: TransactionClient, parameters: TransferBatteryParameters, options?: SubmitOptions): Promise<TransferBatteryReturnType> {
  return client.submit(batteryTransactions.transferBattery, parameters, options);
}
