/**
 * Embodied emissions, pure: CO2e is conserved. A mine declares the intensity of what it extracts; every other
 * lot's intensity follows from provenance — a transformation's outputs carry their inputs' emissions plus the
 * run's declared process emissions, allocated to the outputs by mass (losses carry none, so the emissions of
 * lost material stay with what was made), and a split or merge keeps the mass-weighted emissions. Nothing is
 * declared over what provenance gives.
 *
 * Intensities are in milligrams CO2e per kilogram, i.e. micrograms per gram, so that the emissions of `m` grams
 * at intensity `I` are exactly `m × I` micrograms. Derived intensities are rounded up: rounding may overstate a
 * lot by less than 1 mg CO2e per kg, never lose emissions.
 */
import { ContractError } from '../api';

/** A quantity of material with its intensity, if known. */
export interface CarbonPart {
  readonly massGrams: number;
  /** mg CO2e per kg; `undefined` when unknown. */
  readonly intensity: number | undefined;
}

/** mg CO2e per kg from a declared g CO2e per kg. */
export function fromGramsPerKg(gramsPerKg: number | undefined): number | undefined {
  return gramsPerKg === undefined ? undefined : gramsPerKg * 1000;
}

/** Micrograms CO2e of a part; `undefined` when its intensity is unknown. */
export function emissionsMicrograms(part: CarbonPart): bigint | undefined {
  return part.intensity === undefined ? undefined : BigInt(part.massGrams) * BigInt(part.intensity);
}

/** Total micrograms CO2e of parts; `undefined` when any part's intensity is unknown. */
export function totalEmissions(parts: readonly CarbonPart[]): bigint | undefined {
  let total = 0n;
  for (const part of parts) {
    const emissions = emissionsMicrograms(part);
    if (emissions === undefined) {
      return undefined;
    }
    total += emissions;
  }
  return total;
}

function toIntensity(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new ContractError('INVALID_ARGUMENT', 'the carbon intensity exceeds what a lot can record');
  }
  return Number(value);
}

/**
 * The intensity every output gets when `inputs` and `processGrams` of process emissions are allocated by mass
 * over `outputGrams` of outputs, rounded up; `undefined` when some input's intensity is unknown.
 * @example
 * ```ts
 * // 1 t of ore at 100 kg CO2e/kg concentrated to 100 kg: the concentrate carries all 100 t
 * allocatedIntensity([{ massGrams: 1_000_000, intensity: 100_000_000 }], 0, 100_000); // 1_000_000_000 mg/kg
 * ```
 */
export function allocatedIntensity(inputs: readonly CarbonPart[], processGrams: number, outputGrams: number): number | undefined {
  const emissions = totalEmissions(inputs);
  if (emissions === undefined || outputGrams <= 0) {
    return undefined;
  }
  const total = emissions + BigInt(processGrams) * 1_000_000n;
  const mass = BigInt(outputGrams);
  return toIntensity((total + mass - 1n) / mass);
}

/** Micrograms to grams CO2e, rounded up. */
export function microgramsToGrams(micrograms: bigint): bigint {
  return (micrograms + 999_999n) / 1_000_000n;
}
