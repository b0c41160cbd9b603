import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

interface RunResult {
  code: number | null;
  output: string;
}

/** Runs scripts/network.sh with extra environment and collects its exit code and output. */
function networkScript(args: string[], env: Record<string, string>): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn('bash', [path.join(root, 'scripts/network.sh'), ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('close', (code) => { resolve({ code, output }); });
  });
}

describe('network scripts', () => {
  let stateDir: string;

  beforeEach(() => {
    stateDir = mkdtempSync(path.join(os.tmpdir(), 'bt-net-'));
  });

  afterEach(async () => {
    await networkScript(['down', '--purge'], { BT_NETWORK_DIR: stateDir });
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('rejects a port already in use with a clear message and a non-zero exit', async () => {
    const portBase = 27000;
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(portBase + 50, '127.0.0.1', resolve));
    try {
      const result = await networkScript(['up'], { BT_NETWORK_DIR: stateDir, BT_PORT_BASE: String(portBase) });
      expect(result.code).to.not.equal(0);
      expect(result.output).to.contain(`port ${portBase + 50} (needed by orderer-orderer0) is already in use`);
    } finally {
      blocker.close();
    }
  });

  it('rejects a broken Fabric binary with a clear message and a non-zero exit', async () => {
    const fakeBin = mkdtempSync(path.join(stateDir, 'bin-'));
    for (const tool of ['peer', 'orderer', 'configtxgen', 'cryptogen', 'osnadmin']) {
      const file = path.join(fakeBin, tool);
      writeFileSync(file, '#!/bin/sh\necho "segmentation fault" >&2\nexit 139\n');
      chmodSync(file, 0o755);
    }
    const result = await networkScript(['up'], { BT_NETWORK_DIR: stateDir, FABRIC_BIN: fakeBin });
    expect(result.code).to.not.equal(0);
    expect(result.output).to.contain(`FABRIC_BIN=${fakeBin}: 'peer' is missing or does not run`);
  });

  it('rejects a missing Fabric binary folder with a clear message and a non-zero exit', async () => {
    const missing = path.join(stateDir, 'no-such-folder');
    const result = await networkScript(['up'], { BT_NETWORK_DIR: stateDir, FABRIC_BIN: missing });
    expect(result.code).to.not.equal(0);
    expect(result.output).to.contain(`FABRIC_BIN=${missing}: 'peer' is missing or does not run`);
  });
});
