import 'reflect-metadata';
import type { ChaincodeInterface } from 'fabric-shim';
import { JSONSerializer } from 'fabric-contract-api';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ChaincodeFromContract = require('fabric-shim/lib/contract-spi/chaincodefromcontract') as new (
  contracts: unknown[],
  serializers: unknown,
  metadata: object,
  title: string,
  version: string,
) => ChaincodeInterface;

/**
 * fabric-contract-api's own dispatcher over any contract classes, without the product's envelope and checks: for
 * tests of the in-memory network itself, whose probe contracts answer as Fabric's runtime does.
 */
export function plainChaincode(contracts: readonly (new () => object)[]): ChaincodeInterface {
  return new ChaincodeFromContract([...contracts], { transaction: 'jsonSerializer', serializers: { jsonSerializer: JSONSerializer } }, {}, 'probe', '0.0.0');
}
