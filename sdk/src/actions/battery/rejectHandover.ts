import type { SubmitOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { batteryTransactions } from '../definitions/battery';

/** Parameters of {@link rejectHandover}. */
export type RejectHandoverParameters = RequestOf<typeof batteryTransactions.rejectHandover>;
/** Result of {@link rejectHandover}. */
export type RejectHandoverReturnType = ResultOf<typeof batteryTransactions.rejectHandover>;

/**
 * Refuses a battery offered to one of your facilities (`battery:RejectHandover`); it stays with its holder.
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
 * await client.rejectHandover({ handoverId: 'H-1', reason: 'no capacity this month' });
 * ```
 */
export function rejectHandover(client: TransactionClient, parameters: RejectHandoverParameters, options?: SubmitOptions): Promise<RejectHandoverReturnType> {
  return client.submit(batteryTransactions.rejectHandover, parameters, options);
}
