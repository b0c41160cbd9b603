import type { SubmitOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { batteryTransactions } from '../definitions/battery';

/** Parameters of {@link placeOnMarket}: the `{{contract}}` request. */
export type PlaceOnMarketParameters = RequestOf<typeof batteryTransactions.placeOnMarket>;
/** Result of {@link placeOnMarket}. */
export type PlaceOnMarketReturnType = ResultOf<typeof batteryTransactions.placeOnMarket>;

/**
 * Places a manufactured battery on the market (`battery:PlaceOnMarket`).
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the request; validated before anything is sent
 * @param options - private data, endorsers, retry policy
 * @returns the committed result
 * @throws {@link NotFoundError}
 * @throws {@link ForbiddenError}
 * @throws {@link ConflictError}
 * @example
 * ```ts
 * await client.placeOnMarket({ batteryId: 'PACK-1' });
 * ```
 */
export function placeOnMarket(client: TransactionClient, parameters: PlaceOnMarketParameters, options?: SubmitOptions): Promise<PlaceOnMarketReturnType> {
  return client.submit(batteryTransactions.placeOnMarket, parameters, options);
}
