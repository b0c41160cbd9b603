import type { Certification, Draft, Facility } from '../api';

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

/**
 * A new facility owned by the registering organisation. Its declared certifications are informational: claims
 * count only on an auditor's attestation.
 */
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
