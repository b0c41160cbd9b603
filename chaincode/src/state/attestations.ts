/**
 * Attestations on the ledger: each is a record of the auditor organisation, listed under its subject so that
 * the attestations of one record are read without scanning others.
 */
import { z } from 'zod';
import { attestationSchema, RECORD_TYPES, type Attestation, type AttestationSubject, type Claim, type Draft } from '../api';
import { hasValidCertification, deniedClaims, validAttestations } from '../domain/attestation';
import { attestationBySubjectKey, attestationsBySubjectPrefix } from './keys';
import type { Ledger } from './ledger';
import type { RecordType } from './recordTypes';

/** Attestations: endorsed by the auditor organisation. */
export const ATTESTATION: RecordType<Attestation> = { name: RECORD_TYPES.attestation, schema: attestationSchema, notFound: 'ATTESTATION_NOT_FOUND' };

const indexValueSchema = z.object({}).strict();

/**
 * Stores an attestation and lists it under its subject.
 * @throws {@link ContractError} `CONFLICT` when the id exists
 */
export async function createAttestation(ledger: Ledger, draft: Draft<Attestation>): Promise<Attestation> {
  const attestation = await ledger.create(ATTESTATION, draft);
  await ledger.putEntry(attestationBySubjectKey(attestation.subject.type, attestation.subject.id, attestation.id), [attestation.ownerMsp]);
  return attestation;
}

/** Every committed attestation of a subject. */
export async function attestationsOf(ledger: Ledger, subject: AttestationSubject): Promise<Attestation[]> {
  const entries = await ledger.entries(attestationsBySubjectPrefix(subject.type, subject.id), indexValueSchema);
  const attestations: Attestation[] = [];
  for (const { attributes } of entries) {
    attestations.push(await ledger.require(ATTESTATION, attributes[0] ?? ''));
  }
  return attestations;
}

/** The attestations of a subject in force at the transaction time. */
export async function validAttestationsOf(ledger: Ledger, subject: AttestationSubject): Promise<Attestation[]> {
  return validAttestations(await attestationsOf(ledger, subject), ledger.now);
}

/** What an auditor says about a facility's claims at the transaction time. */
export interface AuditVerdict {
  /** Every claim is certified by a passing attestation in force. */
  readonly certified: boolean;
  /** Claims a failing attestation in force denies. */
  readonly denied: Claim[];
}

/**
 * The auditors' verdict on a facility's claims at the transaction time: the state-level lookup behind the
 * certification gate of custody transfers and minting (`state/certification.ts`).
 */
export async function auditVerdict(ledger: Ledger, facilityId: string, claims: readonly Claim[]): Promise<AuditVerdict> {
  if (claims.length === 0) {
    return { certified: true, denied: [] };
  }
  const attestations = await attestationsOf(ledger, { type: 'Facility', id: facilityId });
  return { certified: hasValidCertification(attestations, claims, ledger.now), denied: deniedClaims(attestations, claims, ledger.now) };
}
