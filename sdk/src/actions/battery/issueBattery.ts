import type { TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { batteryTransactions } from '../definitions/battery';
import { restrictedOptions, type RestrictedPassportOptions } from './restricted';

/** Parameters of {@link issueBattery}. */
export type IssueBatteryParameters = RequestOf<typeof batteryTransactions.issueBattery>;
/** Result of {@link issueBattery}. */
export type IssueBatteryReturnType = ResultOf<typeof batteryTransactions.issueBattery>;

/**
 * Issues a cell, module or pack with its passport (`battery:IssueBattery`) from material lots and component
 * batteries at your facility. Carbon footprint and recycled-content shares are computed from provenance by the
 * chaincode, never declared.
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the request; validated before anything is sent
 * @param options - restricted passport fields (private), endorsers, retry policy
 * @returns the battery record
 * @throws {@link ValidationError}
 * @throws {@link NotFoundError}
 * @throws {@link ForbiddenError}
 * @throws {@link ConflictError}
 * @example
 * ```ts
 * const pack = await client.issueBattery(
 *   { id: 'PACK-1', facilityId: 'PACK-PLANT-1', level: 'PACK', category: 'EV', model: 'P-75', chemistry: 'NMC',
 *     massGrams: 450_000, ratedCapacityMilliampHours: 200_000, nominalVoltageMillivolts: 400_000, components: ['CELL-1'] },
 *   { restricted: { safetyMeasures: 'isolate before opening' } },
 * );
 * ```
 */
export async function issueBattery(client: TransactionClient, parameters: IssueBatteryParameters, options: RestrictedPassportOptions = {}): Promise<IssueBatteryReturnType> {
  return client.submit(batteryTransactions.issueBattery, parameters, restrictedOptions(options, client.mspId, 'battery:IssueBattery restricted fields'));
}
