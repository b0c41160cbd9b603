import { connectOrganisation, type BatteryTraceClient } from '../../sdk/src/index';
import { describeFullLoop } from '../scenarios/fullLoop';
import { networkDir, runId } from './support/network';

describe('full-loop scenario on the local Fabric network', () => {
  describeFullLoop({
    prefix: runId,
    setUp: () => {
      const client = (org: string, identity: string): BatteryTraceClient => connectOrganisation({ org, identity, networkDir });
      return {
        miningAdmin: client('mining', 'admin'),
        mining: client('mining', 'user1'),
        manufacturingAdmin: client('manufacturing', 'admin'),
        manufacturing: client('manufacturing', 'user1'),
        recyclingAdmin: client('recycling', 'admin'),
        recycling: client('recycling', 'user1'),
        audit: client('audit', 'user1'),
      };
    },
    tearDown: (parties) => {
      for (const client of Object.values<BatteryTraceClient>({ ...parties })) client.close();
    },
  });
});
