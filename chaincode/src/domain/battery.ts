/**
 * Batteries, pure: issuance from lots and component batteries (composition, recycled content and carbon
 * footprint computed from provenance), and the lifecycle with who may take each step.
 */
import {
  ContractError,
  type Battery,
  type BatteryStatus,
  type Draft,
  type Facility,
  type FacilityKind,
  type MaterialLot,
  type StateOfHealth,
} from '../api';
import { requireDistinct, sumGrams, toMass } from './mass';
import { carbonFootprintOf, materialsOf, ratedEnergyWattHours, recycledContent, type Ancestry, type ConsumedLot } from './provenanceContent';

/** Facility kinds that make each battery level. */
export const ISSUING_FACILITY_KINDS: Readonly<Record<Battery['level'], readonly FacilityKind[]>> = {
  CELL: ['CELL_PLANT'],
  MODULE: ['MODULE_PACK_PLANT', 'CELL_PLANT'],
  PACK: ['MODULE_PACK_PLANT', 'OEM'],
};

/** Facility kinds that take batteries back. */
export const COLLECTING_FACILITY_KINDS: readonly FacilityKind[] = ['COLLECTOR', 'RECYCLER', 'SECOND_LIFE', 'SERVICE_REPAIR'];

/** An issuance as the battery domain needs it (already validated, without the restricted fields). */
export interface IssueInput {
  readonly id: string;
  readonly level: Battery['level'];
  readonly category: Battery['category'];
  readonly model: string;
  readonly chemistry: Battery['chemistry'];
  readonly massGrams: number;
  readonly ratedCapacityMilliampHours: number;
  readonly nominalVoltageMillivolts: number;
  readonly expectedLifetimeCycles?: number;
  readonly hazardousSubstances: readonly string[];
  readonly labels: readonly string[];
  readonly declarationOfConformityHash?: string;
  readonly dueDiligenceReportHash?: string;
  readonly endOfLifeInformation?: string;
}

/** What issuance consumes: lots with the mass taken, component batteries, and the lots' ancestry. */
export interface IssueSources {
  readonly consumed: readonly ConsumedLot[];
  readonly components: readonly Battery[];
  readonly ancestry: Ancestry;
}

/**
 * Requires a facility of the given kinds owned by the caller's organisation.
 * @throws {@link ContractError} `FORBIDDEN` for another organisation's facility, `INVALID_STATE` for the wrong kind
 */
export function requireOwnFacility(facility: Facility, callerMsp: string, kinds: readonly FacilityKind[], action: string): void {
  if (facility.ownerMsp !== callerMsp) {
    throw new ContractError('FORBIDDEN', `${callerMsp} does not own facility ${facility.id} and may not ${action} there`);
  }
  if (!kinds.includes(facility.kind)) {
    throw new ContractError('INVALID_STATE', `facility ${facility.id} is a ${facility.kind}; ${action} needs one of ${kinds.join(', ')}`);
  }
}

function requireComponentsAvailable(components: readonly Battery[], facility: Facility, level: Battery['level']): void {
  for (const component of components) {
    if (component.level === 'PACK' || (level === 'MODULE' && component.level !== 'CELL') || level === 'CELL') {
      throw new ContractError('INVALID_ARGUMENT', `a ${level} cannot contain the ${component.level} ${component.id}`);
    }
    if (component.status !== 'MANUFACTURED' || component.integratedInto !== undefined || component.holderFacilityId !== facility.id) {
      throw new ContractError('INVALID_STATE', `battery ${component.id} is not a free ${component.level} held at facility ${facility.id}`);
    }
  }
}

function requireInputsFit(input: IssueInput, sources: IssueSources): void {
  const tracked = sumGrams([...sources.consumed.map((c) => c.massGrams), ...sources.components.map((c) => c.massGrams)]);
  if (tracked > BigInt(input.massGrams)) {
    throw new ContractError('MASS_NOT_CONSERVED', `the inputs weigh ${tracked} g, more than the battery's ${input.massGrams} g`);
  }
}

/**
 * Plans a new battery at a manufacturing facility: the lots (already reduced by the caller through the lot
 * domain) and components it consumes; its composition, recycled content and carbon footprint are computed.
 * @throws {@link ContractError} `INVALID_ARGUMENT`, `INVALID_STATE` or `MASS_NOT_CONSERVED`
 */
export function planBattery(input: IssueInput, facility: Facility, sources: IssueSources, now: string): Draft<Battery> {
  requireDistinct([input.id, ...sources.consumed.map((c) => c.lot.id), ...sources.components.map((c) => c.id)], 'the battery');
  requireComponentsAvailable(sources.components, facility, input.level);
  requireInputsFit(input, sources);
  const energy = ratedEnergyWattHours(input.ratedCapacityMilliampHours, input.nominalVoltageMillivolts);
  return {
    id: input.id,
    ownerMsp: facility.ownerMsp,
    level: input.level,
    category: input.category,
    model: input.model,
    chemistry: input.chemistry,
    massGrams: input.massGrams,
    ratedCapacityMilliampHours: input.ratedCapacityMilliampHours,
    nominalVoltageMillivolts: input.nominalVoltageMillivolts,
    ratedEnergyWattHours: energy,
    expectedLifetimeCycles: input.expectedLifetimeCycles,
    manufacturerMsp: facility.ownerMsp,
    manufacturingFacilityId: facility.id,
    manufacturingCountry: facility.country,
    manufacturedAt: now,
    holderFacilityId: facility.id,
    status: 'MANUFACTURED',
    passportStatus: 'ORIGINAL',
    lots: sources.consumed.map(({ lot, massGrams }) => ({ lotId: lot.id, material: lot.material, massGrams })),
    components: sources.components.map((component) => component.id),
    materials: materialsOf(sources.consumed, sources.components),
    elements: recycledContent(sources.consumed, sources.components, sources.ancestry),
    carbonFootprint: carbonFootprintOf(sources.consumed, sources.components, sources.ancestry, energy),
    hazardousSubstances: [...input.hazardousSubstances],
    labels: [...input.labels],
    declarationOfConformityHash: input.declarationOfConformityHash,
    dueDiligenceReportHash: input.dueDiligenceReportHash,
    endOfLifeInformation: input.endOfLifeInformation,
  };
}

/** A component after it went into a module or pack. */
export function integrated(component: Battery, parentId: string): Battery {
  return { ...component, integratedInto: parentId };
}

/**
 * Requires a battery in one of the given statuses that is not part of another battery.
 * @throws {@link ContractError} `INVALID_STATE`
 */
export function requireStatus(battery: Battery, statuses: readonly BatteryStatus[], action: string): void {
  if (battery.integratedInto !== undefined) {
    throw new ContractError('INVALID_STATE', `battery ${battery.id} is part of battery ${battery.integratedInto} and cannot ${action}`);
  }
  if (!statuses.includes(battery.status)) {
    throw new ContractError('INVALID_STATE', `battery ${battery.id} is ${battery.status} and cannot ${action}`);
  }
}

/**
 * Requires the caller's organisation to hold the battery.
 * @throws {@link ContractError} `FORBIDDEN`
 */
export function requireHolder(battery: Battery, callerMsp: string, action: string): void {
  if (battery.ownerMsp !== callerMsp) {
    throw new ContractError('FORBIDDEN', `${callerMsp} does not hold battery ${battery.id} and may not ${action}`);
  }
}

/** Places a manufactured battery on the market (its holder). */
export function placeOnMarket(battery: Battery, callerMsp: string, now: string): Battery {
  requireHolder(battery, callerMsp, 'place it on the market');
  requireStatus(battery, ['MANUFACTURED'], 'be placed on the market');
  return { ...battery, status: 'PLACED_ON_MARKET', placedOnMarketAt: now };
}

/** Puts a battery on the market into use (its holder). */
export function recordUse(battery: Battery, callerMsp: string): Battery {
  requireHolder(battery, callerMsp, 'put it into use');
  requireStatus(battery, ['PLACED_ON_MARKET'], 'be put into use');
  return { ...battery, status: 'IN_USE' };
}

/** Hands a battery to another facility (its holder); the facility's organisation becomes the holder. */
export function transferOwnership(battery: Battery, callerMsp: string, to: Facility): Battery {
  requireHolder(battery, callerMsp, 'hand it over');
  requireStatus(battery, ['MANUFACTURED', 'PLACED_ON_MARKET', 'IN_USE'], 'change hands');
  if (to.id === battery.holderFacilityId) {
    throw new ContractError('INVALID_ARGUMENT', `battery ${battery.id} is already at facility ${to.id}`);
  }
  return { ...battery, ownerMsp: to.ownerMsp, holderFacilityId: to.id };
}

/** A state-of-health reading as requested (already validated). */
export type StateOfHealthInput = Omit<StateOfHealth, 'recordedAt' | 'recordedBy'>;

/** Records a state-of-health reading (the holder, or the manufacturer from its battery management data). */
export function recordStateOfHealth(battery: Battery, callerMsp: string, reading: StateOfHealthInput, now: string): Battery {
  if (callerMsp !== battery.manufacturerMsp) {
    requireHolder(battery, callerMsp, 'record its state of health');
  }
  requireStatus(battery, ['MANUFACTURED', 'PLACED_ON_MARKET', 'IN_USE', 'COLLECTED'], 'get a state-of-health reading');
  return { ...battery, stateOfHealth: { ...reading, recordedAt: now, recordedBy: callerMsp } };
}

/** A collector, second-life operator, repairer or recycler takes a battery in at its own facility. */
export function collect(battery: Battery, callerMsp: string, facility: Facility, now: string): Battery {
  requireOwnFacility(facility, callerMsp, COLLECTING_FACILITY_KINDS, 'collect batteries');
  requireStatus(battery, ['PLACED_ON_MARKET', 'IN_USE'], 'be collected');
  const waste = facility.kind === 'COLLECTOR' || facility.kind === 'RECYCLER';
  return { ...battery, status: 'COLLECTED', ownerMsp: facility.ownerMsp, holderFacilityId: facility.id, collectedAt: now, passportStatus: waste ? 'WASTE' : battery.passportStatus };
}

/** A repurposing as requested (already validated). */
export interface RepurposeInput {
  readonly newBatteryId: string;
  readonly category: Battery['category'];
  readonly model: string;
  readonly massGrams?: number;
  readonly ratedCapacityMilliampHours: number;
  readonly nominalVoltageMillivolts: number;
  readonly expectedLifetimeCycles?: number;
  readonly labels: readonly string[];
  readonly declarationOfConformityHash?: string;
  readonly endOfLifeInformation?: string;
}

/** The predecessor retired by a repurposing and its successor. */
export interface RepurposePlan {
  readonly predecessor: Battery;
  readonly successor: Draft<Battery>;
}

/**
 * Repurposes a battery held at the caller's second-life facility: it becomes `REPURPOSED` and a new battery
 * with a new passport succeeds it, keeping its composition, recycled content and footprint; the second-life
 * operator becomes its manufacturer.
 * @throws {@link ContractError} `FORBIDDEN` or `INVALID_STATE`
 */
export function repurpose(battery: Battery, callerMsp: string, facility: Facility, input: RepurposeInput, now: string): RepurposePlan {
  requireOwnFacility(facility, callerMsp, ['SECOND_LIFE'], 'repurpose batteries');
  requireHolder(battery, callerMsp, 'repurpose it');
  requireStatus(battery, ['IN_USE', 'COLLECTED'], 'be repurposed');
  if (battery.holderFacilityId !== facility.id) {
    throw new ContractError('INVALID_STATE', `battery ${battery.id} is not at facility ${facility.id}`);
  }
  if (input.newBatteryId === battery.id) {
    throw new ContractError('INVALID_ARGUMENT', 'the repurposed battery needs a new id');
  }
  const energy = ratedEnergyWattHours(input.ratedCapacityMilliampHours, input.nominalVoltageMillivolts);
  const successor: Draft<Battery> = {
    ...withoutLifecycle(battery),
    id: input.newBatteryId,
    ownerMsp: facility.ownerMsp,
    category: input.category,
    model: input.model,
    massGrams: input.massGrams ?? battery.massGrams,
    ratedCapacityMilliampHours: input.ratedCapacityMilliampHours,
    nominalVoltageMillivolts: input.nominalVoltageMillivolts,
    ratedEnergyWattHours: energy,
    expectedLifetimeCycles: input.expectedLifetimeCycles,
    manufacturerMsp: facility.ownerMsp,
    manufacturingFacilityId: facility.id,
    manufacturingCountry: facility.country,
    manufacturedAt: now,
    holderFacilityId: facility.id,
    status: 'MANUFACTURED',
    passportStatus: 'REPURPOSED',
    lots: [],
    components: [],
    carbonFootprint: { ...battery.carbonFootprint, perKwhGramsCo2e: energy === 0 ? 0 : Math.floor((battery.carbonFootprint.totalGramsCo2e * 1000) / energy) },
    labels: [...input.labels],
    declarationOfConformityHash: input.declarationOfConformityHash,
    endOfLifeInformation: input.endOfLifeInformation ?? battery.endOfLifeInformation,
    predecessorId: battery.id,
  };
  return { predecessor: { ...battery, status: 'REPURPOSED', successorId: input.newBatteryId }, successor };
}

function withoutLifecycle(battery: Battery): Battery {
  const copy: Battery = { ...battery };
  for (const field of ['stateOfHealth', 'placedOnMarketAt', 'collectedAt', 'dismantledAt', 'recycledAt', 'recovery', 'successorId', 'restrictedDataHash', 'integratedInto'] as const) {
    Reflect.deleteProperty(copy, field);
  }
  return copy;
}

/** A recovered-material lot as requested (already validated). */
export interface RecoveredOutput {
  readonly id: string;
  readonly material: MaterialLot['material'];
  readonly massGrams: number;
  readonly assay?: MaterialLot['assay'];
  readonly carbonIntensity?: number;
}

/** A battery after recovery and the recovered lots. */
export interface RecoveryPlan {
  readonly battery: Battery;
  readonly lots: Draft<MaterialLot>[];
}

/** A recovered lot: post-consumer recycled material from a battery, in the recycler's custody. */
export function recoveredLot(output: RecoveredOutput, battery: Battery, facility: Facility): Draft<MaterialLot> {
  return {
    id: output.id,
    ownerMsp: facility.ownerMsp,
    material: output.material,
    massGrams: output.massGrams,
    initialMassGrams: output.massGrams,
    custodianFacilityId: facility.id,
    status: 'ACTIVE',
    custodyModel: 'SEGREGATED',
    origin: { kind: 'RECOVERED', sourceType: 'Battery', sourceId: battery.id },
    parents: [],
    assay: output.assay,
    carbonIntensity: output.carbonIntensity,
    claims: ['POST_CONSUMER_RECYCLED'],
  };
}

function recoverFrom(battery: Battery, facility: Facility, outputs: readonly RecoveredOutput[], lossGrams: number, exact: boolean): RecoveryPlan {
  requireDistinct([battery.id, ...outputs.map((output) => output.id)], 'the recovery');
  const before = battery.recovery ?? { recoveredLotIds: [], recoveredGrams: 0, lossGrams: 0 };
  const remaining = BigInt(battery.massGrams) - BigInt(before.recoveredGrams) - BigInt(before.lossGrams);
  const produced = sumGrams(outputs.map((output) => output.massGrams));
  const accounted = produced + BigInt(lossGrams);
  if (exact ? accounted !== remaining : accounted > remaining) {
    throw new ContractError('MASS_NOT_CONSERVED', `outputs plus losses of ${accounted} g must ${exact ? 'equal' : 'not exceed'} the ${remaining} g left of battery ${battery.id}`);
  }
  const recovery = {
    recoveredLotIds: [...before.recoveredLotIds, ...outputs.map((output) => output.id)],
    recoveredGrams: toMass(BigInt(before.recoveredGrams) + produced, 'the recovered mass'),
    lossGrams: before.lossGrams + lossGrams,
  };
  return { battery: { ...battery, recovery }, lots: outputs.map((output) => recoveredLot(output, battery, facility)) };
}

function requireRecycler(battery: Battery, callerMsp: string, facility: Facility, action: string): void {
  requireOwnFacility(facility, callerMsp, ['RECYCLER'], action);
  if (battery.holderFacilityId !== facility.id || battery.ownerMsp !== callerMsp) {
    throw new ContractError('FORBIDDEN', `battery ${battery.id} is not held at recycler ${facility.id}`);
  }
}

/**
 * Dismantles a collected battery at the recycler holding it; outputs (optional) and losses may not exceed its mass.
 * @param facility - the holder facility
 * @throws {@link ContractError} `FORBIDDEN`, `INVALID_STATE` or `MASS_NOT_CONSERVED`
 */
export function dismantle(battery: Battery, callerMsp: string, facility: Facility, outputs: readonly RecoveredOutput[], lossGrams: number, now: string): RecoveryPlan {
  requireRecycler(battery, callerMsp, facility, 'dismantle batteries');
  requireStatus(battery, ['COLLECTED'], 'be dismantled');
  const plan = recoverFrom(battery, facility, outputs, lossGrams, false);
  return { ...plan, battery: { ...plan.battery, status: 'DISMANTLED', dismantledAt: now, passportStatus: 'WASTE' } };
}

/**
 * Recycles a collected or dismantled battery at the recycler holding it: what is left of it becomes recovered
 * lots marked post-consumer recycled, plus losses (outputs + losses = the remaining mass).
 * @param facility - the holder facility
 * @throws {@link ContractError} `FORBIDDEN`, `INVALID_STATE` or `MASS_NOT_CONSERVED`
 */
export function recycle(battery: Battery, callerMsp: string, facility: Facility, outputs: readonly RecoveredOutput[], lossGrams: number, now: string): RecoveryPlan {
  requireRecycler(battery, callerMsp, facility, 'recycle batteries');
  requireStatus(battery, ['COLLECTED', 'DISMANTLED'], 'be recycled');
  const plan = recoverFrom(battery, facility, outputs, lossGrams, true);
  return { ...plan, battery: { ...plan.battery, status: 'RECYCLED', recycledAt: now, passportStatus: 'WASTE' } };
}
