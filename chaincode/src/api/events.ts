import { z } from 'zod';

/** Name of the one chaincode event every battery-trace transaction emits. */
export const EVENT_NAME = 'battery-trace';

/** What a transaction did to a record. */
export const CHANGE_ACTIONS = ['CREATED', 'UPDATED', 'DELETED'] as const;
/** What a transaction did to a record. */
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

/** One changed record in an event envelope. */
export const recordChangeSchema = z.object({ type: z.string().min(1), id: z.string().min(1), action: z.enum(CHANGE_ACTIONS) }).strict();
/** One changed record in an event envelope. */
export type RecordChange = z.infer<typeof recordChangeSchema>;

/**
 * The event envelope: Fabric carries at most one chaincode event per transaction, so the payload lists every
 * record the transaction changed, in the order it changed them.
 */
export const eventEnvelopeSchema = z
  .object({
    txId: z.string().min(1),
    /** Qualified transaction name, e.g. `custody:AcceptTransfer`. */
    transaction: z.string().min(1),
    /** Transaction timestamp, ISO 8601 UTC. */
    timestamp: z.string().min(1),
    changes: z.array(recordChangeSchema),
  })
  .strict();
/** The event envelope payload. */
export type EventEnvelope = z.infer<typeof eventEnvelopeSchema>;
