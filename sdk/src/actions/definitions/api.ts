/** The chaincode's public API module: the single source of schemas, names and codes the SDK builds on. */
export * from '../../../../chaincode/src/api/index';
