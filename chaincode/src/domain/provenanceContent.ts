/**
 * Recycled content and carbon footprint computed from provenance, never declared. A lot's recycled share of an
 * element follows its ancestry: lots recovered from batteries are post-consumer recycled, scrap and material
 * recovered from other sources pre-consumer, mined lots virgin; split, merged and transformed lots inherit the
 * element-mass-weighted shares of their parents. Element mass comes from each material's element content
 * (the lot's assay overrides its main element). Shares are exact integers in parts per billion.
 */
import {
  ASSAYED_ELEMENT,
  ContractError,
  CRITICAL_ELEMENTS,
  ELEMENT_CONTENT,
  RECYCLED_CONTENT_ELEMENTS,
  type Battery,
  type CarbonFootprint,
  type Element,
  type ElementShare,
  type MaterialLot,
} from '../api';
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
  if (lot.origin.kind === 'RECOVERED') {
    return lot.origin.sourceType === 'Battery' ? 'POST_CONSUMER' : 'PRE_CONSUMER';
  }
  if (lot.material === 'SCRAP') {
    return 'PRE_CONSUMER';
  }
  return lot.origin.kind === 'MINED' ? 'VIRGIN' : 'DERIVED';
}

/** Element content of a lot's material in basis points; the assay overrides the material's main element. */
export function elementBasisPoints(lot: Pick<MaterialLot, 'material' | 'assay'>, element: Element): number {
  if (lot.assay !== undefined && ASSAYED_ELEMENT[lot.material] === element) {
    return lot.assay.contentBasisPoints;
  }
  return ELEMENT_CONTENT[lot.material][element] ?? 0;
}

/** Element mass of `massGrams` of a lot, in gram-basis-points (grams × 10⁴), exact. */
export function elementUnits(lot: Pick<MaterialLot, 'material' | 'assay'>, massGrams: number, element: Element): bigint {
  return BigInt(massGrams) * BigInt(elementBasisPoints(lot, element));
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
      const units = elementUnits(requireLot(this.#ancestry, parent.lotId), parent.massGrams, element);
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
 * The element masses and recycled-content shares (cobalt, lithium, nickel, lead) of a battery made from lots
 * and component batteries, computed from the lots' provenance and the components' own computed content.
 * Elements the battery does not contain are left out.
 * @throws {@link ContractError} `INVALID_STATE` when the ancestry is incomplete
 */
export function recycledContent(consumed: readonly ConsumedLot[], components: readonly Pick<Battery, 'elements'>[], ancestry: Ancestry): ElementShare[] {
  const shares = new RecycledShares(ancestry);
  const result: ElementShare[] = [];
  for (const element of RECYCLED_CONTENT_ELEMENTS) {
    const totals: ElementTotals = { units: 0n, preUnits: 0n, postUnits: 0n };
    for (const { lot, massGrams } of consumed) {
      const units = elementUnits(lot, massGrams, element);
      const lotShare = shares.of(lot.id, element);
      totals.units += units;
      totals.preUnits += (units * lotShare.pre) / SHARE_SCALE;
      totals.postUnits += (units * lotShare.post) / SHARE_SCALE;
    }
    components.forEach((component) => {
      addComponent(totals, component, element);
    });
    if (totals.units > 0n) {
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

/** Whether a material carries a critical raw material among the tracked elements. */
export function isCritical(material: MaterialLot['material']): boolean {
  return CRITICAL_ELEMENTS.some((element) => (ELEMENT_CONTENT[material][element] ?? 0) > 0);
}

/**
 * A lot's carbon intensity (g CO2e per kg): its own when recorded, otherwise the mass-weighted intensity of
 * its parents, computed up its ancestry; `undefined` when some ancestor on the way has none.
 */
export function carbonIntensityOf(lotId: string, ancestry: Ancestry, memo = new Map<string, number | undefined>()): number | undefined {
  if (memo.has(lotId)) {
    return memo.get(lotId);
  }
  const lot = requireLot(ancestry, lotId);
  const intensity = lot.carbonIntensity ?? inheritedIntensity(lot, ancestry, memo);
  memo.set(lotId, intensity);
  return intensity;
}

function inheritedIntensity(lot: MaterialLot, ancestry: Ancestry, memo: Map<string, number | undefined>): number | undefined {
  if (lot.parents.length === 0) {
    return undefined;
  }
  let weighted = 0n;
  let mass = 0n;
  for (const parent of lot.parents) {
    const intensity = carbonIntensityOf(parent.lotId, ancestry, memo);
    if (intensity === undefined) {
      return undefined;
    }
    weighted += BigInt(parent.massGrams) * BigInt(intensity);
    mass += BigInt(parent.massGrams);
  }
  return Number(weighted / mass);
}

/** Rated energy in watt-hours (capacity × nominal voltage), rounded down. */
export function ratedEnergyWattHours(capacityMilliampHours: number, voltageMillivolts: number): number {
  return Number((BigInt(capacityMilliampHours) * BigInt(voltageMillivolts)) / 1_000_000n);
}

/**
 * A battery's carbon footprint: the consumed lots' mass × carbon intensity (from provenance) plus the
 * components' footprints, and per kWh of rated energy. Lots whose intensity cannot be computed are listed
 * and make the footprint incomplete.
 */
export function carbonFootprintOf(
  consumed: readonly ConsumedLot[],
  components: readonly Pick<Battery, 'carbonFootprint'>[],
  ancestry: Ancestry,
  energyWattHours: number,
): CarbonFootprint {
  const memo = new Map<string, number | undefined>();
  let raw = 0n;
  const lotsWithoutData: string[] = [];
  for (const { lot, massGrams } of consumed) {
    const intensity = carbonIntensityOf(lot.id, ancestry, memo);
    if (intensity === undefined) {
      lotsWithoutData.push(lot.id);
    } else {
      raw += BigInt(massGrams) * BigInt(intensity);
    }
  }
  const rawGrams = raw / 1000n;
  const componentGrams = components.reduce((sum, component) => sum + BigInt(component.carbonFootprint.totalGramsCo2e), 0n);
  const total = rawGrams + componentGrams;
  const complete = lotsWithoutData.length === 0 && components.every((component) => component.carbonFootprint.complete);
  return {
    totalGramsCo2e: toMass(total, 'the carbon footprint'),
    rawMaterialsGramsCo2e: toMass(rawGrams, 'the carbon footprint'),
    componentsGramsCo2e: toMass(componentGrams, 'the carbon footprint'),
    perKwhGramsCo2e: energyWattHours === 0 ? 0 : toMass((total * 1000n) / BigInt(energyWattHours), 'the carbon footprint per kWh'),
    complete,
    lotsWithoutData: lotsWithoutData.slice(0, 100),
  };
}
