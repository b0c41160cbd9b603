import type { SubmitOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { lotTransactions } from '../definitions/lot';

/** Parameters of {@link mintLot}. */
export type MintLotParameters = RequestOf<typeof lotTransactions.mintLot>;
/** Result of {@link mintLot}. */
export type MintLotReturnType = ResultOf<typeof lotTransactions.mintLot>;

/**
 * Mints a lot of extracted material at one of your mines or concentrators (`lot:MintLot`).
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
 * const lot = await client.mintLot({ id: 'LOT-1', facilityId: 'MINE-1', material: 'COBALT_HYDROXIDE', massGrams: 1_000_000 });
 * ```
 */
export function mintLot(client: TransactionClient, parameters: MintLotParameters, options?: SubmitOptions): Promise<MintLotReturnType> {
  return client.submit(lotTransactions.mintLot, parameters, options);
}
