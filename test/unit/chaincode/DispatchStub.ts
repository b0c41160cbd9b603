import { webcrypto } from 'node:crypto';
import Long from 'long';
import * as x509 from '@peculiar/x509';
import { Shim } from 'fabric-shim';
import type { ChaincodeProposal, ChaincodeResponse, ChaincodeStub, Iterators, SerializedIdentity, SplitCompositekey, StateQueryResponse, Timestamp } from 'fabric-shim-api';

const COMPOSITE_NS = '\u0000';
const MIN_RUNE = '\u0000';
const MAX_RUNE = '\u{10ffff}';

type QueryResult<T> = Promise<T> & AsyncIterable<Iterators.KV>;

/** A caller as the peer hands it to the chaincode: an MSP id and a real PEM certificate. */
export interface TestCaller {
  readonly mspId: string;
  readonly certificatePem: string;
}

/**
 * Makes a self-signed ECDSA P-256 certificate like cryptogen's (NodeOU in the subject), because fabric-shim's
 * ClientIdentity parses the creator's certificate on every call.
 * @param mspId - the caller's organisation
 * @param ou - `admin` or `client`
 */
export async function testCaller(mspId: string, ou: 'admin' | 'client'): Promise<TestCaller> {
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = await webcrypto.subtle.generateKey(algorithm, false, ['sign', 'verify']);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: '01',
      name: `C=US, ST=California, L=San Francisco, OU=${ou}, CN=${ou === 'admin' ? 'Admin' : 'User1'}@${mspId}`,
      notBefore: new Date('2025-01-01T00:00:00Z'),
      notAfter: new Date('2035-01-01T00:00:00Z'),
      signingAlgorithm: algorithm,
      keys,
    },
    webcrypto,
  );
  return { mspId, certificatePem: certificate.toString('pem') };
}

/** Mutes fabric's console logger for the enclosing mocha suite (the dispatcher logs every failed call). */
export function muteFabricLogs(): void {
  // every fabric logger writes through one shared console transport
  const transports = Shim.newLogger('battery-trace-tests').transports;
  before(() => {
    transports.forEach((transport) => (transport.silent = true));
  });
  after(() => {
    transports.forEach((transport) => (transport.silent = false));
  });
}

/** One call as a client would send it: raw argument bytes (function name first) and transient data. */
export interface DispatchCall {
  readonly args: readonly Uint8Array[];
  readonly caller: TestCaller;
  readonly transient?: ReadonlyMap<string, Uint8Array>;
  readonly txId?: string;
}

function iteratorOf<T>(items: readonly T[]): Iterators.CommonIterator<T> {
  let index = 0;
  return {
    next: () => {
      const value = items[index];
      index += 1;
      return Promise.resolve(value === undefined ? { value: undefined as unknown as T, done: true } : { value, done: false });
    },
    close: () => Promise.resolve(),
  };
}

function queryResult<R, I>(value: R, items: readonly I[]): Promise<R> & AsyncIterable<I> {
  return Object.assign(Promise.resolve(value), {
    async *[Symbol.asyncIterator](): AsyncGenerator<I> {
      for (const item of items) {
        yield await Promise.resolve(item);
      }
    },
  });
}

function unsupported(name: string): never {
  throw new Error(`DispatchStub does not support ${name}`);
}

/**
 * A minimal `ChaincodeStub` for driving the real dispatcher through `Invoke(stub)`: it carries the raw argument
 * bytes as the peer sends them (`getBufferArgs`), reads from a committed key-value map, and records every write
 * attempt (state, validation parameters, private data, events) so tests can assert that a refused call wrote nothing.
 */
export class DispatchStub implements ChaincodeStub {
  /** Every write the chaincode attempted, as `<operation> <key>`. */
  readonly writes: string[] = [];
  /** State writes to apply when the call succeeds (`undefined` deletes). */
  readonly pending = new Map<string, Uint8Array | undefined>();
  readonly #world: ReadonlyMap<string, Uint8Array>;
  readonly #call: DispatchCall;

  constructor(world: ReadonlyMap<string, Uint8Array>, call: DispatchCall) {
    this.#world = world;
    this.#call = call;
  }

  getBufferArgs(): Buffer[] {
    return this.#call.args.map((arg) => Buffer.from(arg));
  }
  getArgs(): string[] {
    return this.getStringArgs();
  }
  getStringArgs(): string[] {
    return this.getBufferArgs().map((arg) => arg.toString('utf8'));
  }
  getFunctionAndParameters(): { params: string[]; fcn: string } {
    const [fcn = '', ...params] = this.getStringArgs();
    return { fcn, params };
  }
  getTxID(): string {
    return this.#call.txId ?? 'tx-dispatch-1';
  }
  getChannelID(): string {
    return 'batterytrace';
  }
  getCreator(): SerializedIdentity {
    return { mspid: this.#call.caller.mspId, idBytes: Buffer.from(this.#call.caller.certificatePem, 'utf8') };
  }
  getMspID(): string {
    return this.#call.caller.mspId;
  }
  getTransient(): Map<string, Uint8Array> {
    return new Map(this.#call.transient ?? []);
  }
  getSignedProposal(): ChaincodeProposal.SignedProposal {
    return unsupported('getSignedProposal');
  }
  getTxTimestamp(): Timestamp {
    return { seconds: Long.fromNumber(1_735_689_600, true), nanos: 0 };
  }
  getDateTimestamp(): Date {
    return new Date(1_735_689_600_000);
  }
  getBinding(): string {
    return '';
  }

  getState(key: string): Promise<Uint8Array> {
    return Promise.resolve(this.#world.get(key) ?? new Uint8Array());
  }
  putState(key: string, value: Uint8Array): Promise<void> {
    this.writes.push(`putState ${key}`);
    this.pending.set(key, Uint8Array.from(value));
    return Promise.resolve();
  }
  deleteState(key: string): Promise<void> {
    this.writes.push(`deleteState ${key}`);
    this.pending.set(key, undefined);
    return Promise.resolve();
  }
  setStateValidationParameter(key: string): Promise<void> {
    this.writes.push(`setStateValidationParameter ${key}`);
    return Promise.resolve();
  }
  getStateValidationParameter(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array());
  }

  getStateByRange(startKey: string, endKey: string): QueryResult<Iterators.StateQueryIterator> {
    const items = this.#range(startKey, endKey);
    return queryResult(iteratorOf(items), items);
  }
  getStateByRangeWithPagination(startKey: string, endKey: string, pageSize: number): QueryResult<StateQueryResponse<Iterators.StateQueryIterator>> {
    return this.#page(this.#range(startKey, endKey), pageSize);
  }
  getStateByPartialCompositeKey(objectType: string, attributes: string[]): QueryResult<Iterators.StateQueryIterator> {
    const prefix = this.createCompositeKey(objectType, attributes);
    const items = this.#range(prefix, prefix + MAX_RUNE);
    return queryResult(iteratorOf(items), items);
  }
  getStateByPartialCompositeKeyWithPagination(objectType: string, attributes: string[], pageSize: number): QueryResult<StateQueryResponse<Iterators.StateQueryIterator>> {
    const prefix = this.createCompositeKey(objectType, attributes);
    return this.#page(this.#range(prefix, prefix + MAX_RUNE), pageSize);
  }
  getQueryResult(): QueryResult<Iterators.StateQueryIterator> {
    return unsupported('rich queries');
  }
  getQueryResultWithPagination(): QueryResult<StateQueryResponse<Iterators.StateQueryIterator>> {
    return unsupported('rich queries');
  }
  getHistoryForKey(): Promise<Iterators.HistoryQueryIterator> & AsyncIterable<Iterators.KeyModification> {
    return queryResult(iteratorOf<Iterators.KeyModification>([]), []);
  }
  invokeChaincode(): Promise<ChaincodeResponse> {
    return unsupported('invokeChaincode');
  }
  setEvent(name: string): void {
    this.writes.push(`setEvent ${name}`);
  }

  createCompositeKey(objectType: string, attributes: string[]): string {
    return `${COMPOSITE_NS}${objectType}${MIN_RUNE}${attributes.map((attribute) => `${attribute}${MIN_RUNE}`).join('')}`;
  }
  splitCompositeKey(compositeKey: string): SplitCompositekey {
    const parts = compositeKey.substring(1).split(MIN_RUNE);
    parts.pop();
    return { objectType: parts[0] ?? '', attributes: parts.slice(1) };
  }

  getPrivateData(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array());
  }
  getPrivateDataHash(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array());
  }
  putPrivateData(collection: string, key: string): Promise<void> {
    this.writes.push(`putPrivateData ${collection} ${key}`);
    return Promise.resolve();
  }
  deletePrivateData(collection: string, key: string): Promise<void> {
    this.writes.push(`deletePrivateData ${collection} ${key}`);
    return Promise.resolve();
  }
  purgePrivateData(collection: string, key: string): Promise<void> {
    this.writes.push(`purgePrivateData ${collection} ${key}`);
    return Promise.resolve();
  }
  setPrivateDataValidationParameter(collection: string, key: string): Promise<void> {
    this.writes.push(`setPrivateDataValidationParameter ${collection} ${key}`);
    return Promise.resolve();
  }
  getPrivateDataValidationParameter(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array());
  }
  getPrivateDataByRange(): QueryResult<Iterators.StateQueryIterator> {
    return queryResult(iteratorOf<Iterators.KV>([]), []);
  }
  getPrivateDataByPartialCompositeKey(): QueryResult<Iterators.StateQueryIterator> {
    return queryResult(iteratorOf<Iterators.KV>([]), []);
  }
  getPrivateDataQueryResult(): QueryResult<Iterators.StateQueryIterator> {
    return unsupported('rich queries');
  }

  #range(start: string, end: string): Iterators.KV[] {
    return [...this.#world.entries()]
      .filter(([key]) => key >= start && (end === '' || key < end))
      .sort(([a], [b]) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')))
      .map(([key, value]) => ({ key, value, namespace: 'battery-trace' }));
  }

  #page(items: readonly Iterators.KV[], pageSize: number): QueryResult<StateQueryResponse<Iterators.StateQueryIterator>> {
    const page = items.slice(0, pageSize);
    const response = { iterator: iteratorOf(page), metadata: { fetchedRecordsCount: page.length, bookmark: items[pageSize]?.key ?? '' } };
    return queryResult(response, page);
  }
}

/** The transaction's raw arguments: the qualified name, then each argument, as UTF-8 unless bytes are given. */
export function callArgs(fcn: string, ...args: readonly (string | Uint8Array)[]): Uint8Array[] {
  return [fcn, ...args].map((arg) => (typeof arg === 'string' ? Buffer.from(arg, 'utf8') : arg));
}
