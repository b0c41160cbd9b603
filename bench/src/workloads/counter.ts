import type { Workload } from '../driver/Workload';
import type { Identity } from '../fabric/connections';
import type { ZipfSampler } from '../stats/zipf';
import type { IdSource } from './ids';

/**
 * The benchmark contract's contention contrast at facilities drawn from `facilities` (Zipf): with `counter`, the
 * naive `benchmark:RecordWithCounter` that bumps one shared counter per facility; without, `benchmark:Record`,
 * the same record and nothing shared.
 * @param facilityIds - facility ids by popularity rank (rank 0 is the hottest)
 */
export function facilityCounterWorkload(ids: IdSource, identity: Identity, facilityIds: readonly string[], facilities: ZipfSampler, counter: boolean): Workload {
  const name = counter ? 'benchmark:RecordWithCounter' : 'benchmark:Record';
  return {
    name: counter ? 'naive shared counter' : 'record, no counter',
    description: counter
      ? `${name} — a record plus one counter per facility (read-modify-write), Zipf facilities`
      : `${name} — the same record without a shared counter, Zipf facilities`,
    prepare: () => Promise.resolve(),
    next: () => ({ identity, name, args: [facilityIds[facilities.next()] ?? 'f0', ids.next('item')] }),
  };
}
