import type { Workload } from '../driver/Workload';
import type { ZipfSampler } from '../stats/zipf';
import type { BenchContext } from '../suites/context';
import { proposeRequest } from './custody';
import { mintLots, mintRequest, type Facility } from './fixtures';

/**
 * `lot:MintLot` at facilities drawn from a Zipf distribution: every transaction creates an independent lot, so
 * however hot a facility is, nothing is shared between transactions.
 * @param facilities - facilities by popularity rank
 */
export function zipfMintWorkload(context: BenchContext, facilities: readonly Facility[], sampler: ZipfSampler): Workload {
  return {
    name: 'MintLot',
    description: 'lot:MintLot — a new lot at a Zipf-drawn facility',
    prepare: () => Promise.resolve(),
    next: () => {
      const facility = facilities[sampler.next()];
      return facility === undefined ? undefined : mintRequest(facility, context.ids.next('zlot'));
    },
  };
}

/**
 * `custody:ProposeTransfer` of independent lots to receiving facilities drawn from a Zipf distribution (the lots are
 * minted beforehand at one source facility).
 */
export function zipfProposeWorkload(context: BenchContext, from: Facility, receivers: readonly Facility[], sampler: ZipfSampler): Workload {
  const lots: string[] = [];
  return {
    name: 'ProposeTransfer',
    description: 'custody:ProposeTransfer — an independent lot to a Zipf-drawn receiving facility',
    prepare: async (count) => {
      if (lots.length < count) {
        lots.push(...(await mintLots(context, from, count - lots.length)));
      }
    },
    next: () => {
      const lotId = lots.pop();
      const to = receivers[sampler.next()];
      return lotId === undefined || to === undefined ? undefined : proposeRequest(context, { from, to }, lotId).request;
    },
  };
}
