import type { Draft, MaterialLot } from '../api';
import { lotByFacilityKey } from './keys';
import type { Ledger } from './ledger';
import { linkProvenance } from './provenance';
import { MATERIAL_LOT } from './recordTypes';

/** The facility whose lot index lists the lot: its custodian while the lot is active or in transit. */
function indexedAt(lot: Pick<MaterialLot, 'status' | 'custodianFacilityId'>): string | undefined {
  return lot.status === 'ACTIVE' || lot.status === 'IN_TRANSIT' ? lot.custodianFacilityId : undefined;
}

/**
 * Creates a lot and lists it under its custodian facility.
 * @throws {@link ContractError} `CONFLICT` when the id exists
 */
export async function createLot(ledger: Ledger, draft: Draft<MaterialLot>): Promise<MaterialLot> {
  const lot = await ledger.create(MATERIAL_LOT, draft);
  const facilityId = indexedAt(lot);
  if (facilityId !== undefined) {
    await ledger.putEntry(lotByFacilityKey(facilityId, lot.id), [lot.ownerMsp]);
  }
  return lot;
}

/**
 * Creates a lot derived from other lots and links it to each parent (with the mass taken from it).
 * @throws {@link ContractError} `CONFLICT` when the id exists
 */
export async function createDerivedLot(ledger: Ledger, draft: Draft<MaterialLot>): Promise<MaterialLot> {
  const lot = await createLot(ledger, draft);
  for (const parent of lot.parents) {
    await linkProvenance(ledger, { parentType: MATERIAL_LOT.name, parentId: parent.lotId, childType: MATERIAL_LOT.name, childId: lot.id, massGrams: parent.massGrams }, [lot.ownerMsp]);
  }
  return lot;
}

/**
 * Stores a new version of a lot and keeps the facility index in step with its custodian and status
 * (consumed and closed lots leave the index).
 * @throws {@link ContractError} `LOT_NOT_FOUND` when the lot does not exist
 */
export async function saveLot(ledger: Ledger, next: Draft<MaterialLot>): Promise<MaterialLot> {
  const previous = await ledger.require(MATERIAL_LOT, next.id);
  const lot = await ledger.update(MATERIAL_LOT, next);
  const before = indexedAt(previous);
  const after = indexedAt(lot);
  if (before !== after) {
    if (before !== undefined) {
      await ledger.deleteEntry(lotByFacilityKey(before, lot.id));
    }
    if (after !== undefined) {
      await ledger.putEntry(lotByFacilityKey(after, lot.id), [lot.ownerMsp]);
    }
  }
  return lot;
}
