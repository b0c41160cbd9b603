/**
 * Batteries on the ledger: the record type, the ancestry walk that recycled content and carbon footprint are
 * computed from, and the restricted passport fields in the `passportRestricted` collection.
 */
import {
  batteryHandoverSchema,
  batterySchema,
  ContractError,
  hashCanonical,
  PASSPORT_RESTRICTED_COLLECTION,
  passportRestrictedSchema,
  RECORD_TYPES,
  type Battery,
  type BatteryHandover,
  type MaterialLot,
  type PassportRestricted,
} from '../api';
import { passportRestrictedKey } from './keys';
import type { Ledger } from './ledger';
import { MATERIAL_LOT, type RecordType } from './recordTypes';

/** Batteries: endorsed by the holder's organisation (`ownerMsp`). */
export const BATTERY: RecordType<Battery> = { name: RECORD_TYPES.battery, schema: batterySchema, notFound: 'BATTERY_NOT_FOUND' };

/** Battery handovers: endorsed by both the sender's and the receiver's organisations. */
export const BATTERY_HANDOVER: RecordType<BatteryHandover> = {
  name: RECORD_TYPES.batteryHandover,
  schema: batteryHandoverSchema,
  notFound: 'HANDOVER_NOT_FOUND',
  endorsers: (handover) => [handover.senderMsp, handover.receiverMsp],
};

/** Most lots an ancestry walk reads; a provenance deeper than this is refused rather than read without bound. */
export const MAX_ANCESTRY_LOTS = 2000;

/**
 * Reads the lots named and all their ancestors (through each lot's parents), breadth-first. The cost grows with
 * the size of the provenance, not with the ledger.
 * @throws {@link ContractError} `INVALID_STATE` when the ancestry exceeds {@link MAX_ANCESTRY_LOTS}
 */
export async function loadAncestry(ledger: Ledger, lotIds: readonly string[]): Promise<Map<string, MaterialLot>> {
  const lots = new Map<string, MaterialLot>();
  const queue = [...new Set(lotIds)];
  for (let index = 0; index < queue.length; index += 1) {
    if (queue.length > MAX_ANCESTRY_LOTS) {
      throw new ContractError('INVALID_STATE', `the provenance exceeds ${MAX_ANCESTRY_LOTS} lots`);
    }
    const lot = await ledger.require(MATERIAL_LOT, queue[index] ?? '');
    lots.set(lot.id, lot);
    for (const parent of lot.parents) {
      if (!queue.includes(parent.lotId)) {
        queue.push(parent.lotId);
      }
    }
  }
  return lots;
}

/**
 * Stores a battery's restricted passport fields in the `passportRestricted` collection.
 * @returns their hash, which the public battery record keeps
 */
export async function putRestrictedPassport(ledger: Ledger, batteryId: string, ownerMsp: string, data: PassportRestricted): Promise<string> {
  await ledger.putPrivate(PASSPORT_RESTRICTED_COLLECTION, passportRestrictedKey(batteryId), data, [ownerMsp]);
  return hashCanonical(data);
}

/**
 * Reads a battery's restricted passport fields when this peer holds them and they match the record's hash;
 * `undefined` otherwise (a peer outside the collection cannot read them).
 */
export async function getRestrictedPassport(ledger: Ledger, battery: Battery): Promise<PassportRestricted | undefined> {
  if (battery.restrictedDataHash === undefined) {
    return undefined;
  }
  let data: PassportRestricted | undefined;
  try {
    data = await ledger.getPrivate(PASSPORT_RESTRICTED_COLLECTION, passportRestrictedKey(battery.id), passportRestrictedSchema);
  } catch {
    return undefined;
  }
  return data !== undefined && hashCanonical(data) === battery.restrictedDataHash ? data : undefined;
}
