/**
 * The committed ledger of an adversarial run, read back as typed records: every record key is decoded with the
 * public API's strict schemas (a forged or malformed value fails the read), and small queries over the records
 * let the generators aim at live targets. Nothing here calls the chaincode's domain or state code.
 */
import type { z } from 'zod';
import {
  attestationSchema,
  batteryHandoverSchema,
  batterySchema,
  custodyTransferSchema,
  facilitySchema,
  massBalanceAccountSchema,
  massBalanceMovementSchema,
  massBalancePeriodSchema,
  materialLotSchema,
  processRunSchema,
  type Attestation,
  type Battery,
  type BatteryHandover,
  type Claim,
  type CustodyTransfer,
  type Facility,
  type FacilityKind,
  type MassBalanceAccount,
  type MassBalanceMovement,
  type MassBalancePeriod,
  type MaterialLot,
  type ProcessRun,
} from '../../../chaincode/src/api';
import type { MemoryNetwork } from '../../support/MemoryNetwork';

/** Every committed record of the run, by type, and the time the next transaction gets. */
export interface World {
  readonly now: string;
  readonly facilities: readonly Facility[];
  readonly lots: readonly MaterialLot[];
  readonly transfers: readonly CustodyTransfer[];
  readonly runs: readonly ProcessRun[];
  readonly batteries: readonly Battery[];
  readonly handovers: readonly BatteryHandover[];
  readonly movements: readonly MassBalanceMovement[];
  readonly accounts: readonly MassBalanceAccount[];
  readonly periods: readonly MassBalancePeriod[];
  readonly attestations: readonly Attestation[];
  /** Every committed key (records, index and link entries), for forgeries. */
  readonly keys: readonly string[];
  /**
   * The block that created a record of the type (`bt.lot`, `bt.transfer`…) with the id: the order in which
   * things happened, which transaction timestamps (set by clients) need not follow.
   */
  createdIn(objectType: string, id: string): number;
}

interface MutableWorld {
  facilities: Facility[];
  lots: MaterialLot[];
  transfers: CustodyTransfer[];
  runs: ProcessRun[];
  batteries: Battery[];
  handovers: BatteryHandover[];
  movements: MassBalanceMovement[];
  accounts: MassBalanceAccount[];
  periods: MassBalancePeriod[];
  attestations: Attestation[];
}

/** Decodes committed values of one record type, remembering each distinct value it has parsed. */
class Decoder<T> {
  readonly #schema: z.ZodType<T>;
  readonly #memo = new Map<string, T>();

  constructor(schema: z.ZodType<T>) {
    this.#schema = schema;
  }

  decode(text: string): T {
    const known = this.#memo.get(text);
    if (known !== undefined) {
      return known;
    }
    const parsed = this.#schema.parse(JSON.parse(text));
    this.#memo.set(text, parsed);
    return parsed;
  }
}

type Reader = (world: MutableWorld, text: string) => void;

function readers(): ReadonlyMap<string, Reader> {
  const facility = new Decoder(facilitySchema);
  const lot = new Decoder(materialLotSchema);
  const transfer = new Decoder(custodyTransferSchema);
  const run = new Decoder(processRunSchema);
  const battery = new Decoder(batterySchema);
  const handover = new Decoder(batteryHandoverSchema);
  const movement = new Decoder(massBalanceMovementSchema);
  const account = new Decoder(massBalanceAccountSchema);
  const period = new Decoder(massBalancePeriodSchema);
  const attestation = new Decoder(attestationSchema);
  return new Map<string, Reader>([
    ['bt.facility', (w, t) => w.facilities.push(facility.decode(t))],
    ['bt.lot', (w, t) => w.lots.push(lot.decode(t))],
    ['bt.transfer', (w, t) => w.transfers.push(transfer.decode(t))],
    ['bt.process', (w, t) => w.runs.push(run.decode(t))],
    ['bt.battery', (w, t) => w.batteries.push(battery.decode(t))],
    ['bt.handover', (w, t) => w.handovers.push(handover.decode(t))],
    ['bt.mbmovement', (w, t) => w.movements.push(movement.decode(t))],
    ['bt.mbaccount', (w, t) => w.accounts.push(account.decode(t))],
    ['bt.mbperiod', (w, t) => w.periods.push(period.decode(t))],
    ['bt.attestation', (w, t) => w.attestations.push(attestation.decode(t))],
  ]);
}

/** The object type and attributes of a composite key (`\u0000type\u0000attr…\u0000`). */
export function splitKey(key: string): { objectType: string; attributes: string[] } {
  const [, objectType = '', ...rest] = key.split('\u0000');
  return { objectType, attributes: rest.slice(0, -1) };
}

/** Reads the committed ledger of one network; keep one reader per network (it remembers decoded values). */
export class WorldReader {
  readonly #network: MemoryNetwork;
  readonly #readers = readers();
  readonly #text = new TextDecoder();
  readonly #created = new Map<string, number>();

  constructor(network: MemoryNetwork) {
    this.#network = network;
  }

  /** The committed records now. */
  read(): World {
    const world: MutableWorld = { facilities: [], lots: [], transfers: [], runs: [], batteries: [], handovers: [], movements: [], accounts: [], periods: [], attestations: [] };
    const keys: string[] = [];
    for (const [key, value] of this.#network.ledger.entries()) {
      keys.push(key);
      this.#readers.get(splitKey(key).objectType)?.(world, this.#text.decode(value));
    }
    return { ...world, now: this.#network.nextTimestamp, keys, createdIn: (objectType, id) => this.#createdIn(`\u0000${objectType}\u0000${id}\u0000`) };
  }

  #createdIn(key: string): number {
    const known = this.#created.get(key);
    if (known !== undefined) {
      return known;
    }
    const [first] = this.#network.ledger.history(key);
    const block = first === undefined ? Number.MAX_SAFE_INTEGER : (this.#network.statusOf(first.txId)?.blockNumber ?? Number.MAX_SAFE_INTEGER);
    this.#created.set(key, block);
    return block;
  }
}

/** Whether an auditor's passing attestation in force lists the claim for the facility and no failing one denies it. */
export function attested(world: World, facilityId: string, claim: Claim): boolean {
  const inForce = world.attestations.filter((a) => a.subject.type === 'Facility' && a.subject.id === facilityId && a.validFrom <= world.now && world.now < a.validUntil && a.claims.includes(claim));
  return inForce.some((a) => a.result === 'PASS') && !inForce.some((a) => a.result === 'FAIL');
}

/** The facility with this id. */
export function facilityOf(world: World, id: string): Facility | undefined {
  return world.facilities.find((facility) => facility.id === id);
}

/** Facilities of the given kinds. */
export function facilitiesOfKind(world: World, kinds: readonly FacilityKind[]): Facility[] {
  return world.facilities.filter((facility) => kinds.includes(facility.kind));
}

/** Active lots held at a facility. */
export function activeLotsAt(world: World, facilityId: string): MaterialLot[] {
  return world.lots.filter((lot) => lot.status === 'ACTIVE' && lot.custodianFacilityId === facilityId);
}

/** Active lots at facilities of the given kinds. */
export function activeLotsAtKinds(world: World, kinds: readonly FacilityKind[]): MaterialLot[] {
  const ids = new Set(facilitiesOfKind(world, kinds).map((facility) => facility.id));
  return world.lots.filter((lot) => lot.status === 'ACTIVE' && ids.has(lot.custodianFacilityId));
}

/** Batteries that are not part of another, not waiting on a handover, and not succeeded by a repurposed one. */
export function freeBatteries(world: World): Battery[] {
  return world.batteries.filter((battery) => battery.integratedInto === undefined && battery.pendingHandoverId === undefined && battery.successorId === undefined);
}

/** The kind of the facility holding a battery. */
export function holderKind(world: World, battery: Battery): FacilityKind | undefined {
  return facilityOf(world, battery.holderFacilityId)?.kind;
}
