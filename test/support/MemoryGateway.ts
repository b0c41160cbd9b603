import * as grpc from '@grpc/grpc-js';
import {
  EndorseError,
  type Contract as GatewayContract,
  type Proposal,
  type ProposalOptions,
  type Status,
  type SubmittedTransaction,
} from '@hyperledger/fabric-gateway';
import type { Context, Contract as ChaincodeContract } from 'fabric-contract-api';
import type { ClientIdentity } from 'fabric-shim-api';
import 'reflect-metadata';
import { contracts } from '../../chaincode/src/index';
import type { MemoryNetwork } from './MemoryNetwork';

type TransactionFunction = (ctx: Context, ...args: string[]) => Promise<unknown>;

interface TransactionMetadata {
  readonly name: string;
  readonly tag?: readonly string[];
}

interface ResolvedTransaction {
  readonly contract: ChaincodeContract;
  readonly fn: TransactionFunction;
  readonly submit: boolean;
}

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();
const instances: readonly ChaincodeContract[] = contracts.map((C) => new C());

/** Finds `namespace:Name` among the chaincode's contracts, as the contract runtime does. */
function resolve(qualifiedName: string): ResolvedTransaction | undefined {
  const separator = qualifiedName.lastIndexOf(':');
  const namespace = separator < 0 ? '' : qualifiedName.slice(0, separator);
  const name = qualifiedName.slice(separator + 1);
  const contract = instances.find((candidate) => candidate.getName() === namespace);
  if (contract === undefined) return undefined;
  const prototype: object = Object.getPrototypeOf(contract) as object;
  const metadata = (Reflect.getMetadata('fabric:transactions', prototype) ?? []) as TransactionMetadata[];
  const transaction = metadata.find((t) => t.name === name);
  const fn: unknown = (contract as unknown as Record<string, unknown>)[name];
  if (transaction === undefined || typeof fn !== 'function') return undefined;
  return { contract, fn: fn as TransactionFunction, submit: transaction.tag?.includes('SUBMIT') ?? false };
}

function endorseError(mspId: string, transactionId: string, message: string): EndorseError {
  const peerMessage = `chaincode response 500, ${message}`;
  const cause = Object.assign(new Error(peerMessage), { code: grpc.status.ABORTED, details: peerMessage, metadata: new grpc.Metadata() });
  return new EndorseError({
    code: grpc.status.ABORTED,
    details: [{ address: 'memory', mspId, message: peerMessage }],
    cause,
    transactionId,
    message: `10 ABORTED: failed to endorse transaction, see attached details for more info`,
  });
}

function argumentsOf(options: ProposalOptions): string[] {
  return (options.arguments ?? []).map((arg) => (typeof arg === 'string' ? arg : utf8Decoder.decode(arg)));
}

function encodeResult(result: unknown): Uint8Array {
  return result === undefined ? new Uint8Array() : utf8.encode(typeof result === 'string' ? result : JSON.stringify(result));
}

/**
 * A fabric-gateway `Contract` whose transactions run the real chaincode contracts on a {@link MemoryNetwork}
 * as one client identity. It lets the SDK — and every scenario written on the SDK — run unchanged on the
 * in-memory ledger: chaincode errors arrive as `EndorseError`s carrying the peer's message, results as the
 * JSON bytes the contract runtime would return, and failed transactions commit nothing.
 */
export class MemoryGatewayContract implements GatewayContract {
  readonly #network: MemoryNetwork;
  readonly #identity: ClientIdentity;
  #blockNumber = 0n;

  constructor(network: MemoryNetwork, identity: ClientIdentity) {
    this.#network = network;
    this.#identity = identity;
  }

  getChaincodeName(): string {
    return 'battery-trace';
  }

  getContractName(): string | undefined {
    return undefined;
  }

  evaluateTransaction(name: string, ...args: (string | Uint8Array)[]): Promise<Uint8Array> {
    return this.evaluate(name, { arguments: args });
  }

  submitTransaction(name: string, ...args: (string | Uint8Array)[]): Promise<Uint8Array> {
    return this.submit(name, { arguments: args });
  }

  async evaluate(name: string, options: ProposalOptions = {}): Promise<Uint8Array> {
    const { resolved, args } = this.#prepare(name, options);
    const result = await this.#run('evaluate', resolved, args, options);
    return encodeResult(result);
  }

  async submit(name: string, options: ProposalOptions = {}): Promise<Uint8Array> {
    const submitted = await this.submitAsync(name, options);
    return submitted.getResult();
  }

  async submitAsync(name: string, options: ProposalOptions = {}): Promise<SubmittedTransaction> {
    const { resolved, args } = this.#prepare(name, options);
    const result = encodeResult(await this.#run('submit', resolved, args, options));
    this.#blockNumber += 1n;
    const transactionId = `memory-${this.#network.nextTimestamp}`;
    const status: Status = { blockNumber: this.#blockNumber, code: 0, successful: true, transactionId };
    return {
      getResult: () => result,
      getTransactionId: () => transactionId,
      getStatus: () => Promise.resolve(status),
      getBytes: () => new Uint8Array(),
      getDigest: () => new Uint8Array(),
    };
  }

  newProposal(): Proposal {
    throw new Error('MemoryGatewayContract runs transactions directly; use submit, submitAsync or evaluate');
  }

  #prepare(name: string, options: ProposalOptions): { resolved: ResolvedTransaction; args: string[] } {
    const resolved = resolve(name);
    if (resolved === undefined) {
      throw endorseError(this.#identity.getMSPID(), 'unresolved', `You've asked to invoke a function that does not exist: ${name}`);
    }
    return { resolved, args: argumentsOf(options) };
  }

  async #run(mode: 'submit' | 'evaluate', resolved: ResolvedTransaction, args: string[], options: ProposalOptions): Promise<unknown> {
    const transient = new Map(Object.entries(options.transientData ?? {}).map(([k, v]) => [k, typeof v === 'string' ? utf8.encode(v) : v]));
    const body = async (ctx: Context): Promise<unknown> => {
      await resolved.contract.beforeTransaction(ctx);
      const result = await resolved.fn.call(resolved.contract, ctx, ...args);
      await resolved.contract.afterTransaction(ctx, result);
      return result;
    };
    try {
      return mode === 'submit' && resolved.submit
        ? await this.#network.submit(this.#identity, body, { rawTransient: transient })
        : await this.#network.evaluate(this.#identity, body, { rawTransient: transient });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw endorseError(this.#identity.getMSPID(), 'memory', message);
    }
  }
}
