/**
 * Silences the chaincode libraries' console loggers in unit tests: every in-memory transaction runs through
 * fabric-shim's handler and dispatcher, which log each invocation (and format the message even when the level
 * drops it), and fabric-contract-api logs every decorator. Set `CORE_CHAINCODE_LOGGING_LEVEL` (e.g. `DEBUG`)
 * to see them again.
 */
interface WinstonLogger {
  silent: boolean;
}

interface ChaincodeLoggers {
  getLogger(name: string): WinstonLogger;
  setLevel(level: string): void;
}

/** The loggers the libraries create when their modules load. */
const MODULE_LOGGERS: Readonly<Record<string, readonly string[]>> = {
  'fabric-shim/lib/logger': ['_', 'lib/chaincode.js', 'lib/handler.js', 'lib/iterators.js', 'lib/stub.js', 'contracts-spi/chaincodefromcontract.js', 'contracts-spi/datamarshall.js'],
  'fabric-contract-api/lib/logger': ['_', './lib/annotations/default.js', './lib/annotations/info.js', './lib/annotations/object.js', './lib/annotations/transaction.js', './lib/contract.js', './lib/jsontransactionserializer.js'],
};

const requested = process.env.CORE_CHAINCODE_LOGGING_LEVEL;
if (requested === undefined) {
  for (const [module, names] of Object.entries(MODULE_LOGGERS)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loggers = require(module) as ChaincodeLoggers;
    loggers.setLevel('CRITICAL');
    for (const name of names) {
      loggers.getLogger(name).silent = true;
    }
  }
  // setLevel stores the winston level name, which the libraries map back to `info` for loggers created later
  process.env.CORE_CHAINCODE_LOGGING_LEVEL = 'CRITICAL';
}
