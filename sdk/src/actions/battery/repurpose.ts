import type { TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { batteryTransactions } from '../definitions/battery';
import { restrictedOptions, type RestrictedPassportOptions } from './restricted';

/** Parameters of {@link repurpose}. */
export type RepurposeParameters = RequestOf<typeof batteryTransactions.repurpose>;
/** Result of {@link repurpose}. */
export type RepurposeReturnType = ResultOf<typeof batteryTransactions.repurpose>;

/**
 * Repurposes a battery for second life (`battery:Repurpose`): a new passport linked to its predecessor.
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the request; validated before anything is sent
 * @param options - restricted passport fields of the new passport (private), endorsers, retry policy
 * @returns the predecessor and the new battery
 * @throws {@link ValidationError}
 * @throws {@link NotFoundError}
 * @throws {@link ForbiddenError}
 * @throws {@link ConflictError}
 * @example
 * ```ts
 * const { battery } = await client.repurpose({ batteryId: 'PACK-1', newBatteryId: 'PACK-1-SL', facilityId: 'SECOND-LIFE-1',
 *   category: 'STATIONARY', model: 'ESS-40', ratedCapacityMilliampHours: 160_000, nominalVoltageMillivolts: 400_000 });
 * ```
 */
export async function repurpose(client: TransactionClient, parameters: RepurposeParameters, options: RestrictedPassportOptions = {}): Promise<RepurposeReturnType> {
  return client.submit(batteryTransactions.repurpose, parameters, restrictedOptions(options, client.mspId, 'battery:Repurpose restricted fields'));
}
