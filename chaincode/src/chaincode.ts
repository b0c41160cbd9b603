/**
 * The chaincode as the peer runs it: fabric-contract-api's dispatcher over the contract list. The process entry
 * point (`main.ts`) starts it; the in-memory network of the unit tests runs the same object, so dispatch
 * (transaction names, argument marshalling, hooks) is the same in both.
 *
 * The dispatcher answers some calls before any contract code runs (an unknown contract, a wrong number of
 * arguments, a creator it cannot parse) with plain text, which the SDK could only report as an endorsement
 * failure. The chaincode built here checks names and arity itself first and gives every failure the error envelope;
 * unknown transactions of a product contract are answered by {@link BatteryTraceContract}.
 */
import 'reflect-metadata';
import { Shim, type ChaincodeInterface, type ChaincodeResponse, type ChaincodeStub } from 'fabric-shim';
import { JSONSerializer } from 'fabric-contract-api';
import { z } from 'zod';
import { ContractError, decodeErrorEnvelope } from './api';
import { BatteryTraceContract } from './contracts/BatteryTraceContract';
import { contracts as productContracts } from './index';
import { internalError } from './state';
import { CHAINCODE_VERSION } from './version';

/** The parts of fabric-shim's dispatcher this module uses (fabric-shim is pinned, so they cannot move). */
interface Dispatcher extends ChaincodeInterface {
  /** The contract metadata GetMetadata returns, built from the decorators. */
  readonly metadata: unknown;
  /** How the dispatcher splits `<namespace>:<transaction>`, defaulting the namespace to the first contract. */
  _splitFunctionName(fcn: string): { contractName: string; function: string };
}

// fabric-shim's bootstrap normally loads contracts from package.json with dynamic requires, which a
// bundle cannot follow; the dispatcher is built from the contract list directly.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ChaincodeFromContract = require('fabric-shim/lib/contract-spi/chaincodefromcontract') as new (
  contracts: unknown[],
  serializers: unknown,
  metadata: object,
  title: string,
  version: string,
) => Dispatcher;

const serializers = { transaction: 'jsonSerializer', serializers: { jsonSerializer: JSONSerializer } };

/** Responses with a status at or above Fabric's error threshold fail the transaction. */
const ERROR_THRESHOLD = 400;

/** Namespace of the system contract (GetMetadata) that the dispatcher adds to every chaincode. */
const SYSTEM_CONTRACT = 'org.hyperledger.fabric';

const metadataSchema = z.object({
  contracts: z.record(
    z.object({
      transactions: z.array(z.object({ name: z.string(), parameters: z.array(z.object({ schema: z.object({ type: z.string().optional() }) })).optional() })),
    }),
  ),
});

/** Every contract's transactions with their number of parameters. */
type Routes = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** Where a call goes: its contract and transaction, and how many arguments it takes if the transaction exists. */
interface Route {
  readonly contract: string;
  readonly transaction: string;
  readonly contractKnown: boolean;
  readonly parameterCount: number | undefined;
}

/** A contract class the dispatcher can instantiate: every one extends {@link BatteryTraceContract}. */
export type ContractClass = new () => BatteryTraceContract;

/**
 * Reads the routes from the dispatcher's metadata. Every parameter must be a string: the dispatcher then never
 * fails to marshal an argument, so after the name and arity checks any failure without an envelope is internal.
 * @throws Error at start-up when a transaction declares a parameter of another type
 */
function routesOf(metadata: unknown): Routes {
  const routes = new Map<string, ReadonlyMap<string, number>>();
  for (const [contract, { transactions }] of Object.entries(metadataSchema.parse(metadata).contracts)) {
    const counts = new Map<string, number>();
    for (const { name, parameters = [] } of transactions) {
      if (parameters.some(({ schema }) => schema.type !== 'string')) {
        throw new Error(`${contract}:${name} declares a parameter that is not a string`);
      }
      counts.set(name, parameters.length);
    }
    routes.set(contract, counts);
  }
  return routes;
}

function routeOf(routes: Routes, dispatcher: Dispatcher, fcn: string): Route {
  const { contractName: contract, function: transaction } = dispatcher._splitFunctionName(fcn);
  const transactions = routes.get(contract);
  return { contract, transaction, contractKnown: transactions !== undefined, parameterCount: transactions?.get(transaction) };
}

/** The refusal for a call the dispatcher would answer without an envelope, or `undefined` to dispatch it. */
function refusalOf(route: Route, supplied: number): ContractError | undefined {
  const { contract, transaction, parameterCount } = route;
  if (!route.contractKnown) {
    return new ContractError('UNKNOWN_TRANSACTION', `the chaincode has no contract ${contract} (transaction ${transaction})`);
  }
  // the system contract keeps contract-api's default hook, which logs the call's arguments and answers without an envelope
  if (parameterCount === undefined && contract === SYSTEM_CONTRACT) {
    return new ContractError('UNKNOWN_TRANSACTION', `contract ${contract} has no transaction ${transaction}`);
  }
  if (parameterCount !== undefined && parameterCount !== supplied) {
    return new ContractError('WRONG_ARGUMENT_COUNT', `${contract}:${transaction} takes ${parameterCount} argument(s), ${supplied} were sent`);
  }
  return undefined;
}

async function invoke(dispatcher: Dispatcher, routes: Routes, stub: ChaincodeStub): Promise<ChaincodeResponse> {
  const [fcn, ...args] = stub.getStringArgs();
  if (fcn === undefined) {
    return dispatcher.Invoke(stub);
  }
  const route = routeOf(routes, dispatcher, fcn);
  const refusal = refusalOf(route, args.length);
  if (refusal !== undefined) {
    return Shim.error(refusal.message);
  }
  const response = await dispatcher.Invoke(stub);
  if (response.status < ERROR_THRESHOLD || decodeErrorEnvelope(response.message ?? '') !== undefined) {
    return response;
  }
  // names and arity are checked and every parameter is a string, so what is left failed inside the chaincode
  // (the dispatcher has logged its text)
  return Shim.error(internalError(`${route.contract}:${route.transaction}`, stub.getTxID()).message);
}

function requireBaseContract(contract: ContractClass): void {
  // a contract without the base class would answer unknown transactions without an envelope
  if (!(contract.prototype instanceof BatteryTraceContract)) {
    throw new Error(`${contract.name} must extend BatteryTraceContract`);
  }
}

/**
 * Builds the chaincode from a list of contract classes (default: the product's). Every failed call answers
 * with the error envelope: unknown contracts and transactions `UNKNOWN_TRANSACTION`, a wrong number of
 * arguments `WRONG_ARGUMENT_COUNT`, anything unexpected `INTERNAL`.
 * @param contracts - the contract classes; the list is copied (the dispatcher appends its system contract)
 * @returns the chaincode to hand to `Shim.start`
 * @throws Error when a contract does not extend {@link BatteryTraceContract} or a transaction declares a
 * parameter that is not a string
 * @example
 * ```ts
 * Shim.start(createChaincode());
 * ```
 */
export function createChaincode(contracts: readonly ContractClass[] = productContracts): ChaincodeInterface {
  contracts.forEach(requireBaseContract);
  const dispatcher = new ChaincodeFromContract([...contracts], serializers, {}, 'battery-trace', CHAINCODE_VERSION);
  const routes = routesOf(dispatcher.metadata);
  // Init runs the same dispatch as Invoke (fabric-contract-api routes both by transaction name).
  const call = (stub: ChaincodeStub): Promise<ChaincodeResponse> => invoke(dispatcher, routes, stub);
  return { Init: call, Invoke: call };
}
