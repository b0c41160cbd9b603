import type { SubmitOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { massBalanceTransactions } from '../definitions/massbalance';

/** Parameters of {@link claimOnOutput}: the `{{contract}}` request. */
export type ClaimOnOutputParameters = RequestOf<typeof massBalanceTransactions.claimOnOutput>;
/** Result of {@link claimOnOutput}. */
export type ClaimOnOutputReturnType = ResultOf<typeof massBalanceTransactions.claimOnOutput>;

/**
 * Books a claim on a transformation output against the input material's credit (`massbalance:ClaimOnOutput`); never more than the available credit. Debits of one account serialise: use a retry policy.
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the request; validated before anything is sent
 * @param options - private data, endorsers, retry policy
 * @returns the committed result
 * @throws {@link ValidationError}
 * @throws {@link NotFoundError}
 * @throws {@link ForbiddenError}
 * @throws {@link ConflictError}
 * @throws {@link CommitError}
 * @example
 * ```ts
 * await client.claimOnOutput({ id: 'C-1', processRunId: 'RUN-1', outputLotId: 'LOT-S1', claim: 'CERTIFIED_ORIGIN', sourceMaterial: 'COBALT_HYDROXIDE', massGrams: 500_000 }, { retry: retryPolicies.readConflicts });
 * ```
 */
export function claimOnOutput(client: TransactionClient, parameters: ClaimOnOutputParameters, options?: SubmitOptions): Promise<ClaimOnOutputReturnType> {
  return client.submit(massBalanceTransactions.claimOnOutput, parameters, options);
}
