import type { EvaluateOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { lotTransactions } from '../definitions/lot';

/** Parameters of {@link getLot}. */
export type GetLotParameters = RequestOf<typeof lotTransactions.getLot>;
/** Result of {@link getLot}. */
export type GetLotReturnType = ResultOf<typeof lotTransactions.getLot>;

/**
 * Reads a material lot (`lot:GetLot`).
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the request; validated before anything is sent
 * @param options - endorsers, private inputs
 * @returns the decoded result
 * @throws {@link NotFoundError}
 * @example
 * ```ts
 * const lot = await client.getLot({ id: 'LOT-1' });
 * ```
 */
export function getLot(client: TransactionClient, parameters: GetLotParameters, options?: EvaluateOptions): Promise<GetLotReturnType> {
  return client.evaluate(lotTransactions.getLot, parameters, options);
}
