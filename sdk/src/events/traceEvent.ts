import { z } from 'zod';
import type { EventPosition } from './EventStream';

/** Name of the one chaincode event every battery-trace transaction emits. */
export const traceEventName = 'battery-trace';

/** Schema of the event envelope payload. */
export const traceEventPayloadSchema = z.object({
  txId: z.string(),
  transaction: z.string(),
  timestamp: z.string(),
  changes: z.array(z.object({ type: z.string(), id: z.string(), action: z.string() })),
});

/** The event envelope as the chaincode emits it. */
export type TraceEventPayload = z.infer<typeof traceEventPayloadSchema>;

/** A battery-trace chaincode event with its ledger position. */
export type TraceEvent = TraceEventPayload & EventPosition;

/** Adds the ledger position to a decoded payload. */
export function toTraceEvent(payload: TraceEventPayload, position: EventPosition): TraceEvent {
  return { ...payload, ...position };
}
