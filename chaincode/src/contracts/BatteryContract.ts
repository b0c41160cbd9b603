import { Context, Info, Returns, Transaction } from 'fabric-contract-api';
import { BatteryTraceContract } from './BatteryTraceContract';
import {
  BATTERY_TRANSACTIONS as TX,
  batteryActionRequestSchema,
  byIdRequestSchema,
  collectBatteryRequestSchema,
  ContractError,
  CONTRACTS,
  dismantleBatteryRequestSchema,
  issueBatteryRequestSchema,
  PASSPORT_RESTRICTED_TRANSIENT_KEY,
  passportRestrictedSchema,
  qualifiedName,
  recordStateOfHealthRequestSchema,
  recycleBatteryRequestSchema,
  repurposeBatteryRequestSchema,
  transferBatteryRequestSchema,
  type Battery,
  type Draft,
  type MaterialLot,
  type PassportView,
  type RecordHistory,
  type RecoveryResult,
  type RepurposeResult,
} from '../api';
import * as batteries from '../domain/battery';
import { requireActive, takeFromLot } from '../domain/lots';
import { canSee, passportView, tierOf } from '../domain/passport';
import type { ConsumedLot } from '../domain/provenanceContent';
import {
  BATTERY,
  createLot,
  creditOrigin,
  evaluate,
  FACILITY,
  getRestrictedPassport,
  isCertified,
  linkProvenance,
  loadAncestry,
  MATERIAL_LOT,
  putRestrictedPassport,
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
async function storeRestricted(tx: Tx, batteryId: string): Promise<string | undefined> {
  const data = tx.transient(PASSPORT_RESTRICTED_TRANSIENT_KEY, passportRestrictedSchema);
  return data === undefined ? undefined : putRestrictedPassport(tx.ledger, batteryId, data);
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
  const draft = batteries.planBattery(req, facility, { consumed, components, ancestry }, ledger.now);
  const battery = await ledger.create(BATTERY, { ...draft, restrictedDataHash: await storeRestricted(tx, req.id) });
  for (const lot of after) {
    await saveLot(ledger, lot);
  }
  for (const { lot, massGrams } of consumed) {
    await linkProvenance(ledger, { parentType: MATERIAL_LOT.name, parentId: lot.id, childType: BATTERY.name, childId: battery.id, massGrams });
  }
  for (const component of components) {
    await ledger.update(BATTERY, batteries.integrated(component, battery.id));
    await linkProvenance(ledger, { parentType: BATTERY.name, parentId: component.id, childType: BATTERY.name, childId: battery.id, massGrams: component.massGrams });
  }
  return battery;
}

async function recover(ledger: Ledger, battery: Battery, plan: batteries.RecoveryPlan): Promise<RecoveryResult> {
  const updated = await ledger.update(BATTERY, plan.battery);
  const facility = await ledger.require(FACILITY, battery.holderFacilityId);
  const certified = await isCertified(ledger, facility, ['POST_CONSUMER_RECYCLED']);
  const lots: MaterialLot[] = [];
  for (const draft of plan.lots) {
    const lot = await createLot(ledger, draft);
    await linkProvenance(ledger, { parentType: BATTERY.name, parentId: battery.id, childType: MATERIAL_LOT.name, childId: lot.id, massGrams: lot.massGrams });
    if (certified) {
      await creditOrigin(ledger, lot);
    }
    lots.push(lot);
  }
  return { battery: updated, lots };
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

  /** Hands a battery to another facility (its holder); that facility's organisation becomes the holder. */
  @Transaction()
  @Returns('Battery')
  public TransferOwnership(ctx: Context, request: string): Promise<Battery> {
    return submit(ctx, name(TX.TransferOwnership), transferBatteryRequestSchema, request, async ({ ledger, caller }, req) => {
      const battery = await ledger.require(BATTERY, req.batteryId);
      const to = await ledger.require(FACILITY, req.toFacilityId);
      return ledger.update(BATTERY, batteries.transferOwnership(battery, caller.mspId, to));
    });
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
      const successorDraft: Draft<Battery> = { ...plan.successor, restrictedDataHash: await storeRestricted(tx, req.newBatteryId) };
      const predecessor = await ledger.update(BATTERY, plan.predecessor);
      const successor = await ledger.create(BATTERY, successorDraft);
      await linkProvenance(ledger, { parentType: BATTERY.name, parentId: predecessor.id, childType: BATTERY.name, childId: successor.id, massGrams: successor.massGrams });
      return { predecessor, battery: successor };
    });
  }

  /** Takes a battery in at a collection, second-life, repair or recycling facility of the caller's organisation. */
  @Transaction()
  @Returns('Battery')
  public Collect(ctx: Context, request: string): Promise<Battery> {
    return submit(ctx, name(TX.Collect), collectBatteryRequestSchema, request, async ({ ledger, caller }, req) => {
      const battery = await ledger.require(BATTERY, req.batteryId);
      const facility = await ledger.require(FACILITY, req.facilityId);
      return ledger.update(BATTERY, batteries.collect(battery, caller.mspId, facility, ledger.now));
    });
  }

  /** Dismantles a collected battery at the recycler holding it; optional outputs become recovered lots. */
  @Transaction()
  @Returns('RecoveryResult')
  public Dismantle(ctx: Context, request: string): Promise<RecoveryResult> {
    return submit(ctx, name(TX.Dismantle), dismantleBatteryRequestSchema, request, async ({ ledger, caller }, req) => {
      const battery = await ledger.require(BATTERY, req.batteryId);
      const facility = await ledger.require(FACILITY, battery.holderFacilityId);
      return recover(ledger, battery, batteries.dismantle(battery, caller.mspId, facility, req.outputs, req.lossGrams, ledger.now));
    });
  }

  /** Recycles what is left of a battery at the recycler holding it into recovered lots marked post-consumer recycled. */
  @Transaction()
  @Returns('RecoveryResult')
  public Recycle(ctx: Context, request: string): Promise<RecoveryResult> {
    return submit(ctx, name(TX.Recycle), recycleBatteryRequestSchema, request, async ({ ledger, caller }, req) => {
      const battery = await ledger.require(BATTERY, req.batteryId);
      const facility = await ledger.require(FACILITY, battery.holderFacilityId);
      return recover(ledger, battery, batteries.recycle(battery, caller.mspId, facility, req.outputs, req.lossGrams, ledger.now));
    });
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
