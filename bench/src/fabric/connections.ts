import type { Contract } from '@hyperledger/fabric-gateway';
import { openGateway, organisationGatewayOptions, type GatewayConnection } from '../../../sdk/src/index';

/** An identity of the local network: organisation key and identity name from its connection material. */
export interface Identity {
  /** `mining`, `manufacturing`, `recycling` or `audit`. */
  readonly org: string;
  /** `user1` (default), `user2` or `admin`. */
  readonly user?: string;
}

/** Gateway connections of the benchmark, one per identity, opened on first use. */
export interface Connections {
  /**
   * The chaincode contract (no contract name: transactions are called `namespace:Name`) as `identity`.
   * @param chaincode - another chaincode definition on the same channel; default the network's own
   */
  contract(identity: Identity, chaincode?: string): Contract;
  /** MSP id of an organisation, e.g. `mining` → `MiningMSP`. */
  mspId(org: string): string;
  /** Closes every connection. */
  close(): void;
}

/** Deadlines long enough that only a stuck network times out: a timeout is a finding, not noise. */
const benchDeadlines = { evaluateMs: 60_000, endorseMs: 60_000, submitMs: 30_000, commitStatusMs: 120_000 };

/**
 * Opens gateway connections lazily from the connection material in `networkDir` (plain fabric-gateway; the SDK
 * only resolves the material and opens the gRPC connection).
 * @param networkDir - the network state folder (`BT_NETWORK_DIR`)
 */
export function openConnections(networkDir: string): Connections {
  const open = new Map<string, GatewayConnection>();
  const connection = (identity: Identity): GatewayConnection => {
    const key = `${identity.org}/${identity.user ?? 'user1'}`;
    let existing = open.get(key);
    if (existing === undefined) {
      existing = openGateway(
        organisationGatewayOptions({ org: identity.org, identity: identity.user ?? 'user1', networkDir, deadlines: benchDeadlines }),
      );
      open.set(key, existing);
    }
    return existing;
  };
  return {
    contract: (identity, chaincode) => {
      const opened = connection(identity);
      return opened.gateway.getNetwork(opened.channel).getContract(chaincode ?? opened.chaincode);
    },
    mspId: (org) => connection({ org }).mspId,
    close: () => {
      for (const opened of open.values()) {
        opened.close();
      }
      open.clear();
    },
  };
}
