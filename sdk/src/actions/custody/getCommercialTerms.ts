import type { EvaluateOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { custodyTransactions } from '../definitions/custody';

/** Parameters of {@link getCommercialTerms}. */
export type GetCommercialTermsParameters = RequestOf<typeof custodyTransactions.getCommercialTerms>;
/** Result of {@link getCommercialTerms}. */
export type GetCommercialTermsReturnType = ResultOf<typeof custodyTransactions.getCommercialTerms>;

/**
 * Reads a transfer's commercial terms from the sender's private data (`custody:GetCommercialTerms`); only the sender's organisation holds them.
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the request; validated before anything is sent
 * @param options - endorsers, private inputs
 * @returns the decoded result
 * @throws {@link NotFoundError}
 * @throws {@link ForbiddenError}
 * @example
 * ```ts
 * const terms = await client.getCommercialTerms({ id: 'T-1' });
 * ```
 */
export function getCommercialTerms(client: TransactionClient, parameters: GetCommercialTermsParameters, options?: EvaluateOptions): Promise<GetCommercialTermsReturnType> {
  return client.evaluate(custodyTransactions.getCommercialTerms, parameters, options);
}
