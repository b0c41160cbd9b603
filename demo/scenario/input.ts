import { recovery } from './plan';

/** The scenario's inputs: what a run may vary. Everything else is the fixed story of the catalogue. */
export interface ScenarioInput {
  /** Prefix of every id this run creates, so that runs on one network never collide. */
  readonly runId: string;
  /**
   * Grams of recovered cobalt sulfate the recycler sends to the cathode plant for the second-generation cells;
   * 0 feeds the new cells from virgin material only.
   */
  readonly recycledCobaltSulfateGrams: number;
  /** Which recovered nickel sulfate lot feeds the new cells: the recycler's own, or none (virgin only). */
  readonly recycledNickelFeed: 'recovered' | 'none';
}

/** A fresh run id: `d` and the current time in base 36, e.g. `dm3k9x2a1`. */
export function newRunId(now: number = Date.now()): string {
  return `d${now.toString(36)}`;
}

/** The default inputs of a run. */
export function defaultScenarioInput(runId: string = newRunId()): ScenarioInput {
  return { runId, recycledCobaltSulfateGrams: recovery.recoveredCobaltSulfateGrams, recycledNickelFeed: 'recovered' };
}

/**
 * Checks a scenario input.
 * @throws {RangeError} when the run id cannot prefix a ledger id or the recycled mass is not a whole number of grams the recycler has
 */
export function checkScenarioInput(input: ScenarioInput): ScenarioInput {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,40}$/.test(input.runId)) {
    throw new RangeError(`run id '${input.runId}' must be 1–41 letters, digits, '.', '_' or '-', starting with a letter or digit`);
  }
  const most = recovery.recoveredCobaltSulfateGrams;
  if (!Number.isSafeInteger(input.recycledCobaltSulfateGrams) || input.recycledCobaltSulfateGrams < 0 || input.recycledCobaltSulfateGrams > most) {
    throw new RangeError(`recycled cobalt sulfate must be a whole number of grams from 0 to ${most} (what the recycler recovers)`);
  }
  return input;
}
