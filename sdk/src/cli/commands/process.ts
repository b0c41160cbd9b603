import { processTransactions } from '../../actions/definitions/process';
import type { ActionCommand } from '../command';
import { massEntries, parseInteger, parseJsonValue } from '../request';

/** `battery-trace process …`. */
export const processCommands: readonly ActionCommand[] = [
  {
    name: 'transform',
    description: 'record a transformation at your facility: inputs → outputs + losses (mass and every element conserved)',
    transaction: processTransactions.transform,
    flags: [
      { flags: '--id <id>', description: 'process run id' },
      { flags: '--facility-id <id>', description: 'your facility holding every input' },
      { flags: '--process-kind <kind>', description: 'e.g. REFINING, CATHODE_SYNTHESIS, CELL_MANUFACTURING, RECYCLING' },
      { flags: '--input <lotId=grams>', description: 'an input lot and the mass taken (repeat)', field: 'inputs', parse: massEntries('lotId') },
      { flags: '--outputs <json>', description: 'list of {id, material, massGrams, custodyModel?, assay?}', parse: parseJsonValue },
      { flags: '--loss-grams <grams>', description: 'process losses', parse: parseInteger },
      { flags: '--reagent-grams <grams>', description: 'mass added by untracked reagents carrying no conserved element', parse: parseInteger },
      { flags: '--process-emissions-grams-co2e <grams>', description: "the process's own emissions, allocated to the outputs by mass", parse: parseInteger },
      { flags: '--started-at <time>', description: 'ISO 8601 UTC' },
      { flags: '--completed-at <time>', description: 'ISO 8601 UTC' },
      { flags: '--description <text>', description: 'description' },
    ],
  },
  { name: 'get', description: 'show a process run', transaction: processTransactions.getProcessRun, argument: { name: 'id', field: 'id', description: 'process run id' }, flags: [] },
];
