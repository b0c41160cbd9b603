/**
 * The story's fixed cast: the facilities of each organisation, with real-looking names, places and
 * certifications. Ids here are suffixes; a run prefixes them with its run id.
 */

import type { Claim, CountryCode, FacilityKind, OrgKey } from '../../chaincode/src/api';

/** A certification held by a facility; valid from a year before the run to a year after it. */
export interface CertificationSpec {
  readonly scheme: string;
  readonly certificateId: string;
  readonly scope: string;
  readonly claims: readonly Claim[];
}

/** A facility of the story. */
export interface FacilitySpec {
  /** Id suffix, e.g. `MINE-CD-KOL`. */
  readonly key: string;
  readonly org: OrgKey;
  readonly kind: FacilityKind;
  readonly name: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: CountryCode;
  readonly latitude: number;
  readonly longitude: number;
  /**
   * Certification the owner declares and the auditor attests, if any. Only the auditor's attestation counts for
   * claims; the declaration is informational.
   */
  readonly certification?: CertificationSpec;
}

/** Every facility of the story, by role. */
export const facilities = {
  cobaltMineCertified: {
    key: 'MINE-CD-KOL',
    org: 'mining',
    kind: 'MINE',
    name: 'Kolwezi copper-cobalt mine',
    country: 'CD',
    latitude: -10.7167,
    longitude: 25.4667,
    certification: { scheme: 'IRMA 75', certificateId: 'IRMA-2024-CD-0117', scope: 'Responsible mining assessment: copper-cobalt ore extraction', claims: ['CERTIFIED_ORIGIN'] },
  },
  cobaltMineUncertified: {
    key: 'MINE-CD-KAS',
    org: 'mining',
    kind: 'MINE',
    name: 'Kasulo cobalt site',
    country: 'CD',
    latitude: -10.6986,
    longitude: 25.4891,
  },
  spodumeneMine: { key: 'MINE-AU-GRB', org: 'mining', kind: 'MINE', name: 'Greenbushes spodumene mine', country: 'AU', latitude: -33.8636, longitude: 116.0583 },
  lithiumBrine: { key: 'MINE-CL-ATA', org: 'mining', kind: 'MINE', name: 'Salar de Atacama brine operation', country: 'CL', latitude: -23.5, longitude: -68.25 },
  nickelMine: { key: 'MINE-ID-MOR', org: 'mining', kind: 'MINE', name: 'Morowali nickel laterite mine', country: 'ID', latitude: -2.8306, longitude: 122.1528 },
  manganeseMine: { key: 'MINE-ZA-KAL', org: 'mining', kind: 'MINE', name: 'Kalahari manganese mine', country: 'ZA', latitude: -27.15, longitude: 22.85 },
  cobaltRefinery: {
    key: 'REF-FI-KOK',
    org: 'mining',
    kind: 'REFINERY',
    name: 'Kokkola cobalt refinery',
    country: 'FI',
    latitude: 63.8385,
    longitude: 23.1307,
    certification: { scheme: 'RMI RMAP', certificateId: 'RMAP-CO-FI-0042', scope: 'Cobalt refiner due-diligence assessment (OECD Annex II) with mass-balance chain of custody for certified-origin feed', claims: ['CONFLICT_FREE', 'CERTIFIED_ORIGIN'] },
  },
  lithiumHydroxideRefinery: { key: 'REF-AU-KWI', org: 'mining', kind: 'REFINERY', name: 'Kwinana lithium hydroxide refinery', country: 'AU', latitude: -32.2333, longitude: 115.7667 },
  lithiumCarbonatePlant: { key: 'REF-CL-LNE', org: 'mining', kind: 'REFINERY', name: 'La Negra lithium carbonate plant', country: 'CL', latitude: -23.75, longitude: -70.3167 },
  nickelRefinery: { key: 'REF-ID-HPL', org: 'mining', kind: 'REFINERY', name: 'Morowali HPAL nickel sulfate plant', country: 'ID', latitude: -2.8167, longitude: 122.1667 },
  manganeseRefinery: { key: 'REF-ZA-NEL', org: 'mining', kind: 'REFINERY', name: 'Nelspruit manganese sulfate plant', country: 'ZA', latitude: -25.4753, longitude: 30.9694 },
  cathodePlant: {
    key: 'CAM-FI-HAM',
    org: 'manufacturing',
    kind: 'CAM_PLANT',
    name: 'Hamina cathode materials plant',
    country: 'FI',
    latitude: 60.5697,
    longitude: 27.1981,
    certification: { scheme: 'ISO 22095', certificateId: 'CoC-FI-HAM-0311', scope: 'Mass-balance chain of custody for certified-origin and recycled cathode feed', claims: ['CERTIFIED_ORIGIN', 'POST_CONSUMER_RECYCLED'] },
  },
  cellPlant: { key: 'CELL-SE-SKE', org: 'manufacturing', kind: 'CELL_PLANT', name: 'Skellefteå cell gigafactory', country: 'SE', latitude: 64.7507, longitude: 20.9528 },
  packPlant: { key: 'PACK-DE-ZWI', org: 'manufacturing', kind: 'MODULE_PACK_PLANT', name: 'Zwickau pack assembly (OEM)', country: 'DE', latitude: 50.7189, longitude: 12.4964 },
  collector: { key: 'COL-DE-BER', org: 'recycling', kind: 'COLLECTOR', name: 'Berlin battery take-back centre', country: 'DE', latitude: 52.52, longitude: 13.405 },
  secondLife: { key: 'SL-NL-AMS', org: 'recycling', kind: 'SECOND_LIFE', name: 'Amsterdam second-life storage', country: 'NL', latitude: 52.3676, longitude: 4.9041 },
  recycler: {
    key: 'REC-BE-HOB',
    org: 'recycling',
    kind: 'RECYCLER',
    name: 'Hoboken battery recycling plant',
    country: 'BE',
    latitude: 51.1747,
    longitude: 4.3436,
    certification: { scheme: 'UL 2809', certificateId: 'UL2809-BE-2291', scope: 'Recycled content validation: recovered metal salts from end-of-life batteries', claims: ['POST_CONSUMER_RECYCLED'] },
  },
} as const satisfies Record<string, FacilitySpec>;

/** A facility role of the story. */
export type FacilityRole = keyof typeof facilities;
