import type { OrgKey } from '../../chaincode/src/api';
import { createContext, type Actor } from '../scenario/context';
import type { ScenarioInput } from '../scenario/input';
import type { Stage } from '../scenario/stages/index';
import type { Progress } from './progress';

/** A stage failed: which one, and which organisation made the last call. */
export class StageError extends Error {
  override name = 'StageError';
  readonly stage: string;
  readonly org: OrgKey | undefined;

  constructor(stage: string, org: OrgKey | undefined, cause: unknown) {
    super(`stage "${stage}" failed`, { cause });
    this.stage = stage;
    this.org = org;
  }
}

/**
 * Plays the stages in order as the organisations, printing progress.
 * @throws {@link StageError} wrapping the first failure
 */
export async function playStages(
  stages: readonly Stage[],
  input: ScenarioInput,
  actors: Readonly<Record<OrgKey, Actor>>,
  progress: Progress,
  startedAt: Date = new Date(),
): Promise<void> {
  const ctx = createContext(input, actors, progress, startedAt);
  for (const stage of stages) {
    try {
      await progress.stage(stage.name, () => stage.run(ctx));
    } catch (error) {
      throw new StageError(stage.name, ctx.lastOrg(), error);
    }
  }
}
