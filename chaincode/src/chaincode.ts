/**
 * The chaincode as the peer runs it: fabric-contract-api's dispatcher over the contract list. The process entry
 * point (`main.ts`) starts it; the in-memory network of the unit tests runs the same object, so dispatch
 * (transaction names, argument marshalling, hooks) is the same in both.
 */
import 'reflect-metadata';
import type { ChaincodeInterface, ChaincodeResponse, ChaincodeStub } from 'fabric-shim';
import { JSONSerializer } from 'fabric-contract-api';
import { contracts as productContracts } from './index';
import { CHAINCODE_VERSION } from './version';

// fabric-shim's bootstrap normally loads contracts from package.json with dynamic requires, which a
// bundle cannot follow; the dispatcher is built from the contract list directly.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ChaincodeFromContract = require('fabric-shim/lib/contract-spi/chaincodefromcontract') as new (
  contracts: unknown[],
  serializers: unknown,
  metadata: object,
  title: string,
  version: string,
) => ChaincodeInterface;

const serializers = { transaction: 'jsonSerializer', serializers: { jsonSerializer: JSONSerializer } };

/** A contract class the dispatcher can instantiate. */
export type ContractClass = new () => object;

/**
 * Builds the chaincode from a list of contract classes (default: the product's).
 * @param contracts - the contract classes; the list is copied (the dispatcher appends its system contract)
 */
export function createChaincode(contracts: readonly ContractClass[] = productContracts): ChaincodeInterface {
  const dispatcher = new ChaincodeFromContract([...contracts], serializers, {}, 'battery-trace', CHAINCODE_VERSION);
  return {
    Init: (stub: ChaincodeStub): Promise<ChaincodeResponse> => dispatcher.Init(stub),
    Invoke: (stub: ChaincodeStub): Promise<ChaincodeResponse> => dispatcher.Invoke(stub),
  };
}
