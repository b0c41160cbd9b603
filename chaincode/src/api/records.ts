import { z } from 'zod';
import { elementContentSchema } from './chemistry';
import { CLAIMS, CUSTODY_MODELS, FACILITY_KINDS, LOT_STATUSES, MATERIALS, PROCESS_KINDS, TRANSFER_STATUSES } from './enums';
import {
  basisPointsSchema,
  carbonIntensityMgPerKgSchema,
  countrySchema,
  geolocationSchema,
  hashSchema,
  idSchema,
  labelSchema,
  massSchema,
  mspIdSchema,
  nonNegativeMassSchema,
  textSchema,
  timestampSchema,
} from './primitives';

/** Names of the record types, as they appear in keys, events and proofs. */
export const RECORD_TYPES = {
  facility: 'Facility',
  lot: 'MaterialLot',
  transfer: 'CustodyTransfer',
  processRun: 'ProcessRun',
  massBalanceAccount: 'MassBalanceAccount',
  massBalancePeriod: 'MassBalancePeriod',
  massBalanceMovement: 'MassBalanceMovement',
  battery: 'Battery',
  batteryHandover: 'BatteryHandover',
  attestation: 'Attestation',
} as const;
/** A record type name. */
export type RecordTypeName = (typeof RECORD_TYPES)[keyof typeof RECORD_TYPES];

/**
 * Fields every stored record carries. `recordHash` = keccak256(canonical fields without the two hash
 * fields ‖ `previousHash`); `previousHash` is the prior version's `recordHash` (32 zero bytes for version 1).
 */
export const recordMetaShape = {
  id: idSchema,
  ownerMsp: mspIdSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  txId: z.string().min(1).max(256),
  version: z.number().int().min(1),
  recordHash: hashSchema,
  previousHash: hashSchema,
};
/** Schema of the common record fields. */
export const recordMetaSchema = z.object(recordMetaShape).strict();
/** The common record fields. */
export type RecordMeta = z.infer<typeof recordMetaSchema>;
/** Names of the fields the repository maintains (callers never set them). */
export type MetaField = keyof RecordMeta;
/** A record as a transaction writes it: everything but the fields the ledger maintains, plus id and owner. */
export type Draft<T extends RecordMeta> = Omit<T, MetaField> & Pick<RecordMeta, 'id' | 'ownerMsp'>;

/**
 * A facility's certification as its owner declares it: informational only. What counts for claims is an
 * auditor's attestation (`audit:RecordAttestation`).
 */
export const certificationSchema = z
  .object({
    scheme: labelSchema,
    certificateId: labelSchema,
    validFrom: timestampSchema,
    validUntil: timestampSchema,
    scope: textSchema.optional(),
    claims: z.array(z.enum(CLAIMS)).max(CLAIMS.length).optional(),
  })
  .strict();
/** A facility's certification. */
export type Certification = z.infer<typeof certificationSchema>;

/** A site of a participant: mine, refinery, cell plant, recycler… */
export const facilitySchema = z
  .object({
    ...recordMetaShape,
    kind: z.enum(FACILITY_KINDS),
    name: labelSchema,
    country: countrySchema,
    geolocation: geolocationSchema.optional(),
    address: textSchema.optional(),
    certifications: z.array(certificationSchema).max(32),
  })
  .strict();
/** A facility record. */
export type Facility = z.infer<typeof facilitySchema>;

/** Where a lot's material came from. */
export const lotOriginSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('MINED'),
      facilityId: idSchema,
      country: countrySchema,
      extractedFrom: timestampSchema.optional(),
      extractedUntil: timestampSchema.optional(),
    })
    .strict(),
  z.object({ kind: z.literal('SPLIT'), parentLotId: idSchema }).strict(),
  z.object({ kind: z.literal('MERGED') }).strict(),
  z
    .object({
      kind: z.literal('TRANSFORMED'),
      processRunId: idSchema,
      processKind: z.enum(PROCESS_KINDS),
      /**
       * Production scrap: scrap made by a manufacturing process at a facility an auditor attests for
       * pre-consumer recycled material. Its recovery counts as pre-consumer recycled content.
       */
      productionScrap: z.literal(true).optional(),
    })
    .strict(),
  z
    .object({ kind: z.literal('RECOVERED'), sourceType: labelSchema, sourceId: idSchema, processRunId: idSchema.optional() })
    .strict(),
]);
/** Where a lot's material came from. */
export type LotOrigin = z.infer<typeof lotOriginSchema>;

/** A parent lot and the mass taken from it. */
export const lotParentSchema = z.object({ lotId: idSchema, massGrams: massSchema }).strict();
/** A parent lot and the mass taken from it. */
export type LotParent = z.infer<typeof lotParentSchema>;

/**
 * Assay of a lot as declared: the content of the material's main element (`contentBasisPoints`) and/or of
 * named elements (`elements`), in basis points of mass, and how it was measured. The lot's element content is
 * its material's reference composition overridden by the assay, never above what the chemistry allows.
 */
export const assaySchema = z
  .object({ contentBasisPoints: basisPointsSchema.optional(), elements: elementContentSchema.optional(), method: labelSchema.optional() })
  .strict()
  .refine((assay) => assay.contentBasisPoints !== undefined || assay.elements !== undefined, { message: 'an assay declares contentBasisPoints or elements' });
/** Assay of a lot. */
export type Assay = z.infer<typeof assaySchema>;

/** A material lot: a quantity of one material in one facility's custody. */
export const materialLotSchema = z
  .object({
    ...recordMetaShape,
    material: z.enum(MATERIALS),
    massGrams: nonNegativeMassSchema,
    initialMassGrams: massSchema,
    custodianFacilityId: idSchema,
    status: z.enum(LOT_STATUSES),
    custodyModel: z.enum(CUSTODY_MODELS),
    origin: lotOriginSchema,
    parents: z.array(lotParentSchema).max(100),
    assay: assaySchema.optional(),
    /** Element content in basis points of mass: fixed when the lot is made, conserved by every operation. */
    elementContent: elementContentSchema,
    /**
     * Embodied emissions in milligrams CO2e per kilogram (= micrograms per gram): declared at the mine, otherwise
     * the inputs' emissions plus declared process emissions over the outputs' mass; absent when some input has none.
     */
    carbonIntensityMgPerKg: carbonIntensityMgPerKgSchema.optional(),
    /** Claim labels: each covers the whole lot's mass (see docs/MASS_BALANCE_AND_PASSPORTS.md). */
    claims: z.array(z.enum(CLAIMS)).max(CLAIMS.length),
    pendingTransferId: idSchema.optional(),
  })
  .strict();
/** A material lot record. */
export type MaterialLot = z.infer<typeof materialLotSchema>;

/** How a disputed transfer was settled. */
export const settlementSchema = z
  .object({
    senderProposalGrams: massSchema.optional(),
    receiverProposalGrams: massSchema.optional(),
    settledMassGrams: massSchema.optional(),
    resolvedBy: z.enum(['PARTIES', 'AUDITOR']).optional(),
  })
  .strict();
/** How a disputed transfer was settled. */
export type Settlement = z.infer<typeof settlementSchema>;

/** A two-phase custody transfer of a whole lot between facilities. `ownerMsp` is the sender's. */
export const custodyTransferSchema = z
  .object({
    ...recordMetaShape,
    lotId: idSchema,
    material: z.enum(MATERIALS),
    fromFacilityId: idSchema,
    toFacilityId: idSchema,
    senderMsp: mspIdSchema,
    receiverMsp: mspIdSchema,
    declaredMassGrams: massSchema,
    toleranceBasisPoints: basisPointsSchema,
    shippingDocumentsHash: hashSchema,
    commercialTermsHash: hashSchema.optional(),
    status: z.enum(TRANSFER_STATUSES),
    receivedMassGrams: nonNegativeMassSchema.optional(),
    lossGrams: nonNegativeMassSchema.optional(),
    surplusGrams: nonNegativeMassSchema.optional(),
    settlement: settlementSchema.optional(),
    reason: textSchema.optional(),
  })
  .strict();
/** A custody transfer record. */
export type CustodyTransfer = z.infer<typeof custodyTransferSchema>;

/** An input of a process run. */
export const processInputSchema = z.object({ lotId: idSchema, material: z.enum(MATERIALS), massGrams: massSchema }).strict();
/** An output of a process run with its yield against the total input mass. */
export const processOutputSchema = z
  .object({ lotId: idSchema, material: z.enum(MATERIALS), massGrams: massSchema, yieldBasisPoints: basisPointsSchema })
  .strict();

/** A labelled input's claim and what became of it when the run consumed it. */
export const consumedClaimSchema = z.object({ lotId: idSchema, claim: z.enum(CLAIMS), massGrams: massSchema }).strict();
/** A labelled input's claim and what became of it. */
export type ConsumedClaim = z.infer<typeof consumedClaimSchema>;

/** A transformation at one facility: inputs (+ untracked reagents) → outputs + recorded losses, mass conserved exactly. */
export const processRunSchema = z
  .object({
    ...recordMetaShape,
    facilityId: idSchema,
    processKind: z.enum(PROCESS_KINDS),
    inputs: z.array(processInputSchema).min(1).max(100),
    outputs: z.array(processOutputSchema).min(1).max(100),
    inputMassGrams: massSchema,
    lossGrams: nonNegativeMassSchema,
    /** Mass added by untracked reagents that carry no conserved element. */
    reagentGrams: nonNegativeMassSchema.optional(),
    /** Emissions of the process itself, allocated to the outputs by mass. */
    processEmissionsGramsCo2e: nonNegativeMassSchema.optional(),
    /** Labelled input mass credited to the facility's mass-balance accounts when the run consumed it. */
    credited: z.array(consumedClaimSchema).max(400),
    /** Labelled input mass whose claim lapsed: the facility held no auditor attestation for the claim. */
    lapsed: z.array(consumedClaimSchema).max(400),
    startedAt: timestampSchema.optional(),
    completedAt: timestampSchema.optional(),
    description: textSchema.optional(),
  })
  .strict();
/** A process run record. */
export type ProcessRun = z.infer<typeof processRunSchema>;
