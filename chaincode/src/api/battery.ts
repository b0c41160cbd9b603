/**
 * Batteries (cells, modules, packs) and their passports: records, requests, the element content of materials
 * used to compute recycled content from provenance, and the passport view by access tier (Battery Pass data
 * model v1.2 attribute groups; EU Battery Regulation Art. 77).
 */
import { z } from 'zod';
import { ELEMENTS } from './chemistry';
import { CLAIMS, MATERIALS } from './enums';
import { ORGS } from './orgs';
import {
  basisPointsSchema,
  countrySchema,
  hashSchema,
  idSchema,
  labelSchema,
  massSchema,
  mspIdSchema,
  nonNegativeMassSchema,
  textSchema,
  timestampSchema,
} from './primitives';
import { assaySchema, materialLotSchema, recordMetaShape } from './records';

/** Battery levels. */
export const BATTERY_LEVELS = ['CELL', 'MODULE', 'PACK'] as const;
/** A battery level. */
export type BatteryLevel = (typeof BATTERY_LEVELS)[number];

/** Battery categories (Battery Pass: LMT, EV, industrial, stationary). */
export const BATTERY_CATEGORIES = ['LMT', 'EV', 'INDUSTRIAL', 'STATIONARY'] as const;
/** A battery category. */
export type BatteryCategory = (typeof BATTERY_CATEGORIES)[number];

/** Cell chemistries. */
export const CHEMISTRIES = ['NMC', 'NCA', 'LFP', 'LMO', 'LCO', 'LEAD_ACID', 'SODIUM_ION', 'OTHER'] as const;
/** A cell chemistry. */
export type Chemistry = (typeof CHEMISTRIES)[number];

/**
 * Lifecycle: manufactured → placed on market → in use → repurposed (a new passport succeeds it) or collected
 * → dismantled → recycled.
 */
export const BATTERY_STATUSES = ['MANUFACTURED', 'PLACED_ON_MARKET', 'IN_USE', 'REPURPOSED', 'COLLECTED', 'DISMANTLED', 'RECYCLED'] as const;
/** A battery's lifecycle status. */
export type BatteryStatus = (typeof BATTERY_STATUSES)[number];

/** Battery Pass product status. */
export const PASSPORT_STATUSES = ['ORIGINAL', 'REPURPOSED', 'REUSED', 'REMANUFACTURED', 'WASTE'] as const;
/** Battery Pass product status. */
export type PassportStatus = (typeof PASSPORT_STATUSES)[number];

/** A consumed lot and the mass taken from it. */
export const batteryLotInputSchema = z.object({ lotId: idSchema, material: z.enum(MATERIALS), massGrams: massSchema }).strict();

/** A material in a battery's composition. */
export const compositionMaterialSchema = z.object({ material: z.enum(MATERIALS), massGrams: massSchema, critical: z.boolean() }).strict();

/** An element's mass and recycled content, computed from provenance. */
export const elementShareSchema = z
  .object({
    element: z.enum(ELEMENTS),
    massGrams: nonNegativeMassSchema,
    preConsumerRecycledGrams: nonNegativeMassSchema,
    postConsumerRecycledGrams: nonNegativeMassSchema,
    preConsumerRecycledBasisPoints: basisPointsSchema,
    postConsumerRecycledBasisPoints: basisPointsSchema,
  })
  .strict();
/** An element's mass and recycled content. */
export type ElementShare = z.infer<typeof elementShareSchema>;

/** Labelled mass a battery consumed: the mass of material it holds that carries a claim. */
export const batteryClaimSchema = z.object({ claim: z.enum(CLAIMS), massGrams: massSchema }).strict();
/** Labelled mass a battery consumed. */
export type BatteryClaim = z.infer<typeof batteryClaimSchema>;

/** Carbon footprint, computed from the consumed lots' intensities and the components' footprints. */
export const carbonFootprintSchema = z
  .object({
    totalGramsCo2e: nonNegativeMassSchema,
    /** Raw material acquisition and pre-processing up to this battery's inputs. */
    rawMaterialsGramsCo2e: nonNegativeMassSchema,
    componentsGramsCo2e: nonNegativeMassSchema,
    /** The issuing plant's own process emissions (main production stage). */
    manufacturingGramsCo2e: nonNegativeMassSchema,
    /** Per kWh of rated energy, rounded down. */
    perKwhGramsCo2e: nonNegativeMassSchema,
    /** False when some input lot carries no carbon intensity (the total then understates). */
    complete: z.boolean(),
    lotsWithoutData: z.array(idSchema).max(100),
  })
  .strict();
/** Carbon footprint of a battery. */
export type CarbonFootprint = z.infer<typeof carbonFootprintSchema>;

/** The latest state-of-health reading. */
export const stateOfHealthSchema = z
  .object({
    stateOfCertifiedEnergyBasisPoints: basisPointsSchema,
    remainingCapacityBasisPoints: basisPointsSchema,
    fullCycles: z.number().int().min(0).max(10_000_000),
    negativeEvents: z.number().int().min(0).max(1_000_000),
    evidenceHash: hashSchema.optional(),
    recordedAt: timestampSchema,
    recordedBy: mspIdSchema,
  })
  .strict();
/** A state-of-health reading. */
export type StateOfHealth = z.infer<typeof stateOfHealthSchema>;

/** An element's mass recovered from a battery so far. */
export const recoveredElementSchema = z.object({ element: z.enum(ELEMENTS), massGrams: nonNegativeMassSchema }).strict();

/** What dismantling or recycling recovered; the recovered element masses never exceed the battery's. */
export const recoverySchema = z
  .object({
    recoveredLotIds: z.array(idSchema).max(200),
    recoveredGrams: nonNegativeMassSchema,
    lossGrams: nonNegativeMassSchema,
    elements: z.array(recoveredElementSchema).max(ELEMENTS.length),
  })
  .strict();

/** A battery (cell, module or pack) and its passport's public record. `ownerMsp` is the holder's organisation. */
export const batterySchema = z
  .object({
    ...recordMetaShape,
    level: z.enum(BATTERY_LEVELS),
    category: z.enum(BATTERY_CATEGORIES),
    model: labelSchema,
    chemistry: z.enum(CHEMISTRIES),
    massGrams: massSchema,
    ratedCapacityMilliampHours: z.number().int().min(1).max(1_000_000_000_000),
    nominalVoltageMillivolts: z.number().int().min(1).max(2_000_000),
    ratedEnergyWattHours: z.number().int().min(0),
    expectedLifetimeCycles: z.number().int().min(1).max(1_000_000).optional(),
    manufacturerMsp: mspIdSchema,
    manufacturingFacilityId: idSchema,
    manufacturingCountry: countrySchema,
    manufacturedAt: timestampSchema,
    holderFacilityId: idSchema,
    status: z.enum(BATTERY_STATUSES),
    passportStatus: z.enum(PASSPORT_STATUSES),
    lots: z.array(batteryLotInputSchema).max(100),
    components: z.array(idSchema).max(200),
    materials: z.array(compositionMaterialSchema).max(100),
    elements: z.array(elementShareSchema).max(ELEMENTS.length),
    /** Labelled mass consumed (from lots and components), per claim: what the battery's claims rest on. */
    claims: z.array(batteryClaimSchema).max(CLAIMS.length),
    carbonFootprint: carbonFootprintSchema,
    hazardousSubstances: z.array(labelSchema).max(50),
    labels: z.array(labelSchema).max(50),
    declarationOfConformityHash: hashSchema.optional(),
    dueDiligenceReportHash: hashSchema.optional(),
    endOfLifeInformation: textSchema.optional(),
    /** keccak256 of the restricted passport data kept in the `passportRestricted` collection. */
    restrictedDataHash: hashSchema.optional(),
    integratedInto: idSchema.optional(),
    predecessorId: idSchema.optional(),
    successorId: idSchema.optional(),
    stateOfHealth: stateOfHealthSchema.optional(),
    placedOnMarketAt: timestampSchema.optional(),
    collectedAt: timestampSchema.optional(),
    dismantledAt: timestampSchema.optional(),
    recycledAt: timestampSchema.optional(),
    recovery: recoverySchema.optional(),
    /** The handover waiting for the receiver's acceptance; the battery cannot change meanwhile. */
    pendingHandoverId: idSchema.optional(),
  })
  .strict();
/** A battery record. */
export type Battery = z.infer<typeof batterySchema>;

/** Name of the private data collection of restricted passport fields (see `chaincode/collections_config.json`). */
export const PASSPORT_RESTRICTED_COLLECTION = 'passportRestricted';
/** The organisations of the `passportRestricted` collection (its policy in `chaincode/collections_config.json`). */
export const PASSPORT_RESTRICTED_MEMBERS: readonly string[] = [ORGS.manufacturing, ORGS.recycling, ORGS.audit];
/** Transient map key of the restricted passport data (`battery:IssueBattery`, `battery:Repurpose`). */
export const PASSPORT_RESTRICTED_TRANSIENT_KEY = 'passportRestricted';

/**
 * Restricted passport fields, sent as transient data and kept in the `passportRestricted` collection; the
 * battery record holds only their hash. `salt` (random, from the client) stops guessing the fields from the hash.
 */
export const passportRestrictedSchema = z
  .object({
    dismantlingInformationHash: hashSchema.optional(),
    sparePartSources: z.array(labelSchema).max(20).optional(),
    safetyMeasures: textSchema.optional(),
    partNumbers: z.array(labelSchema).max(200).optional(),
    testReportsHash: hashSchema.optional(),
    salt: z.string().min(16).max(128),
  })
  .strict();
/** Restricted passport fields. */
export type PassportRestricted = z.infer<typeof passportRestrictedSchema>;

const ratedShape = {
  ratedCapacityMilliampHours: z.number().int().min(1).max(1_000_000_000_000),
  nominalVoltageMillivolts: z.number().int().min(1).max(2_000_000),
  expectedLifetimeCycles: z.number().int().min(1).max(1_000_000).optional(),
};

/** `battery:IssueBattery` — a manufacturer issues a cell, module or pack from lots and component batteries. */
export const issueBatteryRequestSchema = z
  .object({
    id: idSchema,
    facilityId: idSchema,
    level: z.enum(BATTERY_LEVELS),
    category: z.enum(BATTERY_CATEGORIES),
    model: labelSchema,
    chemistry: z.enum(CHEMISTRIES),
    massGrams: massSchema,
    ...ratedShape,
    lots: z.array(z.object({ lotId: idSchema, massGrams: massSchema }).strict()).max(100).default([]),
    components: z.array(idSchema).max(200).default([]),
    /** The plant's own emissions for making this battery, added to its footprint. */
    processEmissionsGramsCo2e: nonNegativeMassSchema.optional(),
    hazardousSubstances: z.array(labelSchema).max(50).default([]),
    labels: z.array(labelSchema).max(50).default([]),
    declarationOfConformityHash: hashSchema.optional(),
    dueDiligenceReportHash: hashSchema.optional(),
    endOfLifeInformation: textSchema.optional(),
  })
  .strict()
  .refine((r) => r.lots.length + r.components.length > 0, { message: 'a battery needs at least one lot or component', path: ['lots'] });
/** `battery:IssueBattery` request. */
export type IssueBatteryRequest = z.input<typeof issueBatteryRequestSchema>;

/** `battery:PlaceOnMarket`, `battery:RecordUse`. */
export const batteryActionRequestSchema = z.object({ batteryId: idSchema }).strict();
/** Request naming one battery. */
export type BatteryActionRequest = z.input<typeof batteryActionRequestSchema>;

/** Kinds of battery handover: a change of owner, or a collection at end of use. */
export const HANDOVER_KINDS = ['OWNERSHIP', 'COLLECTION'] as const;
/** A kind of battery handover. */
export type HandoverKind = (typeof HANDOVER_KINDS)[number];

/** Battery handover lifecycle: `PROPOSED` is open, the others are final. */
export const HANDOVER_STATUSES = ['PROPOSED', 'ACCEPTED', 'REJECTED', 'CANCELLED'] as const;
/** A battery handover's status. */
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];

/**
 * A two-phase handover of a battery between facilities: the holder proposes, the receiving organisation
 * accepts (or rejects), the holder may cancel while it is open. `ownerMsp` is the sender's.
 */
export const batteryHandoverSchema = z
  .object({
    ...recordMetaShape,
    batteryId: idSchema,
    kind: z.enum(HANDOVER_KINDS),
    fromFacilityId: idSchema,
    toFacilityId: idSchema,
    senderMsp: mspIdSchema,
    receiverMsp: mspIdSchema,
    status: z.enum(HANDOVER_STATUSES),
    reason: textSchema.optional(),
  })
  .strict();
/** A battery handover record. */
export type BatteryHandover = z.infer<typeof batteryHandoverSchema>;

/**
 * `battery:ProposeHandover` — the holder offers the battery to a facility: `OWNERSHIP` to any facility,
 * `COLLECTION` (end of use) to a collector, second-life operator, repairer or recycler.
 */
export const proposeHandoverRequestSchema = z
  .object({ id: idSchema, batteryId: idSchema, toFacilityId: idSchema, kind: z.enum(HANDOVER_KINDS).default('OWNERSHIP') })
  .strict();
/** `battery:ProposeHandover` request. */
export type ProposeHandoverRequest = z.input<typeof proposeHandoverRequestSchema>;

/** `battery:AcceptHandover` — the receiving organisation takes the battery in. */
export const acceptHandoverRequestSchema = z.object({ handoverId: idSchema }).strict();
/** `battery:AcceptHandover` request. */
export type AcceptHandoverRequest = z.input<typeof acceptHandoverRequestSchema>;

/** `battery:RejectHandover` / `battery:CancelHandover`. */
export const closeHandoverRequestSchema = z.object({ handoverId: idSchema, reason: textSchema.optional() }).strict();
/** Reject or cancel request. */
export type CloseHandoverRequest = z.input<typeof closeHandoverRequestSchema>;

/** Result of handover transactions: the handover and the battery after it. */
export const handoverResultSchema = z.object({ handover: batteryHandoverSchema, battery: batterySchema }).strict();
/** Result of handover transactions. */
export type HandoverResult = z.infer<typeof handoverResultSchema>;

/** `battery:RecordStateOfHealth`. */
export const recordStateOfHealthRequestSchema = z
  .object({
    batteryId: idSchema,
    stateOfCertifiedEnergyBasisPoints: basisPointsSchema,
    remainingCapacityBasisPoints: basisPointsSchema,
    fullCycles: z.number().int().min(0).max(10_000_000),
    negativeEvents: z.number().int().min(0).max(1_000_000).default(0),
    evidenceHash: hashSchema.optional(),
  })
  .strict();
/** `battery:RecordStateOfHealth` request. */
export type RecordStateOfHealthRequest = z.input<typeof recordStateOfHealthRequestSchema>;

/** `battery:Repurpose` — a second-life operator gives the battery a new passport linked to its predecessor. */
export const repurposeBatteryRequestSchema = z
  .object({
    batteryId: idSchema,
    newBatteryId: idSchema,
    facilityId: idSchema,
    category: z.enum(BATTERY_CATEGORIES),
    model: labelSchema,
    massGrams: massSchema.optional(),
    ...ratedShape,
    labels: z.array(labelSchema).max(50).default([]),
    declarationOfConformityHash: hashSchema.optional(),
    endOfLifeInformation: textSchema.optional(),
  })
  .strict();
/** `battery:Repurpose` request. */
export type RepurposeBatteryRequest = z.input<typeof repurposeBatteryRequestSchema>;

/** A recovered-material lot produced by dismantling or recycling; its element content may not exceed the battery's. */
export const recoveredOutputSchema = z.object({ id: idSchema, material: z.enum(MATERIALS), massGrams: massSchema, assay: assaySchema.optional() }).strict();

/** `battery:Dismantle` — the recycler takes a collected battery apart (outputs + losses ≤ the battery's mass). */
export const dismantleBatteryRequestSchema = z
  .object({
    batteryId: idSchema,
    outputs: z.array(recoveredOutputSchema).max(100).default([]),
    lossGrams: nonNegativeMassSchema.default(0),
    /** Emissions of the recovery process, carried by the recovered lots (cut-off: not the battery's own footprint). */
    processEmissionsGramsCo2e: nonNegativeMassSchema.optional(),
  })
  .strict();
/** `battery:Dismantle` request. */
export type DismantleBatteryRequest = z.input<typeof dismantleBatteryRequestSchema>;

/** `battery:Recycle` — recovers the rest of the battery as recycled (post-consumer) lots: outputs + losses = what remains. */
export const recycleBatteryRequestSchema = z
  .object({
    batteryId: idSchema,
    outputs: z.array(recoveredOutputSchema).min(1).max(100),
    lossGrams: nonNegativeMassSchema,
    /** Emissions of the recycling process, carried by the recovered lots (cut-off: not the battery's own footprint). */
    processEmissionsGramsCo2e: nonNegativeMassSchema.optional(),
  })
  .strict();
/** `battery:Recycle` request. */
export type RecycleBatteryRequest = z.input<typeof recycleBatteryRequestSchema>;

/** Access tiers of the passport, from least to most. `MANUFACTURER`: the manufacturer's own organisation. */
export const ACCESS_TIERS = ['PUBLIC', 'LEGITIMATE_INTEREST', 'LEGITIMATE_INTEREST_AND_COMMISSION', 'AUTHORITIES', 'MANUFACTURER'] as const;
/** An access tier. */
export type AccessTier = (typeof ACCESS_TIERS)[number];

/** The passport view: Battery Pass attribute groups; fields above the caller's tier are left out. */
export const passportViewSchema = z
  .object({
    passportId: idSchema,
    tier: z.enum(ACCESS_TIERS),
    generalProductInformation: z
      .object({
        productId: labelSchema,
        level: z.enum(BATTERY_LEVELS),
        category: z.enum(BATTERY_CATEGORIES),
        manufacturerMsp: mspIdSchema,
        manufacturingFacilityId: idSchema,
        manufacturingCountry: countrySchema,
        manufacturedAt: timestampSchema,
        massGrams: massSchema,
        status: z.enum(BATTERY_STATUSES),
        passportStatus: z.enum(PASSPORT_STATUSES),
        predecessorId: idSchema.optional(),
        successorId: idSchema.optional(),
      })
      .strict(),
    carbonFootprint: carbonFootprintSchema,
    supplyChainDueDiligence: z
      .object({
        dueDiligenceReportHash: hashSchema.optional(),
        thirdPartyAssurances: z.array(z.object({ id: idSchema, scheme: labelSchema, result: z.enum(['PASS', 'FAIL']), validUntil: timestampSchema }).strict()).optional(),
      })
      .strict(),
    materialComposition: z
      .object({
        chemistry: z.enum(CHEMISTRIES),
        criticalRawMaterials: z.array(z.enum(ELEMENTS)),
        hazardousSubstances: z.array(labelSchema),
        materials: z.array(compositionMaterialSchema).optional(),
        inputLots: z.array(batteryLotInputSchema).optional(),
        components: z.array(idSchema).optional(),
      })
      .strict(),
    circularity: z
      .object({
        recycledContent: z.array(elementShareSchema),
        endOfLifeInformation: textSchema.optional(),
        dismantlingInformationHash: hashSchema.optional(),
        sparePartSources: z.array(labelSchema).optional(),
        safetyMeasures: textSchema.optional(),
        recovery: recoverySchema.optional(),
      })
      .strict(),
    performanceAndDurability: z
      .object({
        ratedCapacityMilliampHours: z.number().int(),
        nominalVoltageMillivolts: z.number().int(),
        ratedEnergyWattHours: z.number().int(),
        expectedLifetimeCycles: z.number().int().optional(),
        stateOfHealth: stateOfHealthSchema.optional(),
      })
      .strict(),
    labelsAndConformity: z
      .object({
        labels: z.array(labelSchema),
        declarationOfConformityHash: hashSchema.optional(),
        partNumbers: z.array(labelSchema).optional(),
        testReportsHash: hashSchema.optional(),
      })
      .strict(),
    /** False when the caller's tier covers restricted fields but this peer holds no matching private data. */
    restrictedDataAvailable: z.boolean(),
  })
  .strict();
/** A passport view. */
export type PassportView = z.infer<typeof passportViewSchema>;

/** Results of transactions that recover lots from a battery. */
export const recoveryResultSchema = z.object({ battery: batterySchema, lots: z.array(materialLotSchema) }).strict();
/** Results of transactions that recover lots from a battery. */
export type RecoveryResult = z.infer<typeof recoveryResultSchema>;

/** `battery:Repurpose` result: the predecessor and its successor. */
export const repurposeResultSchema = z.object({ predecessor: batterySchema, battery: batterySchema }).strict();
/** `battery:Repurpose` result. */
export type RepurposeResult = z.infer<typeof repurposeResultSchema>;

/** Transactions of the `battery` contract. */
export const BATTERY_TRANSACTIONS = {
  IssueBattery: 'IssueBattery',
  PlaceOnMarket: 'PlaceOnMarket',
  ProposeHandover: 'ProposeHandover',
  AcceptHandover: 'AcceptHandover',
  RejectHandover: 'RejectHandover',
  CancelHandover: 'CancelHandover',
  GetHandover: 'GetHandover',
  RecordUse: 'RecordUse',
  RecordStateOfHealth: 'RecordStateOfHealth',
  Repurpose: 'Repurpose',
  Dismantle: 'Dismantle',
  Recycle: 'Recycle',
  GetBattery: 'GetBattery',
  GetPassport: 'GetPassport',
  GetBatteryHistory: 'GetBatteryHistory',
} as const;
