/**
 * `npm run bench`: throughput and latency of battery-trace operations against the baseline write, contention under
 * a Zipf draw, query scaling and resources per transaction, on a running local network (see bench/README.md).
 */
import { Command, InvalidArgumentError } from 'commander';
import path from 'node:path';
import { runBench, type RunSettings } from './run';
import { fullProfile, quickProfile, suiteNames, type BenchProfile, type SuiteName } from './options';

function positiveNumbers(value: string): number[] {
  const numbers = value.split(',').map(Number);
  if (numbers.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new InvalidArgumentError('expected positive integers separated by commas');
  }
  return numbers;
}

function positive(value: string): number {
  const n = Number(value);
  if (!(n > 0)) {
    throw new InvalidArgumentError('expected a positive number');
  }
  return n;
}

function suites(value: string): SuiteName[] {
  const names = value.split(',');
  const unknown = names.filter((name) => !(suiteNames as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new InvalidArgumentError(`unknown suite ${unknown.join(', ')} (known: ${suiteNames.join(', ')})`);
  }
  return names as SuiteName[];
}

interface CliOptions {
  quick?: boolean;
  suites: SuiteName[];
  networkDir: string;
  out?: string;
  org: string;
  levels?: number[];
  roundSeconds?: number;
  commonLoad?: number;
  oneOrgChaincode?: string;
}

function profileOf(options: CliOptions): BenchProfile {
  const base = options.quick === true ? quickProfile : fullProfile;
  return {
    ...base,
    throughput: {
      ...base.throughput,
      ...(options.levels === undefined ? {} : { levels: options.levels }),
      ...(options.roundSeconds === undefined ? {} : { roundMs: options.roundSeconds * 1000 }),
      ...(options.commonLoad === undefined ? {} : { commonLoad: options.commonLoad }),
    },
  };
}

const program = new Command()
  .name('bench')
  .description('battery-trace benchmarks on a running local network; results under bench/results/<timestamp>/')
  .option('--quick', 'about 3 minutes: ramp 2, 8, 32; traces up to 100 records')
  .option('--suites <list>', `suites to run, comma-separated (${suiteNames.join(', ')})`, suites, [...suiteNames])
  .option('--network-dir <dir>', 'network state folder (connection material, pids, ledgers)', process.env.BT_NETWORK_DIR ?? '.network')
  .option('--out <dir>', 'results folder (default bench/results/<timestamp>)')
  .option('--org <org>', 'organisation whose gateway peer the clients use and whose user proposes', 'mining')
  .option('--levels <list>', 'concurrency ramp, e.g. 1,2,4,8', positiveNumbers)
  .option('--round-seconds <s>', 'measured seconds per round', positive)
  .option('--common-load <tx/s>', 'common offered load (default: half the lowest knee goodput)', positive)
  .option('--one-org-chaincode <name>', 'a definition of the same chaincode package endorsed by one organisation: the "baseline, one organisation" workload')
  .action(async (options: CliOptions) => {
    const startedAt = new Date();
    const settings: RunSettings = {
      profile: profileOf(options),
      suites: options.suites,
      networkDir: path.resolve(options.networkDir),
      outDir: path.resolve(options.out ?? path.join('bench', 'results', startedAt.toISOString().replaceAll(':', '-').replace(/\.\d+Z$/, 'Z'))),
      org: options.org,
      oneOrgChaincode: options.oneOrgChaincode,
      startedAt,
    };
    await runBench(settings);
  });

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
