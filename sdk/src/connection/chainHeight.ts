import type { Network } from '@hyperledger/fabric-gateway';
import { common } from '@hyperledger/fabric-protos';

/** Reads the channel's block height from the peer's query system chaincode (qscc GetChainInfo). */
export function chainHeightReader(network: Network): () => Promise<bigint> {
  return async () => {
    const bytes = await network.getContract('qscc').evaluateTransaction('GetChainInfo', network.getName());
    return BigInt(common.BlockchainInfo.deserializeBinary(bytes).getHeight());
  };
}
