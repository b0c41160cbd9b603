import type { ChaincodeInterface } from 'fabric-shim';
import { ChaincodeRuntime } from './ChaincodeRuntime';
import { MspError, type ChannelMsp, type MspIdentity } from './ChannelMsp';
import type { Collections } from './Collections';
import { PrivateStore, type Ledger, type LedgerLock } from './Ledger';
import { hex } from './keys';
import type { SignedProposal } from './Proposal';
import { describeReadWriteSet } from './ReadWriteSet';
import { TransactionSimulator, type SimulationResults } from './TransactionSimulator';

/** A chaincode event as a transaction carries it. */
export interface ChaincodeEvent {
  readonly name: string;
  readonly payload: Uint8Array;
}

/** A peer's successful answer to a proposal: its simulation, signed with its identity. */
export interface Endorsement {
  readonly mspId: string;
  /** The endorsing peer's identity (`OU=peer`). */
  readonly endorser: MspIdentity;
  readonly status: number;
  readonly message: string;
  readonly payload: Uint8Array;
  readonly event: ChaincodeEvent | undefined;
  readonly results: SimulationResults;
  /**
   * The proposal response payload the endorsement signs (response, read-write set with private data hashed,
   * event): endorsements of one transaction must carry the same one.
   */
  readonly responsePayload: string;
}

/**
 * A peer's answer to a proposal. A failure carries the message the gateway reports for it: a chaincode error
 * as `chaincode response <status>, <message>`; a failure of the peer itself (e.g. an unknown creator), which
 * the gateway may retry on another peer, as the peer's message.
 */
export type ProposalOutcome = { readonly endorsement: Endorsement } | { readonly error: string; readonly fromChaincode: boolean };

/** What a peer shares with the rest of the channel. */
export interface PeerContext {
  readonly channelId: string;
  readonly chaincodeName: string;
  readonly ledger: Ledger;
  readonly lock: LedgerLock;
  readonly msp: ChannelMsp;
  readonly collections: Collections;
}

/** Fabric's endorsement threshold: a chaincode status of 400 or more is an error the peer does not endorse. */
const ERROR_THRESHOLD = 400;

/**
 * One organisation's peer: its installed chaincode, its private data, and the endorser's checks. It answers a
 * proposal by running the chaincode against the committed ledger and returning the result with the
 * simulation it endorses.
 */
export class Peer {
  readonly mspId: string;
  readonly identity: MspIdentity;
  readonly privateStore = new PrivateStore();
  readonly #context: PeerContext;
  #runtime: ChaincodeRuntime;

  constructor(identity: MspIdentity, chaincode: ChaincodeInterface, context: PeerContext) {
    this.mspId = identity.mspId;
    this.identity = identity;
    this.#context = context;
    this.#runtime = new ChaincodeRuntime(chaincode, context.chaincodeName);
  }

  /** Replaces the peer's chaincode (the organisation installs and runs another package). */
  install(chaincode: ChaincodeInterface): void {
    this.#runtime.stop();
    this.#runtime = new ChaincodeRuntime(chaincode, this.#context.chaincodeName);
  }

  /** Processes a proposal: checks the creator, simulates, and endorses a successful response. */
  async process(proposal: SignedProposal): Promise<ProposalOutcome> {
    const creator = this.#creatorOf(proposal);
    if ('error' in creator) {
      return creator;
    }
    const simulator = new TransactionSimulator({ ...this.#context, txId: proposal.txId, privateStore: this.privateStore, creator: creator.identity });
    const completion = await this.#context.lock.read(() =>
      this.#runtime.invoke({ txId: proposal.txId, channelId: this.#context.channelId, namespace: this.#context.chaincodeName, input: proposal.input, signedProposal: proposal.signedProposal, simulator }),
    );
    if (completion.status < 200 || completion.status >= ERROR_THRESHOLD) {
      return { error: `chaincode response ${String(completion.status)}, ${completion.message}`, fromChaincode: true };
    }
    const results = simulator.results();
    const responsePayload = JSON.stringify({
      status: completion.status,
      message: completion.message,
      payload: hex(completion.payload),
      results: describeReadWriteSet(results.rwset),
      event: completion.event === undefined ? null : [completion.event.name, hex(completion.event.payload)],
    });
    return { endorsement: { mspId: this.mspId, endorser: this.identity, ...completion, results, responsePayload } };
  }

  /** The creator must be a client or admin of a channel organisation (the channel's `Writers` policy). */
  #creatorOf(proposal: SignedProposal): { readonly identity: MspIdentity } | { readonly error: string; readonly fromChaincode: false } {
    let identity: MspIdentity;
    try {
      identity = this.#context.msp.deserialize(proposal.creator);
    } catch (error) {
      const reason = error instanceof MspError ? error.message : String(error);
      return { error: `error validating proposal: access denied: channel [${this.#context.channelId}] creator org unknown, creator is malformed: ${reason}`, fromChaincode: false };
    }
    if (!identity.ous.includes('client') && !identity.ous.includes('admin')) {
      return { error: `error validating proposal: access denied: channel [${this.#context.channelId}] creator org [${identity.mspId}] may not propose transactions (neither client nor admin)`, fromChaincode: false };
    }
    return { identity };
  }
}
