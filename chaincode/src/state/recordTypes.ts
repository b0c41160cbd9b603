import type { z } from 'zod';
import {
  custodyTransferSchema,
  facilitySchema,
  materialLotSchema,
  processRunSchema,
  RECORD_TYPES,
  type CustodyTransfer,
  type ErrorCode,
  type Facility,
  type MaterialLot,
  type ProcessRun,
  type RecordMeta,
  type RecordTypeName,
} from '../api';

/**
 * How the ledger stores one record type: its name (key object type, event type), its schema, the error code
 * when it is missing, and the organisations that must endorse any change of a stored record.
 */
export interface RecordType<T extends RecordMeta> {
  readonly name: RecordTypeName;
  readonly schema: z.ZodType<T, z.ZodTypeDef, unknown>;
  readonly notFound: ErrorCode;
  /** MSP ids named by the record key's state-based endorsement policy; default: the owner. */
  readonly endorsers?: (record: T) => readonly string[];
}

/** Facilities: endorsed by their owner. */
export const FACILITY: RecordType<Facility> = { name: RECORD_TYPES.facility, schema: facilitySchema, notFound: 'FACILITY_NOT_FOUND' };

/** Material lots: endorsed by the custodian's organisation (the owner). */
export const MATERIAL_LOT: RecordType<MaterialLot> = { name: RECORD_TYPES.lot, schema: materialLotSchema, notFound: 'LOT_NOT_FOUND' };

/** Custody transfers: endorsed by both the sender's and the receiver's organisations. */
export const CUSTODY_TRANSFER: RecordType<CustodyTransfer> = {
  name: RECORD_TYPES.transfer,
  schema: custodyTransferSchema,
  notFound: 'TRANSFER_NOT_FOUND',
  endorsers: (transfer) => [transfer.senderMsp, transfer.receiverMsp],
};

/** Process runs: endorsed by the facility's organisation. */
export const PROCESS_RUN: RecordType<ProcessRun> = { name: RECORD_TYPES.processRun, schema: processRunSchema, notFound: 'PROCESS_RUN_NOT_FOUND' };
