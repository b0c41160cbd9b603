import { CommanderError } from 'commander';
import { BaseError } from '../errors/BaseError';
import { ExitStatus, exitCodeOf, exitCodes } from './exitCodes';
import { toJson } from './output';
import { buildProgram, type CliDependencies } from './program';

function describe(error: unknown): string {
  if (!(error instanceof BaseError)) {
    return `Error: ${error instanceof Error ? error.message : String(error)}`;
  }
  const lines = [`Error: ${error.shortMessage}`];
  if ('code' in error && typeof error.code === 'string') lines.push(`  code: ${error.code}`);
  if (error.transactionId) lines.push(`  transaction: ${error.transactionId}`);
  error.details.forEach((detail) => lines.push(`  ${detail.mspId} ${detail.address}: ${detail.message}`));
  return lines.join('\n');
}

function describeJson(error: unknown): string {
  if (!(error instanceof BaseError)) {
    return toJson({ error: { name: 'Error', message: error instanceof Error ? error.message : String(error) } });
  }
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  const { name, category, shortMessage: message, transactionId, transactionName, details } = error;
  return toJson({ error: { name, category, code, message, transactionId, transactionName, details } });
}

/**
 * Runs the CLI with `argv` (without the node and script entries) and returns the exit code; never exits.
 */
export async function runCli(argv: readonly string[], dependencies: CliDependencies): Promise<number> {
  const program = buildProgram(dependencies);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCodes.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    }
    if (error instanceof ExitStatus) {
      return error.code;
    }
    const json = argv.includes('--json');
    dependencies.output.err(json ? describeJson(error) : describe(error));
    return exitCodeOf(error);
  }
}
