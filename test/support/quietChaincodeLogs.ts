/**
 * Silences the chaincode libraries' console loggers in unit tests: every in-memory transaction runs through
 * fabric-shim's handler and dispatcher, which log each invocation (and format each message even when the
 * level drops it), and fabric-contract-api logs every decorator. Set `CORE_CHAINCODE_LOGGING_LEVEL` (e.g.
 * `DEBUG`) to see them again.
 */
interface WinstonLogger {
  silent: boolean;
}

const noop = (): void => undefined;
/** Winston runs every call through its stream before `silent` drops it; the level methods are cut short. */
const SILENCED = { silent: true, error: noop, warn: noop, info: noop, verbose: noop, debug: noop, silly: noop };

interface ChaincodeLoggers {
  getLogger(name?: string): WinstonLogger;
  setLevel(level: string): void;
}

const LOGGER_MODULES = ['fabric-shim/lib/logger', 'fabric-contract-api/lib/logger'];

if (process.env.CORE_CHAINCODE_LOGGING_LEVEL === undefined) {
  for (const module of LOGGER_MODULES) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loggers = require(module) as ChaincodeLoggers;
    const getLogger = loggers.getLogger.bind(loggers);
    // every logger, the modules' own and those created later (per contract), is made silent when handed out
    loggers.getLogger = (name?: string): WinstonLogger => Object.assign(getLogger(name), SILENCED);
    for (const name of ['_', 'lib/chaincode.js', 'lib/handler.js', 'lib/iterators.js', 'lib/stub.js', 'contracts-spi/chaincodefromcontract.js', 'contracts-spi/datamarshall.js', './lib/contract.js', './lib/jsontransactionserializer.js']) {
      loggers.getLogger(name);
    }
    loggers.setLevel('CRITICAL');
  }
  // setLevel stores the winston level name, which the libraries map back to `info` for loggers created later
  process.env.CORE_CHAINCODE_LOGGING_LEVEL = 'CRITICAL';
}
