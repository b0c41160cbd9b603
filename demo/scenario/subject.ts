import type { ReportSubject } from '../ledger/readReport';
import { facilityId, runScopedId } from './context';
import type { ScenarioInput } from './input';
import { minedLots } from './plan';
import { batteryIds } from './stages/batteries';

/**
 * The ids the report of a run is about: the second-generation pack, the mined lots, the refinery's
 * certified-origin cobalt account. Only ids: the report reads every figure from the ledger.
 * @param input - the run's inputs
 * @param ledger - channel and chaincode names
 */
export function reportSubject(input: ScenarioInput, ledger: { channel: string; chaincode: string }): ReportSubject {
  return {
    runId: input.runId,
    channel: ledger.channel,
    chaincode: ledger.chaincode,
    traced: { type: 'Battery', id: batteryIds.pack(input.runId, 2, 1) },
    sourceLotIds: minedLots.map((lot) => runScopedId(input.runId, lot.key)),
    massBalanceAccount: { facilityId: facilityId(input, 'cobaltRefinery'), material: 'COBALT_ORE', claim: 'CERTIFIED_ORIGIN' },
  };
}
