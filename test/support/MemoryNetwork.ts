import './quietChaincodeLogs';
import './fabric/certificateCache';
import { createHash } from 'node:crypto';
import type { ChaincodeInterface } from 'fabric-shim';
import { ORGS } from '../../chaincode/src/api';
import { createChaincode, type ContractClass } from '../../chaincode/src/chaincode';
import collectionsConfig from '../../chaincode/collections_config.json';
import { EndorsementError, GRPC_CODES, type EndorsementFailureDetail } from './EndorsementError';
import { ChannelMsp, type MspIdentity } from './fabric/ChannelMsp';
import { Collections, isMember, type CollectionConfig } from './fabric/Collections';
import { planEndorsement } from './fabric/EndorsementPlanner';
import { Ledger, LedgerLock, type CommittedEvent, type HistoryRecord } from './fabric/Ledger';
import { Peer, type ChaincodeEvent, type Endorsement, type ProposalOutcome } from './fabric/Peer';
import { parsePolicy } from './fabric/policyText';
import { buildProposal, type SignedProposal } from './fabric/Proposal';
import type { ReadWriteSet } from './fabric/ReadWriteSet';
import type { SignaturePolicy } from './fabric/SignaturePolicy';
import { validateBlock, VALIDATION_CODES, type OrderedTransaction, type PrivateUpdate, type ValidationCodeName } from './fabric/Validator';
import { authorityOf, domainOf } from './pki/organisations';
import { TestIdentity } from './TestIdentity';

/** The channel and chaincode names, as on the local network. */
export const CHANNEL_NAME = 'batterytrace';
export const CHAINCODE_NAME = 'battery-trace';

/**
 * The chaincode-level endorsement policy by default: any two of the four organisations, as the local Fabric
 * network deploys it (`BT_CC_POLICY` in scripts/lib/chaincode.sh).
 */
export const DEFAULT_CHAINCODE_POLICY = `OutOf(2, ${Object.values(ORGS).map((mspId) => `'${mspId}.peer'`).join(', ')})`;


/** How a network is set up. */
export interface MemoryNetworkOptions {
  /** Ledger time of the first proposal, ISO 8601; default `2025-01-01T00:00:00.000Z`. */
  readonly start?: string;
  /** The chaincode-level endorsement policy in policy text; default {@link DEFAULT_CHAINCODE_POLICY}. */
  readonly chaincodePolicy?: string;
  /** The chaincode's private data collections; default `chaincode/collections_config.json`. */
  readonly collections?: readonly CollectionConfig[];
}

/** A proposal's content and endorsement choice, as fabric-gateway's `ProposalOptions` has them. */
export interface ProposalOptions {
  readonly arguments?: readonly (string | Uint8Array)[];
  readonly transientData?: Readonly<Record<string, string | Uint8Array>>;
  /**
   * Endorse on exactly these organisations' peers (the client takes responsibility for the policies); for an
   * evaluation, the organisations to evaluate on. Default: plan as the gateway does.
   */
  readonly endorsingOrganizations?: readonly string[];
}

/** A transaction every endorser agreed on, ready to be ordered. */
export interface EndorsedTransaction {
  readonly transactionId: string;
  /** `namespace:Transaction` */
  readonly transactionName: string;
  readonly creatorMspId: string;
  readonly timestamp: Date;
  /** The chaincode's response payload (the transaction result). */
  readonly result: Uint8Array;
  readonly rwset: ReadWriteSet;
  readonly event: ChaincodeEvent | undefined;
  /** The endorsing organisations, in the order they endorsed. */
  readonly endorsers: readonly string[];
}

/** How a transaction was committed. */
export interface CommitStatus {
  readonly transactionId: string;
  readonly blockNumber: number;
  /** Fabric's `TxValidationCode`. */
  readonly code: number;
  readonly codeName: ValidationCodeName;
  readonly successful: boolean;
}

/** Read access to the committed ledger, for assertions. */
export interface LedgerView {
  /** Every public key with its value, in key order. */
  entries(): [string, Uint8Array][];
  /** A public key's committed value. */
  value(key: string): Uint8Array | undefined;
  /** A public key's committed key-level policy. */
  validationParameter(key: string): Uint8Array | undefined;
  /** A key's committed versions, oldest first. */
  history(key: string): readonly HistoryRecord[];
  readonly events: readonly CommittedEvent[];
}

interface Channel {
  readonly msp: ChannelMsp;
  /** One peer per organisation, in channel order. */
  readonly peers: ReadonlyMap<string, Peer>;
}

const DEFAULT_START = '2025-01-01T00:00:00.000Z';
const CHANNEL_ORGS: readonly string[] = Object.values(ORGS);
const utf8 = new TextEncoder();
let defaultChaincode: ChaincodeInterface | undefined;
let channelMembers: Promise<{ readonly msp: ChannelMsp; readonly peers: readonly MspIdentity[] }> | undefined;

/** The product chaincode; one dispatcher serves every honest peer (it keeps no state between transactions). */
function productChaincode(): ChaincodeInterface {
  defaultChaincode ??= createChaincode();
  return defaultChaincode;
}

/**
 * The channel's MSPs and the peers' identities: certificates are issued once per test process and shared by
 * every network (validating and issuing them per network would dominate a test's run time).
 */
function members(): Promise<{ readonly msp: ChannelMsp; readonly peers: readonly MspIdentity[] }> {
  channelMembers ??= (async () => {
    const roots = await Promise.all(CHANNEL_ORGS.map(async (mspId) => [mspId, (await authorityOf(mspId)).certificatePem] as const));
    const msp = new ChannelMsp(new Map(roots));
    const peers = await Promise.all(CHANNEL_ORGS.map(async (mspId) => msp.deserialize((await new TestIdentity({ mspId, role: 'peer' }).credentials()).serialized)));
    return { msp, peers };
  })();
  return channelMembers;
}

function bytesOf(value: string | Uint8Array): Uint8Array {
  return typeof value === 'string' ? utf8.encode(value) : value;
}

function addressOf(mspId: string): string {
  return `peer0.${domainOf(mspId)}:7051`;
}

function detailOf(mspId: string, message: string): EndorsementFailureDetail {
  return { address: addressOf(mspId), mspId, message };
}

/**
 * A Fabric channel in memory, faithful where the trust model is decided: one peer per organisation
 * (MiningMSP, ManufacturingMSP, RecyclingMSP, AuditorMSP), each running its own installed chaincode through
 * fabric-shim's real stub and client identity; endorsement planned like the gateway's or by the caller;
 * blocks validated like a committing peer's (key-level and chaincode endorsement policies over the endorsing
 * peers, MVCC and phantom checks), so a write that Fabric would refuse is refused here too. Identities carry
 * real X.509 certificates from per-organisation CAs. Time advances one second per proposal.
 * @example
 * ```ts
 * const network = new MemoryNetwork();
 * const tx = await network.endorse(identities.miningAdmin, 'facility:RegisterFacility', { arguments: [json] });
 * const [status] = await network.commit(tx);   // status.codeName === 'VALID'
 * ```
 */
export class MemoryNetwork {
  readonly #ledger = new Ledger();
  readonly #lock = new LedgerLock();
  readonly #chaincodePolicy: SignaturePolicy;
  readonly #collections: Collections;
  readonly #installed = new Map<string, ChaincodeInterface>();
  readonly #issued = new WeakMap<EndorsedTransaction, OrderedTransaction>();
  readonly #peers = new Map<string, Peer>();
  #channel: Promise<Channel> | undefined;
  #clock: number;
  #proposals = 0;

  /**
   * @param options - set-up, or just the start time (ISO 8601)
   */
  constructor(options: MemoryNetworkOptions | string = {}) {
    const settings = typeof options === 'string' ? { start: options } : options;
    this.#clock = Date.parse(settings.start ?? DEFAULT_START);
    this.#chaincodePolicy = parsePolicy(settings.chaincodePolicy ?? DEFAULT_CHAINCODE_POLICY);
    this.#collections = new Collections(settings.collections ?? collectionsConfig, CHANNEL_ORGS);
  }

  /** Sets the next proposal's timestamp. */
  setTime(iso: string): void {
    this.#clock = Date.parse(iso);
  }

  /** The timestamp the next proposal gets. */
  get nextTimestamp(): string {
    return new Date(this.#clock).toISOString();
  }

  /** The number of blocks (the genesis block included); the next block gets this number. */
  get height(): number {
    return this.#ledger.height;
  }

  /** The committed ledger. */
  get ledger(): LedgerView {
    const ledger = this.#ledger;
    return {
      entries: () => ledger.state.entries().map(([key, v]) => [key, Uint8Array.from(v.value)]),
      value: (key) => ledger.state.get(key)?.value,
      validationParameter: (key) => ledger.state.get(key)?.validationParameter,
      history: (key) => ledger.history(key),
      events: ledger.events,
    };
  }

  /**
   * Installs a chaincode built from other contract classes on one organisation's peer, e.g. a tampered copy
   * that the organisation runs on its own peer. The other peers keep theirs.
   * @param mspId - the organisation
   * @param contracts - the contract classes of the chaincode it runs
   */
  install(mspId: string, contracts: readonly ContractClass[]): void {
    this.installChaincode(mspId, createChaincode(contracts));
  }

  /**
   * Installs any chaincode on one organisation's peer, e.g. a bare fabric-contract-api dispatcher for tests of
   * the network itself (see `plainChaincode`).
   */
  installChaincode(mspId: string, chaincode: ChaincodeInterface): void {
    if (!CHANNEL_ORGS.includes(mspId)) {
      throw new Error(`${mspId} has no peer on the channel`);
    }
    this.#installed.set(mspId, chaincode);
    this.#peers.get(mspId)?.install(chaincode);
  }

  /**
   * Evaluates a transaction on the caller's organisation's peer (or the named organisations'), as the
   * gateway does: the result is not ordered.
   * @returns the chaincode's response payload
   * @throws {@link EndorsementError} when every peer tried failed
   */
  async evaluate(identity: TestIdentity, transactionName: string, options: ProposalOptions = {}): Promise<Uint8Array> {
    const channel = await this.#ready();
    const proposal = await this.#propose(identity, transactionName, options);
    const details: EndorsementFailureDetail[] = [];
    for (const mspId of this.#evaluationOrder(identity, options, proposal)) {
      const outcome = await this.#process(channel, mspId, proposal);
      if ('endorsement' in outcome) {
        return outcome.endorsement.payload;
      }
      details.push(detailOf(mspId, outcome.error));
      if (outcome.fromChaincode) {
        throw new EndorsementError(GRPC_CODES.UNKNOWN, `evaluate call to endorser returned error: ${outcome.error}`, details, proposal.txId);
      }
    }
    throw new EndorsementError(GRPC_CODES.ABORTED, 'failed to evaluate transaction, see attached details for more info', details, proposal.txId);
  }

  /**
   * Collects endorsements for a transaction without ordering it: on the named organisations' peers, or
   * planned like the gateway (the caller's organisation first, then the fewest others the written keys'
   * policies need). Commit it later, alone or with others, with {@link MemoryNetwork.commit}.
   * @throws {@link EndorsementError} on a chaincode error, mismatched endorsements or no possible plan
   */
  async endorse(identity: TestIdentity, transactionName: string, options: ProposalOptions = {}): Promise<EndorsedTransaction> {
    const channel = await this.#ready();
    const proposal = await this.#propose(identity, transactionName, options);
    const endorsements = options.endorsingOrganizations === undefined ? await this.#endorseByPlan(channel, identity, proposal) : await this.#endorseOn(channel, options.endorsingOrganizations, proposal);
    return this.#transactionOf(proposal, identity.mspId, endorsements);
  }

  /**
   * Orders transactions into one block, in the given order, and commits it: each is validated as a
   * committing peer validates it, after the earlier ones of the block; invalid ones change nothing.
   * @returns each transaction's status, in order
   * @throws Error when a transaction was not endorsed on this network
   */
  async commit(...transactions: EndorsedTransaction[]): Promise<CommitStatus[]> {
    const channel = await this.#ready();
    const ordered = transactions.map((transaction) => {
      const known = this.#issued.get(transaction);
      if (known === undefined) {
        throw new Error(`transaction ${transaction.transactionId} was not endorsed on this network`);
      }
      return known;
    });
    return this.#lock.write(() => {
      const block = validateBlock({ ledger: this.#ledger, collections: this.#collections, chaincodePolicy: this.#chaincodePolicy }, ordered);
      this.#ledger.apply(block.update);
      this.#distribute(channel, block.privateUpdates);
      return ordered.map((tx, index): CommitStatus => {
        const codeName = block.codes[index] ?? 'VALID';
        return { transactionId: tx.txId, blockNumber: block.update.number, code: VALIDATION_CODES[codeName], codeName, successful: codeName === 'VALID' };
      });
    });
  }

  /** Endorses a transaction and commits it in a block of its own. */
  async submit(identity: TestIdentity, transactionName: string, options: ProposalOptions = {}): Promise<{ readonly transaction: EndorsedTransaction; readonly status: CommitStatus }> {
    const transaction = await this.endorse(identity, transactionName, options);
    const [status] = await this.commit(transaction);
    if (status === undefined) {
      throw new Error('a block of one transaction has one status');
    }
    return { transaction, status };
  }

  /** Where and how a transaction was committed, if it was. */
  statusOf(transactionId: string): { readonly blockNumber: number; readonly codeName: string } | undefined {
    const record = this.#ledger.transaction(transactionId);
    return record === undefined ? undefined : { blockNumber: record.blockNumber, codeName: record.codeName };
  }

  /** The identity an organisation's peer endorses with, for evaluating policies in assertions. */
  async peerIdentity(mspId: string): Promise<MspIdentity> {
    const peer = (await this.#ready()).peers.get(mspId);
    if (peer === undefined) {
      throw new Error(`${mspId} has no peer on the channel`);
    }
    return peer.identity;
  }

  /** A private value as one organisation's peer holds it (`undefined` on a peer outside the collection). */
  async privateValue(mspId: string, collection: string, key: string): Promise<Uint8Array | undefined> {
    const channel = await this.#ready();
    return channel.peers.get(mspId)?.privateStore.get(collection, key)?.value;
  }

  /**
   * A complete, comparable picture of what valid transactions change: public state with versions and
   * policies, private hashes, history, events, and every peer's private data.
   */
  snapshot(): string {
    const peers = CHANNEL_ORGS.map((mspId) => [mspId, this.#peers.get(mspId)?.privateStore.snapshot() ?? []]);
    return JSON.stringify({ ledger: this.#ledger.snapshot(), peers });
  }

  #ready(): Promise<Channel> {
    this.#channel ??= this.#createChannel();
    return this.#channel;
  }

  async #createChannel(): Promise<Channel> {
    const { msp, peers } = await members();
    const context = { channelId: CHANNEL_NAME, chaincodeName: CHAINCODE_NAME, ledger: this.#ledger, lock: this.#lock, msp, collections: this.#collections };
    for (const identity of peers) {
      this.#peers.set(identity.mspId, new Peer(identity, this.#installed.get(identity.mspId) ?? productChaincode(), context));
    }
    return { msp, peers: this.#peers };
  }

  async #propose(identity: TestIdentity, transactionName: string, options: ProposalOptions): Promise<SignedProposal> {
    const { serialized } = await identity.credentials();
    this.#proposals += 1;
    const timestamp = new Date(this.#clock);
    this.#clock += 1000;
    return buildProposal({
      channelId: CHANNEL_NAME,
      chaincodeName: CHAINCODE_NAME,
      creator: serialized,
      nonce: createHash('sha256').update(`memory-network-nonce-${String(this.#proposals)}`).digest().subarray(0, 24),
      timestamp,
      transactionName,
      args: (options.arguments ?? []).map(bytesOf),
      transient: new Map(Object.entries(options.transientData ?? {}).map(([key, value]) => [key, bytesOf(value)])),
    });
  }

  /** The gateway's organisation: the caller's own, or, for a caller from outside the channel, the first one. */
  #gatewayOrg(identity: TestIdentity): string {
    return CHANNEL_ORGS.includes(identity.mspId) ? identity.mspId : (CHANNEL_ORGS[0] ?? '');
  }

  /** Evaluation tries the gateway's own peer first, then the others; with transient data only its own. */
  #evaluationOrder(identity: TestIdentity, options: ProposalOptions, proposal: SignedProposal): string[] {
    const own = this.#gatewayOrg(identity);
    if (options.endorsingOrganizations !== undefined) {
      return [...options.endorsingOrganizations];
    }
    return proposal.hasTransient ? [own] : [own, ...CHANNEL_ORGS.filter((mspId) => mspId !== own)];
  }

  #process(channel: Channel, mspId: string, proposal: SignedProposal): Promise<ProposalOutcome> {
    const peer = channel.peers.get(mspId);
    if (peer === undefined) {
      throw new EndorsementError(GRPC_CODES.UNAVAILABLE, `failed to find any endorsing peers for org(s): ${mspId}`, [], proposal.txId);
    }
    return peer.process(proposal);
  }

  async #endorseByPlan(channel: Channel, identity: TestIdentity, proposal: SignedProposal): Promise<Endorsement[]> {
    const firstOrg = this.#gatewayOrg(identity);
    const first = await this.#process(channel, firstOrg, proposal);
    if (!('endorsement' in first)) {
      throw new EndorsementError(GRPC_CODES.ABORTED, 'failed to endorse transaction, see attached details for more info', [detailOf(firstOrg, first.error)], proposal.txId);
    }
    const plan = planEndorsement({
      first: first.endorsement,
      hasTransient: proposal.hasTransient,
      chaincodePolicy: this.#chaincodePolicy,
      collections: this.#collections,
      peers: [...channel.peers.values()].map((peer) => peer.identity),
    });
    if ('error' in plan) {
      throw new EndorsementError(GRPC_CODES.FAILED_PRECONDITION, plan.error, [], proposal.txId);
    }
    const others = await this.#collect(channel, plan.endorsers.filter((mspId) => mspId !== firstOrg), proposal, first.endorsement);
    return plan.endorsers.includes(firstOrg) ? [first.endorsement, ...others] : others;
  }

  async #endorseOn(channel: Channel, orgs: readonly string[], proposal: SignedProposal): Promise<Endorsement[]> {
    const unknown = orgs.filter((mspId) => !channel.peers.has(mspId));
    if (unknown.length > 0 || orgs.length === 0) {
      throw new EndorsementError(GRPC_CODES.UNAVAILABLE, `failed to find any endorsing peers for org(s): ${unknown.join(', ')}`, [], proposal.txId);
    }
    return this.#collect(channel, orgs, proposal, undefined);
  }

  /** Endorses on each organisation; any failure or any payload unlike the reference fails the endorsement. */
  async #collect(channel: Channel, orgs: readonly string[], proposal: SignedProposal, reference: Endorsement | undefined): Promise<Endorsement[]> {
    const endorsements: Endorsement[] = [];
    const details: EndorsementFailureDetail[] = [];
    let expected = reference?.responsePayload;
    for (const mspId of orgs) {
      const outcome = await this.#process(channel, mspId, proposal);
      if (!('endorsement' in outcome)) {
        details.push(detailOf(mspId, outcome.error));
      } else if (expected !== undefined && outcome.endorsement.responsePayload !== expected) {
        details.push(detailOf(mspId, 'ProposalResponsePayloads do not match'));
      } else {
        expected = outcome.endorsement.responsePayload;
        endorsements.push(outcome.endorsement);
      }
    }
    if (details.length > 0) {
      throw new EndorsementError(GRPC_CODES.ABORTED, 'failed to collect enough transaction endorsements, see attached details for more info', details, proposal.txId);
    }
    return endorsements;
  }

  #transactionOf(proposal: SignedProposal, creatorMspId: string, endorsements: readonly Endorsement[]): EndorsedTransaction {
    const [first] = endorsements;
    if (first === undefined) {
      throw new EndorsementError(GRPC_CODES.ABORTED, 'failed to collect enough transaction endorsements, see attached details for more info', [], proposal.txId);
    }
    const transaction: EndorsedTransaction = Object.freeze({
      transactionId: proposal.txId,
      transactionName: proposal.transactionName,
      creatorMspId,
      timestamp: proposal.timestamp,
      result: first.payload,
      rwset: first.results.rwset,
      event: first.event,
      endorsers: endorsements.map((endorsement) => endorsement.mspId),
    });
    this.#issued.set(transaction, { txId: proposal.txId, timestamp: proposal.timestamp, rwset: first.results.rwset, event: first.event, endorsers: endorsements.map((endorsement) => endorsement.endorser) });
    return transaction;
  }

  /** Member peers store a valid transaction's private values; the others keep only the hashes. */
  #distribute(channel: Channel, updates: readonly PrivateUpdate[]): void {
    for (const update of updates) {
      const collection = this.#collections.get(update.collection);
      for (const peer of channel.peers.values()) {
        if (collection === undefined || !isMember(collection, peer.identity)) {
          continue;
        }
        const held = peer.privateStore.get(update.collection, update.key);
        const value = update.value === 'keep' ? held?.value : update.value;
        peer.privateStore.put(update.collection, update.key, value === undefined ? undefined : { value, version: update.version });
      }
    }
  }
}
