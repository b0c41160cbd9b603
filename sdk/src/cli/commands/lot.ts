import { lotTransactions } from '../../actions/definitions/lot';
import { getLotHistory } from '../../actions/lot/getLotHistory';
import { validateRequest } from '../../client/codec';
import type { ActionCommand } from '../command';
import { massEntries, parseInteger, parseJsonValue, parseList } from '../request';

const byId = { name: 'id', field: 'id', description: 'lot id' };
const paging = [
  { flags: '--page-size <n>', description: 'items per page (1–100)', parse: parseInteger },
  { flags: '--bookmark <bookmark>', description: 'continue after a previous page' },
];
const traceFlags = [
  { flags: '--type <recordType>', description: 'record type of the start (MaterialLot, Battery)' },
  { flags: '--max-depth <n>', description: 'how many links to follow', parse: parseInteger },
  ...paging,
];

/** `battery-trace lot …`. */
export const lotCommands: readonly ActionCommand[] = [
  {
    name: 'mint',
    description: 'mint a lot of extracted material at your mine or concentrator',
    transaction: lotTransactions.mintLot,
    flags: [
      { flags: '--id <id>', description: 'lot id' },
      { flags: '--facility-id <id>', description: 'your mine or concentrator' },
      { flags: '--material <material>', description: 'e.g. COBALT_HYDROXIDE, LITHIUM_SPODUMENE_CONCENTRATE' },
      { flags: '--mass-grams <grams>', description: 'mass in grams (integer)', parse: parseInteger },
      { flags: '--custody-model <model>', description: 'IDENTITY_PRESERVED (default), SEGREGATED, CONTROLLED_BLENDING, MASS_BALANCE' },
      { flags: '--assay <json>', description: '{"contentBasisPoints":…,"method":…}', parse: parseJsonValue },
      { flags: '--carbon-intensity <g>', description: 'g CO2e per kg', parse: parseInteger },
      { flags: '--extracted-from <time>', description: 'ISO 8601 UTC' },
      { flags: '--extracted-until <time>', description: 'ISO 8601 UTC' },
      { flags: '--claims <list>', description: 'comma-separated: CERTIFIED_ORIGIN, CONFLICT_FREE…', parse: parseList },
    ],
  },
  { name: 'get', description: 'show a lot', transaction: lotTransactions.getLot, argument: byId, flags: [] },
  {
    name: 'history',
    description: "show a lot's versions, oldest first, after verifying their hash chain",
    argument: byId,
    flags: [],
    run: (client, request) => getLotHistory(client, validateRequest(lotTransactions.getLotHistory.request, request, 'lot:GetLotHistory')),
  },
  {
    name: 'split',
    description: 'split children off a lot in your custody',
    transaction: lotTransactions.splitLot,
    flags: [
      { flags: '--lot-id <id>', description: 'parent lot' },
      { flags: '--child <id=grams>', description: 'a child lot and its mass (repeat)', field: 'children', parse: massEntries('id') },
    ],
  },
  {
    name: 'merge',
    description: 'merge whole lots of one material at one facility into a new lot',
    transaction: lotTransactions.mergeLots,
    flags: [
      { flags: '--id <id>', description: 'new lot id' },
      { flags: '--lot-ids <list>', description: 'comma-separated lots to merge', parse: parseList },
    ],
  },
  {
    name: 'list',
    description: "list the lots in a facility's custody",
    transaction: lotTransactions.listLots,
    flags: [{ flags: '--facility-id <id>', description: 'facility' }, ...paging],
  },
  { name: 'trace-up', description: 'trace a lot or battery upstream to its sources', transaction: lotTransactions.traceUpstream, argument: byId, flags: traceFlags },
  { name: 'trace-down', description: 'trace a lot downstream to everything it fed', transaction: lotTransactions.traceDownstream, argument: byId, flags: traceFlags },
];
