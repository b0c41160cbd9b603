/**
 * Element content and its conservation, pure. A lot's element content (basis points of mass per element) is
 * fixed when the lot is made: from the material's reference composition overridden by a declared assay — never
 * above what the material's chemistry can hold — or mixed from its parents. Every operation then conserves
 * element mass: no output holds more of an element than its inputs did. Element masses are exact in
 * gram-basis-points (grams × 10⁴), in BigInt.
 */
import { ContractError, ELEMENTS, MATERIAL_CHEMISTRY, type Assay, type Element, type ElementContent, type Material } from '../api';

/** A quantity of material with its element content. */
export interface ElementPart {
  readonly elementContent: ElementContent;
  readonly massGrams: number;
}

/** Element mass of a part, in gram-basis-points. */
export function elementUnits(part: ElementPart, element: Element): bigint {
  return BigInt(part.massGrams) * BigInt(part.elementContent[element] ?? 0);
}

/** Total element mass of parts, in gram-basis-points. */
export function totalUnits(parts: readonly ElementPart[], element: Element): bigint {
  return parts.reduce((sum, part) => sum + elementUnits(part, element), 0n);
}

/** Grams of element in gram-basis-points, rounded down. */
export function unitsToGrams(units: bigint): bigint {
  return units / 10_000n;
}

function declared(material: Material, assay: Assay | undefined): ElementContent {
  if (assay === undefined) {
    return {};
  }
  const main = MATERIAL_CHEMISTRY[material].main;
  if (assay.contentBasisPoints !== undefined && main === undefined) {
    throw new ContractError('INVALID_ARGUMENT', `${material} has no main element; declare its assay per element (assay.elements)`);
  }
  return { ...(main === undefined || assay.contentBasisPoints === undefined ? {} : { [main]: assay.contentBasisPoints }), ...assay.elements };
}

function compact(content: ElementContent): ElementContent {
  return Object.fromEntries(ELEMENTS.filter((element) => (content[element] ?? 0) > 0).map((element) => [element, content[element]]));
}

/**
 * The element content of a new lot of `material`: its reference composition, overridden by the declared assay.
 * @throws {@link ContractError} `INVALID_ARGUMENT` when the assay declares more of an element than the material
 * can hold (or an element it cannot contain)
 * @example
 * ```ts
 * elementContentOf('COBALT_SULFATE', { contentBasisPoints: 2090 }); // { COBALT: 2090 }
 * elementContentOf('COBALT_SULFATE', { contentBasisPoints: 10000 }); // throws: at most 3802 bp
 * ```
 */
export function elementContentOf(material: Material, assay: Assay | undefined): ElementContent {
  const chemistry = MATERIAL_CHEMISTRY[material];
  const content: Partial<Record<Element, number>> = { ...chemistry.reference, ...declared(material, assay) };
  for (const element of ELEMENTS) {
    const value = content[element] ?? 0;
    const maximum = chemistry.maximum[element] ?? 0;
    if (value > maximum) {
      throw new ContractError('INVALID_ARGUMENT', `${material} holds at most ${maximum} bp of ${element}; the assay declares ${value} bp`);
    }
  }
  return compact(content);
}

/** The element content of a mix of parts (a merge): mass-weighted, rounded down so a mix never gains an element. */
export function mixedContent(parts: readonly ElementPart[]): ElementContent {
  const mass = parts.reduce((sum, part) => sum + BigInt(part.massGrams), 0n);
  if (mass === 0n) {
    return {};
  }
  return compact(Object.fromEntries(ELEMENTS.map((element) => [element, Number(totalUnits(parts, element) / mass)])));
}

/**
 * Requires that the outputs hold no more of any element than the inputs did.
 * @throws {@link ContractError} `ELEMENT_NOT_CONSERVED` naming the element and both masses
 */
export function requireElementsConserved(inputs: readonly ElementPart[], outputs: readonly ElementPart[], what: string): void {
  for (const element of ELEMENTS) {
    const available = totalUnits(inputs, element);
    const produced = totalUnits(outputs, element);
    if (produced > available) {
      throw new ContractError(
        'ELEMENT_NOT_CONSERVED',
        `${what} would hold ${formatUnits(produced)} g of ${element}, its inputs only ${formatUnits(available)} g; declare the outputs' assays`,
      );
    }
  }
}

/** Gram-basis-points as grams with up to four decimals, for messages. */
export function formatUnits(units: bigint): string {
  const whole = units / 10_000n;
  const fraction = units % 10_000n;
  return fraction === 0n ? String(whole) : `${whole}.${String(fraction).padStart(4, '0').replace(/0+$/, '')}`;
}
