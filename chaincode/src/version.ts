/** Version of the chaincode, also the lifecycle version the network deploys. */
export const CHAINCODE_VERSION = '0.1.0';
