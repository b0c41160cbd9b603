import type { EvaluateOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { auditTransactions } from '../definitions/audit';

/** Parameters of {@link listAttestations}: the `{{contract}}` request. */
export type ListAttestationsParameters = RequestOf<typeof auditTransactions.listAttestations>;
/** Result of {@link listAttestations}. */
export type ListAttestationsReturnType = ResultOf<typeof auditTransactions.listAttestations>;

/**
 * Lists the attestations about a record, optionally only those valid now (`audit:ListAttestationsBySubject`).
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the request; validated before anything is sent
 * @param options - endorsers, private inputs
 * @returns the decoded result
 * @throws {@link ValidationError}
 * @example
 * ```ts
 * const { items } = await client.listAttestations({ subject: { type: 'Facility', id: 'MINE-1' }, validOnly: true });
 * ```
 */
export function listAttestations(client: TransactionClient, parameters: ListAttestationsParameters, options?: EvaluateOptions): Promise<ListAttestationsReturnType> {
  return client.evaluate(auditTransactions.listAttestations, parameters, options);
}
