/**
 * Auditor attestations: an auditor organisation's statement about a facility, lot, battery or mass-balance
 * period (scheme, scope, result, validity, evidence hash). Expired attestations stop counting.
 */
import { z } from 'zod';
import { CLAIMS } from './enums';
import { bookmarkSchema, hashSchema, idSchema, labelSchema, pageSizeSchema, textSchema, timeInputSchema, timestampSchema } from './primitives';
import { recordMetaShape } from './records';

/** Record types an attestation may be about. */
export const ATTESTATION_SUBJECT_TYPES = ['Facility', 'MaterialLot', 'Battery', 'MassBalancePeriod'] as const;
/** A record type an attestation may be about. */
export type AttestationSubjectType = (typeof ATTESTATION_SUBJECT_TYPES)[number];

/** Outcome of an audit. */
export const ATTESTATION_RESULTS = ['PASS', 'FAIL'] as const;
/** Outcome of an audit. */
export type AttestationResult = (typeof ATTESTATION_RESULTS)[number];

/** The record an attestation is about. */
export const attestationSubjectSchema = z.object({ type: z.enum(ATTESTATION_SUBJECT_TYPES), id: idSchema }).strict();
/** The record an attestation is about. */
export type AttestationSubject = z.infer<typeof attestationSubjectSchema>;

/** An auditor's attestation. `ownerMsp` is the auditor organisation. */
export const attestationSchema = z
  .object({
    ...recordMetaShape,
    /** Certification scheme or standard audited against, e.g. `IRMA`, `RMAP`, `ISO 22095`. */
    scheme: labelSchema,
    scope: textSchema,
    subject: attestationSubjectSchema,
    result: z.enum(ATTESTATION_RESULTS),
    validFrom: timestampSchema,
    validUntil: timestampSchema,
    evidenceHash: hashSchema,
    /** Claims a passing attestation certifies (none listed: it certifies no claim, only the scope). */
    claims: z.array(z.enum(CLAIMS)).max(CLAIMS.length),
  })
  .strict();
/** An attestation record. */
export type Attestation = z.infer<typeof attestationSchema>;

/** `audit:RecordAttestation` — an auditor organisation records an attestation. */
export const recordAttestationRequestSchema = z
  .object({
    id: idSchema,
    scheme: labelSchema,
    scope: textSchema,
    subject: attestationSubjectSchema,
    result: z.enum(ATTESTATION_RESULTS),
    validFrom: timeInputSchema,
    validUntil: timeInputSchema,
    evidenceHash: hashSchema,
    claims: z.array(z.enum(CLAIMS)).max(CLAIMS.length).default([]),
  })
  .strict()
  .refine((r) => r.validFrom < r.validUntil, { message: 'validFrom must be before validUntil', path: ['validUntil'] });
/** `audit:RecordAttestation` request. */
export type RecordAttestationRequest = z.input<typeof recordAttestationRequestSchema>;

/** `audit:ListAttestationsBySubject` — every attestation of a subject, or only those valid now. */
export const listAttestationsBySubjectRequestSchema = z
  .object({
    subject: attestationSubjectSchema,
    validOnly: z.boolean().default(false),
    pageSize: pageSizeSchema.default(20),
    bookmark: bookmarkSchema.default(''),
  })
  .strict();
/** `audit:ListAttestationsBySubject` request. */
export type ListAttestationsBySubjectRequest = z.input<typeof listAttestationsBySubjectRequestSchema>;

/** `audit:ListAttestationsBySubject` result. */
export const attestationPageSchema = z.object({ items: z.array(attestationSchema), bookmark: z.string() }).strict();

/** Transactions of the `audit` contract. */
export const AUDIT_TRANSACTIONS = {
  RecordAttestation: 'RecordAttestation',
  GetAttestation: 'GetAttestation',
  ListAttestationsBySubject: 'ListAttestationsBySubject',
} as const;
