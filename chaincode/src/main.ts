/**
 * Process entry point of the bundled chaincode. The external builder's `run` script starts it with the
 * CORE_* environment (peer address, chaincode id, TLS material) that the peer hands over.
 */
import 'reflect-metadata';
import { JSONSerializer } from 'fabric-contract-api';
import { contracts } from './index';
import { CHAINCODE_VERSION } from './version';

// fabric-shim's bootstrap normally loads contracts from package.json with dynamic requires, which a
// bundle cannot follow; registering the contract list directly keeps the package self-contained.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Bootstrap = require('fabric-shim/lib/contract-spi/bootstrap') as {
  register(contracts: unknown[], serializers: unknown, metadata: object, title: string, version: string, opts: object): Promise<void>;
};

const serializers = { transaction: 'jsonSerializer', serializers: { jsonSerializer: JSONSerializer } };

Bootstrap.register(contracts, serializers, {}, 'battery-trace', CHAINCODE_VERSION, {}).catch((error: unknown) => {
  process.stderr.write(`battery-trace chaincode failed to start: ${String(error)}\n`);
  process.exit(1);
});
