import type { SubmitOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { facilityTransactions } from '../definitions/facility';

/** Parameters of {@link updateCertifications}. */
export type UpdateCertificationsParameters = RequestOf<typeof facilityTransactions.updateCertifications>;
/** Result of {@link updateCertifications}. */
export type UpdateCertificationsReturnType = ResultOf<typeof facilityTransactions.updateCertifications>;

/**
 * Replaces a facility's certification list (`facility:UpdateCertifications`); owner's admin only.
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the request; validated before anything is sent
 * @param options - private data, endorsers, retry policy
 * @returns the committed result
 * @throws {@link ValidationError}
 * @throws {@link NotFoundError}
 * @throws {@link ForbiddenError}
 * @example
 * ```ts
 * await client.updateCertifications({ id: 'MINE-1', certifications: [{ scheme: 'IRMA', certificateId: 'IRMA-7', validFrom: '2025-01-01T00:00:00Z', validUntil: '2027-01-01T00:00:00Z' }] });
 * ```
 */
export function updateCertifications(client: TransactionClient, parameters: UpdateCertificationsParameters, options?: SubmitOptions): Promise<UpdateCertificationsReturnType> {
  return client.submit(facilityTransactions.updateCertifications, parameters, options);
}
