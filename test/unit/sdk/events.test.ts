import { expect } from 'chai';
import { checkpointers, type ChaincodeEvent } from '@hyperledger/fabric-gateway';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCoreClient, DecodeError, type CoreClient, type TraceEvent } from '../../../sdk/src/index';
import { FakeNetwork, traceEvent } from './support/fakeGateway';

const fastReconnect = { maxAttempts: 5, initialDelayMs: 1, maxDelayMs: 2, multiplier: 2 };

function ledger(): ChaincodeEvent[] {
  return [traceEvent(5n, 'a'), traceEvent(5n, 'b'), traceEvent(6n, 'c'), traceEvent(8n, 'd'), traceEvent(8n, 'e'), traceEvent(9n, 'f')];
}

function client(network: FakeNetwork): CoreClient {
  return createCoreClient({ network: network.asNetwork(), chainHeight: () => Promise.resolve(5n) });
}

async function take(iterable: AsyncIterable<TraceEvent>, count: number): Promise<string[]> {
  const seen: string[] = [];
  for await (const event of iterable) {
    seen.push(event.transactionId);
    if (seen.length === count) break;
  }
  return seen;
}

describe('SDK events', () => {
  it('decodes battery-trace events into typed envelopes with their ledger position', async () => {
    const network = new FakeNetwork(ledger());
    const events = client(network).events();
    const [first] = await (async () => {
      for await (const event of events) return [event];
      return [];
    })();
    expect(first).to.deep.include({ blockNumber: 5n, transactionId: 'a', txId: 'a', transaction: 'lot:MintLot' });
    expect(first?.changes).to.deep.equal([{ type: 'MaterialLot', id: 'L-a', action: 'CREATED' }]);
  });

  it('pins a new subscription at the chain height so a reconnect before the first event misses nothing', async () => {
    const network = new FakeNetwork(ledger());
    await take(client(network).events(), 1);
    expect(network.requests[0]).to.deep.equal({ startBlock: 5n, afterTransactionId: undefined });
  });

  it('reconnects after the stream fails and resumes after the last processed event, without duplicates', async () => {
    const network = new FakeNetwork(ledger(), [2, 1, undefined]);
    const seen = await take(client(network).events({ reconnect: fastReconnect }), 6);
    expect(seen).to.deep.equal(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(network.requests).to.have.length(3);
    expect(network.requests[1]).to.deep.equal({ startBlock: 5n, afterTransactionId: 'b' });
    expect(network.requests[2]).to.deep.equal({ startBlock: 6n, afterTransactionId: 'c' });
  });

  it('skips an event the peer redelivers after a reconnect', async () => {
    const network = new FakeNetwork([traceEvent(5n, 'a'), traceEvent(5n, 'b')], [1, undefined]);
    const original = network.getChaincodeEvents.bind(network);
    let calls = 0;
    network.getChaincodeEvents = (chaincode, options) => {
      calls++;
      // the second stream ignores the checkpoint's transaction and replays the whole block
      return calls === 2 ? original(chaincode, { startBlock: 5n }) : original(chaincode, options);
    };
    expect(await take(client(network).events({ reconnect: fastReconnect }), 2)).to.deep.equal(['a', 'b']);
  });

  it('resumes from a file checkpoint in a new listener: stopped and restarted, no event missed or seen twice', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bt-events-'));
    try {
      const file = path.join(dir, 'checkpoint.json');
      const network = new FakeNetwork(ledger());
      const first = await take(client(network).events({ checkpointer: await checkpointers.file(file) }), 3);
      const second = await take(client(network).events({ checkpointer: await checkpointers.file(file) }), 3);
      expect(first).to.deep.equal(['a', 'b', 'c']);
      expect(second).to.deep.equal(['d', 'e', 'f']);
      expect(network.requests[1]).to.deep.equal({ startBlock: 6n, afterTransactionId: 'c' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('checkpoints an event only after the listener handler resolves', async () => {
    const network = new FakeNetwork(ledger());
    const checkpointer = checkpointers.inMemory();
    const handled: string[] = [];
    const listener = client(network).listen(
      (event) => {
        if (event.transactionId === 'c') throw new Error('handler failed');
        handled.push(event.transactionId);
      },
      { checkpointer },
    );
    const error = await listener.done.catch((e: unknown) => e);
    expect((error as Error).message).to.equal('handler failed');
    expect(handled).to.deep.equal(['a', 'b']);
    expect(checkpointer.getTransactionId()).to.equal('b');
    const resumed = await take(client(network).events({ checkpointer }), 1);
    expect(resumed).to.deep.equal(['c']);
  });

  it('gives up after the reconnect policy is exhausted', async () => {
    const network = new FakeNetwork(ledger(), [0, 0, 0]);
    const error = await take(client(network).events({ reconnect: { ...fastReconnect, maxAttempts: 3 } }), 1).catch((e: unknown) => e);
    expect(error).to.have.property('category', 'network');
    expect(network.requests).to.have.length(3);
  });

  it('fails with a DecodeError on a malformed payload instead of skipping it', async () => {
    const bad: ChaincodeEvent = { ...traceEvent(5n, 'a'), payload: new TextEncoder().encode('{"txId":1}') };
    const error = await take(client(new FakeNetwork([bad])).events(), 1).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(DecodeError);
  });

  it('ignores events with another name', async () => {
    const other: ChaincodeEvent = { ...traceEvent(5n, 'x'), eventName: 'something-else' };
    const network = new FakeNetwork([other, traceEvent(6n, 'y')]);
    expect(await take(client(network).events(), 1)).to.deep.equal(['y']);
  });

  it('close() ends iteration and closes the gateway stream', async () => {
    const network = new FakeNetwork(ledger());
    const sdk = client(network);
    const events = sdk.events();
    const seen: string[] = [];
    for await (const event of events) {
      seen.push(event.transactionId);
      if (seen.length === 6) setTimeout(() => { sdk.close(); }, 10);
    }
    expect(seen).to.have.length(6);
    expect(network.streams.every((stream) => stream.closed)).to.equal(true);
  });

  it('refuses events on a client created from a bare Contract', () => {
    const network = new FakeNetwork([]);
    expect(() => createCoreClient({ contract: network.contract }).events()).to.throw(/Network/);
  });
});
