import {
  checkpointers,
  type ChaincodeEvent,
  type ChaincodeEventsOptions,
  type Checkpointer,
  type CloseableAsyncIterable,
  type Network,
} from '@hyperledger/fabric-gateway';
import type { z } from 'zod';
import { parseJson } from '../client/codec';
import { describeIssues } from '../client/codec';
import { BaseError } from '../errors/BaseError';
import { DecodeError } from '../errors/DecodeError';
import { NetworkError } from '../errors/NetworkError';
import { toSdkError } from '../errors/toSdkError';
import { silentLogger, type Logger } from '../logger';
import { defaultReconnectPolicy, reconnectDelay, type ReconnectPolicy } from './reconnect';

/** Where a chaincode event came from on the ledger. */
export interface EventPosition {
  /** Block that committed the transaction. */
  readonly blockNumber: bigint;
  /** The transaction that emitted the event. */
  readonly transactionId: string;
}

/** Options of an event subscription. */
export interface EventStreamOptions {
  /**
   * Where the listener records its progress. Resuming with the same checkpointer continues after the last
   * processed event. Defaults to an in-memory checkpointer (progress survives reconnects, not restarts).
   * Use `checkpointers.file(path)` to survive restarts.
   */
  readonly checkpointer?: Checkpointer;
  /** Block to start from when the checkpointer is empty; by default the current chain height (the next block). */
  readonly startBlock?: bigint;
  /** How to reconnect after the stream fails. */
  readonly reconnect?: ReconnectPolicy;
  /** Stops the listener when aborted. */
  readonly signal?: AbortSignal;
}

/**
 * Typed chaincode events. Iterate with `for await`; each event is checkpointed once the loop body that received
 * it completes (the next iteration starts, or the loop exits by `break`/`return`). When the stream fails it
 * reconnects with backoff and resumes after the last checkpointed event: no event is missed or seen twice.
 * Call `close()` to stop.
 */
export interface EventStream<T> extends CloseableAsyncIterable<T> {
  /** Where the next resume starts: the checkpoint's block and the last processed transaction in it. */
  position(): { readonly blockNumber: bigint | undefined; readonly transactionId: string | undefined };
}

/** What the stream needs to open chaincode event streams. */
export interface EventSource {
  readonly network: Network;
  readonly chaincode: string;
  /** The chain height, to pin the start block of a new subscription; optional. */
  readonly chainHeight?: () => Promise<bigint>;
}

/** Internal options of {@link newEventStream}. */
export interface EventStreamInternals<S extends z.ZodTypeAny, T> {
  readonly source: EventSource;
  readonly eventName: string;
  readonly schema: S;
  readonly toEvent: (payload: z.output<S>, position: EventPosition) => T;
  readonly logger?: Logger;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** The hidden implementation of {@link EventStream}. */
export class ChaincodeEventStream<S extends z.ZodTypeAny, T> implements EventStream<T> {
  readonly #internals: EventStreamInternals<S, T>;
  readonly #checkpointer: Checkpointer;
  readonly #reconnect: ReconnectPolicy;
  readonly #logger: Logger;
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly #stop = new AbortController();
  #startBlock: bigint | undefined;
  #current: CloseableAsyncIterable<ChaincodeEvent> | undefined;
  #pending: ChaincodeEvent | undefined;
  #seenInBlock = new Set<string>();
  #iterating = false;

  constructor(internals: EventStreamInternals<S, T>, options: EventStreamOptions) {
    this.#internals = internals;
    this.#checkpointer = options.checkpointer ?? checkpointers.inMemory();
    this.#reconnect = options.reconnect ?? defaultReconnectPolicy;
    this.#logger = internals.logger ?? silentLogger;
    this.#sleep = internals.sleep ?? abortableSleep;
    this.#startBlock = options.startBlock;
    options.signal?.addEventListener('abort', () => { this.close(); }, { once: true });
  }

  position(): { blockNumber: bigint | undefined; transactionId: string | undefined } {
    return { blockNumber: this.#checkpointer.getBlockNumber(), transactionId: this.#checkpointer.getTransactionId() };
  }

  close(): void {
    this.#stop.abort();
    this.#current?.close();
  }

  [Symbol.dispose](): void {
    this.close();
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    if (this.#iterating) {
      throw new TypeError('An event stream can be iterated only once');
    }
    this.#iterating = true;
    return this.#iterate();
  }

  /** Forgets the event being processed so that it is delivered again on resume (its handler failed). */
  discardPending(): void {
    this.#pending = undefined;
  }

  #isClosed(): boolean {
    return this.#stop.signal.aborted;
  }

  async *#iterate(): AsyncGenerator<T, void, undefined> {
    try {
      await this.#pinStart();
      let failures = 0;
      while (!this.#isClosed()) {
        try {
          for await (const event of this.#connect()) {
            failures = 0;
            yield event;
            await this.#commitPending();
          }
        } catch (error) {
          failures = await this.#afterFailure(error, failures);
        }
      }
    } finally {
      await this.#commitPending();
      this.close();
    }
  }

  async *#connect(): AsyncGenerator<T, void, undefined> {
    const events = await this.#internals.source.network.getChaincodeEvents(this.#internals.source.chaincode, this.#options());
    this.#current = events;
    try {
      if (this.#isClosed()) {
        return;
      }
      for await (const event of events) {
        const decoded = this.#accept(event);
        if (decoded !== undefined) {
          this.#pending = event;
          yield decoded;
        }
      }
      if (!this.#isClosed()) {
        throw new NetworkError('The chaincode event stream ended');
      }
    } finally {
      events.close();
      this.#current = undefined;
    }
  }

  #options(): ChaincodeEventsOptions {
    const options: { checkpoint: Checkpointer; startBlock?: bigint } = { checkpoint: this.#checkpointer };
    if (this.#startBlock !== undefined) {
      options.startBlock = this.#startBlock;
    }
    return options;
  }

  /** Returns the typed event, or undefined for an event to skip (another event name, or already processed). */
  #accept(event: ChaincodeEvent): T | undefined {
    if (event.eventName !== this.#internals.eventName || this.#isDuplicate(event)) {
      return undefined;
    }
    return this.#decode(event);
  }

  #isDuplicate(event: ChaincodeEvent): boolean {
    const checkpointBlock = this.#checkpointer.getBlockNumber();
    if (checkpointBlock === undefined) {
      return false;
    }
    if (event.blockNumber !== checkpointBlock) {
      return event.blockNumber < checkpointBlock;
    }
    return this.#seenInBlock.has(event.transactionId);
  }

  #decode(event: ChaincodeEvent): T {
    const what = `event ${event.eventName} of ${event.transactionId}`;
    const parsed = this.#internals.schema.safeParse(parseJson(event.payload, what));
    if (!parsed.success) {
      throw new DecodeError(`Unexpected payload in ${what}: ${describeIssues(parsed.error)}`, {
        transactionId: event.transactionId,
        cause: parsed.error,
      });
    }
    const payload = parsed.data as z.output<S>;
    return this.#internals.toEvent(payload, { blockNumber: event.blockNumber, transactionId: event.transactionId });
  }

  async #commitPending(): Promise<void> {
    const event = this.#pending;
    if (event === undefined) {
      return;
    }
    this.#pending = undefined;
    if (event.blockNumber !== this.#checkpointer.getBlockNumber()) {
      this.#seenInBlock = new Set();
    }
    this.#seenInBlock.add(event.transactionId);
    await this.#checkpointer.checkpointChaincodeEvent(event);
  }

  async #pinStart(): Promise<void> {
    const chainHeight = this.#internals.source.chainHeight;
    if (this.#startBlock !== undefined || this.#checkpointer.getBlockNumber() !== undefined || chainHeight === undefined) {
      return;
    }
    try {
      this.#startBlock = await chainHeight();
    } catch (error) {
      this.#logger.warn?.('could not read the chain height; events start at the next commit', { error: String(error) });
    }
  }

  /** Decides whether to reconnect after a stream failure; returns the new failure count or rethrows. */
  async #afterFailure(error: unknown, failures: number): Promise<number> {
    if (this.#isClosed()) {
      return failures;
    }
    if (error instanceof DecodeError || (error instanceof BaseError && error.category === 'configuration')) {
      throw error;
    }
    const count = failures + 1;
    if (count >= this.#reconnect.maxAttempts) {
      throw toSdkError(error, { transactionName: `${this.#internals.source.chaincode} events` });
    }
    const delay = reconnectDelay(this.#reconnect, count);
    this.#logger.warn?.('chaincode event stream failed, reconnecting', {
      error: error instanceof Error ? error.message : String(error),
      attempt: count,
      delayMs: delay,
      resumeFrom: this.#checkpointer.getBlockNumber()?.toString(),
    });
    await this.#sleep(delay, this.#stop.signal);
    return count;
  }
}
