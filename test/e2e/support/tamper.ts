/**
 * Mounting the tampered chaincode: bundle test/e2e/support/tampered/main.ts like the product chaincode, package it
 * in the external builder's format, and have one organisation's peer run it (and the deployed package again)
 * through the real lifecycle, with scripts/org-package.sh.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { networkDir } from './network';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../../../..');
const script = path.join(root, 'scripts/org-package.sh');
const env = { ...process.env, BT_NETWORK_DIR: networkDir };

/** Label prefix of the tampered package (the peer shows `battery-trace-tampered_<hash>`). */
export const tamperedLabel = 'battery-trace-tampered';

async function orgPackage(...args: string[]): Promise<string> {
  try {
    const { stdout } = await run('bash', [script, ...args], { env, timeout: 240_000, maxBuffer: 4 * 1024 * 1024 });
    return stdout.trim();
  } catch (error) {
    const stderr = (error as { stderr?: unknown }).stderr;
    throw new Error(`scripts/org-package.sh ${args.join(' ')} failed: ${typeof stderr === 'string' ? stderr.trim() : String(error)}`, { cause: error });
  }
}

/**
 * Bundles the tampered chaincode (compiled by `npm run build` into dist/test/e2e/support/tampered/) and packages it.
 * @returns the package file, under the network's state folder
 */
export async function buildTamperedPackage(): Promise<string> {
  const dir = path.join(networkDir, 'chaincode', 'tampered');
  const bundle = path.join(dir, 'chaincode.js');
  const out = path.join(dir, `${tamperedLabel}.tar.gz`);
  await run('node', [path.join(root, 'scripts/bundle-chaincode.mjs'), '--entry', path.join(__dirname, 'tampered', 'main.js'), '--out', bundle], { env, timeout: 120_000 });
  await orgPackage('package', bundle, out, tamperedLabel);
  return out;
}

/**
 * Installs `packageFile` on `org`'s peer only and approves it for `org` only, for the committed definition.
 * @returns the package id `org` now runs
 */
export function runPackageOn(org: string, packageFile: string): Promise<string> {
  return orgPackage('use', org, packageFile);
}

/** Approves the deployed (honest) package for `org` again, if it runs another one. */
export async function restoreDeployedPackage(org: string): Promise<void> {
  await orgPackage('restore', org);
}

/** The package id `org` approved for the committed definition. */
export function approvedPackage(org: string): Promise<string> {
  return orgPackage('show', org);
}
