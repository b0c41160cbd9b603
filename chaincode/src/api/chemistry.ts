/**
 * What each material is made of: the elements the ledger conserves (cobalt, lithium, nickel, manganese,
 * graphite carbon, lead), each material's reference composition and the most of each element its chemistry
 * can hold, the element an assay of the material measures, and which materials may be minted at a mine.
 *
 * All contents are in basis points of mass (1/100 %). Reference compositions are stoichiometric for pure
 * compounds and typical grades for ores, intermediates, black mass and scrap; maxima are the pure compound (or
 * the richest compound of the element the material can be), so that no assay can declare more of an element
 * than the material physically holds.
 */
import { z } from 'zod';
import { MATERIALS, type Material } from './enums';
import { basisPointsSchema } from './primitives';

/** Elements whose mass the ledger conserves and whose recycled content it computes. */
export const ELEMENTS = ['COBALT', 'LITHIUM', 'NICKEL', 'MANGANESE', 'GRAPHITE', 'LEAD'] as const;
/** A conserved element (`GRAPHITE`: the carbon of graphite). */
export type Element = (typeof ELEMENTS)[number];

/** Elements whose recycled content the EU Battery Regulation (Art. 8) sets minimum shares for. */
export const REGULATED_RECYCLED_ELEMENTS: readonly Element[] = ['COBALT', 'LITHIUM', 'NICKEL', 'LEAD'];

/** Critical raw materials (EU CRM list) among the conserved elements. */
export const CRITICAL_ELEMENTS: readonly Element[] = ['COBALT', 'LITHIUM', 'NICKEL', 'MANGANESE', 'GRAPHITE'];

/** Element content of one material, in basis points of its mass; absent elements are zero. */
export type ElementContent = Readonly<Partial<Record<Element, number>>>;

/** Schema of an element content (every element optional, each 0..10000 basis points). */
export const elementContentSchema = z
  .object(Object.fromEntries(ELEMENTS.map((element) => [element, basisPointsSchema.optional()])) as Record<Element, z.ZodOptional<typeof basisPointsSchema>>)
  .strict();

interface Chemistry {
  /** Content assumed when no assay is declared. */
  readonly reference: ElementContent;
  /** The most of each element the material can hold; elements not listed cannot be present. */
  readonly maximum: ElementContent;
  /** The element `assay.contentBasisPoints` measures, if the material has a main element. */
  readonly main?: Element;
}

const cathodeMaximum = { LITHIUM: 1200, NICKEL: 6020, COBALT: 6023, MANGANESE: 6080 } as const;
const cobaltSulfate: Chemistry = { reference: { COBALT: 2096 }, maximum: { COBALT: 3802 }, main: 'COBALT' };
const nickelSulfate: Chemistry = { reference: { NICKEL: 2233 }, maximum: { NICKEL: 3792 }, main: 'NICKEL' };
const lithiumCarbonate: Chemistry = { reference: { LITHIUM: 1878 }, maximum: { LITHIUM: 1879 }, main: 'LITHIUM' };
const lithiumHydroxide: Chemistry = { reference: { LITHIUM: 1654 }, maximum: { LITHIUM: 2898 }, main: 'LITHIUM' };
const manganeseSulfate: Chemistry = { reference: { MANGANESE: 3251 }, maximum: { MANGANESE: 3638 }, main: 'MANGANESE' };

/**
 * The chemistry of every material. Sources: stoichiometry (CoSO4·7H2O 20.96 % Co, anhydrous 38.02 %;
 * NiSO4·6H2O 22.33 %, anhydrous 37.92 %; Li2CO3 18.79 % Li; LiOH·H2O 16.54 %, anhydrous 28.98 %; MnSO4·H2O
 * 32.51 %; Co(OH)2 63.42 % Co; Ni(OH)2 63.31 % Ni; LiFePO4 4.40 % Li; LiPF6 4.57 % Li; NMC811 7.13 % Li,
 * 48.27 % Ni, 6.06 % Co, 5.65 % Mn; NCA 7.22 % Li, 48.87 % Ni, 9.20 % Co; spodumene 3.73 % Li) and typical
 * commercial grades for ores, concentrates, matte, MHP, black mass and scrap.
 */
export const MATERIAL_CHEMISTRY: Readonly<Record<Material, Chemistry>> = {
  COBALT_ORE: { reference: { COBALT: 30 }, maximum: { COBALT: 6400, NICKEL: 2000, MANGANESE: 3000 }, main: 'COBALT' },
  COBALT_HYDROXIDE: { reference: { COBALT: 3500 }, maximum: { COBALT: 6342, NICKEL: 1000, MANGANESE: 1000 }, main: 'COBALT' },
  COBALT_SULFATE: cobaltSulfate,
  LITHIUM_ORE: { reference: { LITHIUM: 60 }, maximum: { LITHIUM: 373 }, main: 'LITHIUM' },
  LITHIUM_SPODUMENE_CONCENTRATE: { reference: { LITHIUM: 279 }, maximum: { LITHIUM: 373 }, main: 'LITHIUM' },
  LITHIUM_BRINE_CONCENTRATE: { reference: { LITHIUM: 400 }, maximum: { LITHIUM: 1637 }, main: 'LITHIUM' },
  LITHIUM_CARBONATE: lithiumCarbonate,
  LITHIUM_HYDROXIDE: lithiumHydroxide,
  NICKEL_ORE: { reference: { NICKEL: 150 }, maximum: { NICKEL: 4000, COBALT: 500 }, main: 'NICKEL' },
  NICKEL_MATTE: { reference: { NICKEL: 7000, COBALT: 100 }, maximum: { NICKEL: 7330, COBALT: 1000 }, main: 'NICKEL' },
  NICKEL_MHP: { reference: { NICKEL: 3900, COBALT: 400, MANGANESE: 300 }, maximum: { NICKEL: 6331, COBALT: 6342, MANGANESE: 6177 }, main: 'NICKEL' },
  NICKEL_SULFATE: nickelSulfate,
  MANGANESE_ORE: { reference: { MANGANESE: 3000 }, maximum: { MANGANESE: 6319 }, main: 'MANGANESE' },
  MANGANESE_SULFATE: manganeseSulfate,
  NATURAL_GRAPHITE: { reference: { GRAPHITE: 9500 }, maximum: { GRAPHITE: 10_000 }, main: 'GRAPHITE' },
  SYNTHETIC_GRAPHITE: { reference: { GRAPHITE: 9990 }, maximum: { GRAPHITE: 10_000 }, main: 'GRAPHITE' },
  IRON_PHOSPHATE: { reference: {}, maximum: {} },
  PRECURSOR_PCAM: { reference: { NICKEL: 5084, COBALT: 638, MANGANESE: 595 }, maximum: { NICKEL: 6331, COBALT: 6342, MANGANESE: 6177 }, main: 'NICKEL' },
  CATHODE_NMC: { reference: { NICKEL: 4827, COBALT: 606, MANGANESE: 565, LITHIUM: 713 }, maximum: cathodeMaximum, main: 'NICKEL' },
  CATHODE_NCA: { reference: { NICKEL: 4887, COBALT: 920, LITHIUM: 722 }, maximum: cathodeMaximum, main: 'NICKEL' },
  CATHODE_LFP: { reference: { LITHIUM: 440 }, maximum: { LITHIUM: 440 }, main: 'LITHIUM' },
  ANODE_ACTIVE_MATERIAL: { reference: { GRAPHITE: 9500 }, maximum: { GRAPHITE: 10_000 }, main: 'GRAPHITE' },
  ELECTROLYTE: { reference: { LITHIUM: 60 }, maximum: { LITHIUM: 457 }, main: 'LITHIUM' },
  LEAD: { reference: { LEAD: 10_000 }, maximum: { LEAD: 10_000 }, main: 'LEAD' },
  BLACK_MASS: {
    reference: { NICKEL: 2000, COBALT: 700, MANGANESE: 600, LITHIUM: 350 },
    maximum: { ...cathodeMaximum, GRAPHITE: 10_000 },
    main: 'NICKEL',
  },
  RECOVERED_COBALT_SULFATE: cobaltSulfate,
  RECOVERED_NICKEL_SULFATE: nickelSulfate,
  RECOVERED_LITHIUM_CARBONATE: lithiumCarbonate,
  RECOVERED_LITHIUM_HYDROXIDE: lithiumHydroxide,
  RECOVERED_MANGANESE_SULFATE: manganeseSulfate,
  RECOVERED_METAL_SALTS: { reference: { NICKEL: 1500, COBALT: 500 }, maximum: { NICKEL: 3792, COBALT: 3802, MANGANESE: 3638, LITHIUM: 2898 } },
  // scrap ranges from housings with no tracked element to electrode scrap: it holds what its assay declares
  SCRAP: { reference: {}, maximum: { ...cathodeMaximum, GRAPHITE: 10_000, LEAD: 10_000 } },
};

/** Materials a mine or concentrator may mint: extracted, never processed, recovered or scrap. */
export const MINTABLE_MATERIALS: readonly Material[] = MATERIALS.filter((material) =>
  [
    'COBALT_ORE',
    'COBALT_HYDROXIDE',
    'LITHIUM_ORE',
    'LITHIUM_SPODUMENE_CONCENTRATE',
    'LITHIUM_BRINE_CONCENTRATE',
    'NICKEL_ORE',
    'NICKEL_MATTE',
    'NICKEL_MHP',
    'MANGANESE_ORE',
    'NATURAL_GRAPHITE',
  ].includes(material),
);
