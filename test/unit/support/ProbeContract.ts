import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { encodeSignaturePolicy } from '../../support/fabric/SignaturePolicy';
import { parsePolicy } from '../../support/fabric/policyText';

const utf8 = new TextEncoder();
const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8');

/** What the chaincode saw of its caller. */
export interface CallerView {
  mspId: string;
  id: string;
  role: string | null;
}

/**
 * A chaincode for testing the in-memory network itself: raw state, policy, range and private data calls
 * whose effects the tests check against Fabric's rules, whatever the product chaincode does.
 */
@Info({ title: 'probe', description: 'In-memory network probe' })
export class ProbeContract extends Contract {
  constructor() {
    super('probe');
  }

  @Transaction()
  public async Put(ctx: Context, key: string, value: string): Promise<void> {
    await ctx.stub.putState(key, utf8.encode(value));
  }

  @Transaction()
  public async Delete(ctx: Context, key: string): Promise<void> {
    await ctx.stub.deleteState(key);
  }

  /** Writes a key and sets its key-level policy (policy text). */
  @Transaction()
  public async PutWithPolicy(ctx: Context, key: string, value: string, policy: string): Promise<void> {
    await ctx.stub.putState(key, utf8.encode(value));
    await ctx.stub.setStateValidationParameter(key, encodeSignaturePolicy(parsePolicy(policy)));
  }

  /** Sets a key's policy without writing its value. */
  @Transaction()
  public async SetPolicy(ctx: Context, key: string, policy: string): Promise<void> {
    await ctx.stub.setStateValidationParameter(key, encodeSignaturePolicy(parsePolicy(policy)));
  }

  @Transaction(false)
  @Returns('string')
  public async Get(ctx: Context, key: string): Promise<string> {
    return text(await ctx.stub.getState(key));
  }

  /** Reads a key and writes another, so that the read is checked at commit. */
  @Transaction()
  public async Copy(ctx: Context, from: string, to: string): Promise<void> {
    await ctx.stub.putState(to, await ctx.stub.getState(from));
  }

  /** Counts the keys of a range and writes the count, so that the range is checked for phantoms. */
  @Transaction()
  @Returns('number')
  public async CountInto(ctx: Context, start: string, end: string, to: string): Promise<number> {
    let count = 0;
    for await (const entry of ctx.stub.getStateByRange(start, end)) {
      count += entry.key === '' ? 0 : 1;
    }
    await ctx.stub.putState(to, utf8.encode(String(count)));
    return count;
  }

  /** Reads only the range's first key, then writes. */
  @Transaction()
  @Returns('string')
  public async FirstInto(ctx: Context, start: string, end: string, to: string): Promise<string> {
    const iterator = await ctx.stub.getStateByRange(start, end);
    const first = await iterator.next();
    await iterator.close();
    const key = first.done ? '' : first.value.key;
    await ctx.stub.putState(to, utf8.encode(key));
    return key;
  }

  @Transaction(false)
  @Returns('string')
  public async Page(ctx: Context, start: string, end: string, pageSize: number, bookmark: string): Promise<string> {
    const { iterator, metadata } = await ctx.stub.getStateByRangeWithPagination(start, end, pageSize, bookmark);
    const keys: string[] = [];
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      keys.push(next.value.key);
    }
    await iterator.close();
    return JSON.stringify({ keys, bookmark: metadata.bookmark });
  }

  /** Lists the last attribute of every composite key under a partial key, in the order the ledger returns them. */
  @Transaction(false)
  @Returns('string')
  public async ListPartial(ctx: Context, objectType: string, attribute: string): Promise<string> {
    const found: string[] = [];
    for await (const entry of ctx.stub.getStateByPartialCompositeKey(objectType, [attribute])) {
      found.push(ctx.stub.splitCompositeKey(entry.key).attributes.at(-1) ?? '');
    }
    return found.join(',');
  }

  @Transaction()
  public async WriteThenPage(ctx: Context, key: string): Promise<void> {
    await ctx.stub.putState(key, utf8.encode('x'));
    await ctx.stub.getStateByRangeWithPagination('', '', 1, '');
  }

  @Transaction()
  public async PageThenWrite(ctx: Context, key: string): Promise<void> {
    await ctx.stub.getStateByRangeWithPagination('', '', 1, '');
    await ctx.stub.putState(key, utf8.encode('x'));
  }

  /** Reads own write: Fabric shows a transaction the committed state only. */
  @Transaction()
  @Returns('string')
  public async PutAndRead(ctx: Context, key: string, value: string): Promise<string> {
    await ctx.stub.putState(key, utf8.encode(value));
    return text(await ctx.stub.getState(key));
  }

  @Transaction()
  @Returns('string')
  public async History(ctx: Context, key: string): Promise<string> {
    const versions: string[] = [];
    for await (const modification of ctx.stub.getHistoryForKey(key)) {
      versions.push(modification.isDelete ? '<deleted>' : text(modification.value));
    }
    return versions.join(',');
  }

  /** Stores the transient `value` in a collection. */
  @Transaction()
  public async PutPrivate(ctx: Context, collection: string, key: string): Promise<void> {
    await ctx.stub.putPrivateData(collection, key, ctx.stub.getTransient().get('value') ?? new Uint8Array());
  }

  /** Stores the transient `value` in a collection and marks the key publicly. */
  @Transaction()
  public async PutPrivateAndMark(ctx: Context, collection: string, key: string): Promise<void> {
    await this.PutPrivate(ctx, collection, key);
    await ctx.stub.putState(key, utf8.encode('marked'));
  }

  @Transaction(false)
  @Returns('string')
  public async GetPrivate(ctx: Context, collection: string, key: string): Promise<string> {
    return text(await ctx.stub.getPrivateData(collection, key));
  }

  @Transaction(false)
  @Returns('string')
  public async GetPrivateHash(ctx: Context, collection: string, key: string): Promise<string> {
    return Buffer.from(await ctx.stub.getPrivateDataHash(collection, key)).toString('hex');
  }

  @Transaction()
  public async Emit(ctx: Context, key: string): Promise<void> {
    await ctx.stub.putState(key, utf8.encode('e'));
    ctx.stub.setEvent('probe', utf8.encode(key));
  }

  @Transaction(false)
  @Returns('CallerView')
  public WhoAmI(ctx: Context): Promise<CallerView> {
    return Promise.resolve({ mspId: ctx.clientIdentity.getMSPID(), id: ctx.clientIdentity.getID(), role: ctx.clientIdentity.getAttributeValue('bt.role') });
  }
}
