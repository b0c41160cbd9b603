import { checkpointers } from '@hyperledger/fabric-gateway';
import { Command } from 'commander';
import type { TraceEvent } from '../../events/traceEvent';
import { type CliDependencies, connectFrom, type GlobalOptions } from '../program';
import { toJson } from '../output';
import { parseInteger } from '../request';

function line(event: TraceEvent): string {
  const changes = event.changes.map((change) => `${change.type}:${change.id} ${change.action}`).join(', ');
  return `#${event.blockNumber.toString()} ${event.timestamp} ${event.transaction} ${event.transactionId.slice(0, 12)}… ${changes}`;
}

/** `battery-trace events`: follows the ledger's events, resumable with a checkpoint file. */
export function eventsCommand(dependencies: CliDependencies): Command {
  const command = new Command('events');
  return command
    .description('follow battery-trace events (reconnects when the peer restarts; Ctrl-C to stop)')
    .option('--checkpoint <file>', 'checkpoint file: resume after the last event printed by a previous run')
    .option('--start-block <n>', 'block to start from when there is no checkpoint', parseInteger)
    .option('--count <n>', 'stop after this many events', parseInteger)
    .action(async (options: { checkpoint?: string; startBlock?: number; count?: number }) => {
      const json = command.optsWithGlobals<GlobalOptions>().json;
      const client = connectFrom(command, dependencies);
      const stop = (): void => { client.close(); };
      process.once('SIGINT', stop);
      try {
        const events = client.events({
          ...(options.checkpoint ? { checkpointer: await checkpointers.file(options.checkpoint) } : {}),
          ...(options.startBlock === undefined ? {} : { startBlock: BigInt(options.startBlock) }),
        });
        let seen = 0;
        for await (const event of events) {
          dependencies.output.out(json ? JSON.stringify(JSON.parse(toJson(event))) : line(event));
          if (++seen === options.count) break;
        }
      } finally {
        process.removeListener('SIGINT', stop);
        client.close();
      }
    });
}
