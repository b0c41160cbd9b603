import type { SubmitOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { batteryTransactions } from '../definitions/battery';

/** Parameters of {@link recordStateOfHealth}: the `{{contract}}` request. */
export type RecordStateOfHealthParameters = RequestOf<typeof batteryTransactions.recordStateOfHealth>;
/** Result of {@link recordStateOfHealth}. */
export type RecordStateOfHealthReturnType = ResultOf<typeof batteryTransactions.recordStateOfHealth>;

/**
 * Records a state-of-health reading (`battery:RecordStateOfHealth`): certified energy, remaining capacity, cycles, negative events.
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
 * await client.recordStateOfHealth({ batteryId: 'PACK-1', stateOfCertifiedEnergyBasisPoints: 9200, remainingCapacityBasisPoints: 9400, fullCycles: 310 });
 * ```
 */
export function recordStateOfHealth(client: TransactionClient, parameters: RecordStateOfHealthParameters, options?: SubmitOptions): Promise<RecordStateOfHealthReturnType> {
  return client.submit(batteryTransactions.recordStateOfHealth, parameters, options);
}
