import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkpointers, type BatteryTraceClient, type EventStream, type TraceEvent } from '../../sdk/src/index';
import { runId } from './support/network';
import { startNode, stopNode } from './support/nodes';
import { party } from './support/parties';

/** Reads the stream until `enough` of this test's events arrived (or the timeout closes it). */
async function collect(stream: EventStream<TraceEvent>, mine: (e: TraceEvent) => boolean, enough: number, timeoutMs: number): Promise<TraceEvent[]> {
  const seen: TraceEvent[] = [];
  const timer = setTimeout(() => { stream.close(); }, timeoutMs);
  try {
    for await (const event of stream) {
      if (mine(event)) seen.push(event);
      if (seen.length >= enough) break;
    }
  } finally {
    clearTimeout(timer);
  }
  return seen;
}

const ids = (events: TraceEvent[]): string[] => events.flatMap((e) => e.changes.map((c) => c.id));
const until = (predicate: () => boolean, timeoutMs: number): Promise<void> =>
  new Promise((resolve, reject) => {
    const deadline = Date.now() + timeoutMs;
    const poll = setInterval(() => {
      if (predicate()) { clearInterval(poll); resolve(); } else if (Date.now() > deadline) { clearInterval(poll); reject(new Error('timed out')); }
    }, 100);
  });

describe('event listeners', function () {
  this.timeout(240_000);
  let miningAdmin: BatteryTraceClient;
  let manufacturingAdmin: BatteryTraceClient;
  let dir: string;

  before(() => {
    miningAdmin = party('mining', 'admin');
    manufacturingAdmin = party('manufacturing', 'admin');
    dir = mkdtempSync(path.join(os.tmpdir(), 'bt-events-'));
  });

  after(() => {
    miningAdmin.close();
    manufacturingAdmin.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('resumes from its file checkpoint after a stop, missing none and repeating none', async () => {
    const prefix = `${runId}-ev-stop`;
    const mine = (e: TraceEvent): boolean => e.changes.some((c) => c.id.startsWith(prefix));
    const expected = Array.from({ length: 6 }, (_, i) => `${prefix}-${i}`);
    for (const id of expected) {
      await miningAdmin.registerFacility({ id, kind: 'MINE', name: `Mine ${id}`, country: 'ZM' });
    }
    const file = path.join(dir, 'listener.checkpoint');
    const first = await collect(miningAdmin.events({ checkpointer: await checkpointers.file(file), startBlock: 0n }), mine, 3, 60_000);
    const second = await collect(miningAdmin.events({ checkpointer: await checkpointers.file(file), startBlock: 0n }), mine, 3, 60_000);
    expect(ids(first)).to.deep.equal(expected.slice(0, 3));
    expect(ids(second)).to.deep.equal(expected.slice(3));
  });

  it('reconnects when its gateway peer restarts and delivers every event exactly once', async () => {
    const prefix = `${runId}-ev-restart`;
    const mine = (e: TraceEvent): boolean => e.changes.some((c) => c.id.startsWith(prefix));
    const listener = party('mining', 'user1');
    const received: TraceEvent[] = [];
    const stream = listener.events({ startBlock: 0n, reconnect: { initialDelayMs: 250, maxDelayMs: 2_000, multiplier: 2, maxAttempts: 200 } });
    const done = collect(stream, (e) => { if (mine(e)) received.push(e); return mine(e); }, 6, 180_000);
    try {
      const before = [0, 1, 2].map((i) => `${prefix}-${i}`);
      for (const id of before) await miningAdmin.registerFacility({ id, kind: 'MINE', name: `Mine ${id}`, country: 'ZM' });
      await until(() => received.length >= 3, 60_000);

      await stopNode('peer-mining');
      const during = [3, 4, 5].map((i) => `${prefix}-${i}`);
      for (const id of during) await manufacturingAdmin.registerFacility({ id, kind: 'CELL_PLANT', name: `Plant ${id}`, country: 'DE' });
      await startNode('peer-mining');

      const events = await done;
      expect(ids(events)).to.deep.equal([...before, ...during]);
    } finally {
      stream.close();
      listener.close();
    }
  });
});
