/**
 * Recycled content and carbon footprint computed from provenance, never declared. A lot's recycled share of an
 * element follows its ancestry: lots recovered from end-of-life batteries (at an attested recycler) are
 * post-consumer recycled, production scrap (scrap made by a manufacturing process at a facility attested for it) is
 * pre-consumer recycled feedstock, mined lots are virgin; split, merged and transformed lots inherit the element-mass-weighted
 * shares of their parents. Element masses come from each lot's element content. Shares are exact integers in
 * parts per billion inside the computation.
 */
import {
  ContractError,
  CRITICAL_ELEMENTS,
  ELEMENTS,
  MATERIAL_CHEMISTRY,
  type Battery,
  type BatteryClaim,
  type CarbonFootprint,
  type Claim,
  type Element,
  type ElementShare,
  type MaterialLot,
} from '../api';
import { microgramsToGrams, totalEmissions } from './carbon';
import { elementUnits } from './elements';
import { toMass } from './mass';

/** Parts per billion: the scale of recycled shares inside the computation. */
export const SHARE_SCALE = 1_000_000_000n;

/** Pre- and post-consumer recycled shares of one element, in parts per billion. */
export interface RecycledShare {
  readonly pre: bigint;
  readonly post: bigint;
}

/** The lots of an ancestry, by id. */
export type Ancestry = ReadonlyMap<string, MaterialLot>;

type Nature = 'POST_CONSUMER' | 'PRE_CONSUMER' | 'VIRGIN' | 'DERIVED';

/** What a lot is by itself: recycled, virgin, or derived from its parents. */
export function natureOf(lot: Pick<MaterialLot, 'origin' | 'material'>): Nature {
  switch (lot.origin.kind) {
    case 'RECOVERED':
      return lot.origin.sourceType === 'Battery' ? 'POST_CONSUMER' : 'DERIVED';
    case 'MINED':
      return 'VIRGIN';
    case 'TRANSFORMED':
      return lot.origin.productionScrap === true ? 'PRE_CONSUMER' : 'DERIVED';
    default:
      return 'DERIVED';
  }
}

function requireLot(ancestry: Ancestry, id: string): MaterialLot {
  const lot = ancestry.get(id);
  if (lot === undefined) {
    throw new ContractError('INVALID_STATE', `the provenance of lot ${id} is not available`);
  }
  return lot;
}

/**
 * Computes recycled shares of lots from their ancestry, memoised per lot and element.
 */
export class RecycledShares {
  readonly #ancestry: Ancestry;
  readonly #memo = new Map<string, RecycledShare>();

  /** @param ancestry - every lot reachable upstream from the lots asked about */
  constructor(ancestry: Ancestry) {
    this.#ancestry = ancestry;
  }

  /**
   * The pre- and post-consumer recycled share of an element in a lot.
   * @throws {@link ContractError} `INVALID_STATE` when an ancestor is missing from the ancestry
   */
  of(lotId: string, element: Element): RecycledShare {
    const key = `${lotId}\u0000${element}`;
    const known = this.#memo.get(key);
    if (known !== undefined) {
      return known;
    }
    const share = this.#compute(requireLot(this.#ancestry, lotId), element);
    this.#memo.set(key, share);
    return share;
  }

  #compute(lot: MaterialLot, element: Element): RecycledShare {
    switch (natureOf(lot)) {
      case 'POST_CONSUMER':
        return { pre: 0n, post: SHARE_SCALE };
      case 'PRE_CONSUMER':
        return { pre: SHARE_SCALE, post: 0n };
      case 'VIRGIN':
        return { pre: 0n, post: 0n };
      case 'DERIVED':
        return this.#inherited(lot, element);
    }
  }

  #inherited(lot: MaterialLot, element: Element): RecycledShare {
    let total = 0n;
    let pre = 0n;
    let post = 0n;
    for (const parent of lot.parents) {
      const units = elementUnits({ elementContent: requireLot(this.#ancestry, parent.lotId).elementContent, massGrams: parent.massGrams }, element);
      const share = this.of(parent.lotId, element);
      total += units;
      pre += units * share.pre;
      post += units * share.post;
    }
    return total === 0n ? { pre: 0n, post: 0n } : { pre: pre / total, post: post / total };
  }
}

/** A lot consumed by a battery and the mass taken from it. */
export interface ConsumedLot {
  readonly lot: MaterialLot;
  readonly massGrams: number;
}

interface ElementTotals {
  units: bigint;
  preUnits: bigint;
  postUnits: bigint;
}

function share(part: bigint, whole: bigint): number {
  return whole === 0n ? 0 : Number((part * 10_000n) / whole);
}

function elementShare(element: Element, totals: ElementTotals): ElementShare {
  return {
    element,
    massGrams: toMass(totals.units / 10_000n, `the ${element} mass`),
    preConsumerRecycledGrams: toMass(totals.preUnits / 10_000n, `the recycled ${element} mass`),
    postConsumerRecycledGrams: toMass(totals.postUnits / 10_000n, `the recycled ${element} mass`),
    preConsumerRecycledBasisPoints: share(totals.preUnits, totals.units),
    postConsumerRecycledBasisPoints: share(totals.postUnits, totals.units),
  };
}

function addComponent(totals: ElementTotals, component: Pick<Battery, 'elements'>, element: Element): void {
  const content = component.elements.find((entry) => entry.element === element);
  if (content !== undefined) {
    totals.units += BigInt(content.massGrams) * 10_000n;
    totals.preUnits += BigInt(content.preConsumerRecycledGrams) * 10_000n;
    totals.postUnits += BigInt(content.postConsumerRecycledGrams) * 10_000n;
  }
}

/**
 * The element masses and recycled-content shares of a battery made from lots and component batteries,
 * computed from the lots' provenance and the components' own computed content. Elements the battery does not
 * contain are left out.
 * @throws {@link ContractError} `INVALID_STATE` when the ancestry is incomplete
 */
export function recycledContent(consumed: readonly ConsumedLot[], components: readonly Pick<Battery, 'elements'>[], ancestry: Ancestry): ElementShare[] {
  const shares = new RecycledShares(ancestry);
  const result: ElementShare[] = [];
  for (const element of ELEMENTS) {
    const totals: ElementTotals = { units: 0n, preUnits: 0n, postUnits: 0n };
    for (const { lot, massGrams } of consumed) {
      const units = elementUnits({ elementContent: lot.elementContent, massGrams }, element);
      const lotShare = shares.of(lot.id, element);
      totals.units += units;
      totals.preUnits += (units * lotShare.pre) / SHARE_SCALE;
      totals.postUnits += (units * lotShare.post) / SHARE_SCALE;
    }
    components.forEach((component) => {
      addComponent(totals, component, element);
    });
    if (totals.units >= 10_000n) {
      result.push(elementShare(element, totals));
    }
  }
  return result;
}

/** The materials of a battery by mass (lots grouped by material, plus the components' materials). */
export function materialsOf(consumed: readonly ConsumedLot[], components: readonly Pick<Battery, 'materials'>[]): Battery['materials'] {
  const totals = new Map<MaterialLot['material'], bigint>();
  const add = (material: MaterialLot['material'], grams: number): void => {
    totals.set(material, (totals.get(material) ?? 0n) + BigInt(grams));
  };
  consumed.forEach(({ lot, massGrams }) => {
    add(lot.material, massGrams);
  });
  components.forEach((component) => {
    component.materials.forEach(({ material, massGrams }) => {
      add(material, massGrams);
    });
  });
  return [...totals.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([material, grams]) => ({ material, massGrams: toMass(grams, `the ${material} mass`), critical: isCritical(material) }));
}

/** Whether a material carries a critical raw material among the conserved elements. */
export function isCritical(material: MaterialLot['material']): boolean {
  return CRITICAL_ELEMENTS.some((element) => (MATERIAL_CHEMISTRY[material].reference[element] ?? 0) > 0);
}

/**
 * The labelled mass a battery holds per claim: the consumed lots' labels (a label covers the whole mass taken
 * from its lot) plus its components' — each only where `counts(claim)` holds (the plant's attestation for it).
 */
export function claimedContent(consumed: readonly ConsumedLot[], components: readonly Pick<Battery, 'claims'>[], counts: (claim: Claim) => boolean): BatteryClaim[] {
  const totals = new Map<Claim, bigint>();
  const add = (claim: Claim, grams: number): void => {
    totals.set(claim, (totals.get(claim) ?? 0n) + BigInt(grams));
  };
  for (const { lot, massGrams } of consumed) {
    lot.claims.filter(counts).forEach((claim) => {
      add(claim, massGrams);
    });
  }
  components.forEach((component) => {
    component.claims.filter(({ claim }) => counts(claim)).forEach(({ claim, massGrams }) => {
      add(claim, massGrams);
    });
  });
  return [...totals.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([claim, grams]) => ({ claim, massGrams: toMass(grams, `the ${claim} mass`) }));
}

/** Rated energy in watt-hours (capacity × nominal voltage), rounded down. */
export function ratedEnergyWattHours(capacityMilliampHours: number, voltageMillivolts: number): number {
  return Number((BigInt(capacityMilliampHours) * BigInt(voltageMillivolts)) / 1_000_000n);
}

/** Grams CO2e per kWh of `energyWattHours`, rounded down; 0 without rated energy. */
export function perKwh(totalGramsCo2e: number, energyWattHours: number): number {
  return energyWattHours === 0 ? 0 : toMass((BigInt(totalGramsCo2e) * 1000n) / BigInt(energyWattHours), 'the carbon footprint per kWh');
}

/**
 * A battery's carbon footprint: the consumed lots' embodied emissions (mass × their intensity, which carries
 * everything upstream), the components' footprints and the plant's own process emissions, and per kWh of rated
 * energy. Lots without an intensity are listed and make the footprint incomplete.
 */
export function carbonFootprintOf(
  consumed: readonly ConsumedLot[],
  components: readonly Pick<Battery, 'carbonFootprint'>[],
  processGramsCo2e: number,
  energyWattHours: number,
): CarbonFootprint {
  const lotsWithoutData = consumed.filter(({ lot }) => lot.carbonIntensityMgPerKg === undefined).map(({ lot }) => lot.id);
  const known = consumed.filter(({ lot }) => lot.carbonIntensityMgPerKg !== undefined);
  const raw = microgramsToGrams(totalEmissions(known.map(({ lot, massGrams }) => ({ massGrams, intensity: lot.carbonIntensityMgPerKg }))) ?? 0n);
  const componentGrams = components.reduce((sum, component) => sum + BigInt(component.carbonFootprint.totalGramsCo2e), 0n);
  const total = toMass(raw + componentGrams + BigInt(processGramsCo2e), 'the carbon footprint');
  const complete = lotsWithoutData.length === 0 && components.every((component) => component.carbonFootprint.complete);
  return {
    totalGramsCo2e: total,
    rawMaterialsGramsCo2e: toMass(raw, 'the carbon footprint'),
    componentsGramsCo2e: toMass(componentGrams, 'the carbon footprint'),
    manufacturingGramsCo2e: processGramsCo2e,
    perKwhGramsCo2e: perKwh(total, energyWattHours),
    complete,
    lotsWithoutData: lotsWithoutData.slice(0, 100),
  };
}
