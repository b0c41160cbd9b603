import { expect } from 'chai';
import { Wallet } from 'ethers';
import { computeRecordHash } from '../../../chaincode/src/api/hashing';
import { cosignProof, signProof, verifyProof, zeroHash, type ProofRecord, type ProvenanceProof } from '../../../sdk/src/index';

const hasher = computeRecordHash;

function version(fields: Record<string, unknown>, previousHash: string): ProofRecord {
  return { ...fields, previousHash, recordHash: hasher(fields, previousHash) };
}

function chain(id: string, states: Record<string, unknown>[]): { type: string; id: string; versions: ProofRecord[] } {
  const versions: ProofRecord[] = [];
  for (const state of states) versions.push(version(state, versions.at(-1)?.recordHash ?? zeroHash));
  return { type: 'lot', id, versions };
}

const exporter = new Wallet('0x' + '11'.repeat(32));
const auditor = new Wallet('0x' + '22'.repeat(32));

async function proof(): Promise<ProvenanceProof> {
  return signProof(
    {
      subject: { type: 'lot', id: 'L2' },
      channel: 'batterytrace',
      chaincode: 'battery-trace',
      exportedAt: '2025-06-01T00:00:00.000Z',
      chains: [
        chain('L1', [{ id: 'L1', massGrams: 1000, status: 'active' }, { id: 'L1', massGrams: 400, status: 'active' }]),
        chain('L2', [{ id: 'L2', massGrams: 600, parents: [{ lotId: 'L1', massGrams: 600 }] }]),
      ],
    },
    exporter,
  );
}

function clone(value: ProvenanceProof): ProvenanceProof {
  return JSON.parse(JSON.stringify(value)) as ProvenanceProof;
}

describe('SDK provenance proofs', () => {
  it('verifies an exported proof offline and names its signer', async () => {
    const result = verifyProof(clone(await proof()), { trustedSigners: [exporter.address] });
    expect(result.problems).to.deep.equal([]);
    expect(result.valid).to.equal(true);
    expect(result.signers).to.deep.equal([exporter.address]);
  });

  it('accepts a co-signature by a second party', async () => {
    const cosigned = await cosignProof(await proof(), auditor);
    const result = verifyProof(clone(cosigned), { trustedSigners: [auditor.address] });
    expect(result.valid).to.equal(true);
    expect(result.signers).to.deep.equal([exporter.address, auditor.address]);
  });

  it('rejects a proof whose record content was altered', async () => {
    const tampered = clone(await proof());
    const first = tampered.chains[0]!.versions[1]!;
    first.massGrams = 900;
    const result = verifyProof(tampered);
    expect(result.valid).to.equal(false);
    expect(result.problems.join('\n')).to.contain('lot L1 version 1: recordHash does not match');
  });

  it('rejects a proof whose record was altered with its hash recomputed (the signature no longer matches)', async () => {
    const tampered = clone(await proof());
    const versions = tampered.chains[1]!.versions;
    const original = versions[0]!;
    const fields = Object.fromEntries(Object.entries(original).filter(([key]) => key !== 'recordHash' && key !== 'previousHash'));
    versions[0] = version({ ...fields, massGrams: 6000 }, original.previousHash);
    const result = verifyProof(tampered);
    expect(result.valid).to.equal(false);
    expect(result.problems.join('\n')).to.match(/signature 0 was not made by/);
  });

  it('rejects a proof with a broken hash chain link', async () => {
    const tampered = clone(await proof());
    tampered.chains[0]!.versions.splice(0, 1);
    const result = verifyProof(tampered);
    expect(result.valid).to.equal(false);
    expect(result.problems.join('\n')).to.contain('previousHash does not link');
  });

  it('rejects an altered signature', async () => {
    const tampered = clone(await proof());
    const signature = tampered.signatures[0]!;
    signature.signature = signature.signature.slice(0, -4) + (signature.signature.endsWith('1b') ? '001c' : '001b');
    expect(verifyProof(tampered).valid).to.equal(false);
  });

  it('rejects a signature attributed to someone else', async () => {
    const tampered = clone(await proof());
    tampered.signatures[0]!.signer = auditor.address;
    expect(verifyProof(tampered).valid).to.equal(false);
  });

  it('rejects a proof no trusted party signed', async () => {
    const result = verifyProof(clone(await proof()), { trustedSigners: [auditor.address] });
    expect(result.valid).to.equal(false);
    expect(result.problems).to.deep.equal(['no trusted signer signed the proof']);
  });

  it('rejects an unsigned or malformed proof', async () => {
    const unsigned = { ...clone(await proof()), signatures: [] };
    expect(verifyProof(unsigned).problems).to.deep.equal(['the proof is not signed']);
    expect(verifyProof({ format: 'other' }).valid).to.equal(false);
  });
});
