import type { SubmitOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { auditTransactions } from '../definitions/audit';

/** Parameters of {@link attest}: the `{{contract}}` request. */
export type AttestParameters = RequestOf<typeof auditTransactions.attest>;
/** Result of {@link attest}. */
export type AttestReturnType = ResultOf<typeof auditTransactions.attest>;

/**
 * Records an auditor's attestation about a facility, lot, battery or mass-balance period (`audit:RecordAttestation`); auditor organisation only.
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the request; validated before anything is sent
 * @param options - private data, endorsers, retry policy
 * @returns the committed result
 * @throws {@link ValidationError}
 * @throws {@link ForbiddenError}
 * @throws {@link ConflictError}
 * @example
 * ```ts
 * await auditor.attest({ id: 'A-1', scheme: 'IRMA', scope: 'mine site audit', subject: { type: 'Facility', id: 'MINE-1' }, result: 'PASS', validFrom: '2025-01-01T00:00:00Z', validUntil: '2026-01-01T00:00:00Z', evidenceHash: hash, claims: ['CERTIFIED_ORIGIN'] });
 * ```
 */
export function attest(client: TransactionClient, parameters: AttestParameters, options?: SubmitOptions): Promise<AttestReturnType> {
  return client.submit(auditTransactions.attest, parameters, options);
}
