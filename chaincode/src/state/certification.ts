import { ContractError, type Claim, type Facility } from '../api';
import { auditVerdict } from './attestations';
import type { Ledger } from './ledger';

/**
 * Whether a facility may carry claims at the transaction time: an auditor's passing attestation in force
 * covers every claim, and no auditor's failing attestation in force denies one. What a facility declares about
 * itself (`Facility.certifications`) never counts.
 */
export async function isCertified(ledger: Ledger, facility: Facility, claims: readonly Claim[]): Promise<boolean> {
  if (claims.length === 0) {
    return true;
  }
  const verdict = await auditVerdict(ledger, facility.id, claims);
  return verdict.denied.length === 0 && verdict.certified;
}

/**
 * The certification gate: material that carries claims may only be minted, sent, claimed on or recovered by a
 * facility that an auditor attests, at the transaction time, for those claims.
 * @throws {@link ContractError} `ATTESTATION_REQUIRED` when no passing attestation in force covers the claims, or a
 * failing one in force denies one
 */
export async function requireCertification(ledger: Ledger, facility: Facility, claims: readonly Claim[], action: string): Promise<void> {
  if (claims.length === 0) {
    return;
  }
  const verdict = await auditVerdict(ledger, facility.id, claims);
  if (verdict.denied.length > 0) {
    throw new ContractError('ATTESTATION_REQUIRED', `an auditor's failed attestation in force denies facility ${facility.id} ${verdict.denied.join(', ')}; it may not ${action}`);
  }
  if (!verdict.certified) {
    throw new ContractError('ATTESTATION_REQUIRED', `no auditor's attestation in force certifies facility ${facility.id} for ${claims.join(', ')}; it may not ${action}`);
  }
}
