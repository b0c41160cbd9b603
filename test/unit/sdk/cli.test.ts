import { expect } from 'chai';
import { createClient, type OrganisationConnectOptions } from '../../../sdk/src/index';
import { runCli } from '../../../sdk/src/cli/run';
import { exitCodes } from '../../../sdk/src/cli/exitCodes';
import { endorseError, FakeContract } from './support/fakeGateway';

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

  it('prints help and exits 0 with --help at every level', async () => {
    const h = harness();
    expect(await h.run('--help')).to.equal(0);
    expect(await h.run('baseline', '--help')).to.equal(0);
    expect(await h.run('baseline', 'write', '--help')).to.equal(0);
    expect(h.out.join('\n')).to.contain('--request <json|@file>');
  });
});
