/**
 * Batteries (cells, modules, packs) and their passports: records, requests, the element content of materials
 * used to compute recycled content from provenance, and the passport view by access tier (Battery Pass data
 * model v1.2 attribute groups; EU Battery Regulation Art. 77).
 */
import { z } from 'zod';
import { MATERIALS, type Material } from './enums';
import {
  basisPointsSchema,
  carbonIntensitySchema,
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

/** Elements whose recycled content the EU Battery Regulation (Art. 8) requires. */
export const RECYCLED_CONTENT_ELEMENTS = ['COBALT', 'LITHIUM', 'NICKEL', 'LEAD'] as const;
/** An element with a recycled-content share. */
export type Element = (typeof RECYCLED_CONTENT_ELEMENTS)[number];

/** Element mass fractions of one material, in basis points of the material's mass. */
export type ElementContent = Readonly<Partial<Record<Element, number>>>;

/**
 * Typical element content of each material in basis points of mass (stoichiometric for pure compounds, e.g.
 * CoSO4·7H2O 21 % Co, Li2CO3 18.79 % Li, NiSO4·6H2O 22.3 % Ni, NMC811 48.3 % Ni / 6.1 % Co / 7.1 % Li; typical
 * grades for ores, intermediates, black mass and scrap). A lot's assay overrides its main element.
 */
export const ELEMENT_CONTENT: Readonly<Record<Material, ElementContent>> = {
  COBALT_ORE: { COBALT: 30 },
  COBALT_HYDROXIDE: { COBALT: 3500 },
  COBALT_SULFATE: { COBALT: 2100 },
  LITHIUM_ORE: { LITHIUM: 60 },
  LITHIUM_SPODUMENE_CONCENTRATE: { LITHIUM: 279 },
  LITHIUM_BRINE_CONCENTRATE: { LITHIUM: 400 },
  LITHIUM_CARBONATE: { LITHIUM: 1879 },
  LITHIUM_HYDROXIDE: { LITHIUM: 1654 },
  NICKEL_ORE: { NICKEL: 150 },
  NICKEL_MATTE: { NICKEL: 7000, COBALT: 100 },
  NICKEL_MHP: { NICKEL: 3900, COBALT: 400 },
  NICKEL_SULFATE: { NICKEL: 2230 },
  MANGANESE_ORE: {},
  MANGANESE_SULFATE: {},
  NATURAL_GRAPHITE: {},
  SYNTHETIC_GRAPHITE: {},
  IRON_PHOSPHATE: {},
  PRECURSOR_PCAM: { NICKEL: 5080, COBALT: 640 },
  CATHODE_NMC: { NICKEL: 4830, COBALT: 610, LITHIUM: 710 },
  CATHODE_NCA: { NICKEL: 4890, COBALT: 920, LITHIUM: 720 },
  CATHODE_LFP: { LITHIUM: 440 },
  ANODE_ACTIVE_MATERIAL: {},
  ELECTROLYTE: { LITHIUM: 60 },
  LEAD: { LEAD: 10000 },
  BLACK_MASS: { NICKEL: 2000, COBALT: 700, LITHIUM: 350 },
  RECOVERED_COBALT_SULFATE: { COBALT: 2100 },
  RECOVERED_NICKEL_SULFATE: { NICKEL: 2230 },
  RECOVERED_LITHIUM_CARBONATE: { LITHIUM: 1879 },
  RECOVERED_LITHIUM_HYDROXIDE: { LITHIUM: 1654 },
  RECOVERED_MANGANESE_SULFATE: {},
  RECOVERED_METAL_SALTS: { NICKEL: 1500, COBALT: 500 },
  SCRAP: { NICKEL: 2000, COBALT: 700, LITHIUM: 350 },
};

/** The element an assay of a single-element material measures. */
export const ASSAYED_ELEMENT: Readonly<Partial<Record<Material, Element>>> = {
  COBALT_ORE: 'COBALT',
  COBALT_HYDROXIDE: 'COBALT',
  COBALT_SULFATE: 'COBALT',
  LITHIUM_ORE: 'LITHIUM',
  LITHIUM_SPODUMENE_CONCENTRATE: 'LITHIUM',
  LITHIUM_BRINE_CONCENTRATE: 'LITHIUM',
  LITHIUM_CARBONATE: 'LITHIUM',
  LITHIUM_HYDROXIDE: 'LITHIUM',
  NICKEL_ORE: 'NICKEL',
  NICKEL_SULFATE: 'NICKEL',
  LEAD: 'LEAD',
  RECOVERED_COBALT_SULFATE: 'COBALT',
  RECOVERED_NICKEL_SULFATE: 'NICKEL',
  RECOVERED_LITHIUM_CARBONATE: 'LITHIUM',
  RECOVERED_LITHIUM_HYDROXIDE: 'LITHIUM',
};

/** Critical raw materials (EU CRM list) among the tracked elements and materials. */
export const CRITICAL_ELEMENTS: readonly Element[] = ['COBALT', 'LITHIUM', 'NICKEL'];

/** A consumed lot and the mass taken from it. */
export const batteryLotInputSchema = z.object({ lotId: idSchema, material: z.enum(MATERIALS), massGrams: massSchema }).strict();

/** A material in a battery's composition. */
export const compositionMaterialSchema = z.object({ material: z.enum(MATERIALS), massGrams: massSchema, critical: z.boolean() }).strict();

/** An element's mass and recycled content, computed from provenance. */
export const elementContentSchema = z
  .object({
    element: z.enum(RECYCLED_CONTENT_ELEMENTS),
    massGrams: nonNegativeMassSchema,
    preConsumerRecycledGrams: nonNegativeMassSchema,
    postConsumerRecycledGrams: nonNegativeMassSchema,
    preConsumerRecycledBasisPoints: basisPointsSchema,
    postConsumerRecycledBasisPoints: basisPointsSchema,
  })
  .strict();
/** An element's mass and recycled content. */
export type ElementShare = z.infer<typeof elementContentSchema>;

/** Carbon footprint, computed from the consumed lots' intensities and the components' footprints. */
export const carbonFootprintSchema = z
  .object({
    totalGramsCo2e: nonNegativeMassSchema,
    /** Raw material acquisition and pre-processing up to this battery's inputs. */
    rawMaterialsGramsCo2e: nonNegativeMassSchema,
    componentsGramsCo2e: nonNegativeMassSchema,
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

/** What dismantling or recycling recovered. */
export const recoverySchema = z
  .object({ recoveredLotIds: z.array(idSchema).max(200), recoveredGrams: nonNegativeMassSchema, lossGrams: nonNegativeMassSchema })
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
    elements: z.array(elementContentSchema).max(RECYCLED_CONTENT_ELEMENTS.length),
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
  })
  .strict();
/** A battery record. */
export type Battery = z.infer<typeof batterySchema>;

/** Name of the private data collection of restricted passport fields (see `chaincode/collections_config.json`). */
export const PASSPORT_RESTRICTED_COLLECTION = 'passportRestricted';
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

/** `battery:TransferOwnership` — the holder hands the battery to a facility of another (or its own) organisation. */
export const transferBatteryRequestSchema = z.object({ batteryId: idSchema, toFacilityId: idSchema }).strict();
/** `battery:TransferOwnership` request. */
export type TransferBatteryRequest = z.input<typeof transferBatteryRequestSchema>;

/** `battery:Collect` — a collector, second-life operator or recycler takes the battery in at its facility. */
export const collectBatteryRequestSchema = z.object({ batteryId: idSchema, facilityId: idSchema }).strict();
/** `battery:Collect` request. */
export type CollectBatteryRequest = z.input<typeof collectBatteryRequestSchema>;

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

/** A recovered-material lot produced by dismantling or recycling. */
export const recoveredOutputSchema = z
  .object({ id: idSchema, material: z.enum(MATERIALS), massGrams: massSchema, assay: assaySchema.optional(), carbonIntensity: carbonIntensitySchema.optional() })
  .strict();

/** `battery:Dismantle` — the recycler takes a collected battery apart (outputs + losses ≤ the battery's mass). */
export const dismantleBatteryRequestSchema = z
  .object({ batteryId: idSchema, outputs: z.array(recoveredOutputSchema).max(100).default([]), lossGrams: nonNegativeMassSchema.default(0) })
  .strict();
/** `battery:Dismantle` request. */
export type DismantleBatteryRequest = z.input<typeof dismantleBatteryRequestSchema>;

/** `battery:Recycle` — recovers the rest of the battery as recycled (post-consumer) lots: outputs + losses = what remains. */
export const recycleBatteryRequestSchema = z
  .object({
    batteryId: idSchema,
    outputs: z.array(recoveredOutputSchema).min(1).max(100),
    lossGrams: nonNegativeMassSchema,
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
        criticalRawMaterials: z.array(z.enum(RECYCLED_CONTENT_ELEMENTS)),
        hazardousSubstances: z.array(labelSchema),
        materials: z.array(compositionMaterialSchema).optional(),
        inputLots: z.array(batteryLotInputSchema).optional(),
        components: z.array(idSchema).optional(),
      })
      .strict(),
    circularity: z
      .object({
        recycledContent: z.array(elementContentSchema),
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
  TransferOwnership: 'TransferOwnership',
  RecordUse: 'RecordUse',
  RecordStateOfHealth: 'RecordStateOfHealth',
  Repurpose: 'Repurpose',
  Collect: 'Collect',
  Dismantle: 'Dismantle',
  Recycle: 'Recycle',
  GetBattery: 'GetBattery',
  GetPassport: 'GetPassport',
  GetBatteryHistory: 'GetBatteryHistory',
} as const;
