import { createClient, type BatteryTraceClient } from '../../../sdk/src/index';
import { describeFullLoop } from '../../scenarios/fullLoop';
import { identities } from '../../support/identities';
import { MemoryGatewayContract } from '../../support/MemoryGateway';
import { MemoryNetwork } from '../../support/MemoryNetwork';
import { adminIdentities } from './support/adminIdentities';
import { acceptPrivateDataPolicies } from './support/privateDataPolicies';

describe('full-loop scenario on the in-memory ledger', () => {
  let restoreStub: () => void = () => undefined;
  before(() => {
    restoreStub = acceptPrivateDataPolicies();
  });
  after(() => {
    restoreStub();
  });
  describeFullLoop({
    prefix: 'unit',
    setUp: () => {
      // ledger time starts now: the scenario's attestations and balancing periods are dated from the wall clock
      const network = new MemoryNetwork(new Date().toISOString());
      const client = (identity: ConstructorParameters<typeof MemoryGatewayContract>[1]): BatteryTraceClient =>
        createClient({ contract: new MemoryGatewayContract(network, identity), mspId: identity.getMSPID() });
      return {
        miningAdmin: client(adminIdentities.mining),
        mining: client(identities.miningUser),
        manufacturingAdmin: client(adminIdentities.manufacturing),
        manufacturing: client(identities.manufacturingUser),
        recyclingAdmin: client(adminIdentities.recycling),
        recycling: client(identities.recyclingUser),
        audit: client(identities.auditorUser),
      };
    },
    tearDown: (parties) => {
      for (const client of Object.values<BatteryTraceClient>({ ...parties })) client.close();
    },
  });
});
