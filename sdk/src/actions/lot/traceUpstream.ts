import type { EvaluateOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { lotTransactions } from '../definitions/lot';

/** Parameters of {@link traceUpstream}. */
export type TraceUpstreamParameters = RequestOf<typeof lotTransactions.traceUpstream>;
/** Result of {@link traceUpstream}. */
export type TraceUpstreamReturnType = ResultOf<typeof lotTransactions.traceUpstream>;

/**
 * Walks provenance links upstream from a lot or battery to its sources (`lot:TraceUpstream`), breadth-first, paginated.
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the request; validated before anything is sent
 * @param options - endorsers, private inputs
 * @returns the decoded result
 * @throws {@link ValidationError}
 * @throws {@link NotFoundError}
 * @example
 * ```ts
 * const trace = await client.traceUpstream({ id: 'LOT-CAM-1', maxDepth: 16 });
 * ```
 */
export function traceUpstream(client: TransactionClient, parameters: TraceUpstreamParameters, options?: EvaluateOptions): Promise<TraceUpstreamReturnType> {
  return client.evaluate(lotTransactions.traceUpstream, parameters, options);
}
