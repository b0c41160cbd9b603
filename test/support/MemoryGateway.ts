import * as grpc from '@grpc/grpc-js';
import {
  CommitError,
  EndorseError,
  GatewayError,
  StatusCode,
  type Contract as GatewayContract,
  type Proposal,
  type ProposalOptions,
  type Status,
  type SubmittedTransaction,
} from '@hyperledger/fabric-gateway';
import { EndorsementError } from './EndorsementError';
import { CHAINCODE_NAME, type MemoryNetwork, type ProposalOptions as NetworkProposalOptions } from './MemoryNetwork';
import type { TestIdentity } from './TestIdentity';

const GRPC_STATUSES = new Map<number, grpc.status>(Object.values(grpc.status).flatMap((status) => (typeof status === 'number' ? [[status, status] as const] : [])));
const statusNames = new Map<number, string>(Object.entries(StatusCode).map(([name, code]) => [code, name]));

function networkOptions(options: ProposalOptions): NetworkProposalOptions {
  return {
    arguments: options.arguments ?? [],
    transientData: options.transientData ?? {},
    ...(options.endorsingOrganizations === undefined ? {} : { endorsingOrganizations: options.endorsingOrganizations }),
  };
}

/** The gRPC error the gateway service would have answered with, which fabric-gateway wraps. */
function serviceErrorOf(error: EndorsementError): grpc.ServiceError {
  const code = GRPC_STATUSES.get(error.grpcCode) ?? grpc.status.UNKNOWN;
  return Object.assign(new Error(error.message), { code, details: error.reason, metadata: new grpc.Metadata() });
}

function gatewayErrorOf(error: unknown, phase: 'evaluate' | 'endorse'): unknown {
  if (!(error instanceof EndorsementError)) {
    return error;
  }
  const properties = { code: error.grpcCode, details: [...error.details], cause: serviceErrorOf(error), message: `${String(error.grpcCode)} ${grpc.status[error.grpcCode] ?? ''}: ${error.reason}` };
  return phase === 'evaluate' ? new GatewayError(properties) : new EndorseError({ ...properties, transactionId: error.transactionId });
}

/**
 * A fabric-gateway `Contract` over a {@link MemoryNetwork}, as one client identity connected to its own
 * organisation's gateway peer. Evaluations run on that peer; submissions are endorsed on the organisations
 * the caller names (`endorsingOrganizations`) or as the gateway plans, then committed in a block of their
 * own. Failures arrive as fabric-gateway reports them: an `EndorseError` (a `GatewayError` for evaluations)
 * with one detail per peer, and a transaction invalidated at commit as a `Status` with `successful: false`
 * and Fabric's validation code (`submit` throws fabric-gateway's `CommitError`), so the SDK and every
 * scenario written on it run unchanged.
 */
export class MemoryGatewayContract implements GatewayContract {
  readonly #network: MemoryNetwork;
  readonly #identity: TestIdentity;

  constructor(network: MemoryNetwork, identity: TestIdentity) {
    this.#network = network;
    this.#identity = identity;
  }

  getChaincodeName(): string {
    return CHAINCODE_NAME;
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
    try {
      return await this.#network.evaluate(this.#identity, name, networkOptions(options));
    } catch (error) {
      throw gatewayErrorOf(error, 'evaluate');
    }
  }

  async submit(name: string, options: ProposalOptions = {}): Promise<Uint8Array> {
    const submitted = await this.submitAsync(name, options);
    const status = await submitted.getStatus();
    if (!status.successful) {
      const message = `Transaction ${status.transactionId} failed to commit with status code ${String(status.code)} (${statusNames.get(status.code) ?? 'UNKNOWN'})`;
      throw new CommitError({ message, code: status.code, transactionId: status.transactionId });
    }
    return submitted.getResult();
  }

  async submitAsync(name: string, options: ProposalOptions = {}): Promise<SubmittedTransaction> {
    let transaction;
    try {
      transaction = await this.#network.endorse(this.#identity, name, networkOptions(options));
    } catch (error) {
      throw gatewayErrorOf(error, 'endorse');
    }
    const [committed] = await this.#network.commit(transaction);
    const code = Object.values(StatusCode).find((value) => value === committed?.code) ?? StatusCode.INVALID_OTHER_REASON;
    const status: Status = { blockNumber: BigInt(committed?.blockNumber ?? 0), code, successful: committed?.successful ?? false, transactionId: transaction.transactionId };
    const result = transaction.result;
    return {
      getResult: () => result,
      getTransactionId: () => status.transactionId,
      getStatus: () => Promise.resolve(status),
      getBytes: () => new Uint8Array(),
      getDigest: () => new Uint8Array(),
    };
  }

  newProposal(): Proposal {
    throw new Error('MemoryGatewayContract endorses through the in-memory network; use submit, submitAsync or evaluate');
  }
}
