import type { Certification, Claim, Draft, Facility } from '../api';

/** A registration request as the facility domain needs it (already validated). */
export interface FacilityInput {
  readonly id: string;
  readonly kind: Facility['kind'];
  readonly name: string;
  readonly country: Facility['country'];
  readonly geolocation?: Facility['geolocation'];
  readonly address?: string;
  readonly certifications: readonly Certification[];
}

/** A new facility owned by the registering organisation. */
export function newFacility(input: FacilityInput, ownerMsp: string): Draft<Facility> {
  return {
    id: input.id,
    ownerMsp,
    kind: input.kind,
    name: input.name,
    country: input.country,
    geolocation: input.geolocation,
    address: input.address,
    certifications: [...input.certifications],
  };
}

/** Certifications valid at a time (validFrom ≤ at < validUntil). */
export function validCertifications(facility: Facility, at: string): Certification[] {
  return facility.certifications.filter((certification) => certification.validFrom <= at && at < certification.validUntil);
}

/**
 * Tells whether a facility holds a certification valid at `at` that covers every claim (a certification
 * without a claim list covers any claim).
 */
export function isCertifiedFor(facility: Facility, claims: readonly Claim[], at: string): boolean {
  const valid = validCertifications(facility, at);
  return claims.every((claim) => valid.some((certification) => certification.claims === undefined || certification.claims.includes(claim)));
}
