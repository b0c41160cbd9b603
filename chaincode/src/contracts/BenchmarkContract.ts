import { Context, Info, Returns, Transaction } from 'fabric-contract-api';
import { BatteryTraceContract } from './BatteryTraceContract';
import { ContractError } from '../api';

/** Result of a benchmark contention transaction. */
export interface BenchmarkRecord {
  facilityId: string;
  itemId: string;
  /** The facility's counter after the transaction (0 for the counter-free variant). */
  counter: number;
}

const ITEM_OBJECT_TYPE = 'bt.benchmark.item';
const COUNTER_OBJECT_TYPE = 'bt.benchmark.counter';
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * Benchmark-only contention contrast (never used by the application): the naive design where every record
 * created at a facility also bumps one counter per facility, against the same record without the counter.
 * Concurrent transactions at one facility then read the same counter version and all but one fail validation
 * with MVCC_READ_CONFLICT, which the battery-trace key design avoids.
 */
@Info({ title: 'benchmark', description: 'Benchmark contention contrast: a naive per-facility shared counter' })
export class BenchmarkContract extends BatteryTraceContract {
  constructor() {
    super('benchmark');
  }

  /** Writes an item record and increments the facility's shared counter (one read, two writes). */
  @Transaction()
  @Returns('BenchmarkRecord')
  public async RecordWithCounter(ctx: Context, facilityId: string, itemId: string): Promise<BenchmarkRecord> {
    checkIds(facilityId, itemId);
    const counterKey = ctx.stub.createCompositeKey(COUNTER_OBJECT_TYPE, [facilityId]);
    const current = Buffer.from(await ctx.stub.getState(counterKey)).toString('utf8');
    const counter = (current === '' ? 0 : Number.parseInt(current, 10)) + 1;
    await ctx.stub.putState(counterKey, Buffer.from(String(counter), 'utf8'));
    await putItem(ctx, facilityId, itemId);
    return { facilityId, itemId, counter };
  }

  /** Writes the same item record without any shared counter (one write). */
  @Transaction()
  @Returns('BenchmarkRecord')
  public async Record(ctx: Context, facilityId: string, itemId: string): Promise<BenchmarkRecord> {
    checkIds(facilityId, itemId);
    await putItem(ctx, facilityId, itemId);
    return { facilityId, itemId, counter: 0 };
  }
}

function putItem(ctx: Context, facilityId: string, itemId: string): Promise<void> {
  const key = ctx.stub.createCompositeKey(ITEM_OBJECT_TYPE, [facilityId, itemId]);
  return ctx.stub.putState(key, Buffer.from(JSON.stringify({ facilityId, itemId }), 'utf8'));
}

/** The id pattern is ASCII, so an id sent as invalid UTF-8 (decoded with replacement characters) fails it too. */
function checkIds(facilityId: string, itemId: string): void {
  if (!ID_PATTERN.test(facilityId) || !ID_PATTERN.test(itemId)) {
    throw new ContractError('INVALID_ARGUMENT', `benchmark ids must match ${ID_PATTERN.source}`);
  }
}
