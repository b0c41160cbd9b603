import type { SubmitOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { processTransactions } from '../definitions/process';

/** Parameters of {@link transform}. */
export type TransformParameters = RequestOf<typeof processTransactions.transform>;
/** Result of {@link transform}. */
export type TransformReturnType = ResultOf<typeof processTransactions.transform>;

/**
 * Records a transformation at your facility (`process:Transform`): inputs (lot, mass taken) become output lots plus recorded losses; mass is conserved.
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
 * const { run, outputs } = await client.transform({ id: 'RUN-1', facilityId: 'REFINERY-1', processKind: 'REFINING', inputs: [{ lotId: 'LOT-1', massGrams: 1_000_000 }], outputs: [{ id: 'LOT-S1', material: 'COBALT_SULFATE', massGrams: 900_000 }], lossGrams: 100_000 });
 * ```
 */
export function transform(client: TransactionClient, parameters: TransformParameters, options?: SubmitOptions): Promise<TransformReturnType> {
  return client.submit(processTransactions.transform, parameters, options);
}
