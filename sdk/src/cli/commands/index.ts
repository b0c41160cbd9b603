import type { ActionCommand } from '../command';
import { auditCommands } from './audit';
import { baselineCommands } from './baseline';
import { batteryCommands } from './battery';
import { custodyCommands } from './custody';
import { facilityCommands } from './facility';
import { lotCommands } from './lot';
import { massBalanceCommands } from './massbalance';
import { processCommands } from './process';

/** Every command group: name, description, commands. */
export const commandGroups: readonly [string, string, readonly ActionCommand[]][] = [
  ['facility', 'facilities: register, show, list, certifications', facilityCommands],
  ['lot', 'material lots: mint, split, merge, show, history, upstream/downstream trace', lotCommands],
  ['custody', 'custody transfers: propose, accept, reject, cancel, resolve disputes, show', custodyCommands],
  ['process', 'transformations: refining, cathode synthesis, cell making, recycling', processCommands],
  ['massbalance', 'mass balance: periods, claims on outputs, reconciliation, statements', massBalanceCommands],
  ['battery', 'batteries and passports: issue, market, use, state of health, second life, collection, recycling', batteryCommands],
  ['audit', 'attestations by auditors', auditCommands],
  ['baseline', 'benchmark baseline: one-key write and read', baselineCommands],
];
