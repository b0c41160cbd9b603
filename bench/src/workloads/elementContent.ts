import { ELEMENTS, MATERIAL_CHEMISTRY, type Element, type ElementContent } from '../../../chaincode/src/api/chemistry';
import type { Material } from '../../../chaincode/src/api/enums';

/** A quantity of material taken into a transformation, with its element content (basis points of mass). */
export interface ContentPart {
  readonly massGrams: number;
  readonly content: ElementContent;
}

/**
 * The element content of a lot of `material` minted without an assay, as the benchmark mints: the material's
 * reference composition (`MATERIAL_CHEMISTRY`, chaincode/src/api/chemistry.ts).
 */
export function mintedContent(material: Material): ElementContent {
  return MATERIAL_CHEMISTRY[material].reference;
}

/**
 * The assay every output of a transformation declares so that the outputs, `outputGrams` in all, conserve each
 * element of `inputs`: per element, the input's element mass spread over the output mass, rounded down, and never
 * more than `material` can hold. Elements of the material's reference composition that the inputs lack are
 * declared as 0, so no output takes them from the reference.
 * @example
 * ```ts
 * // 3 t of cobalt ore at 30 bp Co → 2.7 t of hydroxide at ⌊9,000 g / 2.7 t⌋ = 33 bp Co
 * conservingAssay('COBALT_HYDROXIDE', [{ massGrams: 3_000_000, content: { COBALT: 30 } }], 2_700_000); // { elements: { COBALT: 33 } }
 * ```
 */
export function conservingAssay(material: Material, inputs: readonly ContentPart[], outputGrams: number): { elements: ElementContent } {
  const chemistry = MATERIAL_CHEMISTRY[material];
  const content = (element: Element): number => Math.min(chemistry.maximum[element] ?? 0, Math.floor(elementMass(inputs, element) / outputGrams));
  const declared = ELEMENTS.map((element) => [element, content(element)] as const).filter(
    ([element, basisPoints]) => basisPoints > 0 || chemistry.reference[element] !== undefined,
  );
  return { elements: Object.fromEntries(declared) };
}

/** Element mass of `parts` in gram-basis-points (grams × 10⁴), exact for the benchmark's masses. */
function elementMass(parts: readonly ContentPart[], element: Element): number {
  return parts.reduce((sum, part) => sum + part.massGrams * (part.content[element] ?? 0), 0);
}
