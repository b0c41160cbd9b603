/**
 * The battery passport view by access tier (Battery Pass data model v1.2 groups; EU Battery Regulation
 * Art. 77(2)): public; persons with a legitimate interest (repair, repurposing, recycling); legitimate interest
 * plus the Commission; notified bodies, market-surveillance authorities and the Commission; and the
 * manufacturer, who sees everything of its own batteries.
 */
import {
  ACCESS_TIERS,
  AUDITOR_MSP,
  CRITICAL_ELEMENTS,
  ORGS,
  type AccessTier,
  type Attestation,
  type Battery,
  type PassportRestricted,
  type PassportView,
} from '../api';

/**
 * The caller's tier for a battery: its manufacturer's organisation sees everything, the auditor organisation
 * has the authorities' tier, the recycling organisation (repair, repurposing, recycling) a legitimate
 * interest, everyone else the public tier.
 */
export function tierOf(callerMsp: string, battery: Pick<Battery, 'manufacturerMsp'>): AccessTier {
  if (callerMsp === battery.manufacturerMsp) {
    return 'MANUFACTURER';
  }
  if (callerMsp === AUDITOR_MSP) {
    return 'AUTHORITIES';
  }
  return callerMsp === ORGS.recycling ? 'LEGITIMATE_INTEREST' : 'PUBLIC';
}

/** Whether `tier` may see attributes of the `required` tier. */
export function canSee(tier: AccessTier, required: AccessTier): boolean {
  return ACCESS_TIERS.indexOf(tier) >= ACCESS_TIERS.indexOf(required);
}

/** The tier each non-public passport attribute requires. */
export const ATTRIBUTE_TIERS = {
  materials: 'LEGITIMATE_INTEREST',
  dismantlingInformationHash: 'LEGITIMATE_INTEREST',
  sparePartSources: 'LEGITIMATE_INTEREST',
  safetyMeasures: 'LEGITIMATE_INTEREST',
  stateOfHealth: 'LEGITIMATE_INTEREST',
  recovery: 'LEGITIMATE_INTEREST',
  partNumbers: 'LEGITIMATE_INTEREST_AND_COMMISSION',
  inputLots: 'LEGITIMATE_INTEREST_AND_COMMISSION',
  components: 'LEGITIMATE_INTEREST_AND_COMMISSION',
  testReportsHash: 'AUTHORITIES',
  thirdPartyAssurances: 'AUTHORITIES',
} as const satisfies Record<string, AccessTier>;

/** Where the restricted fields stand for this view. */
export interface RestrictedSource {
  /** The private data, when this peer holds it and it matches the battery's hash. */
  readonly data: PassportRestricted | undefined;
}

type Attribute = keyof typeof ATTRIBUTE_TIERS;

function gate(tier: AccessTier): <V>(attribute: Attribute, value: V) => V | undefined {
  return (attribute, value) => (canSee(tier, ATTRIBUTE_TIERS[attribute]) ? value : undefined);
}

function general(battery: Battery): PassportView['generalProductInformation'] {
  return {
    productId: battery.model,
    level: battery.level,
    category: battery.category,
    manufacturerMsp: battery.manufacturerMsp,
    manufacturingFacilityId: battery.manufacturingFacilityId,
    manufacturingCountry: battery.manufacturingCountry,
    manufacturedAt: battery.manufacturedAt,
    massGrams: battery.massGrams,
    status: battery.status,
    passportStatus: battery.passportStatus,
    predecessorId: battery.predecessorId,
    successorId: battery.successorId,
  };
}

function needsRestricted(tier: AccessTier): boolean {
  return canSee(tier, 'LEGITIMATE_INTEREST');
}

/**
 * Builds the passport view of a battery for a tier: public attributes always, the others only when the tier
 * covers them; restricted fields come from the private collection when this peer holds them.
 * @param attestations - the battery's attestations in force (third-party assurances)
 */
export function passportView(battery: Battery, tier: AccessTier, restricted: RestrictedSource, attestations: readonly Attestation[]): PassportView {
  const show = gate(tier);
  const data = restricted.data;
  const assurances = attestations.map((a) => ({ id: a.id, scheme: a.scheme, result: a.result, validUntil: a.validUntil }));
  return {
    passportId: battery.id,
    tier,
    generalProductInformation: general(battery),
    carbonFootprint: battery.carbonFootprint,
    supplyChainDueDiligence: { dueDiligenceReportHash: battery.dueDiligenceReportHash, thirdPartyAssurances: show('thirdPartyAssurances', assurances) },
    materialComposition: {
      chemistry: battery.chemistry,
      criticalRawMaterials: CRITICAL_ELEMENTS.filter((element) => battery.elements.some((e) => e.element === element && e.massGrams > 0)),
      hazardousSubstances: battery.hazardousSubstances,
      materials: show('materials', battery.materials),
      inputLots: show('inputLots', battery.lots),
      components: show('components', battery.components),
    },
    circularity: {
      recycledContent: battery.elements,
      endOfLifeInformation: battery.endOfLifeInformation,
      dismantlingInformationHash: show('dismantlingInformationHash', data?.dismantlingInformationHash),
      sparePartSources: show('sparePartSources', data?.sparePartSources),
      safetyMeasures: show('safetyMeasures', data?.safetyMeasures),
      recovery: show('recovery', battery.recovery),
    },
    performanceAndDurability: {
      ratedCapacityMilliampHours: battery.ratedCapacityMilliampHours,
      nominalVoltageMillivolts: battery.nominalVoltageMillivolts,
      ratedEnergyWattHours: battery.ratedEnergyWattHours,
      expectedLifetimeCycles: battery.expectedLifetimeCycles,
      stateOfHealth: show('stateOfHealth', battery.stateOfHealth),
    },
    labelsAndConformity: {
      labels: battery.labels,
      declarationOfConformityHash: battery.declarationOfConformityHash,
      partNumbers: show('partNumbers', data?.partNumbers),
      testReportsHash: show('testReportsHash', data?.testReportsHash),
    },
    restrictedDataAvailable: !needsRestricted(tier) || battery.restrictedDataHash === undefined || data !== undefined,
  };
}
