import { Context, Info, Returns, Transaction } from 'fabric-contract-api';
import { BatteryTraceContract } from './BatteryTraceContract';
import {
  acceptHandoverRequestSchema,
  BATTERY_TRANSACTIONS as TX,
  batteryActionRequestSchema,
  byIdRequestSchema,
  closeHandoverRequestSchema,
  ContractError,
  CONTRACTS,
  dismantleBatteryRequestSchema,
  issueBatteryRequestSchema,
  PASSPORT_RESTRICTED_TRANSIENT_KEY,
  passportRestrictedSchema,
  proposeHandoverRequestSchema,
  qualifiedName,
  recordStateOfHealthRequestSchema,
  recycleBatteryRequestSchema,
  repurposeBatteryRequestSchema,
  type Battery,
  type BatteryHandover,
  type Claim,
  type Draft,
  type HandoverResult,
  type MaterialLot,
  type PassportView,
  type RecordHistory,
  type Facility,
  type RecoveryResult,
  type RepurposeResult,
} from '../api';
import * as batteries from '../domain/battery';
import { requireActive, takeFromLot } from '../domain/lots';
import { canSee, passportView, tierOf } from '../domain/passport';
import type { ConsumedLot } from '../domain/provenanceContent';
import {
  BATTERY,
  BATTERY_HANDOVER,
  createLot,
  evaluate,
  FACILITY,
  getRestrictedPassport,
  attestedClaims,
  linkProvenance,
  loadAncestry,
  MATERIAL_LOT,
  putRestrictedPassport,
  requireCertification,
  saveLot,
  submit,
  validAttestationsOf,
  type Ledger,
  type Tx,
} from '../state';
import type { z } from 'zod';

const name = (transaction: string): string => qualifiedName(CONTRACTS.battery, transaction);

type IssueRequest = z.output<typeof issueBatteryRequestSchema>;

/** Reads the lots a battery consumes: each must be active at the facility. */
async function consumeLots(ledger: Ledger, facilityId: string, requested: IssueRequest['lots']): Promise<{ consumed: ConsumedLot[]; after: MaterialLot[] }> {
  const consumed: ConsumedLot[] = [];
  const after: MaterialLot[] = [];
  for (const { lotId, massGrams } of requested) {
    const lot = await ledger.require(MATERIAL_LOT, lotId);
    requireActive(lot, 'go into a battery');
    if (lot.custodianFacilityId !== facilityId) {
      throw new ContractError('INVALID_STATE', `lot ${lot.id} is not in the custody of facility ${facilityId}`);
    }
    consumed.push({ lot, massGrams });
    after.push(takeFromLot(lot, massGrams, 'go into a battery'));
  }
  return { consumed, after };
}

/** Stores the transient restricted passport fields, if any; returns their hash. */
async function storeRestricted(tx: Tx, batteryId: string, ownerMsp: string): Promise<string | undefined> {
  const data = tx.transient(PASSPORT_RESTRICTED_TRANSIENT_KEY, passportRestrictedSchema);
  return data === undefined ? undefined : putRestrictedPassport(tx.ledger, batteryId, ownerMsp, data);
}

/** The claims an auditor attests the facility for now: the labels of lots and components it consumes count only for these. */
async function attestedFor(ledger: Ledger, facility: Facility, consumed: readonly ConsumedLot[], components: readonly Battery[]): Promise<(claim: Claim) => boolean> {
  const carried = [...consumed.flatMap(({ lot }) => lot.claims), ...components.flatMap((component) => component.claims.map((entry) => entry.claim))];
  const attested = await attestedClaims(ledger, facility, [...new Set(carried)]);
  return (claim) => attested.has(claim);
}

async function issue(tx: Tx, req: IssueRequest): Promise<Battery> {
  const { ledger, caller } = tx;
  const facility = await ledger.require(FACILITY, req.facilityId);
  batteries.requireOwnFacility(facility, caller.mspId, batteries.ISSUING_FACILITY_KINDS[req.level], `issue ${req.level} batteries`);
  const { consumed, after } = await consumeLots(ledger, facility.id, req.lots);
  const components: Battery[] = [];
  for (const id of req.components) {
    components.push(await ledger.require(BATTERY, id));
  }
  const ancestry = await loadAncestry(ledger, consumed.map((c) => c.lot.id));
  const attested = await attestedFor(ledger, facility, consumed, components);
  const draft = batteries.planBattery(req, facility, { consumed, components, ancestry, attested }, ledger.now);
  const battery = await ledger.create(BATTERY, { ...draft, restrictedDataHash: await storeRestricted(tx, req.id, facility.ownerMsp) });
  const owners = [battery.ownerMsp];
  for (const lot of after) {
    await saveLot(ledger, lot);
  }
  for (const { lot, massGrams } of consumed) {
    await linkProvenance(ledger, { parentType: MATERIAL_LOT.name, parentId: lot.id, childType: BATTERY.name, childId: battery.id, massGrams }, owners);
  }
  for (const component of components) {
    await ledger.update(BATTERY, batteries.integrated(component, battery.id));
    await linkProvenance(ledger, { parentType: BATTERY.name, parentId: component.id, childType: BATTERY.name, childId: battery.id, massGrams: component.massGrams }, owners);
  }
  return battery;
}

type RecoveryPlanner = (battery: Battery, callerMsp: string, facility: Facility, input: batteries.RecoveryInput, now: string) => batteries.RecoveryPlan;

/**
 * Recovers material from a waste battery at the attested recycler holding it: the recovered lots are
 * post-consumer recycled, so the recycler must hold an auditor's attestation for that claim in force.
 */
async function recover(ledger: Ledger, callerMsp: string, input: batteries.RecoveryInput & { batteryId: string }, planner: RecoveryPlanner): Promise<RecoveryResult> {
  const battery = await ledger.require(BATTERY, input.batteryId);
  const facility = await ledger.require(FACILITY, battery.holderFacilityId);
  const plan = planner(battery, callerMsp, facility, input, ledger.now);
  await requireCertification(ledger, facility, ['POST_CONSUMER_RECYCLED'], `recover post-consumer recycled material from battery ${battery.id}`);
  const updated = await ledger.update(BATTERY, plan.battery);
  const lots: MaterialLot[] = [];
  for (const draft of plan.lots) {
    const lot = await createLot(ledger, draft);
    await linkProvenance(ledger, { parentType: BATTERY.name, parentId: battery.id, childType: MATERIAL_LOT.name, childId: lot.id, massGrams: lot.massGrams }, [lot.ownerMsp]);
    lots.push(lot);
  }
  return { battery: updated, lots };
}

async function loadHandover(ledger: Ledger, handoverId: string): Promise<{ handover: BatteryHandover; battery: Battery }> {
  const handover = await ledger.require(BATTERY_HANDOVER, handoverId);
  return { handover, battery: await ledger.require(BATTERY, handover.batteryId) };
}

async function saveHandover(ledger: Ledger, step: batteries.HandoverStep): Promise<HandoverResult> {
  return { handover: await ledger.update(BATTERY_HANDOVER, step.handover), battery: await ledger.update(BATTERY, step.battery) };
}

function step(ctx: Context, transaction: string, request: string, change: (ledger: Ledger, callerMsp: string, battery: Battery) => Battery | Promise<Battery>): Promise<Battery> {
  return submit(ctx, name(transaction), batteryActionRequestSchema, request, async ({ ledger, caller }, req) => {
    const battery = await ledger.require(BATTERY, req.batteryId);
    return ledger.update(BATTERY, await change(ledger, caller.mspId, battery));
  });
}

/**
 * Batteries and their passports: issuance by a manufacturer from lots and component batteries (composition,
 * recycled content and carbon footprint computed from provenance), the lifecycle (placed on market, in use,
 * state of health, repurposed with a new linked passport, collected, dismantled, recycled into recovered
 * lots), and the passport view by the caller's access tier.
 */
@Info({ title: 'battery', description: 'Batteries and battery passports' })
export class BatteryContract extends BatteryTraceContract {
  constructor() {
    super(CONTRACTS.battery);
  }

  /**
   * Issues a cell, module or pack at a plant of the caller's organisation, consuming lots held there (mass taken
   * from each) and free component batteries. Restricted passport fields travel as transient data under
   * `passportRestricted` and stay in the `passportRestricted` collection; the battery keeps their hash.
   */
  @Transaction()
  @Returns('Battery')
  public IssueBattery(ctx: Context, request: string): Promise<Battery> {
    return submit(ctx, name(TX.IssueBattery), issueBatteryRequestSchema, request, issue);
  }

  /** Places a manufactured battery on the market (its holder). */
  @Transaction()
  @Returns('Battery')
  public PlaceOnMarket(ctx: Context, request: string): Promise<Battery> {
    return step(ctx, TX.PlaceOnMarket, request, (ledger, msp, battery) => batteries.placeOnMarket(battery, msp, ledger.now));
  }

  /** Records that a battery on the market is in use (its holder). */
  @Transaction()
  @Returns('Battery')
  public RecordUse(ctx: Context, request: string): Promise<Battery> {
    return step(ctx, TX.RecordUse, request, (_ledger, msp, battery) => batteries.recordUse(battery, msp));
  }

  /**
   * Offers a battery to another facility (its holder): a change of ownership, or a collection at end of use.
   * Nothing moves until the receiving organisation accepts.
   */
  @Transaction()
  @Returns('HandoverResult')
  public ProposeHandover(ctx: Context, request: string): Promise<HandoverResult> {
    return submit(ctx, name(TX.ProposeHandover), proposeHandoverRequestSchema, request, async ({ ledger, caller }, req) => {
      const battery = await ledger.require(BATTERY, req.batteryId);
      const to = await ledger.require(FACILITY, req.toFacilityId);
      const plan = batteries.proposeHandover(battery, caller.mspId, to, req);
      return { handover: await ledger.create(BATTERY_HANDOVER, plan.handover), battery: await ledger.update(BATTERY, plan.battery) };
    });
  }

  /** Accepts a proposed handover (the receiving organisation): the battery moves to the receiving facility. */
  @Transaction()
  @Returns('HandoverResult')
  public AcceptHandover(ctx: Context, request: string): Promise<HandoverResult> {
    return submit(ctx, name(TX.AcceptHandover), acceptHandoverRequestSchema, request, async ({ ledger, caller }, req) => {
      const { handover, battery } = await loadHandover(ledger, req.handoverId);
      const to = await ledger.require(FACILITY, handover.toFacilityId);
      return saveHandover(ledger, batteries.acceptHandover(handover, battery, caller.mspId, to, ledger.now));
    });
  }

  /** Rejects a proposed handover (the receiving organisation); the battery stays with its holder. */
  @Transaction()
  @Returns('HandoverResult')
  public RejectHandover(ctx: Context, request: string): Promise<HandoverResult> {
    return submit(ctx, name(TX.RejectHandover), closeHandoverRequestSchema, request, async ({ ledger, caller }, req) => {
      const { handover, battery } = await loadHandover(ledger, req.handoverId);
      return saveHandover(ledger, batteries.closeHandover(handover, battery, caller.mspId, 'REJECTED', req.reason));
    });
  }

  /** Cancels a proposed handover (the holder that proposed it). */
  @Transaction()
  @Returns('HandoverResult')
  public CancelHandover(ctx: Context, request: string): Promise<HandoverResult> {
    return submit(ctx, name(TX.CancelHandover), closeHandoverRequestSchema, request, async ({ ledger, caller }, req) => {
      const { handover, battery } = await loadHandover(ledger, req.handoverId);
      return saveHandover(ledger, batteries.closeHandover(handover, battery, caller.mspId, 'CANCELLED', req.reason));
    });
  }

  /** Reads a battery handover. */
  @Transaction(false)
  @Returns('BatteryHandover')
  public GetHandover(ctx: Context, request: string): Promise<BatteryHandover> {
    return evaluate(ctx, name(TX.GetHandover), byIdRequestSchema, request, ({ ledger }, req) => ledger.require(BATTERY_HANDOVER, req.id));
  }

  /** Records a state-of-health reading (the holder, or the manufacturer). */
  @Transaction()
  @Returns('Battery')
  public RecordStateOfHealth(ctx: Context, request: string): Promise<Battery> {
    return submit(ctx, name(TX.RecordStateOfHealth), recordStateOfHealthRequestSchema, request, async ({ ledger, caller }, req) => {
      const { batteryId, ...reading } = req;
      const battery = await ledger.require(BATTERY, batteryId);
      return ledger.update(BATTERY, batteries.recordStateOfHealth(battery, caller.mspId, reading, ledger.now));
    });
  }

  /** Repurposes a battery at the caller's second-life facility: a new battery with a new passport succeeds it. */
  @Transaction()
  @Returns('RepurposeResult')
  public Repurpose(ctx: Context, request: string): Promise<RepurposeResult> {
    return submit(ctx, name(TX.Repurpose), repurposeBatteryRequestSchema, request, async (tx, req) => {
      const { ledger, caller } = tx;
      const battery = await ledger.require(BATTERY, req.batteryId);
      const facility = await ledger.require(FACILITY, req.facilityId);
      const plan = batteries.repurpose(battery, caller.mspId, facility, req, ledger.now);
      const successorDraft: Draft<Battery> = { ...plan.successor, restrictedDataHash: await storeRestricted(tx, req.newBatteryId, facility.ownerMsp) };
      const predecessor = await ledger.update(BATTERY, plan.predecessor);
      const successor = await ledger.create(BATTERY, successorDraft);
      await linkProvenance(ledger, { parentType: BATTERY.name, parentId: predecessor.id, childType: BATTERY.name, childId: successor.id, massGrams: successor.massGrams }, [successor.ownerMsp]);
      return { predecessor, battery: successor };
    });
  }

  /**
   * Dismantles a collected waste battery at the attested recycler holding it; optional outputs become recovered
   * lots, never holding more of an element than the battery's provenance gives it.
   */
  @Transaction()
  @Returns('RecoveryResult')
  public Dismantle(ctx: Context, request: string): Promise<RecoveryResult> {
    return submit(ctx, name(TX.Dismantle), dismantleBatteryRequestSchema, request, ({ ledger, caller }, req) => recover(ledger, caller.mspId, req, batteries.dismantle));
  }

  /**
   * Recycles what is left of a waste battery at the attested recycler holding it into recovered lots marked
   * post-consumer recycled, never holding more of an element than the battery's provenance gives it.
   */
  @Transaction()
  @Returns('RecoveryResult')
  public Recycle(ctx: Context, request: string): Promise<RecoveryResult> {
    return submit(ctx, name(TX.Recycle), recycleBatteryRequestSchema, request, ({ ledger, caller }, req) => recover(ledger, caller.mspId, req, batteries.recycle));
  }

  /** Reads a battery record. */
  @Transaction(false)
  @Returns('Battery')
  public GetBattery(ctx: Context, request: string): Promise<Battery> {
    return evaluate(ctx, name(TX.GetBattery), byIdRequestSchema, request, ({ ledger }, req) => ledger.require(BATTERY, req.id));
  }

  /** The passport view for the caller's access tier. */
  @Transaction(false)
  @Returns('PassportView')
  public GetPassport(ctx: Context, request: string): Promise<PassportView> {
    return evaluate(ctx, name(TX.GetPassport), byIdRequestSchema, request, async ({ ledger, caller }, req) => {
      const battery = await ledger.require(BATTERY, req.id);
      const tier = tierOf(caller.mspId, battery);
      const data = canSee(tier, 'LEGITIMATE_INTEREST') ? await getRestrictedPassport(ledger, battery) : undefined;
      const attestations = canSee(tier, 'AUTHORITIES') ? await validAttestationsOf(ledger, { type: 'Battery', id: battery.id }) : [];
      return passportView(battery, tier, { data }, attestations);
    });
  }

  /** Every version of a battery record, oldest first, each chained to the one before. */
  @Transaction(false)
  @Returns('BatteryHistory')
  public GetBatteryHistory(ctx: Context, request: string): Promise<RecordHistory<Battery>> {
    return evaluate(ctx, name(TX.GetBatteryHistory), byIdRequestSchema, request, async ({ ledger }, req) => {
      await ledger.require(BATTERY, req.id);
      return ledger.history(BATTERY, req.id);
    });
  }
}
