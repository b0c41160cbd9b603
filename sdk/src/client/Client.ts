import type { Contract, Network } from '@hyperledger/fabric-gateway';
import { ConfigurationError } from '../errors/ConfigurationError';
import { ChaincodeEventStream, type EventStream, type EventStreamOptions } from '../events/EventStream';
import { runListener, type Listener } from '../events/listen';
import { toTraceEvent, traceEventName, traceEventPayloadSchema, type TraceEvent } from '../events/traceEvent';
import type { Logger } from '../logger';
import type { RetryPolicy } from './retry';
import { createTransactor, type TransactionClient } from './Transactor';

/** The chaincode name the local network deploys. */
export const defaultChaincodeName = 'battery-trace';

/** Options of {@link createClient}: bring your own fabric-gateway `Network` (or just a `Contract`). */
export interface ClientOptions {
  /** A channel from your own gateway: enables transactions and events. */
  readonly network?: Network;
  /** A contract from your own gateway, obtained without a contract name; transactions only (no events). */
  readonly contract?: Contract;
  /** Chaincode name, when `network` is given; default `battery-trace`. */
  readonly chaincode?: string;
  /** MSP id of the signing identity: the default endorser for private data. */
  readonly mspId?: string;
  /** Retry policy for commit-time read conflicts; none by default. */
  readonly retry?: RetryPolicy;
  /**
   * Retry policy for transient unavailability (no endorsing peer available, no answer within the endorsement
   * deadline); {@link retryPolicies.transient} by default, {@link retryPolicies.none} to turn it off.
   */
  readonly transientRetry?: RetryPolicy;
  /** Receives the SDK's diagnostics; the SDK never prints. */
  readonly logger?: Logger;
  /** The chain height (for pinning new event subscriptions); set by the connect helpers. */
  readonly chainHeight?: () => Promise<bigint>;
  /** Releases what the client owns; set by the connect helpers. Caller-owned gateways are never closed. */
  readonly onClose?: () => void;
}

/** The battery-trace client core: the generic transaction path, events and close. */
export interface CoreClient extends TransactionClient {
  /** The chaincode's channel name, when the client has a `Network`. */
  readonly channel: string | undefined;
  /** The chaincode name. */
  readonly chaincode: string;
  /**
   * Subscribes to the battery-trace events; reconnects and resumes from the checkpoint when the stream fails.
   * @throws {@link ConfigurationError} when the client was created from a bare `Contract`.
   * @example
   * ```ts
   * const events = client.events({ checkpointer: await checkpointers.file('events.checkpoint') });
   * for await (const event of events) console.log(event.transaction, event.changes);
   * ```
   */
  events(options?: EventStreamOptions): EventStream<TraceEvent>;
  /**
   * Calls `handler` for each event; each event is checkpointed after its handler resolves.
   * @throws {@link ConfigurationError} when the client was created from a bare `Contract`.
   */
  listen(handler: (event: TraceEvent) => Promise<void> | void, options?: EventStreamOptions): Listener;
  /** Stops open event streams and releases the gateway connection if the client owns it. Idempotent. */
  close(): void;
}

/** Creates the core client (typed methods are attached by `createClient`). */
export function createCoreClient(options: ClientOptions): CoreClient {
  const chaincode = options.chaincode ?? defaultChaincodeName;
  const contract = options.contract ?? options.network?.getContract(chaincode);
  if (contract === undefined) {
    throw new ConfigurationError('createClient needs a Network or a Contract');
  }
  const transactor = createTransactor({ contract, ...pick(options) });
  const streams = new Set<ChaincodeEventStream<typeof traceEventPayloadSchema, TraceEvent>>();
  let closed = false;

  const events = (eventOptions: EventStreamOptions = {}): ChaincodeEventStream<typeof traceEventPayloadSchema, TraceEvent> => {
    const network = options.network;
    if (network === undefined) {
      throw new ConfigurationError('Events need a Network: create the client with { network } or a connect helper');
    }
    const source = { network, chaincode: contract.getChaincodeName(), ...(options.chainHeight ? { chainHeight: options.chainHeight } : {}) };
    const internals = { source, eventName: traceEventName, schema: traceEventPayloadSchema, toEvent: toTraceEvent, ...(options.logger ? { logger: options.logger } : {}) };
    const stream = new ChaincodeEventStream(internals, eventOptions);
    streams.add(stream);
    return stream;
  };

  return {
    mspId: transactor.mspId,
    channel: options.network?.getName(),
    chaincode: contract.getChaincodeName(),
    submit: (transaction, request, callOptions) => transactor.submit(transaction, request, callOptions),
    submitAsync: (transaction, request, callOptions) => transactor.submitAsync(transaction, request, callOptions),
    evaluate: (transaction, request, callOptions) => transactor.evaluate(transaction, request, callOptions),
    events,
    listen: (handler, eventOptions) => runListener(events(eventOptions), handler),
    close: () => {
      if (closed) return;
      closed = true;
      streams.forEach((stream) => { stream.close(); });
      options.onClose?.();
    },
  };
}

function pick(options: ClientOptions): { mspId?: string; retry?: RetryPolicy; transientRetry?: RetryPolicy; logger?: Logger } {
  return {
    ...(options.mspId === undefined ? {} : { mspId: options.mspId }),
    ...(options.retry === undefined ? {} : { retry: options.retry }),
    ...(options.transientRetry === undefined ? {} : { transientRetry: options.transientRetry }),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  };
}
