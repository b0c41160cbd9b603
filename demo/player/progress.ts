/** Progress output for people: each stage named and numbered, with its duration and the total elapsed time. */

/** Receives one line of output. */
export type LineWriter = (line: string) => void;

/** Runs named stages and prints their progress. */
export interface Progress {
  /**
   * Runs one stage: prints its name, runs it, prints how long it took.
   * @throws whatever the stage throws, after printing that it failed
   */
  stage<T>(name: string, run: () => Promise<T>): Promise<T>;
  /** Prints an indented detail line inside the current stage. */
  note(text: string): void;
  /** Seconds since the progress was created. */
  elapsedSeconds(): number;
}

/** Options of {@link createProgress}. */
export interface ProgressOptions {
  /** Number of stages, to print `[n/total]`; omitted when unknown. */
  readonly total?: number;
  /** Milliseconds clock; `performance.now` by default. */
  readonly clock?: () => number;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

/**
 * Creates a progress printer.
 * @param write - where lines go (e.g. `console.log`)
 * @example
 * ```ts
 * const progress = createProgress(console.log, { total: 2 });
 * await progress.stage('Facilities', () => registerFacilities(ctx));
 * ```
 */
export function createProgress(write: LineWriter, options: ProgressOptions = {}): Progress {
  const clock = options.clock ?? (() => performance.now());
  const start = clock();
  let count = 0;
  return {
    async stage<T>(name: string, run: () => Promise<T>): Promise<T> {
      count += 1;
      const position = options.total === undefined ? `[${count}]` : `[${count}/${options.total}]`;
      write(`==> ${position} ${name}`);
      const stageStart = clock();
      try {
        const result = await run();
        write(`    ✓ ${name} in ${seconds(clock() - stageStart)} (total ${seconds(clock() - start)})`);
        return result;
      } catch (error) {
        write(`    ✗ ${name} failed after ${seconds(clock() - stageStart)}`);
        throw error;
      }
    },
    note(text: string): void {
      write(`    · ${text}`);
    },
    elapsedSeconds(): number {
      return (clock() - start) / 1000;
    },
  };
}
