/** Fabric plumbing: keys, codec, the per-transaction ledger, caller identity and the transaction runner. */
export * from './codec';
export * from './identity';
export * from './keys';
export * from './ledger';
export * from './recordTypes';
export * from './transaction';
export * from './lots';
export * from './provenance';
export * from './certification';
export * from './attestations';
export * from './massBalance';
export * from './batteries';
