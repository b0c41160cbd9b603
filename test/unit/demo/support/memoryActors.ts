import type { OrgKey } from '../../../../chaincode/src/api';
import type { DemoClient } from '../../../../demo/player/connect';
import type { Actor } from '../../../../demo/scenario/context';
import { createClient } from '../../../../sdk/src/index';
import { MemoryGatewayContract } from '../../../support/MemoryGateway';
import { MemoryNetwork } from '../../../support/MemoryNetwork';
import { identities } from '../../../support/identities';

/** Every organisation as SDK clients over one in-memory ledger running the real contracts. */
export function memoryActors(network: MemoryNetwork = new MemoryNetwork()): Record<OrgKey, Actor<DemoClient>> {
  const client = (identity: (typeof identities)[keyof typeof identities]): DemoClient =>
    createClient({ contract: new MemoryGatewayContract(network, identity), mspId: identity.getMSPID() });
  return {
    mining: { org: 'mining', admin: client(identities.miningAdmin), user: client(identities.miningUser) },
    manufacturing: { org: 'manufacturing', admin: client(identities.manufacturingAdmin), user: client(identities.manufacturingUser) },
    recycling: { org: 'recycling', admin: client(identities.recyclingAdmin), user: client(identities.recyclingUser) },
    audit: { org: 'audit', admin: client(identities.auditorAdmin), user: client(identities.auditorUser) },
  };
}
