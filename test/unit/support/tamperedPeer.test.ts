import { expect } from 'chai';
import { Context, Info, Transaction } from 'fabric-contract-api';
import { BatteryTraceContract } from '../../../chaincode/src/contracts/BatteryTraceContract';
import { ORGS } from '../../../chaincode/src/api';
import { contracts } from '../../../chaincode/src/index';
import { EndorsementError } from '../../support/EndorsementError';
import { parsePolicy } from '../../support/fabric/policyText';
import { decodeSignaturePolicy, evaluatePolicy } from '../../support/fabric/SignaturePolicy';
import { identities } from '../../support/identities';
import { DEFAULT_CHAINCODE_POLICY, type MemoryNetwork } from '../../support/MemoryNetwork';
import { standardWorld } from '../chaincode/fixtures';

/** What a tampered peer adds to the chaincode it runs: writes that skip every check of the contracts. */
@Info({ title: 'forgery', description: 'Raw writes of a tampered peer' })
class ForgeryContract extends BatteryTraceContract {
  constructor() {
    super('forgery');
  }

  @Transaction()
  public async Overwrite(ctx: Context, key: string, value: string): Promise<void> {
    await ctx.stub.putState(key, new TextEncoder().encode(value));
  }
}

/** The committed key of the record with this id (found by content, so the key layout may change). */
function recordKeyOf(network: MemoryNetwork, id: string): string {
  const entry = network.ledger.entries().find(([, value]) => {
    const record: unknown = JSON.parse(Buffer.from(value).toString('utf8'));
    return typeof record === 'object' && record !== null && 'id' in record && record.id === id && 'ownerMsp' in record;
  });
  if (entry === undefined) {
    throw new Error(`no record ${id}`);
  }
  return entry[0];
}

/** Whether Mining's peer alone satisfies what a write to the key needs at validation. */
async function miningAloneMayWrite(network: MemoryNetwork, key: string): Promise<boolean> {
  const committed = network.ledger.validationParameter(key);
  const policy = committed === undefined || committed.length === 0 ? parsePolicy(DEFAULT_CHAINCODE_POLICY) : decodeSignaturePolicy(committed);
  return evaluatePolicy(policy, [await network.peerIdentity(ORGS.mining)]);
}

describe('a tampered peer', () => {
  let network: MemoryNetwork;
  beforeEach(async () => {
    network = await standardWorld();
    network.install(ORGS.mining, [...contracts, ForgeryContract]);
  });

  const forge = (key: string, endorsingOrganizations?: string[]): ReturnType<MemoryNetwork['submit']> =>
    network.submit(identities.miningAdmin, 'forgery:Overwrite', { arguments: [key, JSON.stringify({ forged: true })], ...(endorsingOrganizations ? { endorsingOrganizations } : {}) });

  it('cannot rewrite another organisation\'s record with its own endorsement: the validators refuse it', async () => {
    const key = recordKeyOf(network, 'cell-1');
    const before = network.snapshot();
    expect(await miningAloneMayWrite(network, key)).to.equal(false);
    const { status } = await forge(key, [ORGS.mining]);
    expect(status.codeName).to.equal('ENDORSEMENT_POLICY_FAILURE');
    expect(network.snapshot()).to.equal(before);
  });

  it('cannot create a record with its own endorsement: a new key needs the chaincode policy', async () => {
    const before = network.snapshot();
    const { status } = await forge('\u0000bt.lot\u0000forged\u0000', [ORGS.mining]);
    expect(status.codeName).to.equal('ENDORSEMENT_POLICY_FAILURE');
    expect(network.snapshot()).to.equal(before);
  });

  it('rewrites its own record alone exactly when the record\'s committed policy lets one organisation endorse', async () => {
    const key = recordKeyOf(network, 'mine-1');
    const expected = (await miningAloneMayWrite(network, key)) ? 'VALID' : 'ENDORSEMENT_POLICY_FAILURE';
    const { status } = await forge(key, [ORGS.mining]);
    expect(status.codeName).to.equal(expected);
  });

  for (const [how, endorsers] of [
    ['the client names an honest organisation as well', [ORGS.mining, ORGS.manufacturing]],
    ['the gateway plans the endorsers', undefined],
  ] as const) {
    it(`is caught at endorsement when ${how}: the honest peer refuses a transaction its chaincode does not have`, async () => {
      const key = recordKeyOf(network, 'cell-1');
      const before = network.snapshot();
      const caught: unknown = await forge(key, endorsers === undefined ? undefined : [...endorsers]).catch((error: unknown) => error);
      if (!(caught instanceof EndorsementError)) {
        expect.fail(`the forgery was endorsed: ${String(caught)}`);
      }
      expect(caught.details.map((detail) => [detail.mspId, detail.message])).to.deep.equal([[ORGS.manufacturing, 'chaincode response 500, [battery-trace-error UNKNOWN_TRANSACTION] the chaincode has no contract forgery (transaction Overwrite) [/battery-trace-error]']]);
      expect(network.snapshot()).to.equal(before);
    });
  }
});
