import type { ReportSubject } from '../ledger/readReport';
import { runScopedId } from './context';
import type { ScenarioInput } from './input';
import { firstCathodeBatch, minedLots } from './plan';

/**
 * The ids the report of a run is about. Only ids: the report reads every figure from the ledger.
 * @param input - the run's inputs
 * @param ledger - channel and chaincode names
 */
export function reportSubject(input: ScenarioInput, ledger: { channel: string; chaincode: string }): ReportSubject {
  return {
    runId: input.runId,
    channel: ledger.channel,
    chaincode: ledger.chaincode,
    traced: { type: 'MaterialLot', id: runScopedId(input.runId, firstCathodeBatch.key) },
    sourceLotIds: minedLots.map((lot) => runScopedId(input.runId, lot.key)),
  };
}
