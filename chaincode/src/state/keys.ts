/**
 * Every ledger key of the chaincode is described here, as a composite key: an object-type constant and
 * validated attributes. The ledger turns a {@link CompositeKeySpec} into bytes with the stub's
 * `createCompositeKey`; nothing else builds keys.
 */
import { ContractError, type RecordTypeName } from '../api';

/** An object type and its attributes; a prefix when it names fewer attributes than the full key. */
export interface CompositeKeySpec {
  readonly objectType: string;
  readonly attributes: readonly string[];
}

/** Object types of records, one per record type. */
export const RECORD_OBJECT_TYPES: Readonly<Record<RecordTypeName, string>> = {
  Facility: 'bt.facility',
  MaterialLot: 'bt.lot',
  CustodyTransfer: 'bt.transfer',
  ProcessRun: 'bt.process',
  MassBalanceAccount: 'bt.mbaccount',
  MassBalancePeriod: 'bt.mbperiod',
  MassBalanceMovement: 'bt.mbmovement',
  Battery: 'bt.battery',
  BatteryHandover: 'bt.handover',
  Attestation: 'bt.attestation',
};

/** Object types of indexes, links and private data keys. */
export const OBJECT_TYPES = {
  /** [ownerMsp, facilityId] */
  facilitiesByOrg: 'bt.idx.facility-org',
  /** [facilityId, lotId]: lots a facility holds (active or in transit). */
  lotsByFacility: 'bt.idx.lot-facility',
  /** [lotId, transferId] */
  transfersByLot: 'bt.idx.transfer-lot',
  /** [childType, childId, parentType, parentId]: upstream provenance link. */
  provenanceUp: 'bt.link.up',
  /** [parentType, parentId, childType, childId]: downstream provenance link. */
  provenanceDown: 'bt.link.down',
  /** [transferId]: commercial terms in the sender's implicit collection. */
  commercialTerms: 'bt.private.terms',
  /** [facilityId, material, claim, month YYYY-MM, bookedAt, movementId]: an account's movements, appended one key each. */
  massBalanceMovements: 'bt.idx.mb-movement',
  /** [subjectType, subjectId, attestationId] */
  attestationsBySubject: 'bt.idx.attestation-subject',
  /** [batteryId]: restricted passport fields in the `passportRestricted` collection. */
  passportRestricted: 'bt.private.passport',
} as const;

const MAX_KEY_PART_LENGTH = 256;

function keyPart(value: string, what: string): string {
  if (value.length === 0 || value.length > MAX_KEY_PART_LENGTH || value.includes('\u0000') || value.includes('\u{10ffff}')) {
    throw new ContractError('INVALID_ARGUMENT', `${what} cannot be used in a key`);
  }
  return value;
}

function spec(objectType: string, ...attributes: string[]): CompositeKeySpec {
  return { objectType, attributes: attributes.map((part, index) => keyPart(part, `key part ${index + 1} of ${objectType}`)) };
}

/** Key of a record. */
export function recordKey(type: RecordTypeName, id: string): CompositeKeySpec {
  return spec(RECORD_OBJECT_TYPES[type], id);
}

/** Index entry: facility owned by an organisation. */
export function facilityByOrgKey(ownerMsp: string, facilityId: string): CompositeKeySpec {
  return spec(OBJECT_TYPES.facilitiesByOrg, ownerMsp, facilityId);
}

/** Prefix of an organisation's facilities. */
export function facilitiesByOrgPrefix(ownerMsp: string): CompositeKeySpec {
  return spec(OBJECT_TYPES.facilitiesByOrg, ownerMsp);
}

/** Index entry: lot held by a facility. */
export function lotByFacilityKey(facilityId: string, lotId: string): CompositeKeySpec {
  return spec(OBJECT_TYPES.lotsByFacility, facilityId, lotId);
}

/** Prefix of the lots a facility holds. */
export function lotsByFacilityPrefix(facilityId: string): CompositeKeySpec {
  return spec(OBJECT_TYPES.lotsByFacility, facilityId);
}

/** Index entry: transfer of a lot. */
export function transferByLotKey(lotId: string, transferId: string): CompositeKeySpec {
  return spec(OBJECT_TYPES.transfersByLot, lotId, transferId);
}

/** Prefix of a lot's transfers. */
export function transfersByLotPrefix(lotId: string): CompositeKeySpec {
  return spec(OBJECT_TYPES.transfersByLot, lotId);
}

/** A provenance node: a record type and id. */
export interface NodeRef {
  readonly type: string;
  readonly id: string;
}

/** Upstream link key: `child` was made (in part) from `parent`. */
export function upstreamLinkKey(child: NodeRef, parent: NodeRef): CompositeKeySpec {
  return spec(OBJECT_TYPES.provenanceUp, child.type, child.id, parent.type, parent.id);
}

/** Prefix of a node's upstream links (its parents). */
export function upstreamLinksPrefix(child: NodeRef): CompositeKeySpec {
  return spec(OBJECT_TYPES.provenanceUp, child.type, child.id);
}

/** Downstream link key: `parent` fed `child`. */
export function downstreamLinkKey(parent: NodeRef, child: NodeRef): CompositeKeySpec {
  return spec(OBJECT_TYPES.provenanceDown, parent.type, parent.id, child.type, child.id);
}

/** Prefix of a node's downstream links (its children). */
export function downstreamLinksPrefix(parent: NodeRef): CompositeKeySpec {
  return spec(OBJECT_TYPES.provenanceDown, parent.type, parent.id);
}

/** Private data key of a transfer's commercial terms. */
export function commercialTermsKey(transferId: string): CompositeKeySpec {
  return spec(OBJECT_TYPES.commercialTerms, transferId);
}

/** Index entry: a mass-balance movement of an account, in its month bucket. */
export function massBalanceMovementKey(account: { facilityId: string; material: string; claim: string }, month: string, bookedAt: string, movementId: string): CompositeKeySpec {
  return spec(OBJECT_TYPES.massBalanceMovements, account.facilityId, account.material, account.claim, month, bookedAt, movementId);
}

/** Prefix of an account's movements booked in one month. */
export function massBalanceMonthPrefix(account: { facilityId: string; material: string; claim: string }, month: string): CompositeKeySpec {
  return spec(OBJECT_TYPES.massBalanceMovements, account.facilityId, account.material, account.claim, month);
}

/** Index entry: an attestation about a record. */
export function attestationBySubjectKey(subjectType: string, subjectId: string, attestationId: string): CompositeKeySpec {
  return spec(OBJECT_TYPES.attestationsBySubject, subjectType, subjectId, attestationId);
}

/** Prefix of a record's attestations. */
export function attestationsBySubjectPrefix(subjectType: string, subjectId: string): CompositeKeySpec {
  return spec(OBJECT_TYPES.attestationsBySubject, subjectType, subjectId);
}

/** Private data key of a battery's restricted passport fields. */
export function passportRestrictedKey(batteryId: string): CompositeKeySpec {
  return spec(OBJECT_TYPES.passportRestricted, batteryId);
}
