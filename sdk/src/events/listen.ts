import type { ChaincodeEventStream, EventStream } from './EventStream';

/** A running event listener. */
export interface Listener {
  /** Resolves when the listener stops: after `close()`, or rejects when the handler or the stream fails for good. */
  readonly done: Promise<void>;
  /** Stops the listener; the event being handled finishes first and is checkpointed if its handler succeeds. */
  close(): void;
}

/** Internal view of a stream that can forget the event being processed. */
type DiscardableStream<T> = EventStream<T> & Pick<ChaincodeEventStream<never, T>, 'discardPending'>;

/**
 * Runs `handler` for each event. An event is checkpointed only after its handler resolves; when the handler
 * throws, the listener stops with that error and the event is delivered again on resume.
 */
export function runListener<T>(stream: DiscardableStream<T>, handler: (event: T) => Promise<void> | void): Listener {
  const done = (async (): Promise<void> => {
    for await (const event of stream) {
      try {
        await handler(event);
      } catch (error) {
        stream.discardPending();
        throw error;
      }
    }
  })();
  return { done, close: () => { stream.close(); } };
}
