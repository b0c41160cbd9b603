import { baselineRead, baselineWrite } from '../../actions/baseline/definitions';
import type { ActionCommand } from '../command';

/** `battery-trace baseline …`: the benchmark's one-key write and read. */
export const baselineCommands: readonly ActionCommand[] = [
  {
    name: 'write',
    description: 'write one small key (baseline:Write), the benchmark reference transaction',
    flags: [
      { flags: '--key <key>', description: 'key (letters, digits, . _ -)' },
      { flags: '--value <value>', description: 'value, at most 256 characters' },
    ],
    transaction: baselineWrite,
  },
  {
    name: 'read',
    description: 'read a baseline key (baseline:Read)',
    flags: [{ flags: '--key <key>', description: 'key' }],
    transaction: baselineRead,
  },
];
