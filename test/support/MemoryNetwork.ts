import { Context } from 'fabric-contract-api';
import type { ClientIdentity } from 'fabric-shim-api';
import { MemoryStub, type WriteSet } from './MemoryStub';
import { WorldState } from './WorldState';

/** Options of one transaction. */
export interface InvokeOptions {
  /** Transient data: each value is sent as UTF-8 JSON, as the SDK does. */
  readonly transient?: Readonly<Record<string, unknown>>;
  /** Raw transient bytes, for malformed-input tests. */
  readonly rawTransient?: ReadonlyMap<string, Uint8Array>;
}

/** A transaction's outcome with its writes, for assertions on what a transaction wrote. */
export interface Simulation<R> {
  readonly result: R;
  readonly txId: string;
  readonly writes: WriteSet;
}

const noLogger = { setLevel: (): void => undefined, getLogger: (): never => { throw new Error('no logger in unit tests'); } };

/**
 * An in-memory single-channel network for contract tests. Each transaction gets a fresh {@link MemoryStub}
 * over the committed {@link WorldState}; its writes are applied only when the transaction function resolves,
 * so a failed transaction leaves no trace. Time advances one second per transaction.
 */
export class MemoryNetwork {
  readonly world = new WorldState();
  #clock: number;
  #counter = 0;

  constructor(start = '2025-01-01T00:00:00.000Z') {
    this.#clock = Date.parse(start);
  }

  /** Sets the next transaction's timestamp. */
  setTime(iso: string): void {
    this.#clock = Date.parse(iso);
  }

  /** The timestamp the next transaction gets. */
  get nextTimestamp(): string {
    return new Date(this.#clock).toISOString();
  }

  /** Runs a transaction and commits its writes when it succeeds. */
  async submit<R>(identity: ClientIdentity, fn: (ctx: Context) => Promise<R>, options: InvokeOptions = {}): Promise<R> {
    const simulation = await this.simulate(identity, fn, options);
    return simulation.result;
  }

  /** Runs a transaction, commits it when it succeeds and returns what it wrote. */
  async simulate<R>(identity: ClientIdentity, fn: (ctx: Context) => Promise<R>, options: InvokeOptions = {}): Promise<Simulation<R>> {
    const { stub, ctx, timestamp } = this.#newTransaction(identity, options);
    const result = await fn(ctx);
    this.world.commit(stub.getTxID(), timestamp, stub.writes);
    return { result, txId: stub.getTxID(), writes: stub.writes };
  }

  /** Runs a read-only transaction; its writes, if any, are discarded. */
  async evaluate<R>(identity: ClientIdentity, fn: (ctx: Context) => Promise<R>, options: InvokeOptions = {}): Promise<R> {
    const { ctx } = this.#newTransaction(identity, options);
    return fn(ctx);
  }

  /** A complete picture of the committed ledger, for "nothing changed" assertions. */
  snapshot(): string {
    return this.world.snapshot();
  }

  #newTransaction(identity: ClientIdentity, options: InvokeOptions): { stub: MemoryStub; ctx: Context; timestamp: Date } {
    this.#counter += 1;
    const timestamp = new Date(this.#clock);
    this.#clock += 1000;
    const transient = new Map<string, Uint8Array>(options.rawTransient ?? []);
    for (const [key, value] of Object.entries(options.transient ?? {})) {
      transient.set(key, Buffer.from(JSON.stringify(value), 'utf8'));
    }
    const txId = `tx${String(this.#counter).padStart(6, '0')}`;
    const stub = new MemoryStub(this.world, { txId, timestamp, mspId: identity.getMSPID(), transient });
    const ctx = new Context();
    ctx.stub = stub;
    ctx.clientIdentity = identity;
    ctx.logging = noLogger;
    return { stub, ctx, timestamp };
  }
}
