import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const script = path.resolve(__dirname, '../../../../scripts/network.sh');

/** Stops one node of the running network by its pid (`scripts/network.sh stop-node`). */
export async function stopNode(name: string): Promise<void> {
  await run('bash', [script, 'stop-node', name], { env: process.env });
}

/** Starts that node again on its ledger and waits for its /healthz (`scripts/network.sh start-node`). */
export async function startNode(name: string): Promise<void> {
  await run('bash', [script, 'start-node', name], { env: process.env, timeout: 120_000 });
}

/** Calls `attempt` until it resolves or `timeoutMs` passes; rethrows the last error. */
export async function eventually<T>(attempt: () => Promise<T>, timeoutMs = 60_000, intervalMs = 500): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
