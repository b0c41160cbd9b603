import { computeRecordHash, ZERO_HASH } from '../../../../chaincode/src/api/hashing';
import type { CustodyTransfer, Facility, HistoryEntry, MaterialLot } from '../../../../chaincode/src/api/index';

/** A valid stored material lot, version 1, hashed like the ledger hashes it. */
export function lotRecord(id: string, overrides: Partial<MaterialLot> = {}, previousHash: string = ZERO_HASH): MaterialLot {
  const fields: Omit<MaterialLot, 'recordHash' | 'previousHash'> = {
    id,
    ownerMsp: 'MiningMSP',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    txId: `tx-${id}`,
    version: 1,
    material: 'COBALT_HYDROXIDE',
    massGrams: 1_000_000,
    initialMassGrams: 1_000_000,
    custodianFacilityId: 'MINE-1',
    status: 'ACTIVE',
    custodyModel: 'IDENTITY_PRESERVED',
    origin: { kind: 'MINED', facilityId: 'MINE-1', country: 'CD' },
    parents: [],
    elementContent: { COBALT: 3500 },
    claims: [],
    ...overrides,
  };
  return { ...fields, previousHash, recordHash: computeRecordHash(fields, previousHash) };
}

/** A lot's history: each version chained to the one before. */
export function lotHistory(id: string, changes: Partial<MaterialLot>[]): { type: string; id: string; entries: HistoryEntry<MaterialLot>[] } {
  const entries: HistoryEntry<MaterialLot>[] = [];
  let previous = ZERO_HASH;
  changes.forEach((change, index) => {
    const record = lotRecord(id, { version: index + 1, txId: `tx-${id}-${index}`, ...change }, previous);
    entries.push({ txId: record.txId, timestamp: record.updatedAt, isDelete: false, record });
    previous = record.recordHash;
  });
  return { type: 'MaterialLot', id, entries };
}

/** A valid stored custody transfer from MiningMSP to ManufacturingMSP. */
export function transferRecord(id: string, overrides: Partial<CustodyTransfer> = {}): CustodyTransfer {
  const fields: Omit<CustodyTransfer, 'recordHash' | 'previousHash'> = {
    id,
    ownerMsp: 'MiningMSP',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    txId: `tx-${id}`,
    version: 1,
    lotId: 'LOT-1',
    material: 'COBALT_HYDROXIDE',
    fromFacilityId: 'MINE-1',
    toFacilityId: 'CAM-1',
    senderMsp: 'MiningMSP',
    receiverMsp: 'ManufacturingMSP',
    declaredMassGrams: 1_000_000,
    toleranceBasisPoints: 50,
    shippingDocumentsHash: `0x${'ab'.repeat(32)}`,
    status: 'PROPOSED',
    ...overrides,
  };
  return { ...fields, previousHash: ZERO_HASH, recordHash: computeRecordHash(fields, ZERO_HASH) };
}

/** A stored facility record owned by `ownerMsp`. */
export function facilityRecord(id: string, ownerMsp: string): Facility {
  const fields: Omit<Facility, 'recordHash' | 'previousHash'> = {
    id,
    ownerMsp,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    txId: `tx-${id}`,
    version: 1,
    kind: 'REFINERY',
    name: id,
    country: 'FI',
    certifications: [],
  };
  return { ...fields, previousHash: ZERO_HASH, recordHash: computeRecordHash(fields, ZERO_HASH) };
}
