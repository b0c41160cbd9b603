import * as grpc from '@grpc/grpc-js';
import {
  EndorseError,
  GatewayError,
  type ChaincodeEvent,
  type ChaincodeEventsOptions,
  type CloseableAsyncIterable,
  type Contract,
  type ErrorDetail,
  type Network,
  type Proposal,
  type ProposalOptions,
  type Status,
  type SubmittedTransaction,
} from '@hyperledger/fabric-gateway';

const utf8 = new TextEncoder();

/** What the fake contract does for one call. */
export type FakeOutcome =
  | { readonly result: unknown; readonly status?: number; readonly blockNumber?: bigint }
  | { readonly throws: Error }
  | { readonly statusThrows: Error; readonly result: unknown };

/** One recorded call. */
export interface FakeCall {
  readonly kind: 'evaluate' | 'submitAsync';
  readonly name: string;
  readonly options: ProposalOptions;
}

let txCounter = 0;
const nextTxId = (): string => `tx${String(++txCounter).padStart(4, '0')}`;

function resultBytes(result: unknown): Uint8Array {
  return result instanceof Uint8Array ? result : utf8.encode(JSON.stringify(result));
}

function submitted(outcome: FakeOutcome): SubmittedTransaction {
  const transactionId = nextTxId();
  const result = 'result' in outcome ? resultBytes(outcome.result) : new Uint8Array();
  const getStatus = (): Promise<Status> => {
    if ('statusThrows' in outcome) {
      return Promise.reject(outcome.statusThrows);
    }
    const code = 'status' in outcome && outcome.status !== undefined ? outcome.status : 0;
    const blockNumber = 'blockNumber' in outcome && outcome.blockNumber !== undefined ? outcome.blockNumber : 7n;
    return Promise.resolve({ blockNumber, code: code as Status['code'], successful: code === 0, transactionId });
  };
  return {
    getResult: () => result,
    getTransactionId: () => transactionId,
    getStatus,
    getBytes: () => new Uint8Array(),
    getDigest: () => new Uint8Array(),
  };
}

/** A fabric-gateway Contract that records calls and answers from a script of outcomes. */
export class FakeContract implements Contract {
  readonly calls: FakeCall[] = [];
  readonly #outcomes: FakeOutcome[] = [];
  readonly #contractName: string | undefined;

  constructor(contractName?: string) {
    this.#contractName = contractName;
  }

  /** Queues outcomes for the next calls, in order. */
  answer(...outcomes: FakeOutcome[]): this {
    this.#outcomes.push(...outcomes);
    return this;
  }

  getChaincodeName(): string {
    return 'battery-trace';
  }

  getContractName(): string | undefined {
    return this.#contractName;
  }

  evaluateTransaction(): Promise<Uint8Array> {
    return Promise.reject(new Error('not used by the SDK'));
  }

  submitTransaction(): Promise<Uint8Array> {
    return Promise.reject(new Error('not used by the SDK'));
  }

  evaluate(name: string, options: ProposalOptions = {}): Promise<Uint8Array> {
    this.calls.push({ kind: 'evaluate', name, options });
    const outcome = this.#next();
    return 'throws' in outcome ? Promise.reject(outcome.throws) : Promise.resolve(resultBytes(outcome.result));
  }

  submit(): Promise<Uint8Array> {
    return Promise.reject(new Error('not used by the SDK'));
  }

  submitAsync(name: string, options: ProposalOptions = {}): Promise<SubmittedTransaction> {
    this.calls.push({ kind: 'submitAsync', name, options });
    const outcome = this.#next();
    return 'throws' in outcome ? Promise.reject(outcome.throws) : Promise.resolve(submitted(outcome));
  }

  newProposal(): Proposal {
    throw new Error('not used by the SDK');
  }

  #next(): FakeOutcome {
    const outcome = this.#outcomes.shift();
    if (outcome === undefined) {
      throw new Error('FakeContract: no outcome queued');
    }
    return outcome;
  }
}

/** A gRPC ServiceError as grpc-js produces it. */
export function serviceError(code: grpc.status, message: string): grpc.ServiceError {
  return Object.assign(new Error(`${code} ${grpc.status[code]}: ${message}`), { code, details: message, metadata: new grpc.Metadata() });
}

/** An EndorseError as the gateway returns when the chaincode throws on the endorsing peers. */
export function endorseError(peerMessages: readonly string[], transactionId = 'txEndorse'): EndorseError {
  const details: ErrorDetail[] = peerMessages.map((message, index) => ({
    address: `peer0.org${index}.example:7051`,
    mspId: `Org${index}MSP`,
    message: `chaincode response 500, ${message}`,
  }));
  const message = 'failed to endorse transaction, see attached details for more info';
  return new EndorseError({ code: grpc.status.ABORTED, details, cause: serviceError(grpc.status.ABORTED, message), transactionId, message: `10 ABORTED: ${message}` });
}

/** A GatewayError as `evaluate` throws it when the chaincode fails on the peer. */
export function evaluateError(peerMessage: string): GatewayError {
  const message = `evaluate call to endorser returned error: chaincode response 500, ${peerMessage}`;
  return new GatewayError({
    code: grpc.status.UNKNOWN,
    details: [{ address: 'peer0.mining.example:7051', mspId: 'MiningMSP', message: `chaincode response 500, ${peerMessage}` }],
    cause: serviceError(grpc.status.UNKNOWN, message),
    message: `2 UNKNOWN: ${message}`,
  });
}

/** A stream of chaincode events that can be made to fail, like a gateway stream when the peer goes away. */
export class FakeEventStream implements CloseableAsyncIterable<ChaincodeEvent> {
  closed = false;
  readonly #events: ChaincodeEvent[];
  readonly #failAfter: number | undefined;

  constructor(events: ChaincodeEvent[], failAfter?: number) {
    this.#events = events;
    this.#failAfter = failAfter;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<ChaincodeEvent> {
    let delivered = 0;
    for (const event of this.#events) {
      if (this.closed) return;
      if (delivered === this.#failAfter) {
        throw new GatewayError({ code: grpc.status.UNAVAILABLE, details: [], cause: serviceError(grpc.status.UNAVAILABLE, 'peer restarted'), message: '14 UNAVAILABLE: peer restarted' });
      }
      delivered++;
      await Promise.resolve();
      yield event;
    }
    // a live stream stays open until closed
    while (!this.closed) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  close(): void {
    this.closed = true;
  }

  [Symbol.dispose](): void {
    this.close();
  }
}

/**
 * A Network whose chaincode event streams replay a ledger of events from the requested position, the way the
 * gateway does (start block, then skip up to and including the checkpoint's transaction in that block).
 * `failures` makes the n-th stream fail after that many events.
 */
export class FakeNetwork {
  readonly requests: { startBlock: bigint | undefined; afterTransactionId: string | undefined }[] = [];
  readonly streams: FakeEventStream[] = [];
  readonly ledger: ChaincodeEvent[];
  readonly failures: (number | undefined)[];
  readonly contract = new FakeContract();

  constructor(ledger: ChaincodeEvent[], failures: (number | undefined)[] = []) {
    this.ledger = ledger;
    this.failures = failures;
  }

  getName(): string {
    return 'batterytrace';
  }

  getContract(): Contract {
    return this.contract;
  }

  getChaincodeEvents(_chaincode: string, options: ChaincodeEventsOptions = {}): Promise<CloseableAsyncIterable<ChaincodeEvent>> {
    const startBlock = options.checkpoint?.getBlockNumber() ?? options.startBlock;
    const afterTransactionId = options.checkpoint?.getTransactionId();
    this.requests.push({ startBlock, afterTransactionId });
    let events = this.ledger.filter((event) => startBlock === undefined || event.blockNumber >= startBlock);
    if (afterTransactionId !== undefined) {
      const index = events.findIndex((event) => event.blockNumber === startBlock && event.transactionId === afterTransactionId);
      events = events.slice(index + 1);
    }
    const stream = new FakeEventStream(events, this.failures[this.requests.length - 1]);
    this.streams.push(stream);
    return Promise.resolve(stream);
  }

  /** The fake as fabric-gateway's Network type (only the members the SDK uses are implemented). */
  asNetwork(): Network {
    return this as unknown as Network;
  }
}

/** A battery-trace chaincode event. */
export function traceEvent(blockNumber: bigint, transactionId: string, transaction = 'lot:MintLot'): ChaincodeEvent {
  const payload = { txId: transactionId, transaction, timestamp: '2025-01-01T00:00:00.000Z', changes: [{ type: 'MaterialLot', id: `L-${transactionId}`, action: 'CREATED' }] };
  return { blockNumber, transactionId, chaincodeName: 'battery-trace', eventName: 'battery-trace', payload: utf8.encode(JSON.stringify(payload)) };
}
