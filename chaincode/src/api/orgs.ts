/** The organisations of the battery-trace network, by key, with their MSP ids. */
export const ORGS = {
  mining: 'MiningMSP',
  manufacturing: 'ManufacturingMSP',
  recycling: 'RecyclingMSP',
  audit: 'AuditorMSP',
} as const;

/** An organisation key. */
export type OrgKey = keyof typeof ORGS;

/** MSP id of the auditor organisation (attestations, dispute resolution, restricted views). */
export const AUDITOR_MSP = ORGS.audit;

/**
 * The name of an organisation's implicit private data collection (needs no collection config).
 * @example
 * ```ts
 * implicitCollection('MiningMSP'); // '_implicit_org_MiningMSP'
 * ```
 */
export function implicitCollection(mspId: string): string {
  return `_implicit_org_${mspId}`;
}
