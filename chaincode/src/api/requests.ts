import { z } from 'zod';
import { CLAIMS, CUSTODY_MODELS, FACILITY_KINDS, MATERIALS, PROCESS_KINDS } from './enums';
import {
  basisPointsSchema,
  bookmarkSchema,
  carbonIntensitySchema,
  countrySchema,
  geolocationSchema,
  hashSchema,
  idSchema,
  labelSchema,
  massSchema,
  mspIdSchema,
  nonNegativeMassSchema,
  pageSizeSchema,
  textSchema,
  timeInputSchema,
} from './primitives';
import { assaySchema } from './records';

/** Default page size of paginated queries. */
export const DEFAULT_PAGE_SIZE = 20;
/** Default tolerance of a custody transfer's weighed mass: 0.5 %. */
export const DEFAULT_TOLERANCE_BASIS_POINTS = 50;
/** Largest tolerance a transfer may declare: 10 %. */
export const MAX_TOLERANCE_BASIS_POINTS = 1000;
/** Default depth of a provenance trace (a transformation counts two hops: lot → process run → lot). */
export const DEFAULT_TRACE_DEPTH = 16;
/** Largest depth of a provenance trace. */
export const MAX_TRACE_DEPTH = 64;

/** Request by id (every `Get…` transaction). */
export const byIdRequestSchema = z.object({ id: idSchema }).strict();
/** Request by id. */
export type ByIdRequest = z.infer<typeof byIdRequestSchema>;

const pagination = { pageSize: pageSizeSchema.default(DEFAULT_PAGE_SIZE), bookmark: bookmarkSchema.default('') };

/** A certification as a request declares it (times normalised to the stored form). */
export const certificationInputSchema = z
  .object({
    scheme: labelSchema,
    certificateId: labelSchema,
    validFrom: timeInputSchema,
    validUntil: timeInputSchema,
    scope: textSchema.optional(),
    claims: z.array(z.enum(CLAIMS)).max(CLAIMS.length).optional(),
  })
  .strict()
  .refine((c) => c.validFrom < c.validUntil, { message: 'validFrom must be before validUntil', path: ['validUntil'] });

const certificationsSchema = z.array(certificationInputSchema).max(32);

/** `facility:RegisterFacility` — the caller's organisation (admin) registers a facility it owns. */
export const registerFacilityRequestSchema = z
  .object({
    id: idSchema,
    kind: z.enum(FACILITY_KINDS),
    name: labelSchema,
    country: countrySchema,
    geolocation: geolocationSchema.optional(),
    address: textSchema.optional(),
    certifications: certificationsSchema.default([]),
  })
  .strict();
/** `facility:RegisterFacility` request. */
export type RegisterFacilityRequest = z.input<typeof registerFacilityRequestSchema>;

/** `facility:ListFacilitiesByOrg`. */
export const listFacilitiesByOrgRequestSchema = z.object({ ownerMsp: mspIdSchema, ...pagination }).strict();
/** `facility:ListFacilitiesByOrg` request. */
export type ListFacilitiesByOrgRequest = z.input<typeof listFacilitiesByOrgRequestSchema>;

/** `facility:UpdateCertifications` — replaces the facility's certification list. */
export const updateCertificationsRequestSchema = z.object({ id: idSchema, certifications: certificationsSchema }).strict();
/** `facility:UpdateCertifications` request. */
export type UpdateCertificationsRequest = z.input<typeof updateCertificationsRequestSchema>;

/**
 * `lot:MintLot` — a mine or concentrator mints extracted material at its own facility. Claims are limited to
 * characteristics of origin (certified origin, conflict-free) and need an auditor's attestation of the facility.
 */
export const mintLotRequestSchema = z
  .object({
    id: idSchema,
    facilityId: idSchema,
    material: z.enum(MATERIALS),
    massGrams: massSchema,
    custodyModel: z.enum(CUSTODY_MODELS).default('IDENTITY_PRESERVED'),
    assay: assaySchema.optional(),
    carbonIntensity: carbonIntensitySchema.optional(),
    extractedFrom: timeInputSchema.optional(),
    extractedUntil: timeInputSchema.optional(),
    claims: z.array(z.enum(CLAIMS)).max(CLAIMS.length).default([]),
  })
  .strict();
/** `lot:MintLot` request. */
export type MintLotRequest = z.input<typeof mintLotRequestSchema>;

/** `lot:SplitLot` — children take the given masses; the rest stays in the parent. */
export const splitLotRequestSchema = z
  .object({ lotId: idSchema, children: z.array(z.object({ id: idSchema, massGrams: massSchema }).strict()).min(1).max(100) })
  .strict();
/** `lot:SplitLot` request. */
export type SplitLotRequest = z.input<typeof splitLotRequestSchema>;

/** `lot:MergeLots` — whole lots of one material at one facility become a new lot. */
export const mergeLotsRequestSchema = z.object({ id: idSchema, lotIds: z.array(idSchema).min(2).max(100) }).strict();
/** `lot:MergeLots` request. */
export type MergeLotsRequest = z.input<typeof mergeLotsRequestSchema>;

/** `lot:ListLotsByFacility` — lots whose custodian is the facility. */
export const listLotsByFacilityRequestSchema = z.object({ facilityId: idSchema, ...pagination }).strict();
/** `lot:ListLotsByFacility` request. */
export type ListLotsByFacilityRequest = z.input<typeof listLotsByFacilityRequestSchema>;

/** `lot:TraceUpstream` / `lot:TraceDownstream` — breadth-first walk over provenance links. */
export const traceRequestSchema = z
  .object({
    type: labelSchema.default('MaterialLot'),
    id: idSchema,
    maxDepth: z.number().int().min(1).max(MAX_TRACE_DEPTH).default(DEFAULT_TRACE_DEPTH),
    ...pagination,
  })
  .strict();
/** Trace request. */
export type TraceRequest = z.input<typeof traceRequestSchema>;

/** `custody:ProposeTransfer` — the custodian's organisation sends a whole lot to another facility. */
export const proposeTransferRequestSchema = z
  .object({
    id: idSchema,
    lotId: idSchema,
    toFacilityId: idSchema,
    declaredMassGrams: massSchema,
    shippingDocumentsHash: hashSchema,
    toleranceBasisPoints: basisPointsSchema.max(MAX_TOLERANCE_BASIS_POINTS).default(DEFAULT_TOLERANCE_BASIS_POINTS),
  })
  .strict();
/** `custody:ProposeTransfer` request. */
export type ProposeTransferRequest = z.input<typeof proposeTransferRequestSchema>;

/** Transient map key of a transfer's commercial terms (`custody:ProposeTransfer`). */
export const COMMERCIAL_TERMS_TRANSIENT_KEY = 'commercialTerms';

/**
 * Commercial terms, sent as transient data (UTF-8 JSON) and kept in the sender's implicit collection; the
 * public transfer holds only their hash. `salt` (random, from the client) stops guessing the terms from the hash.
 */
export const commercialTermsSchema = z
  .object({
    priceMinorUnits: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code'),
    contractReference: labelSchema,
    salt: z.string().min(16).max(128),
  })
  .strict();
/** Commercial terms of a transfer. */
export type CommercialTerms = z.infer<typeof commercialTermsSchema>;

/** `custody:AcceptTransfer` — the receiving facility's organisation reports the weighed mass. */
export const acceptTransferRequestSchema = z.object({ transferId: idSchema, receivedMassGrams: nonNegativeMassSchema }).strict();
/** `custody:AcceptTransfer` request. */
export type AcceptTransferRequest = z.input<typeof acceptTransferRequestSchema>;

/** `custody:RejectTransfer` / `custody:CancelTransfer`. */
export const closeTransferRequestSchema = z.object({ transferId: idSchema, reason: textSchema.optional() }).strict();
/** Reject or cancel request. */
export type CloseTransferRequest = z.input<typeof closeTransferRequestSchema>;

/** `custody:ResolveDispute` — an auditor settles, or each party proposes and equal proposals settle. */
export const resolveDisputeRequestSchema = z.object({ transferId: idSchema, settledMassGrams: massSchema, note: textSchema.optional() }).strict();
/** `custody:ResolveDispute` request. */
export type ResolveDisputeRequest = z.input<typeof resolveDisputeRequestSchema>;

/** `custody:ListTransfersByLot`. */
export const listTransfersByLotRequestSchema = z.object({ lotId: idSchema, ...pagination }).strict();
/** `custody:ListTransfersByLot` request. */
export type ListTransfersByLotRequest = z.input<typeof listTransfersByLotRequestSchema>;

/** An output lot of a transformation; its carbon intensity follows from the inputs and the run's emissions. */
export const transformOutputSchema = z
  .object({
    id: idSchema,
    material: z.enum(MATERIALS),
    massGrams: massSchema,
    custodyModel: z.enum(CUSTODY_MODELS).optional(),
    assay: assaySchema.optional(),
  })
  .strict();

/** `process:Transform` — inputs (lot, mass taken) → outputs + losses, at a facility in custody of every input. */
export const transformRequestSchema = z
  .object({
    id: idSchema,
    facilityId: idSchema,
    processKind: z.enum(PROCESS_KINDS),
    inputs: z.array(z.object({ lotId: idSchema, massGrams: massSchema }).strict()).min(1).max(100),
    outputs: z.array(transformOutputSchema).min(1).max(100),
    lossGrams: nonNegativeMassSchema,
    /**
     * Mass added by reagents that are not tracked lots and carry no conserved element (acid, water of
     * crystallisation, oxygen): inputs + reagents = outputs + losses.
     */
    reagentGrams: nonNegativeMassSchema.optional(),
    /** Emissions of the process itself (energy, reagents), allocated to the outputs by mass. */
    processEmissionsGramsCo2e: nonNegativeMassSchema.optional(),
    startedAt: timeInputSchema.optional(),
    completedAt: timeInputSchema.optional(),
    description: textSchema.optional(),
  })
  .strict();
/** `process:Transform` request. */
export type TransformRequest = z.input<typeof transformRequestSchema>;
