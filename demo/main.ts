import { Command, InvalidArgumentError } from 'commander';
import { defaultNetworkDir } from '../sdk/src/index';
import { explainFailure } from './player/failure';
import { StageError } from './player/play';
import { runDemo } from './player/runDemo';
import { defaultScenarioInput, type ScenarioInput } from './scenario/input';

function grams(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 0) throw new InvalidArgumentError('a whole, non-negative number of grams');
  return parsed;
}

interface CliOptions {
  networkDir?: string;
  out?: string;
  runId?: string;
  recycledCobaltGrams?: number;
  recycledNickel: boolean;
}

function program(): Command {
  return new Command('demo')
    .description('Plays a mine-to-recycler value chain on the local network through the SDK and writes a report read from the ledger.')
    .option('--network-dir <dir>', 'network state folder (default: BT_NETWORK_DIR or ./.network)')
    .option('--out <dir>', 'report folder (default: <network-dir>/report)')
    .option('--run-id <id>', 'prefix of every id of this run (default: a fresh one)')
    .option('--recycled-cobalt-grams <grams>', 'recovered cobalt sulfate fed into the second-generation cathode', grams)
    .option('--no-recycled-nickel', 'feed the second-generation cathode with virgin nickel only');
}

async function main(argv: readonly string[]): Promise<number> {
  const cli = program().parse(argv, { from: 'node' });
  const options = cli.opts<CliOptions>();
  const networkDir = options.networkDir ?? defaultNetworkDir();
  const defaults = defaultScenarioInput(options.runId);
  const input: ScenarioInput = {
    ...defaults,
    ...(options.recycledCobaltGrams === undefined ? {} : { recycledCobaltSulfateGrams: options.recycledCobaltGrams }),
    recycledNickelFeed: options.recycledNickel ? 'recovered' : 'none',
  };
  const write = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  try {
    await runDemo({ input, networkDir, ...(options.out === undefined ? {} : { reportDir: options.out }), write });
    return 0;
  } catch (error) {
    const context = error instanceof StageError ? { networkDir, stage: error.stage, ...(error.org ? { org: error.org } : {}) } : { networkDir };
    const cause = error instanceof StageError ? error.cause : error;
    process.stderr.write(`\n${explainFailure(cause, context).join('\n')}\n`);
    return 1;
  }
}

void main(process.argv).then((code) => {
  process.exitCode = code;
});
