import { createHash } from 'node:crypto';
import { common, peer } from '@hyperledger/fabric-protos';
import { timestampOf } from './timestamp';

/** What a client puts in a transaction proposal. */
export interface ProposalRequest {
  readonly channelId: string;
  readonly chaincodeName: string;
  /** The client's `msp.SerializedIdentity`. */
  readonly creator: Uint8Array;
  readonly nonce: Uint8Array;
  readonly timestamp: Date;
  /** `namespace:Transaction` */
  readonly transactionName: string;
  readonly args: readonly Uint8Array[];
  readonly transient: ReadonlyMap<string, Uint8Array>;
}

/** A proposal as the peers receive it. */
export interface SignedProposal {
  readonly txId: string;
  readonly signedProposal: peer.SignedProposal;
  /** The `peer.ChaincodeInput` the peer hands the chaincode. */
  readonly input: Uint8Array;
  readonly creator: Uint8Array;
  readonly timestamp: Date;
  readonly transactionName: string;
  readonly hasTransient: boolean;
}

/** Fabric's transaction id: hex SHA-256 of nonce and creator, so a client cannot pick another's. */
function transactionId(nonce: Uint8Array, creator: Uint8Array): string {
  return createHash('sha256').update(nonce).update(creator).digest('hex');
}

function chaincodeId(name: string): peer.ChaincodeID {
  const id = new peer.ChaincodeID();
  id.setName(name);
  return id;
}

function headerOf(request: ProposalRequest, txId: string): common.Header {
  const extension = new peer.ChaincodeHeaderExtension();
  extension.setChaincodeId(chaincodeId(request.chaincodeName));
  const channelHeader = new common.ChannelHeader();
  channelHeader.setType(common.HeaderType.ENDORSER_TRANSACTION);
  channelHeader.setTimestamp(timestampOf(request.timestamp));
  channelHeader.setChannelId(request.channelId);
  channelHeader.setTxId(txId);
  channelHeader.setEpoch(0);
  channelHeader.setExtension$(extension.serializeBinary());
  const signatureHeader = new common.SignatureHeader();
  signatureHeader.setCreator(request.creator);
  signatureHeader.setNonce(request.nonce);
  const header = new common.Header();
  header.setChannelHeader(channelHeader.serializeBinary());
  header.setSignatureHeader(signatureHeader.serializeBinary());
  return header;
}

/**
 * Builds the signed proposal a client sends for a transaction, as fabric-gateway builds it (header, invocation
 * spec with the function name first among the arguments, transient map). The in-memory network needs no
 * signature: only the network's own proposals reach its peers.
 */
export function buildProposal(request: ProposalRequest): SignedProposal {
  const txId = transactionId(request.nonce, request.creator);
  const input = new peer.ChaincodeInput();
  input.setArgsList([new TextEncoder().encode(request.transactionName), ...request.args]);
  const spec = new peer.ChaincodeSpec();
  spec.setType(peer.ChaincodeSpec.Type.NODE);
  spec.setChaincodeId(chaincodeId(request.chaincodeName));
  spec.setInput(input);
  const invocation = new peer.ChaincodeInvocationSpec();
  invocation.setChaincodeSpec(spec);
  const payload = new peer.ChaincodeProposalPayload();
  payload.setInput(invocation.serializeBinary());
  // google-protobuf ships no types, so its map type does not resolve; this is the one method used
  const transientMap = payload.getTransientmapMap() as unknown as { set(key: string, value: Uint8Array): void };
  for (const [key, value] of request.transient) {
    transientMap.set(key, value);
  }
  const proposal = new peer.Proposal();
  proposal.setHeader(headerOf(request, txId).serializeBinary());
  proposal.setPayload(payload.serializeBinary());
  const signedProposal = new peer.SignedProposal();
  signedProposal.setProposalBytes(proposal.serializeBinary());
  return {
    txId,
    signedProposal,
    input: input.serializeBinary(),
    creator: request.creator,
    timestamp: request.timestamp,
    transactionName: request.transactionName,
    hasTransient: request.transient.size > 0,
  };
}
