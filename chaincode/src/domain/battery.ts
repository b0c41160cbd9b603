/**
 * Batteries, pure: issuance from lots and component batteries (composition, recycled content and carbon
 * footprint computed from provenance), and the lifecycle with who may take each step.
 */
import {
  ContractError,
  ELEMENTS,
  type Battery,
  type BatteryHandover,
  type BatteryStatus,
  type Claim,
  type Draft,
  type Element,
  type Facility,
  type FacilityKind,
  type HandoverKind,
  type MaterialLot,
  type StateOfHealth,
} from '../api';
import { allocatedIntensity } from './carbon';
import { elementContentOf, formatUnits, totalUnits } from './elements';
import { newLotAt } from './lots';
import { requireDistinct, sumGrams, toMass } from './mass';
import { carbonFootprintOf, claimedContent, materialsOf, perKwh, ratedEnergyWattHours, recycledContent, type Ancestry, type ConsumedLot } from './provenanceContent';

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
  readonly processEmissionsGramsCo2e?: number;
}

/** What issuance consumes: lots with the mass taken, component batteries, and the lots' ancestry. */
export interface IssueSources {
  readonly consumed: readonly ConsumedLot[];
  readonly components: readonly Battery[];
  readonly ancestry: Ancestry;
  /** Whether the plant holds an auditor's attestation for a claim (labels it does not hold lapse). */
  readonly attested: (claim: Claim) => boolean;
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
    if (component.status !== 'MANUFACTURED' || component.integratedInto !== undefined || component.holderFacilityId !== facility.id || component.pendingHandoverId !== undefined) {
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
    claims: claimedContent(sources.consumed, sources.components, sources.attested),
    carbonFootprint: carbonFootprintOf(sources.consumed, sources.components, input.processEmissionsGramsCo2e ?? 0, energy),
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
  if (battery.pendingHandoverId !== undefined) {
    throw new ContractError('INVALID_STATE', `battery ${battery.id} waits on handover ${battery.pendingHandoverId} and cannot ${action}`);
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

/** Statuses from which a battery can be offered, per handover kind. */
const HANDOVER_FROM: Readonly<Record<HandoverKind, readonly BatteryStatus[]>> = {
  OWNERSHIP: ['MANUFACTURED', 'PLACED_ON_MARKET', 'IN_USE', 'COLLECTED'],
  COLLECTION: ['PLACED_ON_MARKET', 'IN_USE'],
};

/** A handover proposal as requested (already validated). */
export interface HandoverInput {
  readonly id: string;
  readonly kind: HandoverKind;
}

/** A new handover and the battery waiting on it. */
export interface HandoverPlan {
  readonly handover: Draft<BatteryHandover>;
  readonly battery: Battery;
}

function requireHandoverDestination(battery: Battery, kind: HandoverKind, to: Facility): void {
  if (to.id === battery.holderFacilityId) {
    throw new ContractError('INVALID_ARGUMENT', `battery ${battery.id} is already at facility ${to.id}`);
  }
  const collected = kind === 'COLLECTION' || battery.status === 'COLLECTED';
  if (collected && !COLLECTING_FACILITY_KINDS.includes(to.kind)) {
    throw new ContractError('INVALID_ARGUMENT', `facility ${to.id} is a ${to.kind}; a battery at end of use goes to one of ${COLLECTING_FACILITY_KINDS.join(', ')}`);
  }
}

/**
 * The holder offers a battery to another facility: a change of ownership, or a collection at end of use.
 * Nothing changes hands until the receiving organisation accepts; meanwhile the battery cannot change.
 * @throws {@link ContractError} `FORBIDDEN` unless the caller holds it, `INVALID_STATE` for its status, `INVALID_ARGUMENT` for the destination
 */
export function proposeHandover(battery: Battery, callerMsp: string, to: Facility, input: HandoverInput): HandoverPlan {
  requireHolder(battery, callerMsp, 'hand it over');
  requireStatus(battery, HANDOVER_FROM[input.kind], input.kind === 'COLLECTION' ? 'be collected' : 'change hands');
  requireHandoverDestination(battery, input.kind, to);
  const handover: Draft<BatteryHandover> = {
    id: input.id,
    ownerMsp: battery.ownerMsp,
    batteryId: battery.id,
    kind: input.kind,
    fromFacilityId: battery.holderFacilityId,
    toFacilityId: to.id,
    senderMsp: battery.ownerMsp,
    receiverMsp: to.ownerMsp,
    status: 'PROPOSED',
  };
  return { handover, battery: { ...battery, pendingHandoverId: input.id } };
}

/** A handover and its battery after a step. */
export interface HandoverStep {
  readonly handover: BatteryHandover;
  readonly battery: Battery;
}

function requireOpen(handover: BatteryHandover, battery: Battery): void {
  if (handover.status !== 'PROPOSED' || battery.pendingHandoverId !== handover.id) {
    throw new ContractError('INVALID_STATE', `handover ${handover.id} is ${handover.status}`);
  }
}

/**
 * The receiving organisation accepts: the battery moves to the facility and its organisation becomes the
 * holder; a collection marks it collected (and waste at a collector or recycler).
 * @throws {@link ContractError} `FORBIDDEN` unless the caller is the receiver, `INVALID_STATE` unless open
 */
export function acceptHandover(handover: BatteryHandover, battery: Battery, callerMsp: string, to: Facility, now: string): HandoverStep {
  if (callerMsp !== handover.receiverMsp) {
    throw new ContractError('FORBIDDEN', `${callerMsp} is not the receiver of handover ${handover.id}`);
  }
  requireOpen(handover, battery);
  const moved: Battery = { ...battery, ownerMsp: to.ownerMsp, holderFacilityId: to.id, pendingHandoverId: undefined };
  const waste = to.kind === 'COLLECTOR' || to.kind === 'RECYCLER';
  const next: Battery =
    handover.kind === 'COLLECTION'
      ? { ...moved, status: 'COLLECTED', collectedAt: now, passportStatus: waste ? 'WASTE' : battery.passportStatus }
      : { ...moved, passportStatus: battery.status === 'COLLECTED' && waste ? 'WASTE' : battery.passportStatus };
  return { handover: { ...handover, status: 'ACCEPTED' }, battery: next };
}

/**
 * Ends an open handover without moving the battery: rejected by the receiver or cancelled by the sender.
 * @throws {@link ContractError} `FORBIDDEN` for anyone else, `INVALID_STATE` unless open
 */
export function closeHandover(handover: BatteryHandover, battery: Battery, callerMsp: string, status: 'REJECTED' | 'CANCELLED', reason: string | undefined): HandoverStep {
  const party = status === 'REJECTED' ? handover.receiverMsp : handover.senderMsp;
  if (callerMsp !== party) {
    throw new ContractError('FORBIDDEN', `only ${party} may ${status === 'REJECTED' ? 'reject' : 'cancel'} handover ${handover.id}`);
  }
  requireOpen(handover, battery);
  return { handover: { ...handover, status, reason }, battery: { ...battery, pendingHandoverId: undefined } };
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
    carbonFootprint: { ...battery.carbonFootprint, perKwhGramsCo2e: perKwh(battery.carbonFootprint.totalGramsCo2e, energy) },
    labels: [...input.labels],
    declarationOfConformityHash: input.declarationOfConformityHash,
    endOfLifeInformation: input.endOfLifeInformation ?? battery.endOfLifeInformation,
    predecessorId: battery.id,
  };
  return { predecessor: { ...battery, status: 'REPURPOSED', successorId: input.newBatteryId }, successor };
}

function withoutLifecycle(battery: Battery): Battery {
  const copy: Battery = { ...battery };
  for (const field of ['stateOfHealth', 'placedOnMarketAt', 'collectedAt', 'dismantledAt', 'recycledAt', 'recovery', 'successorId', 'restrictedDataHash', 'integratedInto', 'pendingHandoverId'] as const) {
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
}

/** A recovery as requested (already validated). */
export interface RecoveryInput {
  readonly outputs: readonly RecoveredOutput[];
  readonly lossGrams: number;
  readonly processEmissionsGramsCo2e?: number;
}

/** A battery after recovery and the recovered lots. */
export interface RecoveryPlan {
  readonly battery: Battery;
  readonly lots: Draft<MaterialLot>[];
}

/**
 * A recovered lot: post-consumer recycled material from a battery, in the recycler's custody, labelled
 * post-consumer recycled when it holds a conserved element. Cut-off rule: it carries the recovery's process
 * emissions, not the battery's own.
 */
export function recoveredLot(output: RecoveredOutput, battery: Battery, facility: Facility, intensity: number | undefined): Draft<MaterialLot> {
  const elementContent = elementContentOf(output.material, output.assay);
  // material holding none of the conserved elements (housings, foils, plastics) is outside what recycled
  // content counts, so it carries no recycled claim that a credit could later stretch over other material
  const batteryMaterial = Object.values(elementContent).some((content) => content > 0);
  return {
    ...newLotAt(facility, output.id, output.material, output.massGrams),
    custodyModel: 'SEGREGATED',
    origin: { kind: 'RECOVERED', sourceType: 'Battery', sourceId: battery.id },
    parents: [],
    assay: output.assay,
    elementContent,
    carbonIntensityMgPerKg: intensity,
    claims: batteryMaterial ? ['POST_CONSUMER_RECYCLED'] : [],
  };
}

function recoveredElements(battery: Battery, drafts: readonly Draft<MaterialLot>[]): { element: Element; massGrams: number }[] {
  const before = battery.recovery?.elements ?? [];
  const result: { element: Element; massGrams: number }[] = [];
  for (const element of ELEMENTS) {
    const previous = BigInt(before.find((entry) => entry.element === element)?.massGrams ?? 0) * 10_000n;
    const recovered = previous + totalUnits(drafts, element);
    const available = BigInt(battery.elements.find((entry) => entry.element === element)?.massGrams ?? 0) * 10_000n;
    if (recovered > available) {
      throw new ContractError(
        'ELEMENT_NOT_CONSERVED',
        `battery ${battery.id} holds ${formatUnits(available)} g of ${element} by its provenance; the recovered lots would hold ${formatUnits(recovered)} g`,
      );
    }
    if (recovered > 0n) {
      // rounded up, so that the next recovery from the same battery is bounded by what truly remains
      result.push({ element, massGrams: Number((recovered + 9_999n) / 10_000n) });
    }
  }
  return result;
}

function recoverFrom(battery: Battery, facility: Facility, input: RecoveryInput, exact: boolean): RecoveryPlan {
  requireDistinct([battery.id, ...input.outputs.map((output) => output.id)], 'the recovery');
  const before = battery.recovery ?? { recoveredLotIds: [], recoveredGrams: 0, lossGrams: 0, elements: [] };
  const remaining = BigInt(battery.massGrams) - BigInt(before.recoveredGrams) - BigInt(before.lossGrams);
  const produced = sumGrams(input.outputs.map((output) => output.massGrams));
  const accounted = produced + BigInt(input.lossGrams);
  if (exact ? accounted !== remaining : accounted > remaining) {
    throw new ContractError('MASS_NOT_CONSERVED', `outputs plus losses of ${accounted} g must ${exact ? 'equal' : 'not exceed'} the ${remaining} g left of battery ${battery.id}`);
  }
  const intensity = input.processEmissionsGramsCo2e === undefined ? undefined : allocatedIntensity([], input.processEmissionsGramsCo2e, toMass(produced, 'the recovered mass'));
  const lots = input.outputs.map((output) => recoveredLot(output, battery, facility, intensity));
  const recovery = {
    recoveredLotIds: [...before.recoveredLotIds, ...input.outputs.map((output) => output.id)],
    recoveredGrams: toMass(BigInt(before.recoveredGrams) + produced, 'the recovered mass'),
    lossGrams: before.lossGrams + input.lossGrams,
    elements: recoveredElements(battery, lots),
  };
  return { battery: { ...battery, recovery }, lots };
}

function requireRecycler(battery: Battery, callerMsp: string, facility: Facility, action: string): void {
  requireOwnFacility(facility, callerMsp, ['RECYCLER'], action);
  if (battery.holderFacilityId !== facility.id || battery.ownerMsp !== callerMsp) {
    throw new ContractError('FORBIDDEN', `battery ${battery.id} is not held at recycler ${facility.id}`);
  }
  if (battery.passportStatus !== 'WASTE') {
    throw new ContractError('INVALID_STATE', `battery ${battery.id} has not reached waste status (it is ${battery.passportStatus}); only waste batteries are recycled`);
  }
}

/**
 * Dismantles a collected waste battery at the recycler holding it; outputs (optional) and losses may not exceed
 * its mass, and the outputs may not hold more of any element than the battery's provenance gives it.
 * @param facility - the holder facility
 * @throws {@link ContractError} `FORBIDDEN`, `INVALID_STATE`, `MASS_NOT_CONSERVED` or `ELEMENT_NOT_CONSERVED`
 */
export function dismantle(battery: Battery, callerMsp: string, facility: Facility, input: RecoveryInput, now: string): RecoveryPlan {
  requireRecycler(battery, callerMsp, facility, 'dismantle batteries');
  requireStatus(battery, ['COLLECTED'], 'be dismantled');
  const plan = recoverFrom(battery, facility, input, false);
  return { ...plan, battery: { ...plan.battery, status: 'DISMANTLED', dismantledAt: now, passportStatus: 'WASTE' } };
}

/**
 * Recycles a collected or dismantled waste battery at the recycler holding it: what is left of it becomes
 * recovered lots marked post-consumer recycled, plus losses (outputs + losses = the remaining mass), never more
 * of an element than the battery's provenance gives it.
 * @param facility - the holder facility
 * @throws {@link ContractError} `FORBIDDEN`, `INVALID_STATE`, `MASS_NOT_CONSERVED` or `ELEMENT_NOT_CONSERVED`
 */
export function recycle(battery: Battery, callerMsp: string, facility: Facility, input: RecoveryInput, now: string): RecoveryPlan {
  requireRecycler(battery, callerMsp, facility, 'recycle batteries');
  requireStatus(battery, ['COLLECTED', 'DISMANTLED'], 'be recycled');
  const plan = recoverFrom(battery, facility, input, true);
  return { ...plan, battery: { ...plan.battery, status: 'RECYCLED', recycledAt: now, passportStatus: 'WASTE' } };
}
