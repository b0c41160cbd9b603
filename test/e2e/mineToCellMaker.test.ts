import { describeMineToCellMaker } from '../scenarios/mineToCellMaker';
import { runId } from './support/network';
import { closeParties, networkParties } from './support/parties';

describe('scenario on the local Fabric network', () => {
  describeMineToCellMaker({
    prefix: runId,
    setUp: networkParties,
    tearDown: closeParties,
  });
});
