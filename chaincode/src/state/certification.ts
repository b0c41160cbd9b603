import { ContractError, type Claim, type Facility } from '../api';
import { isCertifiedFor } from '../domain/facilities';
import type { Ledger } from './ledger';

/**
 * The certification gate: material that carries claims may only be minted or sent by a facility whose
 * certification covering those claims is valid at the transaction time. This is the one place the
 * attestation module extends to also require an auditor's attestation of the facility.
 * @throws {@link ContractError} `ATTESTATION_REQUIRED` when no valid certification covers the claims
 */
export function requireCertification(ledger: Ledger, facility: Facility, claims: readonly Claim[], action: string): Promise<void> {
  if (claims.length > 0 && !isCertifiedFor(facility, claims, ledger.now)) {
    return Promise.reject(
      new ContractError('ATTESTATION_REQUIRED', `facility ${facility.id} holds no certification valid now for ${claims.join(', ')} and may not ${action}`),
    );
  }
  return Promise.resolve();
}
