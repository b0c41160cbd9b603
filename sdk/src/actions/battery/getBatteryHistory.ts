import type { EvaluateOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { IntegrityError } from '../../errors/IntegrityError';
import { verifyHistory } from '../../proof/verifyHistory';
import { batteryTransactions } from '../definitions/battery';

/** Parameters of {@link getBatteryHistory}. */
export type GetBatteryHistoryParameters = RequestOf<typeof batteryTransactions.getBatteryHistory>;
/** Result of {@link getBatteryHistory}. */
export type GetBatteryHistoryReturnType = ResultOf<typeof batteryTransactions.getBatteryHistory>;

/**
 * Reads a battery's history, oldest version first (`battery:GetBatteryHistory`), and verifies its hash chain: every
 * version's `recordHash` is recomputed and every `previousHash` link checked before the history is returned.
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the battery id
 * @param options - endorsers
 * @returns the verified history
 * @throws {@link NotFoundError}
 * @throws {@link IntegrityError} when the hash chain does not verify
 * @example
 * ```ts
 * const { entries } = await client.getBatteryHistory({ id: 'PACK-1' });
 * ```
 */
export async function getBatteryHistory(
  client: TransactionClient,
  parameters: GetBatteryHistoryParameters,
  options?: EvaluateOptions,
): Promise<GetBatteryHistoryReturnType> {
  const history = await client.evaluate(batteryTransactions.getBatteryHistory, parameters, options);
  const problems = verifyHistory(history);
  if (problems.length > 0) {
    throw new IntegrityError(`The history of ${history.type} ${history.id} does not verify`, { problems, transactionName: 'battery:GetBatteryHistory' });
  }
  return history;
}
