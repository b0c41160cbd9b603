import type { ActionCommand } from '../command';
import { baselineCommands } from './baseline';
import { custodyCommands } from './custody';
import { facilityCommands } from './facility';
import { lotCommands } from './lot';
import { processCommands } from './process';

/** Every command group: name, description, commands. */
export const commandGroups: readonly [string, string, readonly ActionCommand[]][] = [
  ['facility', 'facilities: register, show, list, certifications', facilityCommands],
  ['lot', 'material lots: mint, split, merge, show, history, upstream/downstream trace', lotCommands],
  ['custody', 'custody transfers: propose, accept, reject, cancel, resolve disputes, show', custodyCommands],
  ['process', 'transformations: refining, cathode synthesis, cell making, recycling', processCommands],
  ['baseline', 'benchmark baseline: one-key write and read', baselineCommands],
];
