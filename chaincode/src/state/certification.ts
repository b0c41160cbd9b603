import { ContractError, type Claim, type Facility } from '../api';
import { isCertifiedFor } from '../domain/facilities';
import { auditVerdict } from './attestations';
import type { Ledger } from './ledger';

/**
 * Whether a facility may carry claims at the transaction time: a certification it declares, or an auditor's
 * passing attestation in force, covers every claim, and no auditor's failing attestation in force denies one.
 */
export async function isCertified(ledger: Ledger, facility: Facility, claims: readonly Claim[]): Promise<boolean> {
  if (claims.length === 0) {
    return true;
  }
  const verdict = await auditVerdict(ledger, facility.id, claims);
  return verdict.denied.length === 0 && (verdict.certified || isCertifiedFor(facility, claims, ledger.now));
}

/**
 * The certification gate: material that carries claims may only be minted or sent by a facility whose
 * certification covering those claims is valid at the transaction time — declared by the facility or attested
 * by an auditor — and not denied by an auditor's failed attestation in force.
 * @throws {@link ContractError} `ATTESTATION_REQUIRED` when no valid certification covers the claims
 */
export async function requireCertification(ledger: Ledger, facility: Facility, claims: readonly Claim[], action: string): Promise<void> {
  if (claims.length === 0) {
    return;
  }
  const verdict = await auditVerdict(ledger, facility.id, claims);
  if (verdict.denied.length > 0) {
    throw new ContractError('ATTESTATION_REQUIRED', `an auditor's failed attestation in force denies facility ${facility.id} ${verdict.denied.join(', ')}; it may not ${action}`);
  }
  if (!verdict.certified && !isCertifiedFor(facility, claims, ledger.now)) {
    throw new ContractError('ATTESTATION_REQUIRED', `facility ${facility.id} holds no certification valid now for ${claims.join(', ')} and may not ${action}`);
  }
}
