import type { Claim, Material } from '../../chaincode/src/api';
import type { FacilityRole } from './catalogue';

/**
 * The story's quantities, in grams. A pilot-scale slice of a value chain: the batch of ore and brine that ends
 * up in two first-generation packs, and the recovered salts that go into a second-generation pack.
 */

/** A lot mined at a site. */
export interface MinedLotSpec {
  /** Id suffix. */
  readonly key: string;
  readonly site: FacilityRole;
  /** Where the lot is shipped for refining. */
  readonly refinery: FacilityRole;
  readonly material: Material;
  readonly massGrams: number;
  /** Grams the refinery weighs on receipt (within the 0.5 % tolerance). */
  readonly receivedGrams: number;
  /** Main element content in basis points. */
  readonly assayBasisPoints: number;
  /** Grams CO2e per kg of material. */
  readonly carbonIntensity: number;
  readonly claims: readonly Claim[];
  /** Days before the run the extraction started. */
  readonly extractedDaysAgo: number;
}

/** The ore, concentrate and brine lots of the story. */
export const minedLots: readonly MinedLotSpec[] = [
  { key: 'LOT-CO-ORE-KOL', site: 'cobaltMineCertified', refinery: 'cobaltRefinery', material: 'COBALT_ORE', massGrams: 600_000, receivedGrams: 599_400, assayBasisPoints: 280, carbonIntensity: 35, claims: ['CERTIFIED_ORIGIN'], extractedDaysAgo: 120 },
  { key: 'LOT-CO-ORE-KAS', site: 'cobaltMineUncertified', refinery: 'cobaltRefinery', material: 'COBALT_ORE', massGrams: 60_000, receivedGrams: 60_000, assayBasisPoints: 800, carbonIntensity: 20, claims: [], extractedDaysAgo: 115 },
  { key: 'LOT-LI-SPD-GRB', site: 'spodumeneMine', refinery: 'lithiumHydroxideRefinery', material: 'LITHIUM_SPODUMENE_CONCENTRATE', massGrams: 440_000, receivedGrams: 439_100, assayBasisPoints: 280, carbonIntensity: 180, claims: [], extractedDaysAgo: 110 },
  { key: 'LOT-LI-BRN-ATA', site: 'lithiumBrine', refinery: 'lithiumCarbonatePlant', material: 'LITHIUM_BRINE_CONCENTRATE', massGrams: 100_000, receivedGrams: 99_900, assayBasisPoints: 600, carbonIntensity: 60, claims: [], extractedDaysAgo: 140 },
  { key: 'LOT-NI-ORE-MOR', site: 'nickelMine', refinery: 'nickelRefinery', material: 'NICKEL_ORE', massGrams: 6_500_000, receivedGrams: 6_490_000, assayBasisPoints: 180, carbonIntensity: 25, claims: [], extractedDaysAgo: 100 },
  { key: 'LOT-MN-ORE-KAL', site: 'manganeseMine', refinery: 'manganeseRefinery', material: 'MANGANESE_ORE', massGrams: 55_000, receivedGrams: 55_000, assayBasisPoints: 3000, carbonIntensity: 15, claims: [], extractedDaysAgo: 130 },
];

/** An output lot of a refinery. */
export interface RefinedLotSpec {
  readonly key: string;
  readonly refinery: FacilityRole;
  readonly material: Material;
  readonly massGrams: number;
  readonly assayBasisPoints: number;
  readonly carbonIntensity: number;
  /** Suffixes of the mined lots it is refined from (whole lots). */
  readonly from: readonly string[];
  /** Grams the cathode plant weighs on receipt. */
  readonly receivedAtCathodePlantGrams: number;
}

/** The refined salts shipped to the cathode plant. */
export const refinedLots: readonly RefinedLotSpec[] = [
  { key: 'LOT-COSO4-KOK', refinery: 'cobaltRefinery', material: 'COBALT_SULFATE', massGrams: 95_000, assayBasisPoints: 2100, carbonIntensity: 8_000, from: ['LOT-CO-ORE-KOL', 'LOT-CO-ORE-KAS'], receivedAtCathodePlantGrams: 95_000 },
  { key: 'LOT-LIOH-KWI', refinery: 'lithiumHydroxideRefinery', material: 'LITHIUM_HYDROXIDE', massGrams: 70_000, assayBasisPoints: 1650, carbonIntensity: 15_000, from: ['LOT-LI-SPD-GRB'], receivedAtCathodePlantGrams: 69_980 },
  { key: 'LOT-LI2CO3-LNE', refinery: 'lithiumCarbonatePlant', material: 'LITHIUM_CARBONATE', massGrams: 30_000, assayBasisPoints: 1880, carbonIntensity: 3_000, from: ['LOT-LI-BRN-ATA'], receivedAtCathodePlantGrams: 30_000 },
  { key: 'LOT-NISO4-HPL', refinery: 'nickelRefinery', material: 'NICKEL_SULFATE', massGrams: 520_000, assayBasisPoints: 2200, carbonIntensity: 6_500, from: ['LOT-NI-ORE-MOR'], receivedAtCathodePlantGrams: 519_800 },
  { key: 'LOT-MNSO4-NEL', refinery: 'manganeseRefinery', material: 'MANGANESE_SULFATE', massGrams: 45_000, assayBasisPoints: 3200, carbonIntensity: 1_800, from: ['LOT-MN-ORE-KAL'], receivedAtCathodePlantGrams: 45_000 },
];

/** Grams of each refined salt the first-generation cathode batch takes; the rest stays for the second. */
export const firstCathodeBatchInputs: Readonly<Record<string, number>> = {
  'LOT-COSO4-KOK': 60_000,
  'LOT-LIOH-KWI': 50_000,
  'LOT-LI2CO3-LNE': 20_000,
  'LOT-NISO4-HPL': 340_000,
  'LOT-MNSO4-NEL': 28_000,
};

/** The first-generation NMC811 cathode batch. */
export const firstCathodeBatch = { key: 'LOT-NMC811-G1', massGrams: 160_000, assayBasisPoints: 4800, carbonIntensity: 22_000 } as const;

/** A battery cell as the cell plant makes it. */
export const cellSpec = {
  model: 'SKE-P340 prismatic NMC811 cell',
  massGrams: 5_600,
  cathodeGrams: 1_700,
  ratedCapacityMilliampHours: 340_000,
  nominalVoltageMillivolts: 3_650,
  expectedLifetimeCycles: 2_500,
} as const;

/** Cells per pack. */
export const cellsPerPack = 6;

/** A pack as the OEM assembles it. */
export const packSpec = {
  model: 'ZW-PHEV-7 battery pack',
  massGrams: 48_000,
  ratedCapacityMilliampHours: 340_000,
  nominalVoltageMillivolts: 21_900,
  expectedLifetimeCycles: 2_000,
} as const;

/** What the recycler gets out of one pack, in grams. */
export const recovery = {
  /** Dismantling: housing, busbars and electronics as scrap; the rest stays for recycling. */
  scrapGrams: 14_000,
  dismantlingLossGrams: 400,
  /** Mechanical recycling of the cells to black mass. */
  blackMassGrams: 19_000,
  /** Hydrometallurgy of the black mass. */
  recoveredCobaltSulfateGrams: 4_000,
  recoveredNickelSulfateGrams: 10_000,
  recoveredLithiumCarbonateGrams: 2_000,
} as const;

/** Virgin salts (from the first batch's stock) the second-generation cathode batch takes, in grams. */
export const secondCathodeVirginInputs: Readonly<Record<string, number>> = {
  'LOT-COSO4-KOK': 21_000,
  'LOT-NISO4-HPL': 90_000,
  'LOT-LIOH-KWI': 15_000,
  'LOT-MNSO4-NEL': 10_000,
};

/** The second-generation NMC811 batch: its mass is this share (basis points) of its inputs. */
export const secondCathodeBatch = { key: 'LOT-NMC811-G2', yieldBasisPoints: 3_000, assayBasisPoints: 4800, carbonIntensity: 16_000 } as const;

/** The certified cobalt the refinery claims on its sulfate, in grams of sulfate. */
export const certifiedCobaltSulfateClaimGrams = 80_000;
