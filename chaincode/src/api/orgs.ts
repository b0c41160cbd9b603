/** The organisations of the battery-trace network, by key, with their MSP ids. */
export const ORGS = {
  mining: 'MiningMSP',
  manufacturing: 'ManufacturingMSP',
  recycling: 'RecyclingMSP',
  audit: 'AuditorMSP',
} as const;

/** An organisation key. */
export type OrgKey = keyof typeof ORGS;

/**
 * The consortium: every organisation whose peers endorse. Key-level policies name one of these besides a lone
 * owner, and the chaincode-level policy asks for two of them (docs/TRUST.md).
 */
export const CONSORTIUM_MSPS: readonly string[] = Object.values(ORGS);

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
