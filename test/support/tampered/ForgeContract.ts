import { Context, Info, Returns, Transaction } from 'fabric-contract-api';
import { KeyEndorsementPolicy } from 'fabric-shim';
import type { z } from 'zod';
import { BatteryTraceContract } from '../../../chaincode/src/contracts/BatteryTraceContract';
import { parseRequest } from '../../../chaincode/src/state';
import { FORGE, forgeWriteRequestSchema, readKeyRequestSchema, type ForgeWriteResult, type keySpecSchema, type RawEntry } from './forgeApi';

type KeySpec = z.infer<typeof keySpecSchema>;

const name = (transaction: string): string => `${FORGE.contract}:${transaction}`;
const keyOf = (ctx: Context, spec: KeySpec): string => ctx.stub.createCompositeKey(spec.objectType, spec.attributes);

/**
 * What a dishonest organisation's admin adds to the build its own peer runs: raw writes and deletes of any key
 * with any value, optionally claiming each written key for chosen organisations with a key-level endorsement
 * policy, and a raw read of a key with its policy. The honest chaincode has no `forge` namespace, so honest
 * peers refuse to endorse these transactions; what stops a forge endorsed by the tampered peer alone is
 * validation against the chaincode-level and key-level endorsement policies.
 */
@Info({ title: 'forge', description: 'Raw state access of a tampered build (tests only)' })
export class ForgeContract extends BatteryTraceContract {
  constructor() {
    super(FORGE.contract);
  }

  /** Puts and deletes keys raw; with `keyEndorsers`, sets each put key's endorsement policy to those MSP ids. */
  @Transaction()
  @Returns('ForgeWriteResult')
  public async Write(ctx: Context, request: string): Promise<ForgeWriteResult> {
    const req = parseRequest(ctx.stub, request, forgeWriteRequestSchema, name(FORGE.Write));
    for (const put of req.puts) {
      const key = keyOf(ctx, put.key);
      await ctx.stub.putState(key, Buffer.from(put.value, 'utf8'));
      if (req.keyEndorsers.length > 0) {
        const policy = new KeyEndorsementPolicy();
        policy.addOrgs('MEMBER', ...req.keyEndorsers);
        await ctx.stub.setStateValidationParameter(key, policy.getPolicy());
      }
    }
    for (const spec of req.deletes) {
      await ctx.stub.deleteState(keyOf(ctx, spec));
    }
    return { puts: req.puts.length, deletes: req.deletes.length };
  }

  /** Reads a key's committed value and validation parameter raw. */
  @Transaction(false)
  @Returns('RawEntry')
  public async ReadKey(ctx: Context, request: string): Promise<RawEntry> {
    const req = parseRequest(ctx.stub, request, readKeyRequestSchema, name(FORGE.ReadKey));
    const key = keyOf(ctx, req.key);
    const value = await ctx.stub.getState(key);
    // fabric-shim answers undefined, not empty bytes, for a key without metadata
    const policy = (await ctx.stub.getStateValidationParameter(key)) as Uint8Array | undefined;
    return { exists: value.length > 0, value: Buffer.from(value).toString('utf8'), keyPolicy: Buffer.from(policy ?? []).toString('base64') };
  }
}
