import { BATTERY_TRANSACTIONS, type IssueBatteryRequest } from '../../../chaincode/src/api/battery';
import { CONTRACTS, qualifiedName } from '../../../chaincode/src/api/transactions';
import { submitAll } from '../driver/setup';
import type { Workload } from '../driver/Workload';
import type { BenchContext } from '../suites/context';
import { acceptRequest, proposeRequest, type Route } from './custody';
import { jsonRequest, LOT_MASS_GRAMS, mintLots, SETUP_CONCURRENCY } from './fixtures';

/** Mass of each benchmark cell, grams; every cell consumes this much of one received lot. */
const CELL_MASS_GRAMS = 500;
/** Most lots a cell plant keeps in rotation: enough for 64 cells in flight without two touching one lot. */
const MAX_LOTS = 100;

/**
 * `battery:IssueBattery`: the cell plant issues an EV cell made from 500 g of a lot it received (minted at the mine,
 * transferred and accepted in {@link Workload.prepare}). Each lot feeds one cell at a time and returns to the
 * rotation once that cell's transaction has an outcome, so concurrent issues never write the same lot.
 */
export function issueBatteryWorkload(context: BenchContext, route: Route): Workload {
  const idle: string[] = [];
  const remaining = new Map<string, number>();
  let owned = 0;
  return {
    name: 'IssueBattery',
    description: 'battery:IssueBattery — an EV cell from 500 g of a received lot, at a cell plant',
    prepare: async (count) => {
      const lacking = Math.min(count, MAX_LOTS) - owned;
      if (lacking <= 0) {
        return;
      }
      const lots = await mintLots(context, route.from, lacking);
      const proposals = lots.map((lotId) => proposeRequest(context, route, lotId));
      await submitAll(context.connections, proposals.map((proposal) => proposal.request), SETUP_CONCURRENCY, `${lacking} transfers to the cell plant`);
      await submitAll(context.connections, proposals.map((proposal) => acceptRequest(route, proposal.transferId)), SETUP_CONCURRENCY, `${lacking} receipts at the cell plant`);
      lots.forEach((lotId) => remaining.set(lotId, LOT_MASS_GRAMS));
      idle.push(...lots);
      owned += lacking;
    },
    next: () => {
      const lotId = idle.shift();
      if (lotId === undefined) {
        return undefined;
      }
      const request: IssueBatteryRequest = {
        id: context.ids.next('cell'),
        facilityId: route.to.id,
        level: 'CELL',
        category: 'EV',
        model: 'benchmark cell',
        chemistry: 'NMC',
        massGrams: CELL_MASS_GRAMS,
        ratedCapacityMilliampHours: 5000,
        nominalVoltageMillivolts: 3700,
        lots: [{ lotId, massGrams: CELL_MASS_GRAMS }],
      };
      return jsonRequest({ org: route.to.org }, qualifiedName(CONTRACTS.battery, BATTERY_TRANSACTIONS.IssueBattery), request, (outcome) => {
        const left = (remaining.get(lotId) ?? 0) - (outcome.valid ? CELL_MASS_GRAMS : 0);
        remaining.set(lotId, left);
        if (left >= CELL_MASS_GRAMS) {
          idle.push(lotId);
        }
      });
    },
  };
}
