import type { SubmitOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { batteryTransactions } from '../definitions/battery';

/** Parameters of {@link cancelHandover}. */
export type CancelHandoverParameters = RequestOf<typeof batteryTransactions.cancelHandover>;
/** Result of {@link cancelHandover}. */
export type CancelHandoverReturnType = ResultOf<typeof batteryTransactions.cancelHandover>;

/**
 * Withdraws a handover you proposed while it is open (`battery:CancelHandover`).
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the request; validated before anything is sent
 * @param options - endorsers, retry policy
 * @returns the handover and the battery after it
 * @throws {@link ValidationError}
 * @throws {@link NotFoundError}
 * @throws {@link ForbiddenError}
 * @throws {@link ConflictError}
 * @example
 * ```ts
 * await client.cancelHandover({ handoverId: 'H-1' });
 * ```
 */
export function cancelHandover(client: TransactionClient, parameters: CancelHandoverParameters, options?: SubmitOptions): Promise<CancelHandoverReturnType> {
  return client.submit(batteryTransactions.cancelHandover, parameters, options);
}
