/**
 * A pausable gate for background set-up (e.g. building a lot's history one version at a time): measured rounds
 * close it so that background transactions never mix with measured ones.
 */
export interface Gate {
  /** Closes the gate; `passed()` callers wait until it opens. */
  close(): void;
  open(): void;
  /** Resolves at once when open, else when the gate next opens. */
  passed(): Promise<void>;
}

/** A gate, initially open. */
export function newGate(): Gate {
  let waiting: (() => void)[] = [];
  let closed = false;
  return {
    close: () => {
      closed = true;
    },
    open: () => {
      closed = false;
      const resume = waiting;
      waiting = [];
      resume.forEach((resolve) => {
        resolve();
      });
    },
    passed: () =>
      closed
        ? new Promise<void>((resolve) => {
            waiting.push(resolve);
          })
        : Promise.resolve(),
  };
}
