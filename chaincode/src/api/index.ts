/**
 * The public API of the battery-trace chaincode, shared with the SDK: record types and schemas, request
 * schemas, transaction and event names, error codes and the error envelope codec, the record hash.
 * No Fabric imports here: the SDK loads this module.
 */
export * from './countries';
export * from './enums';
export * from './errors';
export * from './events';
export * from './hashing';
export * from './orgs';
export * from './primitives';
export * from './records';
export * from './requests';
export * from './results';
export * from './transactions';
export * from './massBalance';
export * from './attestation';
export * from './battery';
export * from './chemistry';
