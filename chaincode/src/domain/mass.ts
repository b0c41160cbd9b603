import { ContractError, MAX_MASS_GRAMS } from '../api';

/** Sums masses exactly (BigInt), so sums of up to 100 masses of 10^15 g never lose precision. */
export function sumGrams(values: readonly number[]): bigint {
  return values.reduce((total, value) => total + BigInt(value), 0n);
}

/**
 * Converts an exact sum back to a mass field.
 * @throws {@link ContractError} `INVALID_ARGUMENT` when it exceeds the largest mass a record holds
 */
export function toMass(total: bigint, what: string): number {
  if (total > BigInt(MAX_MASS_GRAMS)) {
    throw new ContractError('INVALID_ARGUMENT', `${what} exceeds ${MAX_MASS_GRAMS} g`);
  }
  return Number(total);
}

/** `part / whole` in basis points, rounded down. */
export function basisPoints(part: number, whole: number): number {
  return whole === 0 ? 0 : Number((BigInt(part) * 10_000n) / BigInt(whole));
}

/**
 * Fails when a list holds the same id twice.
 * @throws {@link ContractError} `INVALID_ARGUMENT`
 */
export function requireDistinct(ids: readonly string[], what: string): void {
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate !== undefined) {
    throw new ContractError('INVALID_ARGUMENT', `${what} names ${duplicate} more than once`);
  }
}
