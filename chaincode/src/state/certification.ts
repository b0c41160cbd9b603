import { ContractError, type Claim, type Facility } from '../api';
import { deniedClaims, hasValidCertification } from '../domain/attestation';
import { attestationsOf, auditVerdict } from './attestations';
import type { Ledger } from './ledger';

/**
 * Whether a facility may carry claims at the transaction time: an auditor's passing attestation in force
 * covers every claim, and no auditor's failing attestation in force denies one. What a facility declares about
 * itself (`Facility.certifications`) never counts.
 */
export async function isCertified(ledger: Ledger, facility: Facility, claims: readonly Claim[]): Promise<boolean> {
  return (await attestedClaims(ledger, facility, claims)).size === new Set(claims).size;
}

/**
 * The claims among `claims` that an auditor attests the facility for at the transaction time (each certified by
 * a passing attestation in force and denied by no failing one), read with one look at its attestations.
 */
export async function attestedClaims(ledger: Ledger, facility: Facility, claims: readonly Claim[]): Promise<ReadonlySet<Claim>> {
  if (claims.length === 0) {
    return new Set();
  }
  const attestations = await attestationsOf(ledger, { type: 'Facility', id: facility.id });
  const denied = deniedClaims(attestations, claims, ledger.now);
  return new Set(claims.filter((claim) => !denied.includes(claim) && hasValidCertification(attestations, [claim], ledger.now)));
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
