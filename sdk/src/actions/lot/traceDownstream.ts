import type { EvaluateOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { lotTransactions } from '../definitions/lot';

/** Parameters of {@link traceDownstream}. */
export type TraceDownstreamParameters = RequestOf<typeof lotTransactions.traceDownstream>;
/** Result of {@link traceDownstream}. */
export type TraceDownstreamReturnType = ResultOf<typeof lotTransactions.traceDownstream>;

/**
 * Walks provenance links downstream from a lot to everything it fed (`lot:TraceDownstream`), breadth-first, paginated.
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the request; validated before anything is sent
 * @param options - endorsers, private inputs
 * @returns the decoded result
 * @throws {@link ValidationError}
 * @throws {@link NotFoundError}
 * @example
 * ```ts
 * const trace = await client.traceDownstream({ id: 'LOT-1' });
 * ```
 */
export function traceDownstream(client: TransactionClient, parameters: TraceDownstreamParameters, options?: EvaluateOptions): Promise<TraceDownstreamReturnType> {
  return client.evaluate(lotTransactions.traceDownstream, parameters, options);
}
