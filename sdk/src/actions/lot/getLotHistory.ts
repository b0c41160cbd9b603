import type { EvaluateOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { IntegrityError } from '../../errors/IntegrityError';
import { verifyHistory } from '../../proof/verifyHistory';
import { lotTransactions } from '../definitions/lot';

/** Parameters of {@link getLotHistory}. */
export type GetLotHistoryParameters = RequestOf<typeof lotTransactions.getLotHistory>;
/** Result of {@link getLotHistory}. */
export type GetLotHistoryReturnType = ResultOf<typeof lotTransactions.getLotHistory>;

/**
 * Reads a lot's history, oldest version first (`lot:GetLotHistory`), and verifies its hash chain: every
 * version's `recordHash` is recomputed and every `previousHash` link checked before the history is returned.
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the lot id
 * @param options - endorsers
 * @returns the verified history
 * @throws {@link NotFoundError}
 * @throws {@link IntegrityError} when the hash chain does not verify
 * @example
 * ```ts
 * const { entries } = await client.getLotHistory({ id: 'LOT-1' });
 * ```
 */
export async function getLotHistory(
  client: TransactionClient,
  parameters: GetLotHistoryParameters,
  options?: EvaluateOptions,
): Promise<GetLotHistoryReturnType> {
  const history = await client.evaluate(lotTransactions.getLotHistory, parameters, options);
  const problems = verifyHistory(history);
  if (problems.length > 0) {
    throw new IntegrityError(`The history of ${history.type} ${history.id} does not verify`, { problems, transactionName: 'lot:GetLotHistory' });
  }
  return history;
}
