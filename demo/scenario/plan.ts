import type { Claim, Element, ElementContent, Material } from '../../chaincode/src/api';
import type { FacilityRole } from './catalogue';

/**
 * The story's quantities, in grams. A pilot-scale slice of a value chain: the batch of ore and brine that ends
 * up in two first-generation packs, and the recovered salts that go into a second-generation pack.
 *
 * Every step conserves each element the ledger tracks (the chaincode refuses any that does not): assays are
 * chosen so that a refinery's salt holds less of its metal than the ore it came from, cathode batches are dosed
 * from the element content of their inputs ({@link cathodeInputs}), and what the recycler recovers is bounded by
 * what the battery's provenance gives it. Emissions are declared only where they arise: at the mines (intensity
 * of what they extract) and as each process's own emissions; the ledger carries them down the chain.
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
  /** Content of the material's main element (cobalt, lithium, nickel, manganese), basis points. */
  readonly assayBasisPoints: number;
  /** Grams CO2e per kg of material, as the mine declares it. */
  readonly carbonIntensity: number;
  readonly claims: readonly Claim[];
  /** Days before the run the extraction started. */
  readonly extractedDaysAgo: number;
}

/** The ore, concentrate and brine lots of the story. */
export const minedLots: readonly MinedLotSpec[] = [
  { key: 'LOT-CO-ORE-KOL', site: 'cobaltMineCertified', refinery: 'cobaltRefinery', material: 'COBALT_ORE', massGrams: 600_000, receivedGrams: 599_400, assayBasisPoints: 280, carbonIntensity: 35, claims: ['CERTIFIED_ORIGIN'], extractedDaysAgo: 120 },
  { key: 'LOT-CO-ORE-KAS', site: 'cobaltMineUncertified', refinery: 'cobaltRefinery', material: 'COBALT_ORE', massGrams: 60_000, receivedGrams: 60_000, assayBasisPoints: 800, carbonIntensity: 20, claims: [], extractedDaysAgo: 115 },
  { key: 'LOT-LI-SPD-GRB', site: 'spodumeneMine', refinery: 'lithiumHydroxideRefinery', material: 'LITHIUM_SPODUMENE_CONCENTRATE', massGrams: 440_000, receivedGrams: 439_100, assayBasisPoints: 280, carbonIntensity: 350, claims: [], extractedDaysAgo: 110 },
  { key: 'LOT-LI-BRN-ATA', site: 'lithiumBrine', refinery: 'lithiumCarbonatePlant', material: 'LITHIUM_BRINE_CONCENTRATE', massGrams: 100_000, receivedGrams: 99_900, assayBasisPoints: 600, carbonIntensity: 60, claims: [], extractedDaysAgo: 140 },
  { key: 'LOT-NI-ORE-MOR', site: 'nickelMine', refinery: 'nickelRefinery', material: 'NICKEL_ORE', massGrams: 6_800_000, receivedGrams: 6_790_000, assayBasisPoints: 180, carbonIntensity: 25, claims: [], extractedDaysAgo: 100 },
  { key: 'LOT-MN-ORE-KAL', site: 'manganeseMine', refinery: 'manganeseRefinery', material: 'MANGANESE_ORE', massGrams: 55_000, receivedGrams: 55_000, assayBasisPoints: 3_000, carbonIntensity: 15, claims: [], extractedDaysAgo: 130 },
];

/** An output lot of a refinery. */
export interface RefinedLotSpec {
  readonly key: string;
  readonly refinery: FacilityRole;
  readonly material: Material;
  readonly massGrams: number;
  /** Content of the salt's metal, basis points (hydrated battery-grade salts). */
  readonly assayBasisPoints: number;
  /** The refinery's own emissions for the run (energy, reagents), grams CO2e. */
  readonly processEmissionsGramsCo2e: number;
  /** Suffixes of the mined lots it is refined from (whole lots). */
  readonly from: readonly string[];
  /** Grams the cathode plant weighs on receipt. */
  readonly receivedAtCathodePlantGrams: number;
}

/**
 * The refined salts shipped to the cathode plant. Metal recoveries: cobalt 92 %, lithium 94 % (hydroxide) and
 * 94 % (carbonate), nickel 94 % (HPAL), manganese 87 %.
 */
export const refinedLots: readonly RefinedLotSpec[] = [
  { key: 'LOT-COSO4-KOK', refinery: 'cobaltRefinery', material: 'COBALT_SULFATE', massGrams: 95_000, assayBasisPoints: 2_100, processEmissionsGramsCo2e: 741_000, from: ['LOT-CO-ORE-KOL', 'LOT-CO-ORE-KAS'], receivedAtCathodePlantGrams: 95_000 },
  { key: 'LOT-LIOH-KWI', refinery: 'lithiumHydroxideRefinery', material: 'LITHIUM_HYDROXIDE', massGrams: 70_000, assayBasisPoints: 1_650, processEmissionsGramsCo2e: 840_000, from: ['LOT-LI-SPD-GRB'], receivedAtCathodePlantGrams: 69_980 },
  { key: 'LOT-LI2CO3-LNE', refinery: 'lithiumCarbonatePlant', material: 'LITHIUM_CARBONATE', massGrams: 30_000, assayBasisPoints: 1_870, processEmissionsGramsCo2e: 84_000, from: ['LOT-LI-BRN-ATA'], receivedAtCathodePlantGrams: 30_000 },
  { key: 'LOT-NISO4-HPL', refinery: 'nickelRefinery', material: 'NICKEL_SULFATE', massGrams: 520_000, assayBasisPoints: 2_220, processEmissionsGramsCo2e: 3_224_000, from: ['LOT-NI-ORE-MOR'], receivedAtCathodePlantGrams: 519_800 },
  { key: 'LOT-MNSO4-NEL', refinery: 'manganeseRefinery', material: 'MANGANESE_SULFATE', massGrams: 45_000, assayBasisPoints: 3_200, processEmissionsGramsCo2e: 80_000, from: ['LOT-MN-ORE-KAL'], receivedAtCathodePlantGrams: 45_000 },
];

/** Suffix of the part of the refinery's cobalt sulfate split off to carry the certified-origin claim. */
export const certifiedCobaltSulfateKey = 'LOT-COSO4-KOK-CO';

function refined(key: string): RefinedLotSpec {
  const spec = refinedLots.find((lot) => lot.key === key);
  if (spec === undefined) throw new RangeError(`plan: no refined lot ${key}`);
  return spec;
}

function mined(key: string): MinedLotSpec {
  const spec = minedLots.find((lot) => lot.key === key);
  if (spec === undefined) throw new RangeError(`plan: no mined lot ${key}`);
  return spec;
}

/** A conversion factor: grams of output per grams of input. */
export interface Factor {
  readonly inputGrams: number;
  readonly outputGrams: number;
}

/** What the certified ore backs of the refinery's cobalt sulfate, and the claim the refinery makes on it. */
export interface CertifiedCobaltBacking {
  /** The certified ore the refinery consumed, credited to its account (grams of ore). */
  readonly creditGrams: number;
  /** The refining run's own yield: all its outputs per all its inputs. */
  readonly runYield: Factor;
  /** Sulfate the credit backs at the run's yield (mass allocation over all inputs). */
  readonly byMassGrams: number;
  /** The scheme factor the refinery declares: sulfate per gram of certified ore by its cobalt content. */
  readonly cobaltFactor: Factor;
  /** Sulfate the credit backs by cobalt content: the claim. */
  readonly claimGrams: number;
}

/**
 * What the certified Kolwezi ore backs of the Kokkola sulfate. The run refines 599.4 kg of certified ore at
 * 2.8 % Co with 60 kg of uncertified ore at 8 % Co. Its mass yield over all inputs (95 kg of 659.4 kg) would let
 * the ore back 86.356 kg of sulfate: 18.1 kg of cobalt, more than the 16.8 kg the certified ore held. By cobalt
 * content the certified ore gave 77.8 % of the run's cobalt, so it backs 77.8 % of the sulfate: the refinery
 * declares that factor (lower than the run's yield, as the chaincode requires) and claims exactly that.
 */
export function certifiedCobaltBacking(): CertifiedCobaltBacking {
  const sulfate = refined('LOT-COSO4-KOK');
  const inputs = sulfate.from.map(mined);
  const certified = inputs.filter((lot) => lot.claims.includes('CERTIFIED_ORIGIN'));
  const cobalt = (lots: readonly MinedLotSpec[]): bigint => lots.reduce((sum, lot) => sum + BigInt(lot.receivedGrams) * BigInt(lot.assayBasisPoints), 0n);
  const creditGrams = certified.reduce((sum, lot) => sum + lot.receivedGrams, 0);
  const inputGrams = inputs.reduce((sum, lot) => sum + lot.receivedGrams, 0);
  const claimGrams = Number((BigInt(sulfate.massGrams) * cobalt(certified)) / cobalt(inputs));
  return {
    creditGrams,
    runYield: { inputGrams, outputGrams: sulfate.massGrams },
    byMassGrams: Number((BigInt(creditGrams) * BigInt(sulfate.massGrams)) / BigInt(inputGrams)),
    cobaltFactor: { inputGrams: creditGrams, outputGrams: claimGrams },
    claimGrams,
  };
}

/** An NMC811 cathode batch: its mass, declared assay (ICP-OES, every element) and the plant's process emissions. */
export interface CathodeBatchSpec {
  readonly key: string;
  readonly massGrams: number;
  readonly assay: Readonly<Record<'NICKEL' | 'COBALT' | 'MANGANESE' | 'LITHIUM', number>>;
  /** Co-precipitation, lithiation and calcination, grams CO2e (about 4 kg per kg of cathode). */
  readonly processEmissionsGramsCo2e: number;
}

const NMC811_ASSAY = { NICKEL: 4_800, COBALT: 600, MANGANESE: 560, LITHIUM: 710 } as const;

/** The first-generation NMC811 batch. */
export const firstCathodeBatch: CathodeBatchSpec = { key: 'LOT-NMC811-G1', massGrams: 160_000, assay: NMC811_ASSAY, processEmissionsGramsCo2e: 640_000 };

/** The second-generation NMC811 batch, from recovered and virgin salts. */
export const secondCathodeBatch: CathodeBatchSpec = { key: 'LOT-NMC811-G2', massGrams: 40_000, assay: NMC811_ASSAY, processEmissionsGramsCo2e: 160_000 };

/**
 * Share of each element of the inputs that ends up in the cathode, basis points: 1 % of the transition metals
 * stays in filtrates; lithium is dosed 4 % in excess, as calcination loses some.
 */
export const CATHODE_ELEMENT_YIELD: Readonly<Record<keyof CathodeBatchSpec['assay'], number>> = { NICKEL: 9_900, COBALT: 9_900, MANGANESE: 9_900, LITHIUM: 9_600 };

/** A lot fed into a cathode batch: its suffix, the grams taken and its element content. */
export interface CathodeFeed {
  readonly key: string;
  readonly grams: number;
  readonly content: ElementContent;
}

/** The lot that tops up an element: its suffix and its content of that element (basis points). */
export interface TopUp {
  readonly key: string;
  readonly basisPoints: number;
}

/**
 * Doses a cathode batch: the given feeds (recovered salts, a fixed share of lithium carbonate) first, then, per
 * element, as much of its top-up salt as the batch still needs at {@link CATHODE_ELEMENT_YIELD}, rounded up to
 * the gram. The inputs therefore always hold at least the batch's element content.
 * @returns the input lots (suffix, grams taken), feeds first, top-ups of zero left out
 */
export function cathodeInputs(batch: CathodeBatchSpec, feeds: readonly CathodeFeed[], topUps: Readonly<Record<keyof CathodeBatchSpec['assay'], TopUp>>): { key: string; grams: number }[] {
  const elements = Object.keys(batch.assay) as (keyof CathodeBatchSpec['assay'])[];
  const added = elements.map((element) => {
    const needed = ceilDiv(BigInt(batch.massGrams) * BigInt(batch.assay[element]) * 10_000n, BigInt(CATHODE_ELEMENT_YIELD[element]));
    const fed = feeds.reduce((sum, feed) => sum + BigInt(feed.grams) * BigInt(feed.content[element as Element] ?? 0), 0n);
    const topUp = topUps[element];
    return { key: topUp.key, grams: needed > fed ? Number(ceilDiv(needed - fed, BigInt(topUp.basisPoints))) : 0 };
  });
  return [...feeds.map(({ key, grams }) => ({ key, grams })), ...added.filter((input) => input.grams > 0)];
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

const virginTopUps = (cobaltKey: string): Readonly<Record<keyof CathodeBatchSpec['assay'], TopUp>> => ({
  NICKEL: { key: 'LOT-NISO4-HPL', basisPoints: refined('LOT-NISO4-HPL').assayBasisPoints },
  COBALT: { key: cobaltKey, basisPoints: refined('LOT-COSO4-KOK').assayBasisPoints },
  MANGANESE: { key: 'LOT-MNSO4-NEL', basisPoints: refined('LOT-MNSO4-NEL').assayBasisPoints },
  LITHIUM: { key: 'LOT-LIOH-KWI', basisPoints: refined('LOT-LIOH-KWI').assayBasisPoints },
});

/** Lithium carbonate from the brine that the first batch takes alongside the hydroxide. */
const FIRST_BATCH_CARBONATE_GRAMS = 20_000;

/**
 * The inputs of the first batch: the certified-origin cobalt sulfate, the other virgin salts, and part of the
 * brine's lithium carbonate.
 */
export function firstCathodeInputs(): { key: string; grams: number }[] {
  const carbonate = refined('LOT-LI2CO3-LNE');
  return cathodeInputs(firstCathodeBatch, [{ key: carbonate.key, grams: FIRST_BATCH_CARBONATE_GRAMS, content: { LITHIUM: carbonate.assayBasisPoints } }], virginTopUps(certifiedCobaltSulfateKey));
}

/** A battery cell as the cell plant makes it. */
export const cellSpec = {
  model: 'SKE-P340 prismatic NMC811 cell',
  massGrams: 5_600,
  cathodeGrams: 1_700,
  ratedCapacityMilliampHours: 340_000,
  nominalVoltageMillivolts: 3_650,
  expectedLifetimeCycles: 2_500,
  /** Electrode coating, assembly, formation on hydro power: about 10 kg CO2e per kWh of cell. */
  processEmissionsGramsCo2e: 12_400,
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
  /** Module and pack assembly, end-of-line testing. */
  processEmissionsGramsCo2e: 25_000,
} as const;

/**
 * What the recycler gets out of one first-generation pack, in grams. The pack's provenance gives it 4,896 g of
 * nickel, 612 g of cobalt, 570 g of manganese and 720 g of lithium (six cells of 1.7 kg of cathode); the black
 * mass holds 93–96 % of each, the salts 87–95 % of what the black mass holds.
 *
 * The salts are weighed on an anhydrous basis: the ledger conserves mass without reagent inputs, and
 * 19 kg of black mass cannot become 21 kg of nickel sulfate hexahydrate. Their masses are multiples of 7 so
 * that, at the run's yield of 7 g of salts per 8 g of black mass, the claims on the three salts (each debit
 * rounded up by the chaincode) add up to exactly the black mass credited.
 */
export const recovery = {
  /** Dismantling: aluminium housing, copper busbars and electronics; no battery metals. */
  scrapGrams: 14_000,
  dismantlingLossGrams: 400,
  dismantlingEmissionsGramsCo2e: 2_000,
  /** Shredding and sieving of the six cells (33.6 kg) to black mass. */
  blackMassGrams: 19_000,
  blackMassAssay: { NICKEL: 2_470, COBALT: 305, MANGANESE: 285, LITHIUM: 355 },
  shreddingEmissionsGramsCo2e: 17_100,
  /** Hydrometallurgy of the black mass: leaching, solvent extraction, crystallisation. */
  recoveredCobaltSulfateGrams: 1_470,
  recoveredCobaltSulfateAssay: 3_750,
  recoveredNickelSulfateGrams: 12_005,
  recoveredNickelSulfateAssay: 3_700,
  recoveredLithiumCarbonateGrams: 3_150,
  recoveredLithiumCarbonateAssay: 1_860,
  hydrometallurgyEmissionsGramsCo2e: 40_000,
} as const;

/** Suffixes of the recycler's lots. */
export const recoveredKeys = {
  scrap: 'LOT-SCRAP-HOB',
  blackMass: 'LOT-BM-HOB',
  cobalt: 'LOT-RCOSO4-HOB',
  nickel: 'LOT-RNISO4-HOB',
  lithium: 'LOT-RLI2CO3-HOB',
} as const;

/** What the second batch is fed: how much recovered cobalt sulfate, and whether the recovered nickel sulfate. */
export interface SecondBatchFeed {
  readonly recycledCobaltSulfateGrams: number;
  readonly recycledNickel: boolean;
}

/**
 * The inputs of the second batch: the recovered salts fed in (all the lithium carbonate, the cobalt and nickel
 * sulfate as chosen), topped up with virgin salts from the first batch's stock — the cobalt from the part of the
 * refinery's sulfate that carries no claim.
 */
export function secondCathodeInputs(feed: SecondBatchFeed): { key: string; grams: number }[] {
  const feeds: CathodeFeed[] = [
    ...(feed.recycledCobaltSulfateGrams > 0 ? [{ key: recoveredKeys.cobalt, grams: feed.recycledCobaltSulfateGrams, content: { COBALT: recovery.recoveredCobaltSulfateAssay } }] : []),
    ...(feed.recycledNickel ? [{ key: recoveredKeys.nickel, grams: recovery.recoveredNickelSulfateGrams, content: { NICKEL: recovery.recoveredNickelSulfateAssay } }] : []),
    { key: recoveredKeys.lithium, grams: recovery.recoveredLithiumCarbonateGrams, content: { LITHIUM: recovery.recoveredLithiumCarbonateAssay } },
  ];
  return cathodeInputs(secondCathodeBatch, feeds, virginTopUps('LOT-COSO4-KOK'));
}
