import { createClient, type BatteryTraceClient } from '../../../sdk/src/index';
import { describeFullLoop } from '../../scenarios/fullLoop';
import { identities } from '../../support/identities';
import { MemoryGatewayContract } from '../../support/MemoryGateway';
import { MemoryNetwork } from '../../support/MemoryNetwork';

describe('full-loop scenario on the in-memory ledger', () => {
  describeFullLoop({
    prefix: 'unit',
    setUp: () => {
      // ledger time starts now: the scenario's attestations and balancing period are dated from the wall clock;
      // the chaincode policy is the one the real peers run this scenario under
      const network = new MemoryNetwork(new Date().toISOString());
      const client = (identity: (typeof identities)[keyof typeof identities]): BatteryTraceClient =>
        createClient({ contract: new MemoryGatewayContract(network, identity), mspId: identity.getMSPID() });
      return {
        miningAdmin: client(identities.miningAdmin),
        mining: client(identities.miningUser),
        manufacturingAdmin: client(identities.manufacturingAdmin),
        manufacturing: client(identities.manufacturingUser),
        recyclingAdmin: client(identities.recyclingAdmin),
        recycling: client(identities.recyclingUser),
        audit: client(identities.auditorUser),
      };
    },
    tearDown: (parties) => {
      for (const client of Object.values<BatteryTraceClient>({ ...parties })) client.close();
    },
  });
});
