/**
 * Auditor attestations, pure: validity against the transaction time and the certification check that gates
 * claims (custody transfers and minting of claimed lots call it through `state/certification`).
 */
import { AUDITOR_MSP, ContractError, type Attestation, type Claim, type Draft } from '../api';

/** An attestation as RecordAttestation asks for it (already validated). */
export interface AttestationInput {
  readonly id: string;
  readonly scheme: string;
  readonly scope: string;
  readonly subject: Attestation['subject'];
  readonly result: Attestation['result'];
  readonly validFrom: string;
  readonly validUntil: string;
  readonly evidenceHash: string;
  readonly claims: readonly Claim[];
}

/**
 * A new attestation by the auditor organisation.
 * @throws {@link ContractError} `FORBIDDEN` unless the caller belongs to the auditor organisation
 */
export function newAttestation(input: AttestationInput, callerMsp: string): Draft<Attestation> {
  if (callerMsp !== AUDITOR_MSP) {
    throw new ContractError('FORBIDDEN', `only ${AUDITOR_MSP} records attestations, not ${callerMsp}`);
  }
  return { ...input, claims: [...input.claims], ownerMsp: callerMsp };
}

/** Whether an attestation is in force at `at` (validFrom ≤ at < validUntil); expired ones stop counting. */
export function isValidAt(attestation: Pick<Attestation, 'validFrom' | 'validUntil'>, at: string): boolean {
  return attestation.validFrom <= at && at < attestation.validUntil;
}

/** The attestations in force at `at`. */
export function validAttestations<T extends Pick<Attestation, 'validFrom' | 'validUntil'>>(attestations: readonly T[], at: string): T[] {
  return attestations.filter((attestation) => isValidAt(attestation, at));
}

function covers(attestation: Pick<Attestation, 'claims'>, claim: Claim): boolean {
  return attestation.claims.includes(claim);
}

/**
 * Whether an auditor's passing attestation in force at `at` certifies every claim.
 * @param attestations - the subject's attestations
 * @example
 * ```ts
 * hasValidCertification(attestationsOfMine, ['CERTIFIED_ORIGIN'], ledger.now);
 * ```
 */
export function hasValidCertification(attestations: readonly Attestation[], claims: readonly Claim[], at: string): boolean {
  const passing = validAttestations(attestations, at).filter((attestation) => attestation.result === 'PASS');
  return claims.every((claim) => passing.some((attestation) => covers(attestation, claim)));
}

/**
 * The claims an auditor's failing attestation in force at `at` denies: a failed audit outweighs any
 * self-declared certification of the same claim.
 */
export function deniedClaims(attestations: readonly Attestation[], claims: readonly Claim[], at: string): Claim[] {
  const failing = validAttestations(attestations, at).filter((attestation) => attestation.result === 'FAIL');
  return claims.filter((claim) => failing.some((attestation) => covers(attestation, claim)));
}
