import { massBalanceTransactions } from '../../actions/definitions/massbalance';
import type { ActionCommand, FieldFlag } from '../command';
import { parseInteger, parseJsonValue } from '../request';

const account: readonly FieldFlag[] = [
  { flags: '--facility-id <id>', description: 'facility' },
  { flags: '--material <material>', description: 'material, e.g. COBALT_SULFATE' },
  { flags: '--claim <claim>', description: 'CERTIFIED_ORIGIN, PRE_CONSUMER_RECYCLED, POST_CONSUMER_RECYCLED, CONFLICT_FREE' },
];
const periodId = { flags: '--period-id <id>', description: 'balancing period' };

/** `battery-trace massbalance …`. */
export const massBalanceCommands: readonly ActionCommand[] = [
  {
    name: 'open-period',
    description: 'open the next balancing period of an account (facility × material × claim)',
    transaction: massBalanceTransactions.openPeriod,
    flags: [
      { flags: '--id <id>', description: 'period id' },
      ...account,
      { flags: '--starts-at <time>', description: "ISO 8601 UTC (first period only; later ones start where the last ended)" },
      { flags: '--ends-at <time>', description: 'ISO 8601 UTC' },
      { flags: '--tolerance-basis-points <bp>', description: 'reconciliation tolerance (default 50 = 0.5 %)', parse: parseInteger },
    ],
  },
  {
    name: 'claim',
    description: "label a transformation output (or a part of it) with a claim against an input material's credit",
    transaction: massBalanceTransactions.claimOnOutput,
    flags: [
      { flags: '--id <id>', description: 'movement id' },
      { flags: '--process-run-id <id>', description: 'the transformation' },
      { flags: '--output-lot-id <id>', description: 'the output lot that carries the claim' },
      { flags: '--claim <claim>', description: 'the claim' },
      { flags: '--source-material <material>', description: 'input material whose account backs the claim' },
      { flags: '--mass-grams <grams>', description: 'output mass carrying the claim: the whole lot, or a part with --claimed-lot-id', parse: parseInteger },
      { flags: '--claimed-lot-id <id>', description: 'id of the lot split off for a claim on part of the output' },
      { flags: '--conversion <json>', description: '{"inputGrams":…,"outputGrams":…} (default: the run\'s yield)', parse: parseJsonValue },
    ],
  },
  {
    name: 'reconcile',
    description: "reconcile a period's book balance against the declared physical stock",
    transaction: massBalanceTransactions.reconcilePeriod,
    flags: [periodId, { flags: '--declared-physical-stock-grams <grams>', description: 'physical stock counted', parse: parseInteger }],
  },
  { name: 'close-period', description: 'close a reconciled period and carry the balance over', transaction: massBalanceTransactions.closePeriod, flags: [periodId] },
  { name: 'account', description: 'show an account head', transaction: massBalanceTransactions.getAccount, flags: account },
  { name: 'period', description: 'show a period', transaction: massBalanceTransactions.getPeriod, argument: { name: 'id', field: 'id', description: 'period id' }, flags: [] },
  {
    name: 'statement',
    description: "an account's mass-balance statement: opening, credits in, claims out, balance",
    transaction: massBalanceTransactions.getStatement,
    flags: [...account, { flags: '--period-id <id>', description: 'period (default: the open or last one)' }],
  },
  {
    name: 'movements',
    description: "list an account's movements in a time window",
    transaction: massBalanceTransactions.listMovements,
    flags: [
      ...account,
      { flags: '--from <time>', description: 'ISO 8601 UTC' },
      { flags: '--until <time>', description: 'ISO 8601 UTC' },
      { flags: '--page-size <n>', description: 'items per page (1–100)', parse: parseInteger },
      { flags: '--bookmark <bookmark>', description: 'continue after a previous page' },
    ],
  },
];
