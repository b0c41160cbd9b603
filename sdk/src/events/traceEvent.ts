import { EVENT_NAME, eventEnvelopeSchema, type EventEnvelope } from '../../../chaincode/src/api/events';
import type { EventPosition } from './EventStream';

/** Name of the one chaincode event every battery-trace transaction emits. */
export const traceEventName: string = EVENT_NAME;

/** Schema of the event payload: the chaincode's event envelope. */
export const traceEventPayloadSchema = eventEnvelopeSchema;

/** The event envelope as the chaincode emits it: the transaction and every record it changed. */
export type TraceEventPayload = EventEnvelope;

/**
 * A battery-trace chaincode event: the envelope (`transaction`, `timestamp`, `changes` of `{ type, id, action }`)
 * with its ledger position (`blockNumber`, `transactionId`).
 */
export type TraceEvent = TraceEventPayload & EventPosition;

/** Adds the ledger position to a decoded payload. */
export function toTraceEvent(payload: TraceEventPayload, position: EventPosition): TraceEvent {
  return { ...payload, ...position };
}
