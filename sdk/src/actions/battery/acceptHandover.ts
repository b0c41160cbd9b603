import { awaitProposal } from '../../client/awaitProposal';
import type { SubmitOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { batteryTransactions } from '../definitions/battery';

/** Parameters of {@link acceptHandover}. */
export type AcceptHandoverParameters = RequestOf<typeof batteryTransactions.acceptHandover>;
/** Result of {@link acceptHandover}. */
export type AcceptHandoverReturnType = ResultOf<typeof batteryTransactions.acceptHandover>;

/**
 * Accepts a battery offered to one of your facilities (`battery:AcceptHandover`): your organisation becomes
 * its holder; a collection marks it collected (and waste at a collector or recycler). A handover proposed a
 * moment ago may not have reached your own peer yet: the acceptance waits for it briefly.
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
 * await client.acceptHandover({ handoverId: 'H-1' });
 * ```
 */
export function acceptHandover(client: TransactionClient, parameters: AcceptHandoverParameters, options?: SubmitOptions): Promise<AcceptHandoverReturnType> {
  return awaitProposal(() => client.submit(batteryTransactions.acceptHandover, parameters, options));
}
