import {
  ContractError,
  MINTABLE_MATERIALS,
  MINTING_FACILITY_KINDS,
  ORIGIN_CLAIMS,
  type Claim,
  type ConsumedClaim,
  type CustodyModel,
  type Draft,
  type Facility,
  type MaterialLot,
} from '../api';
import { allocatedIntensity, fromGramsPerKg } from './carbon';
import { elementContentOf, mixedContent } from './elements';
import { requireDistinct, sumGrams, toMass } from './mass';

/** A lot as a transaction writes it. */
export type LotDraft = Draft<MaterialLot>;

/** A minting request as the lot domain needs it (already validated). */
export interface MintInput {
  readonly id: string;
  readonly material: MaterialLot['material'];
  readonly massGrams: number;
  readonly custodyModel: CustodyModel;
  readonly assay?: MaterialLot['assay'];
  /** g CO2e per kg, as the mine declares it. */
  readonly carbonIntensity?: number;
  readonly extractedFrom?: string;
  readonly extractedUntil?: string;
  readonly claims: readonly Claim[];
}

/**
 * Requires the caller's organisation to be the lot's custodian organisation.
 * @throws {@link ContractError} `FORBIDDEN`
 */
export function requireCustodianOrg(lot: MaterialLot, callerMsp: string, action: string): void {
  if (lot.ownerMsp !== callerMsp) {
    throw new ContractError('FORBIDDEN', `${callerMsp} is not the custodian of lot ${lot.id} and may not ${action}`);
  }
}

/**
 * Requires an active lot: lots in transit, consumed or closed cannot move, split, merge or be consumed.
 * @throws {@link ContractError} `INVALID_STATE`
 */
export function requireActive(lot: MaterialLot, action: string): void {
  if (lot.status !== 'ACTIVE') {
    throw new ContractError('INVALID_STATE', `lot ${lot.id} is ${lot.status} and cannot ${action}`);
  }
}

/**
 * Takes mass out of an active lot: the one lot-consumption rule shared by split, transformation and battery
 * issuance. A lot emptied to zero becomes `CONSUMED`.
 * @returns the lot after the withdrawal
 * @throws {@link ContractError} `INVALID_STATE` when the lot is not active, `INSUFFICIENT_MASS` when it holds less
 */
export function takeFromLot(lot: MaterialLot, massGrams: number, action: string): MaterialLot {
  requireActive(lot, action);
  if (massGrams > lot.massGrams) {
    throw new ContractError('INSUFFICIENT_MASS', `lot ${lot.id} holds ${lot.massGrams} g, ${massGrams} g requested to ${action}`);
  }
  const remaining = lot.massGrams - massGrams;
  return { ...lot, massGrams: remaining, status: remaining === 0 ? 'CONSUMED' : lot.status };
}

/** The fields every new lot starts with: active, at a facility, in its organisation's custody, at full mass. */
export function newLotAt(facility: Pick<Facility, 'id' | 'ownerMsp'>, id: string, material: MaterialLot['material'], massGrams: number): Pick<
  LotDraft,
  'id' | 'ownerMsp' | 'material' | 'massGrams' | 'initialMassGrams' | 'custodianFacilityId' | 'status'
> {
  return { id, ownerMsp: facility.ownerMsp, material, massGrams, initialMassGrams: massGrams, custodianFacilityId: facility.id, status: 'ACTIVE' };
}

function requireMintable(input: MintInput, facility: Facility): void {
  if (!MINTING_FACILITY_KINDS.includes(facility.kind)) {
    throw new ContractError('INVALID_STATE', `facility ${facility.id} is a ${facility.kind}; only mines and concentrators mint lots`);
  }
  if (!MINTABLE_MATERIALS.includes(input.material)) {
    throw new ContractError('INVALID_ARGUMENT', `${input.material} is not extracted material; only ${MINTABLE_MATERIALS.join(', ')} can be minted`);
  }
  const notOfOrigin = input.claims.find((claim) => !ORIGIN_CLAIMS.includes(claim));
  if (notOfOrigin !== undefined) {
    throw new ContractError('INVALID_ARGUMENT', `a mined lot cannot claim ${notOfOrigin}; recycled claims come only from production scrap and recycled batteries`);
  }
  if (input.extractedFrom !== undefined && input.extractedUntil !== undefined && input.extractedFrom > input.extractedUntil) {
    throw new ContractError('INVALID_ARGUMENT', 'extractedFrom must not be after extractedUntil');
  }
}

/**
 * A newly mined lot at a mine or concentrator: extracted material only, with its element content from the
 * declared assay (checked against the material's chemistry) and claims of origin only.
 * @throws {@link ContractError} `INVALID_STATE` when the facility cannot mint, `INVALID_ARGUMENT` for a material,
 * claim or assay that mining cannot produce or an inverted extraction period
 */
export function mintedLot(input: MintInput, facility: Facility): LotDraft {
  requireMintable(input, facility);
  return {
    ...newLotAt(facility, input.id, input.material, input.massGrams),
    custodyModel: input.custodyModel,
    origin: { kind: 'MINED', facilityId: facility.id, country: facility.country, extractedFrom: input.extractedFrom, extractedUntil: input.extractedUntil },
    parents: [],
    assay: input.assay,
    elementContent: elementContentOf(input.material, input.assay),
    carbonIntensityMgPerKg: fromGramsPerKg(input.carbonIntensity),
    claims: [...new Set(input.claims)],
  };
}

/** A lot derived from others at the same facility: inherits custody, material, composition and intensity. */
function derivedLot(id: string, template: MaterialLot, massGrams: number, origin: MaterialLot['origin'], parents: MaterialLot['parents']): LotDraft {
  return {
    ...newLotAt({ id: template.custodianFacilityId, ownerMsp: template.ownerMsp }, id, template.material, massGrams),
    custodyModel: template.custodyModel,
    origin,
    parents,
    assay: template.assay,
    elementContent: template.elementContent,
    carbonIntensityMgPerKg: template.carbonIntensityMgPerKg,
    claims: [...template.claims],
  };
}

/** The outcome of a split. */
export interface SplitPlan {
  readonly parent: MaterialLot;
  readonly children: LotDraft[];
}

/**
 * Splits children off a lot; what the children do not take stays in the parent. Each child keeps the parent's
 * composition, intensity and claim labels: a label covers each part's mass as it covered the whole.
 * @throws {@link ContractError} `INVALID_ARGUMENT` for repeated ids, `INVALID_STATE`/`INSUFFICIENT_MASS` from {@link takeFromLot}
 */
export function planSplit(parent: MaterialLot, children: readonly { id: string; massGrams: number }[]): SplitPlan {
  requireDistinct([parent.id, ...children.map((child) => child.id)], 'the split');
  const taken = toMass(sumGrams(children.map((child) => child.massGrams)), 'the children together');
  const next = takeFromLot(parent, taken, 'be split');
  return {
    parent: next,
    children: children.map((child) =>
      derivedLot(child.id, parent, child.massGrams, { kind: 'SPLIT', parentLotId: parent.id }, [{ lotId: parent.id, massGrams: child.massGrams }]),
    ),
  };
}

/** Custody models from weakest to strongest. */
export const CUSTODY_STRENGTH: readonly CustodyModel[] = ['MASS_BALANCE', 'CONTROLLED_BLENDING', 'SEGREGATED', 'IDENTITY_PRESERVED'];

/**
 * The custody model of material mixed from several sources: the weakest input model, and never identity
 * preserved (mixing ends the identity of the sources).
 */
export function mixedCustodyModel(models: readonly CustodyModel[]): CustodyModel {
  const weakest = CUSTODY_STRENGTH.find((model) => models.includes(model)) ?? 'MASS_BALANCE';
  return weakest === 'IDENTITY_PRESERVED' && models.length > 1 ? 'SEGREGATED' : weakest;
}

/** Claims every source carries (a mix keeps as labels only what all of it can claim). */
export function commonClaims(lists: readonly (readonly Claim[])[]): Claim[] {
  const [first = [], ...rest] = lists;
  return first.filter((claim) => rest.every((list) => list.includes(claim)));
}

/**
 * The labels of consumed material that end as labels: for each consumed part, every claim it carries that is
 * not in `kept`, with the mass consumed. The state layer credits them to the facility's accounts.
 */
export function releasedClaims(parts: readonly { lot: MaterialLot; massGrams: number }[], kept: readonly Claim[] = []): ConsumedClaim[] {
  return parts.flatMap(({ lot, massGrams }) =>
    lot.claims.filter((claim) => !kept.includes(claim)).map((claim) => ({ lotId: lot.id, claim, massGrams })),
  );
}

/** The outcome of a merge. */
export interface MergePlan {
  readonly merged: LotDraft;
  readonly inputs: MaterialLot[];
  /** Labels of inputs that the merged lot cannot carry (not shared by all inputs): they become credit. */
  readonly released: ConsumedClaim[];
}

function requireMergeable(lots: readonly MaterialLot[]): MaterialLot {
  const [first] = lots;
  if (first === undefined) {
    throw new ContractError('INVALID_ARGUMENT', 'a merge needs lots');
  }
  for (const lot of lots) {
    requireActive(lot, 'be merged');
    if (lot.material !== first.material || lot.custodianFacilityId !== first.custodianFacilityId) {
      throw new ContractError('INVALID_ARGUMENT', `lot ${lot.id} differs in material or custodian facility from lot ${first.id}`);
    }
  }
  return first;
}

/**
 * Merges whole lots of one material held at one facility into a new lot; the inputs become `CONSUMED`. The
 * merged lot carries the labels all inputs share, the mass-weighted composition (rounded down) and the
 * mass-weighted intensity (rounded up); labels not shared by all are released for crediting.
 * @throws {@link ContractError} `INVALID_ARGUMENT` for repeated ids or mixed materials/facilities, `INVALID_STATE` for inactive lots
 */
export function planMerge(id: string, lots: readonly MaterialLot[]): MergePlan {
  requireDistinct([id, ...lots.map((lot) => lot.id)], 'the merge');
  const first = requireMergeable(lots);
  const massGrams = toMass(sumGrams(lots.map((lot) => lot.massGrams)), 'the merged lot');
  const claims = commonClaims(lots.map((lot) => lot.claims));
  const merged: LotDraft = {
    ...derivedLot(id, first, massGrams, { kind: 'MERGED' }, lots.map((lot) => ({ lotId: lot.id, massGrams: lot.massGrams }))),
    custodyModel: mixedCustodyModel(lots.map((lot) => lot.custodyModel)),
    claims,
    elementContent: mixedContent(lots),
    carbonIntensityMgPerKg: allocatedIntensity(
      lots.map((lot) => ({ massGrams: lot.massGrams, intensity: lot.carbonIntensityMgPerKg })),
      0,
      massGrams,
    ),
    assay: undefined,
  };
  const released = releasedClaims(
    lots.map((lot) => ({ lot, massGrams: lot.massGrams })),
    claims,
  );
  return { merged, inputs: lots.map((lot) => takeFromLot(lot, lot.massGrams, 'be merged')), released };
}
