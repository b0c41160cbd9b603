import type { SubmitOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { lotTransactions } from '../definitions/lot';

/** Parameters of {@link splitLot}. */
export type SplitLotParameters = RequestOf<typeof lotTransactions.splitLot>;
/** Result of {@link splitLot}. */
export type SplitLotReturnType = ResultOf<typeof lotTransactions.splitLot>;

/**
 * Splits children off a lot in your custody (`lot:SplitLot`); the rest stays in the parent.
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
 * const { parent, children } = await client.splitLot({ lotId: 'LOT-1', children: [{ id: 'LOT-1a', massGrams: 400_000 }] });
 * ```
 */
export function splitLot(client: TransactionClient, parameters: SplitLotParameters, options?: SubmitOptions): Promise<SplitLotReturnType> {
  return client.submit(lotTransactions.splitLot, parameters, options);
}
