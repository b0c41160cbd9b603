import type { Context } from 'fabric-contract-api';
import { ContractError, isContractError } from '../api';
import { decodeValue, parseValue, type Schema } from './codec';
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
      return bytes === undefined ? undefined : decodeValue(bytes, schema, `transient ${key}`, 'INVALID_ARGUMENT');
    },
  };
}

/**
 * Parses a JSON request string: JSON → `unknown` → schema.
 * @throws {@link ContractError} `INVALID_ARGUMENT` when it is not JSON or does not match
 */
export function parseRequest<Req>(json: string, schema: Schema<Req>, name: string): Req {
  let value: unknown;
  try {
    value = JSON.parse(json) as unknown;
  } catch {
    throw new ContractError('INVALID_ARGUMENT', `request of ${name} is not valid JSON`);
  }
  return parseValue(value, schema, `request of ${name}`);
}

function toContractError(error: unknown): ContractError {
  if (isContractError(error)) {
    return error;
  }
  return new ContractError('INTERNAL', `unexpected error: ${error instanceof Error ? error.message : String(error)}`);
}

async function run<Req, R>(ctx: Context, name: string, schema: Schema<Req>, json: string, body: TxBody<Req, R>, emit: boolean): Promise<R> {
  try {
    const tx = newTx(ctx, name);
    const request = parseRequest(json, schema, name);
    const result = await body(tx, request);
    if (emit) {
      tx.ledger.emitEvent(name);
    }
    return result;
  } catch (error) {
    throw toContractError(error);
  }
}

/**
 * Runs a writing transaction: parses the request, runs the body, emits the one event envelope, and turns any
 * unexpected error into a {@link ContractError} `INTERNAL` (a failed transaction writes nothing).
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
