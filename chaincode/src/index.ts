import { BaselineContract } from './contracts/BaselineContract';
import { BenchmarkContract } from './contracts/BenchmarkContract';

/** Every contract the battery-trace chaincode exposes, in registration order. */
export const contracts = [BaselineContract, BenchmarkContract];
