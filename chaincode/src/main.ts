/**
 * Process entry point of the bundled chaincode. The external builder's `run` script starts it with the
 * CORE_* environment (peer address, chaincode id, TLS material) that the peer hands over.
 */
import { Shim } from 'fabric-shim';
import { createChaincode } from './chaincode';

try {
  Shim.start(createChaincode());
} catch (error: unknown) {
  process.stderr.write(`battery-trace chaincode failed to start: ${String(error)}\n`);
  process.exit(1);
}
