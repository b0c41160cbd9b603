import { expect } from 'chai';
import { createClient, type OrganisationConnectOptions } from '../../../sdk/src/index';
import { runCli } from '../../../sdk/src/cli/run';
import { exitCodes } from '../../../sdk/src/cli/exitCodes';
import { Wallet } from 'ethers';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { signProof } from '../../../sdk/src/index';
import { endorseError, FakeContract } from './support/fakeGateway';
import { facilityRecord, lotHistory, lotRecord, transferRecord } from './support/records';

interface Harness {
  readonly contract: FakeContract;
  readonly out: string[];
  readonly err: string[];
  readonly connections: OrganisationConnectOptions[];
  run(...argv: string[]): Promise<number>;
}

function harness(): Harness {
  const contract = new FakeContract();
  const out: string[] = [];
  const err: string[] = [];
  const connections: OrganisationConnectOptions[] = [];
  const dependencies = {
    output: { out: (text: string) => out.push(text), err: (text: string) => err.push(text) },
    connect: (options: OrganisationConnectOptions) => {
      connections.push(options);
      return createClient({ contract, mspId: 'MiningMSP' });
    },
  };
  return { contract, out, err, connections, run: (...argv) => runCli(argv, dependencies) };
}

describe('battery-trace CLI', () => {
  it('sends flags as the request, connects as the chosen identity and prints JSON with --json', async () => {
    const h = harness();
    h.contract.answer({ result: { key: 'k1', value: 'hello' } });
    const code = await h.run('--org', 'recycling', '--user', 'admin', '--json', 'baseline', 'write', '--key', 'k1', '--value', 'hello');
    expect(code).to.equal(exitCodes.ok);
    expect(h.connections[0]).to.deep.include({ org: 'recycling', identity: 'admin' });
    expect(h.contract.calls[0]?.name).to.equal('baseline:Write');
    expect(h.contract.calls[0]?.options.arguments).to.deep.equal(['k1', 'hello']);
    expect(JSON.parse(h.out.join('\n'))).to.deep.equal({ key: 'k1', value: 'hello' });
  });

  it('takes the request from --request, with flags overriding its fields, and prints a table by default', async () => {
    const h = harness();
    h.contract.answer({ result: { key: 'k2', value: 'v' } });
    expect(await h.run('baseline', 'write', '--request', '{"key":"k1","value":"v"}', '--key', 'k2')).to.equal(0);
    expect(h.contract.calls[0]?.options.arguments).to.deep.equal(['k2', 'v']);
    expect(h.out.join('\n')).to.match(/key\s+│\s+k2/);
  });

  it('exits with the validation code and sends nothing for an invalid request', async () => {
    const h = harness();
    expect(await h.run('baseline', 'write', '--key', 'bad key', '--value', 'v')).to.equal(exitCodes.validation);
    expect(h.contract.calls).to.have.length(0);
    expect(h.err.join('\n')).to.contain('Error: Invalid request for baseline:Write');
  });

  it('exits with the endorsement code and prints each node\'s message', async () => {
    const h = harness();
    h.contract.answer({ throws: endorseError(['something broke']) });
    expect(await h.run('baseline', 'write', '--key', 'k', '--value', 'v')).to.equal(exitCodes.endorsement);
    expect(h.err.join('\n')).to.contain('something broke');
  });

  it('prints a JSON error on stderr with --json', async () => {
    const h = harness();
    expect(await h.run('--json', 'baseline', 'read', '--request', '{"key":""}')).to.equal(exitCodes.validation);
    const parsed = JSON.parse(h.err.join('\n')) as { error: { category: string; code: string } };
    expect(parsed.error).to.deep.include({ category: 'validation', code: 'INVALID_ARGUMENT' });
  });

  it('exits with the usage code for unknown options and malformed --request', async () => {
    const h = harness();
    expect(await h.run('baseline', 'write', '--nope')).to.equal(exitCodes.usage);
    expect(await h.run('baseline', 'write', '--request', '{oops')).to.equal(exitCodes.usage);
    expect(await h.run('--org', 'elsewhere', 'baseline', 'read')).to.equal(exitCodes.usage);
  });

  it('builds a lot:MintLot request from flags, integers and lists parsed', async () => {
    const h = harness();
    h.contract.answer({ result: lotRecord('LOT-1') });
    const code = await h.run('lot', 'mint', '--id', 'LOT-1', '--facility-id', 'MINE-1', '--material', 'COBALT_HYDROXIDE', '--mass-grams', '1000000', '--claims', 'CONFLICT_FREE,CERTIFIED_ORIGIN');
    expect(code, h.err.join('\n')).to.equal(0);
    const sent = JSON.parse(String(h.contract.calls[0]?.options.arguments?.[0])) as Record<string, unknown>;
    expect(sent).to.deep.include({ id: 'LOT-1', massGrams: 1_000_000, claims: ['CONFLICT_FREE', 'CERTIFIED_ORIGIN'] });
    expect(h.out.join('\n')).to.match(/custodianFacilityId\s+│\s+MINE-1/);
  });

  it('rejects a mass that is not an integer as a usage error', async () => {
    const h = harness();
    expect(await h.run('lot', 'mint', '--mass-grams', '1.5')).to.equal(exitCodes.usage);
  });

  it('collects repeated --child flags into the split request', async () => {
    const h = harness();
    h.contract.answer({ throws: new Error('stop') });
    await h.run('lot', 'split', '--lot-id', 'LOT-1', '--child', 'LOT-1a=400', '--child', 'LOT-1b=100');
    const sent = JSON.parse(String(h.contract.calls[0]?.options.arguments?.[0])) as Record<string, unknown>;
    expect(sent).to.deep.equal({ lotId: 'LOT-1', children: [{ id: 'LOT-1a', massGrams: 400 }, { id: 'LOT-1b', massGrams: 100 }] });
  });

  it('takes a positional id for queries', async () => {
    const h = harness();
    h.contract.answer({ result: lotHistory('LOT-1', [{}]) });
    expect(await h.run('--json', 'lot', 'history', 'LOT-1')).to.equal(0);
    expect(h.contract.calls[0]?.name).to.equal('lot:GetLotHistory');
  });

  it('sends the commercial-terms flags of custody propose as private data only', async () => {
    const h = harness();
    h.contract.answer({ result: facilityRecord('REF-1', 'ManufacturingMSP') }, { throws: new Error('stop') });
    await h.run('custody', 'propose', '--id', 'T-1', '--lot-id', 'LOT-1', '--to-facility-id', 'REF-1', '--declared-mass-grams', '1000',
      '--shipping-documents-hash', `0x${'ab'.repeat(32)}`, '--price-minor-units', '5000', '--currency', 'EUR', '--contract-reference', 'PO-1');
    const options = h.contract.calls[1]?.options;
    expect(JSON.parse(String(options?.arguments?.[0]))).to.not.have.property('currency');
    expect(options?.transientData).to.have.property('commercialTerms');
    expect(options?.endorsingOrganizations).to.deep.equal(['MiningMSP', 'ManufacturingMSP']);
  });

  it('accepts a transfer endorsed by both organisations', async () => {
    const h = harness();
    h.contract.answer({ result: transferRecord('T-1') }, { throws: new Error('stop') });
    await h.run('--org', 'manufacturing', 'custody', 'accept', '--transfer-id', 'T-1', '--received-mass-grams', '999000');
    expect(h.contract.calls[1]?.name).to.equal('custody:AcceptTransfer');
    expect(h.contract.calls[1]?.options.endorsingOrganizations).to.deep.equal(['MiningMSP', 'ManufacturingMSP']);
  });

  it('queries a mass-balance statement from account flags', async () => {
    const h = harness();
    h.contract.answer({ throws: new Error('stop') });
    await h.run('massbalance', 'statement', '--facility-id', 'REF-1', '--material', 'COBALT_SULFATE', '--claim', 'CERTIFIED_ORIGIN');
    expect(h.contract.calls[0]).to.deep.include({ kind: 'evaluate', name: 'massbalance:GetStatement' });
    expect(JSON.parse(String(h.contract.calls[0]?.options.arguments?.[0]))).to.deep.equal({ facilityId: 'REF-1', material: 'COBALT_SULFATE', claim: 'CERTIFIED_ORIGIN' });
  });

  it('has a command for every participant action and auditor query', async () => {
    const h = harness();
    for (const group of ['facility', 'lot', 'custody', 'process', 'massbalance', 'battery', 'audit', 'proof']) {
      expect(await h.run(group, '--help'), group).to.equal(0);
    }
    const help = h.out.join('\n');
    for (const command of ['register', 'mint', 'split', 'merge', 'trace-up', 'trace-down', 'propose', 'accept', 'reject', 'cancel', 'resolve',
      'transform', 'open-period', 'claim', 'reconcile', 'close-period', 'statement', 'issue', 'soh', 'repurpose', 'propose-handover', 'accept-handover', 'dismantle',
      'recycle', 'passport', 'attest', 'export', 'verify']) {
      expect(help, command).to.match(new RegExp(`\\n\\s+${command}\\b`));
    }
  });

  it('verifies a proof offline and exits 12 when it was tampered with', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bt-cli-'));
    try {
      const history = lotHistory('LOT-1', [{}, { massGrams: 5 }]);
      const versions = history.entries.map((entry) => entry.record!);
      const proof = await signProof({ subject: { type: 'MaterialLot', id: 'LOT-1' }, channel: 'c', chaincode: 'cc', exportedAt: 'now', chains: [{ type: 'MaterialLot', id: 'LOT-1', versions }] }, Wallet.createRandom());
      const good = path.join(dir, 'good.json');
      const bad = path.join(dir, 'bad.json');
      writeFileSync(good, JSON.stringify(proof));
      writeFileSync(bad, JSON.stringify(proof).replace('"massGrams":5', '"massGrams":6'));
      const h = harness();
      expect(await h.run('proof', 'verify', good)).to.equal(0);
      expect(await h.run('--json', 'proof', 'verify', bad)).to.equal(exitCodes.proofInvalid);
      expect(h.out.at(-1)).to.contain('recordHash does not match');
      expect(h.connections).to.have.length(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints help and exits 0 with --help at every level', async () => {
    const h = harness();
    expect(await h.run('--help')).to.equal(0);
    expect(await h.run('baseline', '--help')).to.equal(0);
    expect(await h.run('baseline', 'write', '--help')).to.equal(0);
    expect(h.out.join('\n')).to.contain('--request <json|@file>');
  });
});
