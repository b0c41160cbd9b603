import type { EvaluateOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { auditTransactions } from '../definitions/audit';

/** Parameters of {@link getAttestation}: the `{{contract}}` request. */
export type GetAttestationParameters = RequestOf<typeof auditTransactions.getAttestation>;
/** Result of {@link getAttestation}. */
export type GetAttestationReturnType = ResultOf<typeof auditTransactions.getAttestation>;

/**
 * Reads an attestation (`audit:GetAttestation`).
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the request; validated before anything is sent
 * @param options - endorsers, private inputs
 * @returns the decoded result
 * @throws {@link NotFoundError}
 * @example
 * ```ts
 * const attestation = await client.getAttestation({ id: 'A-1' });
 * ```
 */
export function getAttestation(client: TransactionClient, parameters: GetAttestationParameters, options?: EvaluateOptions): Promise<GetAttestationReturnType> {
  return client.evaluate(auditTransactions.getAttestation, parameters, options);
}
