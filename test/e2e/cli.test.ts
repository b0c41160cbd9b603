import { expect } from 'chai';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { networkDir, runId } from './support/network';

const cli = path.resolve(__dirname, '../../sdk/src/cli/main.js');

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real battery-trace executable against the local network. */
function battery(...args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, '--network-dir', networkDir, ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('battery-trace CLI', function () {
  this.timeout(120_000);
  const mine = `${runId}-cli-mine`;
  const lot = `${runId}-cli-lot`;

  it('registers a facility as the organisation admin and prints it as a table', async () => {
    const result = await battery('--org', 'mining', '--user', 'admin', 'facility', 'register', '--id', mine, '--kind', 'MINE', '--name', 'Greenbushes spodumene mine', '--country', 'AU');
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stdout).to.contain(mine);
    expect(result.stdout).to.contain('AU');
  });

  it('mints a lot and reads it back as JSON from another organisation', async () => {
    const minted = await battery('--org', 'mining', 'lot', 'mint', '--id', lot, '--facility-id', mine, '--material', 'LITHIUM_SPODUMENE_CONCENTRATE', '--mass-grams', '25000000');
    expect(minted.code, minted.stderr).to.equal(0);
    const shown = await battery('--org', 'audit', '--json', 'lot', 'get', lot);
    expect(shown.code, shown.stderr).to.equal(0);
    const record = JSON.parse(shown.stdout) as { id: string; massGrams: number; ownerMsp: string };
    expect(record).to.include({ id: lot, massGrams: 25_000_000, ownerMsp: 'MiningMSP' });
  });

  it('exits 5 with a clear message when an organisation acts on a lot it does not hold', async () => {
    const result = await battery('--org', 'recycling', 'lot', 'split', '--request', JSON.stringify({ lotId: lot, children: [{ id: `${lot}-x`, massGrams: 1 }] }));
    expect(result.code).to.equal(5);
    expect(result.stderr).to.match(/forbidden|FORBIDDEN/i);
  });

  it('exits 4 for a record that does not exist', async () => {
    const result = await battery('--org', 'audit', 'lot', 'get', `${runId}-no-such-lot`);
    expect(result.code).to.equal(4);
    expect(result.stderr).to.contain('LOT_NOT_FOUND');
  });

  it('exits 3 for an invalid request without contacting the ledger', async () => {
    const request = { id: `${lot}-bad`, facilityId: mine, material: 'UNOBTAINIUM', massGrams: -5 };
    const result = await battery('--org', 'mining', 'lot', 'mint', '--request', JSON.stringify(request));
    expect(result.code).to.equal(3);
    expect(result.stderr).to.contain('material');
  });
});
