import { describeFullLoop } from '../scenarios/fullLoop';
import { runId } from './support/network';
import { closeParties, networkParties } from './support/parties';

describe('full-loop scenario on the local Fabric network', () => {
  describeFullLoop({
    prefix: runId,
    setUp: networkParties,
    tearDown: closeParties,
  });
});
