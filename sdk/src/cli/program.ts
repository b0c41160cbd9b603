import { Command, Option } from 'commander';
import { connectOrganisation } from '../client/createClient';
import type { BatteryTraceClient } from '../client/createClient';
import { retryPolicies } from '../client/retry';
import type { OrganisationConnectOptions } from '../connection/connect';
import { organisations } from '../connection/ConnectionMaterial';
import { groupCommand, type ActionCommand, type Runner } from './command';
import { commandGroups } from './commands/index';
import { eventsCommand } from './commands/events';
import { proofCommand } from './commands/proof';
import { exitCodesHelp } from './exitCodes';
import { render, type Output } from './output';
import { parseInteger } from './request';

/** The options every command inherits from the root. */
export interface GlobalOptions {
  readonly org: string;
  readonly user: string;
  readonly networkDir?: string;
  readonly json: boolean;
  readonly retry: number;
}

/** What the CLI depends on; replaced in tests. */
export interface CliDependencies {
  readonly output: Output;
  readonly connect: (options: OrganisationConnectOptions) => BatteryTraceClient;
}

/** The dependencies of the real CLI. */
export const defaultDependencies = (output: Output): CliDependencies => ({ output, connect: connectOrganisation });

/** Connects as the identity the global options name. */
export function connectFrom(command: Command, dependencies: CliDependencies): BatteryTraceClient {
  const options = command.optsWithGlobals<GlobalOptions>();
  const retry = options.retry > 1 ? { ...retryPolicies.readConflicts, maxAttempts: options.retry } : retryPolicies.none;
  return dependencies.connect({
    org: options.org,
    identity: options.user,
    retry,
    ...(options.networkDir ? { networkDir: options.networkDir } : {}),
  });
}

function runnerFor(dependencies: CliDependencies): Runner {
  return async (command, run) => {
    const client = connectFrom(command, dependencies);
    try {
      const result = await run(client);
      dependencies.output.out(render(result, command.optsWithGlobals<GlobalOptions>().json));
    } finally {
      client.close();
    }
  };
}

/**
 * Builds the `battery-trace` command line: global identity options and one command per participant action and
 * auditor query, grouped by aggregate.
 */
export function buildProgram(dependencies: CliDependencies, extraGroups: readonly [string, string, readonly ActionCommand[]][] = []): Command {
  const program = new Command('battery-trace')
    .description('Track-and-trace for the battery value chain: participant actions and auditor queries on the ledger')
    .addOption(new Option('--org <org>', 'organisation whose connection material to use').choices(organisations).default('mining'))
    .option('--user <name>', 'identity in the connection material (user1, user2, admin)', 'user1')
    .option('--network-dir <dir>', 'network state folder (default: $BT_NETWORK_DIR or the nearest .network)')
    .option('--json', 'print JSON instead of tables (for scripts)', false)
    .option('--retry <attempts>', 'attempts for transactions hitting an MVCC read conflict at commit', parseInteger, 1)
    .addHelpText('after', exitCodesHelp)
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => { dependencies.output.out(text.trimEnd()); },
      writeErr: (text) => { dependencies.output.err(text.trimEnd()); },
    });
  const runner = runnerFor(dependencies);
  for (const [name, description, specs] of [...commandGroups, ...extraGroups]) {
    program.addCommand(groupCommand(name, description, specs, runner));
  }
  program.addCommand(proofCommand(dependencies));
  program.addCommand(eventsCommand(dependencies));
  inheritSettings(program);
  return program;
}

/** Gives every sub-command the root's output, exit and help settings (`addCommand` does not copy them). */
function inheritSettings(parent: Command): void {
  for (const child of parent.commands) {
    child.copyInheritedSettings(parent);
    inheritSettings(child);
  }
}
