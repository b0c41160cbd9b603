import { ledger, peer } from '@hyperledger/fabric-protos';
import type { ChaincodeInterface } from 'fabric-shim';
import type { RangeCursor, TransactionSimulator } from './TransactionSimulator';
import { VALIDATION_PARAMETER } from './TransactionSimulator';
import { timestampOf } from './timestamp';

type MessageType = peer.ChaincodeMessage.TypeMap[keyof peer.ChaincodeMessage.TypeMap];

/** The getters of the shim's own `ChaincodeMessage` class (its fabric-protos copy) the peer side reads. */
interface ShimMessage {
  getType(): number;
  getTxid(): string;
  getPayload_asU8(): Uint8Array;
  getChaincodeEvent(): { getEventName(): string; getPayload_asU8(): Uint8Array } | undefined;
}

interface ShimHandler {
  chat(start: peer.ChaincodeMessage): void;
}

// fabric-shim's message handler is the chaincode side of the peer protocol; the package exports only its
// gRPC client around it, so it is loaded from the module that defines it
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ChaincodeMessageHandler } = require('fabric-shim/lib/handler') as { ChaincodeMessageHandler: new (stream: MemoryChaincodeStream, chaincode: ChaincodeInterface) => ShimHandler };

const Type = peer.ChaincodeMessage.Type;
const TYPE_NAMES = new Map<number, string>(Object.entries(Type).map(([name, code]) => [code, name]));
const EMPTY = new Uint8Array();
/** The peer's batch size between handler and shim (`maxResultLimit` in Fabric's chaincode support). */
const MAX_RESULT_LIMIT = 100;
/** `ledger.state.totalQueryLimit` in this network's core.yaml. */
const TOTAL_QUERY_LIMIT = 100_000;

/** What one chaincode invocation needs: the proposal and the simulator its state calls go to. */
export interface ChaincodeInvocation {
  readonly txId: string;
  readonly channelId: string;
  /** The chaincode name, the namespace range query results report. */
  readonly namespace: string;
  /** A `peer.ChaincodeInput`: the function name and arguments. */
  readonly input: Uint8Array;
  readonly signedProposal: peer.SignedProposal;
  readonly simulator: TransactionSimulator;
}

/** The chaincode's answer: its response and the event it set. */
export interface ChaincodeCompletion {
  readonly status: number;
  readonly message: string;
  readonly payload: Uint8Array;
  readonly event: { readonly name: string; readonly payload: Uint8Array } | undefined;
}

interface Query {
  readonly next: () => Uint8Array | undefined;
  readonly peekKey: () => string;
  readonly paginated: boolean;
  readonly limit: number;
  pending: Uint8Array[];
  total: number;
}

interface ActiveTransaction {
  readonly invocation: ChaincodeInvocation;
  readonly queries: Map<string, Query>;
  readonly complete: (completion: ChaincodeCompletion) => void;
  nextQuery: number;
}

function message(type: MessageType, txId: string, channelId: string, payload: Uint8Array): peer.ChaincodeMessage {
  const reply = new peer.ChaincodeMessage();
  reply.setType(type);
  reply.setTxid(txId);
  reply.setChannelId(channelId);
  reply.setPayload(payload);
  return reply;
}

/** The duplex stream the shim's handler talks over; the peer end delivers replies asynchronously, as gRPC does. */
class MemoryChaincodeStream {
  readonly #listeners: ((message: peer.ChaincodeMessage) => void)[] = [];
  readonly #receive: (message: ShimMessage) => void;

  constructor(receive: (message: ShimMessage) => void) {
    this.#receive = receive;
  }

  on(event: string, listener: (message: peer.ChaincodeMessage) => void): this {
    if (event === 'data') {
      this.#listeners.push(listener);
    }
    return this;
  }

  /** A message from the chaincode. */
  write(sent: ShimMessage): void {
    this.#receive(sent);
  }

  end(): void {
    this.#listeners.length = 0;
  }

  deliver(reply: peer.ChaincodeMessage): void {
    queueMicrotask(() => {
      this.#listeners.forEach((listener) => {
        listener(reply);
      });
    });
  }
}

function kvBytes(namespace: string, key: string, value: Uint8Array): Uint8Array {
  const kv = new ledger.queryresult.KV();
  kv.setNamespace(namespace);
  kv.setKey(key);
  kv.setValue(value);
  return kv.serializeBinary();
}

function rangeQuery(cursor: RangeCursor, namespace: string, paginated: boolean, limit: number): Query {
  return {
    next: () => {
      const entry = cursor.next();
      return entry === undefined ? undefined : kvBytes(namespace, entry.key, entry.value);
    },
    peekKey: () => cursor.peekKey(),
    paginated,
    limit,
    pending: [],
    total: 0,
  };
}

/** Fabric's QueryResponseGenerator: batches of 100 for the shim, one page when paginated. */
function queryResponse(query: Query, id: string, queries: Map<string, Query>): peer.QueryResponse {
  for (;;) {
    const result = query.total >= query.limit ? undefined : query.next();
    if (result === undefined) {
      return lastBatch(query, id, queries);
    }
    query.total += 1;
    if (!query.paginated && query.pending.length === MAX_RESULT_LIMIT) {
      const batch = query.pending;
      query.pending = [result];
      return responseOf(batch, true, id);
    }
    query.pending.push(result);
  }
}

function lastBatch(query: Query, id: string, queries: Map<string, Query>): peer.QueryResponse {
  queries.delete(id);
  const response = responseOf(query.pending, false, id);
  if (query.paginated) {
    const metadata = new peer.QueryResponseMetadata();
    metadata.setFetchedRecordsCount(query.total);
    metadata.setBookmark(query.peekKey());
    response.setMetadata(metadata.serializeBinary());
  }
  return response;
}

function responseOf(results: readonly Uint8Array[], hasMore: boolean, id: string): peer.QueryResponse {
  const response = new peer.QueryResponse();
  response.setResultsList(
    results.map((bytes) => {
      const result = new peer.QueryResultBytes();
      result.setResultbytes(bytes);
      return result;
    }),
  );
  response.setHasMore(hasMore);
  response.setId(id);
  return response;
}

function historyQuery(simulator: TransactionSimulator, key: string): Query {
  const records = simulator.history(key);
  let next = 0;
  return {
    next: () => {
      const record = records[next];
      next += 1;
      if (record === undefined) {
        return undefined;
      }
      const modification = new ledger.queryresult.KeyModification();
      modification.setTxId(record.txId);
      modification.setValue(record.value ?? EMPTY);
      modification.setIsDelete(record.value === undefined);
      modification.setTimestamp(timestampOf(record.timestamp));
      return modification.serializeBinary();
    },
    peekKey: () => '',
    paginated: false,
    limit: TOTAL_QUERY_LIMIT,
    pending: [],
    total: 0,
  };
}

type RequestHandler = (tx: ActiveTransaction, payload: Uint8Array) => Uint8Array;

function openRange(tx: ActiveTransaction, payload: Uint8Array): Uint8Array {
  const request = peer.GetStateByRange.deserializeBinary(payload);
  const metadataBytes = request.getMetadata_asU8();
  const metadata = metadataBytes.length === 0 ? undefined : peer.QueryMetadata.deserializeBinary(metadataBytes);
  const pageSize = metadata?.getPagesize() ?? 0;
  const bookmark = metadata?.getBookmark() ?? '';
  const paginated = pageSize !== 0 || bookmark !== '';
  const { simulator, namespace } = tx.invocation;
  const collection = request.getCollection();
  const startKey = paginated && bookmark !== '' ? bookmark : request.getStartkey();
  const cursor = collection === '' ? simulator.openRange(startKey, request.getEndkey(), paginated) : simulator.openPrivateRange(collection, startKey, request.getEndkey());
  const limit = pageSize > 0 ? Math.min(pageSize, TOTAL_QUERY_LIMIT) : TOTAL_QUERY_LIMIT;
  return startQuery(tx, rangeQuery(cursor, namespace, paginated, limit));
}

function startQuery(tx: ActiveTransaction, query: Query): Uint8Array {
  tx.nextQuery += 1;
  const id = `query-${String(tx.nextQuery)}`;
  tx.queries.set(id, query);
  return queryResponse(query, id, tx.queries).serializeBinary();
}

function stateMetadataResult(policy: Uint8Array | undefined): Uint8Array {
  const result = new peer.StateMetadataResult();
  if (policy !== undefined) {
    const entry = new peer.StateMetadata();
    entry.setMetakey(VALIDATION_PARAMETER);
    entry.setValue(policy);
    result.setEntriesList([entry]);
  }
  return result.serializeBinary();
}

/** The peer's side of the chaincode protocol, one handler per message type (Fabric's chaincode `Handler`). */
const REQUESTS = new Map<number, RequestHandler>([
  [Type.GET_STATE, (tx, payload) => {
    const request = peer.GetState.deserializeBinary(payload);
    const { simulator } = tx.invocation;
    const collection = request.getCollection();
    return (collection === '' ? simulator.getState(request.getKey()) : simulator.getPrivateData(collection, request.getKey())) ?? EMPTY;
  }],
  [Type.GET_PRIVATE_DATA_HASH, (tx, payload) => {
    const request = peer.GetState.deserializeBinary(payload);
    return tx.invocation.simulator.getPrivateDataHash(request.getCollection(), request.getKey()) ?? EMPTY;
  }],
  [Type.PUT_STATE, (tx, payload) => {
    const request = peer.PutState.deserializeBinary(payload);
    const { simulator } = tx.invocation;
    const collection = request.getCollection();
    if (collection === '') {
      simulator.putState(request.getKey(), request.getValue_asU8());
    } else {
      simulator.putPrivateData(collection, request.getKey(), request.getValue_asU8());
    }
    return EMPTY;
  }],
  [Type.DEL_STATE, (tx, payload) => deleteKey(tx, payload)],
  // purging also drops the private value's history, which this network does not keep
  [Type.PURGE_PRIVATE_DATA, (tx, payload) => deleteKey(tx, payload)],
  [Type.PUT_STATE_METADATA, (tx, payload) => {
    const request = peer.PutStateMetadata.deserializeBinary(payload);
    const entry = request.getMetadata();
    const metakey = entry?.getMetakey() ?? '';
    const value = entry?.getValue_asU8() ?? EMPTY;
    const { simulator } = tx.invocation;
    const collection = request.getCollection();
    if (collection === '') {
      simulator.putStateMetadata(request.getKey(), metakey, value);
    } else {
      simulator.putPrivateDataMetadata(collection, request.getKey(), metakey, value);
    }
    return EMPTY;
  }],
  [Type.GET_STATE_METADATA, (tx, payload) => {
    const request = peer.GetStateMetadata.deserializeBinary(payload);
    const { simulator } = tx.invocation;
    const collection = request.getCollection();
    return stateMetadataResult(collection === '' ? simulator.getStateMetadata(request.getKey()) : simulator.getPrivateDataMetadata(collection, request.getKey()));
  }],
  [Type.GET_STATE_BY_RANGE, openRange],
  [Type.QUERY_STATE_NEXT, (tx, payload) => {
    const id = peer.QueryStateNext.deserializeBinary(payload).getId();
    const query = tx.queries.get(id);
    if (query === undefined) {
      throw new Error('query iterator not found');
    }
    return queryResponse(query, id, tx.queries).serializeBinary();
  }],
  [Type.QUERY_STATE_CLOSE, (tx, payload) => {
    const id = peer.QueryStateClose.deserializeBinary(payload).getId();
    tx.queries.delete(id);
    return responseOf([], false, id).serializeBinary();
  }],
  [Type.GET_HISTORY_FOR_KEY, (tx, payload) => startQuery(tx, historyQuery(tx.invocation.simulator, peer.GetHistoryForKey.deserializeBinary(payload).getKey()))],
  [Type.GET_QUERY_RESULT, () => {
    throw new Error('ExecuteQuery not supported for leveldb');
  }],
  [Type.INVOKE_CHAINCODE, () => {
    throw new Error('the in-memory network runs one chaincode; chaincode-to-chaincode calls are not supported');
  }],
]);

function deleteKey(tx: ActiveTransaction, payload: Uint8Array): Uint8Array {
  const request = peer.DelState.deserializeBinary(payload);
  const { simulator } = tx.invocation;
  const collection = request.getCollection();
  if (collection === '') {
    simulator.deleteState(request.getKey());
  } else {
    simulator.deletePrivateData(collection, request.getKey());
  }
  return EMPTY;
}

function completionOf(reply: ShimMessage): ChaincodeCompletion {
  const event = reply.getChaincodeEvent();
  const eventOf = event === undefined || event.getEventName() === '' ? undefined : { name: event.getEventName(), payload: event.getPayload_asU8() };
  if (reply.getType() !== Type.COMPLETED) {
    return { status: 500, message: `transaction returned with failure: ${new TextDecoder().decode(reply.getPayload_asU8())}`, payload: EMPTY, event: undefined };
  }
  const response = peer.Response.deserializeBinary(reply.getPayload_asU8());
  return { status: response.getStatus(), message: response.getMessage(), payload: response.getPayload_asU8(), event: eventOf };
}

/**
 * A chaincode as it runs on a peer: the contracts behind fabric-shim's own message handler and stub, connected
 * to the peer over an in-memory stream instead of gRPC. Every state call the chaincode makes arrives as the
 * same protocol message it would send to a real peer and is answered by the transaction's simulator.
 */
export class ChaincodeRuntime {
  readonly #stream: MemoryChaincodeStream;
  readonly #active = new Map<string, ActiveTransaction>();

  /**
   * @param chaincode - the chaincode (e.g. `createChaincode()`), started as its process would be
   * @param name - the chaincode name it registers with
   */
  constructor(chaincode: ChaincodeInterface, name: string) {
    this.#stream = new MemoryChaincodeStream((received) => {
      this.#receive(received);
    });
    const id = new peer.ChaincodeID();
    id.setName(name);
    new ChaincodeMessageHandler(this.#stream, chaincode).chat(message(Type.REGISTER, '', '', id.serializeBinary()));
  }

  /** Runs one transaction on the chaincode; state calls go to the invocation's simulator. */
  invoke(invocation: ChaincodeInvocation): Promise<ChaincodeCompletion> {
    return new Promise((complete) => {
      this.#active.set(invocation.txId, { invocation, queries: new Map(), complete, nextQuery: 0 });
      const start = message(Type.TRANSACTION, invocation.txId, invocation.channelId, invocation.input);
      start.setProposal(invocation.signedProposal);
      this.#stream.deliver(start);
    });
  }

  /** Stops the chaincode (a peer replacing it with another installation). */
  stop(): void {
    this.#stream.end();
  }

  #receive(received: ShimMessage): void {
    const type = received.getType();
    if (type === Type.REGISTER) {
      this.#stream.deliver(message(Type.REGISTERED, '', '', EMPTY));
      this.#stream.deliver(message(Type.READY, '', '', EMPTY));
      return;
    }
    const tx = this.#active.get(received.getTxid());
    if (tx === undefined) {
      return;
    }
    if (type === Type.COMPLETED || type === Type.ERROR) {
      this.#active.delete(received.getTxid());
      tx.complete(completionOf(received));
      return;
    }
    this.#stream.deliver(this.#answer(tx, received));
  }

  #answer(tx: ActiveTransaction, request: ShimMessage): peer.ChaincodeMessage {
    const { txId, channelId } = tx.invocation;
    const handler = REQUESTS.get(request.getType());
    const typeName = TYPE_NAMES.get(request.getType()) ?? String(request.getType());
    try {
      if (handler === undefined) {
        throw new Error(`unknown message type ${typeName}`);
      }
      return message(Type.RESPONSE, txId, channelId, handler(tx, request.getPayload_asU8()));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return message(Type.ERROR, txId, channelId, new TextEncoder().encode(`${typeName} failed: transaction ID: ${txId}: ${reason}`));
    }
  }
}
