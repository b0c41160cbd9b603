/** Enumerations shared by records and requests. */

/** Materials a lot can hold. */
export const MATERIALS = [
  'COBALT_ORE',
  'COBALT_HYDROXIDE',
  'COBALT_SULFATE',
  'LITHIUM_ORE',
  'LITHIUM_SPODUMENE_CONCENTRATE',
  'LITHIUM_BRINE_CONCENTRATE',
  'LITHIUM_CARBONATE',
  'LITHIUM_HYDROXIDE',
  'NICKEL_ORE',
  'NICKEL_MATTE',
  'NICKEL_MHP',
  'NICKEL_SULFATE',
  'MANGANESE_ORE',
  'MANGANESE_SULFATE',
  'NATURAL_GRAPHITE',
  'SYNTHETIC_GRAPHITE',
  'IRON_PHOSPHATE',
  'PRECURSOR_PCAM',
  'CATHODE_NMC',
  'CATHODE_NCA',
  'CATHODE_LFP',
  'ANODE_ACTIVE_MATERIAL',
  'ELECTROLYTE',
  'LEAD',
  'BLACK_MASS',
  'RECOVERED_COBALT_SULFATE',
  'RECOVERED_NICKEL_SULFATE',
  'RECOVERED_LITHIUM_CARBONATE',
  'RECOVERED_LITHIUM_HYDROXIDE',
  'RECOVERED_MANGANESE_SULFATE',
  'RECOVERED_METAL_SALTS',
  'SCRAP',
] as const;
/** A material a lot can hold. */
export type Material = (typeof MATERIALS)[number];

/** Kinds of facility along the value chain. */
export const FACILITY_KINDS = [
  'MINE',
  'CONCENTRATOR',
  'REFINERY',
  'PRECURSOR_PLANT',
  'CAM_PLANT',
  'CELL_PLANT',
  'MODULE_PACK_PLANT',
  'OEM',
  'SERVICE_REPAIR',
  'SECOND_LIFE',
  'COLLECTOR',
  'RECYCLER',
] as const;
/** A kind of facility. */
export type FacilityKind = (typeof FACILITY_KINDS)[number];

/** Facility kinds that may mint lots of extracted material. */
export const MINTING_FACILITY_KINDS: readonly FacilityKind[] = ['MINE', 'CONCENTRATOR'];

/** Chain-of-custody models (ISO 22095). */
export const CUSTODY_MODELS = ['IDENTITY_PRESERVED', 'SEGREGATED', 'CONTROLLED_BLENDING', 'MASS_BALANCE'] as const;
/** A chain-of-custody model. */
export type CustodyModel = (typeof CUSTODY_MODELS)[number];

/** Lot lifecycle: an active lot can move, split, merge and be consumed; the others cannot. */
export const LOT_STATUSES = ['ACTIVE', 'IN_TRANSIT', 'CONSUMED', 'CLOSED'] as const;
/** A lot's status. */
export type LotStatus = (typeof LOT_STATUSES)[number];

/** Custody transfer lifecycle. `PROPOSED` and `DISPUTED` are open; the others are final. */
export const TRANSFER_STATUSES = ['PROPOSED', 'ACCEPTED', 'REJECTED', 'CANCELLED', 'DISPUTED', 'SETTLED'] as const;
/** A transfer's status. */
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

/** Kinds of transformation process. */
export const PROCESS_KINDS = [
  'CONCENTRATION',
  'REFINING',
  'PRECURSOR_SYNTHESIS',
  'CATHODE_SYNTHESIS',
  'ANODE_PRODUCTION',
  'ELECTROLYTE_PRODUCTION',
  'CELL_MANUFACTURING',
  'DISMANTLING',
  'MECHANICAL_RECYCLING',
  'HYDROMETALLURGY',
  'PYROMETALLURGY',
  'OTHER',
] as const;
/** A kind of transformation process. */
export type ProcessKind = (typeof PROCESS_KINDS)[number];

/**
 * Processes that manufacture battery materials and cells: the scrap they produce is production scrap, whose
 * recovery counts as pre-consumer recycled content (EU Battery Regulation Art. 8, "manufacturing waste").
 */
export const MANUFACTURING_PROCESS_KINDS: readonly ProcessKind[] = ['PRECURSOR_SYNTHESIS', 'CATHODE_SYNTHESIS', 'ANODE_PRODUCTION', 'ELECTROLYTE_PRODUCTION', 'CELL_MANUFACTURING'];

/** Sustainability characteristics a lot can carry (mass-balance accounts are kept per characteristic). */
export const CLAIMS = ['CERTIFIED_ORIGIN', 'PRE_CONSUMER_RECYCLED', 'POST_CONSUMER_RECYCLED', 'CONFLICT_FREE'] as const;
/** A claim a lot carries. */
export type Claim = (typeof CLAIMS)[number];

/**
 * Claims a mine may mint a lot with (characteristics of origin). Recycled claims are never minted: they arise
 * only from production scrap and from batteries recycled at an attested recycler.
 */
export const ORIGIN_CLAIMS: readonly Claim[] = ['CERTIFIED_ORIGIN', 'CONFLICT_FREE'];
