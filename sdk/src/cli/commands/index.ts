import type { ActionCommand } from '../command';
import { baselineCommands } from './baseline';

/** Every command group: name, description, commands. */
export const commandGroups: readonly [string, string, readonly ActionCommand[]][] = [
  ['baseline', 'benchmark baseline: one-key write and read', baselineCommands],
];
