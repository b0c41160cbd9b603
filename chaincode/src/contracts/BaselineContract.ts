import { Context, Info, Returns, Transaction } from 'fabric-contract-api';
import { BatteryTraceContract } from './BatteryTraceContract';
import { ContractError } from '../api';
import { argumentText } from '../state';

/** Result of a baseline write or read. */
export interface BaselineValue {
  key: string;
  value: string;
}

const BASELINE_OBJECT_TYPE = 'bt.baseline';
const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const MAX_VALUE_LENGTH = 256;

/**
 * The benchmark baseline: a transaction that writes one small key and nothing else.
 * Custody and process transactions are measured against it on the same network.
 */
@Info({ title: 'baseline', description: 'Benchmark baseline: one small key write' })
export class BaselineContract extends BatteryTraceContract {
  constructor() {
    super('baseline');
  }

  /** Writes `value` under `key` (one put, no read). */
  @Transaction()
  @Returns('BaselineValue')
  public Write(ctx: Context, key: string, value: string): Promise<BaselineValue> {
    const text = argumentText(ctx.stub, 1, value, 'baseline value');
    checkArguments(key, text);
    const stateKey = ctx.stub.createCompositeKey(BASELINE_OBJECT_TYPE, [key]);
    return ctx.stub.putState(stateKey, Buffer.from(text, 'utf8')).then(() => ({ key, value: text }));
  }

  /** Reads the value written under `key`, or an empty string. */
  @Transaction(false)
  @Returns('BaselineValue')
  public async Read(ctx: Context, key: string): Promise<BaselineValue> {
    checkArguments(key, '');
    const bytes = await ctx.stub.getState(ctx.stub.createCompositeKey(BASELINE_OBJECT_TYPE, [key]));
    return { key, value: Buffer.from(bytes).toString('utf8') };
  }
}

/** The key pattern is ASCII, so a key sent as invalid UTF-8 (decoded with replacement characters) fails it too. */
function checkArguments(key: string, value: string): void {
  if (!KEY_PATTERN.test(key)) {
    throw new ContractError('INVALID_ARGUMENT', `baseline key must match ${KEY_PATTERN.source}`);
  }
  if (value.length > MAX_VALUE_LENGTH) {
    throw new ContractError('INVALID_ARGUMENT', `baseline value must be at most ${MAX_VALUE_LENGTH} characters`);
  }
}
