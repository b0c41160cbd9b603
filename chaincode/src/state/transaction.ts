import type { Context } from 'fabric-contract-api';
import type { ChaincodeStub } from 'fabric-shim-api';
import { ContractError, isContractError } from '../api';
import { decodeClientText, decodeClientValue, parseClientJson, parseValue, type Schema } from './codec';
import { callerOf, type Caller } from './identity';
import { Ledger } from './ledger';

/** What a transaction body works with. */
export interface Tx {
  readonly ledger: Ledger;
  readonly caller: Caller;
  /** Qualified transaction name, e.g. `lot:MintLot`. */
  readonly name: string;
  /**
   * Reads and validates a transient (private) input, sent by the client as UTF-8 JSON.
   * @throws {@link ContractError} `INVALID_ARGUMENT` when present but invalid
   */
  transient<V>(key: string, schema: Schema<V>): V | undefined;
}

/** A transaction body: the typed request in, the typed result out. */
export type TxBody<Req, Res> = (tx: Tx, request: Req) => Promise<Res>;

function newTx(ctx: Context, name: string): Tx {
  const ledger = new Ledger(ctx.stub);
  return {
    ledger,
    caller: callerOf(ctx.clientIdentity),
    name,
    transient: (key, schema) => {
      const bytes = ctx.stub.getTransient().get(key);
      return bytes === undefined ? undefined : decodeClientValue(bytes, schema, `transient ${key}`);
    },
  };
}

/** The peer's stub carries the raw argument bytes; fabric-shim's typings leave the accessor out. */
interface RawArgumentsStub {
  getBufferArgs(): Uint8Array[];
}

function hasRawArguments(stub: ChaincodeStub): stub is ChaincodeStub & RawArgumentsStub {
  return typeof (stub as Partial<RawArgumentsStub>).getBufferArgs === 'function';
}

/**
 * The text of a transaction argument exactly as the client sent it. The dispatcher hands contracts strings
 * decoded with replacement characters, which would hide invalid bytes; this decodes the raw argument bytes
 * strictly instead. A contract method called directly (as unit tests do) has no argument bytes, and the
 * string it was given is then what was sent.
 * @param stub - the transaction's stub
 * @param position - the argument's position among the transaction's parameters (0 = the first)
 * @param passed - the string the dispatcher passed for that argument
 * @param what - names the argument in error messages
 * @returns the argument's text
 * @throws {@link ContractError} `INVALID_ARGUMENT` when the argument bytes are not valid UTF-8
 * @example
 * ```ts
 * const text = argumentText(ctx.stub, 1, value, 'baseline value');
 * ```
 */
export function argumentText(stub: ChaincodeStub, position: number, passed: string, what: string): string {
  // argument 0 of the invocation is the transaction name
  const bytes = hasRawArguments(stub) ? stub.getBufferArgs()[position + 1] : undefined;
  return bytes === undefined ? passed : decodeClientText(bytes, what);
}

/**
 * Parses a transaction's JSON request strictly: valid UTF-8 bytes → JSON without duplicate keys or lone
 * surrogates → `unknown` → schema.
 * @param stub - the transaction's stub, whose raw argument bytes are what gets parsed
 * @param json - the request string the dispatcher passed
 * @param schema - the request schema
 * @param name - the qualified transaction name, for error messages
 * @returns the typed request
 * @throws {@link ContractError} `INVALID_ARGUMENT` naming what is wrong
 * @example
 * ```ts
 * const request = parseRequest(ctx.stub, json, mintLotRequestSchema, 'lot:MintLot');
 * ```
 */
export function parseRequest<Req>(stub: ChaincodeStub, json: string, schema: Schema<Req>, name: string): Req {
  const what = `request of ${name}`;
  return parseValue(parseClientJson(argumentText(stub, 0, json, what), what), schema, what);
}

/** Name of the logger internal errors go to (the dispatcher prefixes the contract's namespace). */
const LOGGER_NAME = 'battery-trace';

/**
 * The error a client gets for an unexpected failure: that it happened and where to look, nothing of its cause.
 * @param name - the qualified transaction name
 * @param txId - the transaction id, under which the cause is logged
 * @returns the `INTERNAL` error to answer with
 * @example
 * ```ts
 * return Shim.error(internalError('lot:MintLot', stub.getTxID()).message);
 * ```
 */
export function internalError(name: string, txId: string): ContractError {
  return new ContractError('INTERNAL', `internal error in ${name}, transaction ${txId}`);
}

function describeCause(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}

/** Typed errors go to the client as they are; anything else (and `INTERNAL`) is logged with its stack and hidden. */
function toContractError(ctx: Context, name: string, error: unknown): ContractError {
  if (isContractError(error) && error.code !== 'INTERNAL') {
    return error;
  }
  const txId = ctx.stub.getTxID();
  ctx.logging.getLogger(LOGGER_NAME).error(`${name} failed in transaction ${txId}: ${describeCause(error)}`);
  return internalError(name, txId);
}

async function run<Req, R>(ctx: Context, name: string, schema: Schema<Req>, json: string, body: TxBody<Req, R>, emit: boolean): Promise<R> {
  try {
    const tx = newTx(ctx, name);
    const request = parseRequest(ctx.stub, json, schema, name);
    const result = await body(tx, request);
    if (emit) {
      tx.ledger.emitEvent(name);
    }
    return result;
  } catch (error) {
    throw toContractError(ctx, name, error);
  }
}

/**
 * Runs a writing transaction: parses the request, runs the body, emits the one event envelope, and turns any
 * unexpected error into a {@link ContractError} `INTERNAL` whose cause and stack go to the contract's logger
 * (a failed transaction writes nothing).
 * @param ctx - the contract context
 * @param name - the qualified transaction name
 * @param schema - the request schema
 * @param json - the request as the client sent it
 * @param body - the transaction logic
 * @throws {@link ContractError}
 * @example
 * ```ts
 * return submit(ctx, 'lot:MintLot', mintLotRequestSchema, request, (tx, req) => mintLot(tx, req));
 * ```
 */
export function submit<Req, R>(ctx: Context, name: string, schema: Schema<Req>, json: string, body: TxBody<Req, R>): Promise<R> {
  return run(ctx, name, schema, json, body, true);
}

/**
 * Runs a read-only transaction (no event): parses the request, runs the body, maps unexpected errors.
 * @throws {@link ContractError}
 */
export function evaluate<Req, R>(ctx: Context, name: string, schema: Schema<Req>, json: string, body: TxBody<Req, R>): Promise<R> {
  return run(ctx, name, schema, json, body, false);
}
