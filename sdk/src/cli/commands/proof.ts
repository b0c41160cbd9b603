import { Command } from 'commander';
import { type HDNodeWallet, Wallet } from 'ethers';
import { readFileSync, writeFileSync } from 'node:fs';
import { exportProof } from '../../actions/proof/exportProof';
import { ConfigurationError } from '../../errors/ConfigurationError';
import { verifyProof } from '../../proof/verifyProof';
import { ExitStatus, exitCodes } from '../exitCodes';
import { render, toJson } from '../output';
import { type CliDependencies, connectFrom, type GlobalOptions } from '../program';
import { parseInteger, parseList } from '../request';

function signerFrom(options: { keyFile?: string; ephemeralKey?: boolean }): Wallet | HDNodeWallet {
  if (options.keyFile !== undefined) {
    try {
      return new Wallet(readFileSync(options.keyFile, 'utf8').trim());
    } catch (cause) {
      throw new ConfigurationError(`Cannot use the signing key in ${options.keyFile} (a 0x-prefixed secp256k1 private key)`, { cause });
    }
  }
  const key = process.env.BT_PROOF_KEY;
  if (key !== undefined && key !== '') return new Wallet(key);
  if (options.ephemeralKey) return Wallet.createRandom();
  throw new ConfigurationError('Name the signing key: --key-file <file>, BT_PROOF_KEY, or --ephemeral-key');
}

function exportCommand(dependencies: CliDependencies): Command {
  const command = new Command('export');
  return command
    .description('export a signed provenance proof of a lot or battery (records, hash chains, EIP-712 signature)')
    .argument('<id>', 'lot or battery id')
    .option('--type <recordType>', 'record type of the subject', 'MaterialLot')
    .option('--max-depth <n>', 'how far upstream to follow provenance', parseInteger)
    .option('--key-file <file>', 'file holding the exporter\'s secp256k1 private key (or set BT_PROOF_KEY)')
    .option('--ephemeral-key', 'sign with a fresh random key (its address is printed)')
    .option('--out <file>', 'write the proof to this file instead of stdout')
    .action(async (id: string, options: { type: string; maxDepth?: number; keyFile?: string; ephemeralKey?: boolean; out?: string }) => {
      const signer = signerFrom(options);
      const client = connectFrom(command, dependencies);
      try {
        const proof = await exportProof(client, { subject: { type: options.type, id }, signer, ...(options.maxDepth ? { maxDepth: options.maxDepth } : {}) });
        if (options.out === undefined) {
          dependencies.output.out(toJson(proof));
          return;
        }
        writeFileSync(options.out, toJson(proof));
        const summary = { file: options.out, signer: signer.address, records: proof.chains.length, versions: proof.chains.reduce((n, c) => n + c.versions.length, 0) };
        dependencies.output.out(render(summary, command.optsWithGlobals<GlobalOptions>().json));
      } finally {
        client.close();
      }
    });
}

function verifyCommand(dependencies: CliDependencies): Command {
  const command = new Command('verify');
  return command
    .description('verify a provenance proof offline: record hashes, hash-chain links, signatures (no network)')
    .argument('<file>', 'proof file (JSON)')
    .option('--trusted <addresses>', 'comma-separated signer addresses, at least one of which must have signed', parseList)
    .action((file: string, options: { trusted?: string[] }) => {
      const input = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      const result = verifyProof(input, options.trusted ? { trustedSigners: options.trusted } : {});
      const summary = { valid: result.valid, signers: result.signers.join(', '), records: result.proof?.chains.length ?? 0, problems: result.problems.join('\n') };
      const json = command.optsWithGlobals<GlobalOptions>().json;
      dependencies.output.out(render(json ? { ...summary, problems: result.problems } : summary, json));
      if (!result.valid) throw new ExitStatus(exitCodes.proofInvalid);
    });
}

/** `battery-trace proof …`: export and verify provenance proofs. */
export function proofCommand(dependencies: CliDependencies): Command {
  return new Command('proof')
    .description('provenance proofs that anyone can verify offline')
    .addCommand(exportCommand(dependencies))
    .addCommand(verifyCommand(dependencies));
}
