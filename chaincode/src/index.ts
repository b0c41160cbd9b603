import { BaselineContract } from './contracts/BaselineContract';

/** Every contract the battery-trace chaincode exposes, in registration order. */
export const contracts = [BaselineContract];
