import { createClient, type BatteryTraceClient } from '../../../sdk/src/index';
import { describeMineToCellMaker } from '../../scenarios/mineToCellMaker';
import { identities } from '../../support/identities';
import { MemoryGatewayContract } from '../../support/MemoryGateway';
import { MemoryNetwork } from '../../support/MemoryNetwork';

describe('scenario on the in-memory ledger', () => {
  describeMineToCellMaker({
    prefix: 'unit',
    setUp: () => {
      const network = new MemoryNetwork();
      const client = (identity: (typeof identities)[keyof typeof identities]): BatteryTraceClient =>
        createClient({ contract: new MemoryGatewayContract(network, identity), mspId: identity.getMSPID() });
      return {
        miningAdmin: client(identities.miningAdmin),
        mining: client(identities.miningUser),
        manufacturingAdmin: client(identities.manufacturingAdmin),
        manufacturing: client(identities.manufacturingUser),
        recycling: client(identities.recyclingUser),
        audit: client(identities.auditorUser),
      };
    },
    tearDown: (parties) => {
      for (const client of Object.values<BatteryTraceClient>({ ...parties })) client.close();
    },
  });
});
