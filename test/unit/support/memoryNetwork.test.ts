import { createHash } from 'node:crypto';
import { expect } from 'chai';
import { z } from 'zod';
import { Context, Contract, Info, Transaction } from 'fabric-contract-api';
import { ORGS } from '../../../chaincode/src/api';
import { EndorsementError } from '../../support/EndorsementError';
import { identities } from '../../support/identities';
import { MemoryNetwork, type ProposalOptions } from '../../support/MemoryNetwork';
import { TestIdentity } from '../../support/TestIdentity';
import { plainChaincode } from '../../support/plainChaincode';
import { ProbeContract } from './ProbeContract';

const callerSchema = z.object({ mspId: z.string(), id: z.string(), role: z.string().nullable() });

const utf8 = new TextEncoder();
const text = (bytes: Uint8Array | undefined): string => Buffer.from(bytes ?? []).toString('utf8');
const args = (...values: (string | number)[]): ProposalOptions => ({ arguments: values.map(String) });

/** A peer whose `probe:Put` writes something other than it was asked to. */
@Info({ title: 'probe', description: 'A probe that diverges' })
class DivergingProbe extends Contract {
  constructor() {
    super('probe');
  }

  @Transaction()
  public async Put(ctx: Context, key: string, value: string): Promise<void> {
    await ctx.stub.putState(key, utf8.encode(`not ${value}`));
  }
}

/** A network whose four peers all run the probe chaincode. */
function probeNetwork(): MemoryNetwork {
  const network = new MemoryNetwork();
  for (const mspId of Object.values(ORGS)) {
    network.installChaincode(mspId, plainChaincode([ProbeContract]));
  }
  return network;
}

async function expectEndorsementError(promise: Promise<unknown>, pattern: RegExp): Promise<EndorsementError> {
  const error: unknown = await promise.then(() => undefined, (caught: unknown) => caught);
  if (!(error instanceof EndorsementError)) {
    expect.fail(`expected an endorsement failure, got ${String(error)}`);
  }
  expect(error.message).to.match(pattern);
  return error;
}

describe('MemoryNetwork endorsement', () => {
  let network: MemoryNetwork;
  beforeEach(() => {
    network = probeNetwork();
  });

  it('endorses on the caller\'s own peer first and adds the fewest organisations a new key needs', async () => {
    const tx = await network.endorse(identities.recyclingUser, 'probe:Put', args('k', 'v'));
    expect(tx.endorsers).to.deep.equal([ORGS.recycling, ORGS.mining]);
    expect(tx.rwset.writes.get('k')).to.deep.equal(utf8.encode('v'));
  });

  it('plans the organisations a committed key-level policy names, and the commit is valid', async () => {
    await network.submit(identities.miningUser, 'probe:PutWithPolicy', args('k', 'v1', "AND('RecyclingMSP.peer', 'AuditorMSP.peer')"));
    const { transaction, status } = await network.submit(identities.miningUser, 'probe:Put', args('k', 'v2'));
    expect(transaction.endorsers).to.deep.equal([ORGS.mining, ORGS.recycling, ORGS.audit]);
    expect(status.codeName).to.equal('VALID');
    expect(text(network.ledger.value('k'))).to.equal('v2');
  });

  it('endorses exactly on the organisations the caller names; validation then judges the choice', async () => {
    const before = network.snapshot();
    const { transaction, status } = await network.submit(identities.miningUser, 'probe:Emit', { ...args('k'), endorsingOrganizations: [ORGS.audit] });
    expect(transaction.endorsers).to.deep.equal([ORGS.audit]);
    expect(status).to.include({ codeName: 'ENDORSEMENT_POLICY_FAILURE', code: 10, successful: false });
    expect(network.snapshot()).to.equal(before);
    expect(network.ledger.events).to.deep.equal([]);
  });

  it('runs a read-only transaction that is submitted under the chaincode policy', async () => {
    const { transaction, status } = await network.submit(identities.miningUser, 'probe:Get', args('nothing'));
    expect(transaction.endorsers).to.have.length(2);
    expect(status.codeName).to.equal('VALID');
  });

  it('fails the endorsement with the peer\'s message when the chaincode errs', async () => {
    const error = await expectEndorsementError(network.endorse(identities.miningUser, 'probe:Nope'), /failed to endorse transaction/);
    expect(error.details).to.deep.equal([{ address: 'peer0.mining.batterytrace.local:7051', mspId: ORGS.mining, message: "chaincode response 500, You've asked to invoke a function that does not exist: probe:Nope" }]);
  });

  it('fails the endorsement when the endorsers\' responses differ', async () => {
    network.installChaincode(ORGS.recycling, plainChaincode([DivergingProbe]));
    const error = await expectEndorsementError(network.endorse(identities.miningUser, 'probe:Put', { ...args('k', 'v'), endorsingOrganizations: [ORGS.mining, ORGS.recycling] }), /failed to collect enough/);
    expect(error.details).to.deep.equal([{ address: 'peer0.recycling.batterytrace.local:7051', mspId: ORGS.recycling, message: 'ProposalResponsePayloads do not match' }]);
  });

  it('refuses proposals from identities outside the channel on every peer', async () => {
    const error = await expectEndorsementError(network.evaluate(identities.outsider, 'probe:Get', args('k')), /failed to evaluate transaction/);
    expect(error.details.map((detail) => detail.mspId)).to.deep.equal(Object.values(ORGS));
    expect(error.details[0]?.message).to.match(/creator org unknown/);
  });

  it('refuses to commit a transaction it did not endorse', async () => {
    const tx = await network.endorse(identities.miningUser, 'probe:Put', args('k', 'v'));
    await network.commit(tx);
    const other = probeNetwork();
    let caught: unknown;
    await other.commit({ ...tx }).catch((error: unknown) => (caught = error));
    expect(String(caught)).to.match(/not endorsed on this network/);
  });

  it('gives the chaincode fabric-shim\'s ClientIdentity for the caller\'s certificate, attributes included', async () => {
    const inspector = new TestIdentity({ mspId: ORGS.audit, attributes: { 'bt.role': 'inspector' } });
    const seen = callerSchema.parse(JSON.parse(text(await network.evaluate(inspector, 'probe:WhoAmI'))));
    expect(seen).to.deep.equal({ mspId: ORGS.audit, id: 'x509::/C=US/ST=California/L=San Francisco/OU=client/CN=User1@audit.batterytrace.local::/C=US/ST=California/L=San Francisco/O=audit.batterytrace.local/CN=ca.audit.batterytrace.local', role: 'inspector' });
    const admin = callerSchema.parse(JSON.parse(text(await network.evaluate(identities.miningAdmin, 'probe:WhoAmI'))));
    expect(admin.id).to.match(/OU=admin\/CN=Admin@mining\.batterytrace\.local::/);
    expect(admin.role).to.equal(null);
  });
});

describe('MemoryNetwork validation', () => {
  let network: MemoryNetwork;
  beforeEach(async () => {
    network = probeNetwork();
    await network.submit(identities.miningUser, 'probe:Put', args('a', '1'));
  });

  it('commits several transactions in one block in order: a read overtaken earlier in the block is an MVCC read conflict', async () => {
    const reader = await network.endorse(identities.miningUser, 'probe:Copy', args('a', 'b'));
    const writer = await network.endorse(identities.miningUser, 'probe:Put', args('a', '2'));
    const height = network.height;
    const statuses = await network.commit(writer, reader);
    expect(statuses.map((status) => [status.blockNumber, status.codeName])).to.deep.equal([[height, 'VALID'], [height, 'MVCC_READ_CONFLICT']]);
    expect(network.ledger.value('b')).to.equal(undefined);
    expect(network.statusOf(reader.transactionId)).to.deep.equal({ blockNumber: height, codeName: 'MVCC_READ_CONFLICT' });
    expect(network.height).to.equal(height + 1);
  });

  it('lets the reader win when it is ordered first', async () => {
    const reader = await network.endorse(identities.miningUser, 'probe:Copy', args('a', 'b'));
    const writer = await network.endorse(identities.miningUser, 'probe:Put', args('a', '2'));
    expect((await network.commit(reader, writer)).map((status) => status.codeName)).to.deep.equal(['VALID', 'VALID']);
    expect(text(network.ledger.value('b'))).to.equal('1');
  });

  it('detects a phantom: a key that appeared in a range the transaction iterated', async () => {
    const counter = await network.endorse(identities.miningUser, 'probe:CountInto', args('a', 'z', 'zz-count'));
    await network.submit(identities.miningUser, 'probe:Put', args('m', 'new'));
    expect((await network.commit(counter))[0]?.codeName).to.equal('PHANTOM_READ_CONFLICT');
  });

  it('checks the range as far as the peer iterated it, in its batches, not only what the chaincode looked at', async () => {
    const first = await network.endorse(identities.miningUser, 'probe:FirstInto', args('a', 'z', 'zz-first'));
    expect(text(first.result)).to.equal('a');
    await network.submit(identities.miningUser, 'probe:Put', args('m', 'new'));
    expect((await network.commit(first))[0]?.codeName).to.equal('PHANTOM_READ_CONFLICT');
  });

  it('refuses a write to a key whose policy an earlier transaction of the same block changed', async () => {
    const restrict = await network.endorse(identities.miningUser, 'probe:SetPolicy', args('a', "AND('MiningMSP.peer', 'ManufacturingMSP.peer')"));
    const write = await network.endorse(identities.miningUser, 'probe:Put', args('a', '3'));
    expect((await network.commit(restrict, write)).map((status) => status.codeName)).to.deep.equal(['VALID', 'ENDORSEMENT_POLICY_FAILURE']);
  });

  it('refuses the same transaction twice', async () => {
    const tx = await network.endorse(identities.miningUser, 'probe:Put', args('c', '1'));
    expect((await network.commit(tx, tx)).map((status) => status.codeName)).to.deep.equal(['VALID', 'DUPLICATE_TXID']);
    expect((await network.commit(tx))[0]?.codeName).to.equal('DUPLICATE_TXID');
  });

  it('changes nothing for an invalid transaction: no state, no history, no private data, no event', async () => {
    const emit = await network.endorse(identities.recyclingUser, 'probe:Emit', { ...args('e'), endorsingOrganizations: [ORGS.recycling] });
    const privately = await network.endorse(identities.recyclingUser, 'probe:PutPrivate', { ...args('_implicit_org_RecyclingMSP', 'p'), transientData: { value: 'secret' }, endorsingOrganizations: [ORGS.mining] });
    const copy = await network.endorse(identities.miningUser, 'probe:Copy', args('a', 'b'));
    await network.submit(identities.miningUser, 'probe:Put', args('a', 'moved'));
    const before = network.snapshot();
    const statuses = await network.commit(emit, privately, copy);
    expect(statuses.map((status) => status.codeName)).to.deep.equal(['ENDORSEMENT_POLICY_FAILURE', 'ENDORSEMENT_POLICY_FAILURE', 'MVCC_READ_CONFLICT']);
    expect(network.snapshot()).to.equal(before);
    expect(network.ledger.history('e')).to.deep.equal([]);
    expect(network.ledger.events).to.deep.equal([]);
    expect(await network.privateValue(ORGS.recycling, '_implicit_org_RecyclingMSP', 'p')).to.equal(undefined);
  });

  it('keeps private data on the peers of member organisations only, and its hash on every peer', async () => {
    const collection = '_implicit_org_RecyclingMSP';
    const { transaction, status } = await network.submit(identities.recyclingUser, 'probe:PutPrivate', { ...args(collection, 'p'), transientData: { value: 'secret' } });
    expect([transaction.endorsers, status.codeName]).to.deep.equal([[ORGS.recycling], 'VALID']);
    expect(text(await network.privateValue(ORGS.recycling, collection, 'p'))).to.equal('secret');
    expect(await network.privateValue(ORGS.mining, collection, 'p')).to.equal(undefined);
    expect(text(await network.evaluate(identities.recyclingUser, 'probe:GetPrivate', args(collection, 'p')))).to.equal('secret');
    const hash = text(await network.evaluate(identities.miningUser, 'probe:GetPrivateHash', args(collection, 'p')));
    expect(hash).to.equal(createHash('sha256').update('secret').digest('hex'));
    await expectEndorsementError(network.evaluate(identities.miningUser, 'probe:GetPrivate', { ...args(collection, 'p'), endorsingOrganizations: [ORGS.mining] }), /private data matching public hash version is not available/);
  });

  it('plans transient data only onto peers of the collections it is written to', async () => {
    const restricted = { ...args('passportRestricted', 'p'), transientData: { value: 'secret' } };
    const { transaction, status } = await network.submit(identities.recyclingUser, 'probe:PutPrivate', restricted);
    expect([transaction.endorsers, status.codeName]).to.deep.equal([[ORGS.recycling, ORGS.manufacturing], 'VALID']);
    const implicit = { ...args('_implicit_org_MiningMSP', 'p'), transientData: { value: 'secret' } };
    await expectEndorsementError(network.endorse(identities.miningUser, 'probe:PutPrivateAndMark', implicit), /9 FAILED_PRECONDITION: requires endorsement from organisation\(s\) that are not in the distribution policy/);
    await expectEndorsementError(network.endorse(identities.miningUser, 'probe:PutPrivate', restricted), /tx creator does not have write access permission on privatedata/);
  });

  it('keeps the history of valid writes, newest first for the chaincode', async () => {
    await network.submit(identities.miningUser, 'probe:Put', args('a', '2'));
    await network.submit(identities.miningUser, 'probe:Delete', args('a'));
    const history = await network.endorse(identities.miningUser, 'probe:History', args('a'));
    expect(text(history.result)).to.equal('<deleted>,2,1');
  });

  it('does not show a transaction its own writes', async () => {
    const tx = await network.endorse(identities.miningUser, 'probe:PutAndRead', args('a', 'mine'));
    expect(text(tx.result)).to.equal('1');
  });

  it('refuses paginated queries in writing transactions, as Fabric does', async () => {
    await expectEndorsementError(network.endorse(identities.miningUser, 'probe:WriteThenPage', args('w')), /Paginated queries are supported only in a read-only transaction/);
    await expectEndorsementError(network.endorse(identities.miningUser, 'probe:PageThenWrite', args('w')), /already performed a paginated query. Writes are not allowed/);
  });

  it('iterates composite keys under a partial key in the ledger\'s byte order', async () => {
    for (const id of ['b', 'a', '\u{1f50b}', '\uffee', 'c']) {
      await network.submit(identities.miningUser, 'probe:Put', args(`\u0000bt.x\u0000p\u0000${id}\u0000`, id));
    }
    // UTF-8 order puts U+FFEE before U+1F50B, where UTF-16 code units would not
    expect(text(await network.evaluate(identities.miningUser, 'probe:ListPartial', args('bt.x', 'p')))).to.equal('a,b,c,\uffee,\u{1f50b}');
  });

  it('pages through a range with bookmarks in read-only transactions', async () => {
    for (const key of ['b', 'c', 'd']) {
      await network.submit(identities.miningUser, 'probe:Put', args(key, key));
    }
    const pageSchema = z.object({ keys: z.array(z.string()), bookmark: z.string() });
    const page = async (bookmark: string): Promise<z.infer<typeof pageSchema>> => pageSchema.parse(JSON.parse(text(await network.evaluate(identities.miningUser, 'probe:Page', args('a', 'z', 3, bookmark)))));
    const first = await page('');
    expect(first).to.deep.equal({ keys: ['a', 'b', 'c'], bookmark: 'd' });
    expect(await page(first.bookmark)).to.deep.equal({ keys: ['d'], bookmark: '' });
  });
});
