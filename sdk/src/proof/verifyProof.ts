import { getAddress, verifyTypedData } from 'ethers';
import { describeIssues } from '../client/codec';
import { provenanceProofSchema, type ProofChain, type ProvenanceProof } from './ProvenanceProof';
import { proofDomain, proofMessage, proofTypes } from './typedData';

/** Recomputes a record version's hash from its fields (without the hash fields) and the previous hash. */
export type RecordHasher = (fields: Readonly<Record<string, unknown>>, previousHash: string) => string;

/** Options of {@link verifyProof}. */
export interface VerifyProofOptions {
  /** Addresses at least one of which must have signed; any valid signer when omitted. */
  readonly trustedSigners?: readonly string[];
  /** The `previousHash` of a record's first version; default 32 zero bytes. */
  readonly genesisHash?: string;
}

/** The outcome of {@link verifyProof}. */
export interface ProofVerification {
  /** True when every hash, link and signature checks out (and a trusted signer signed, if asked). */
  readonly valid: boolean;
  /** What failed, one line each; empty when valid. */
  readonly problems: readonly string[];
  /** Addresses whose signatures verified. */
  readonly signers: readonly string[];
  /** The verified proof, when it parsed. */
  readonly proof: ProvenanceProof | undefined;
}

/** 32 zero bytes: the `previousHash` of a record's first version. */
export const zeroHash = `0x${'0'.repeat(64)}`;

/**
 * Verifies a provenance proof offline: recomputes every record's keccak256 hash, checks every link of every
 * hash chain, and recovers every EIP-712 signature. Needs no network.
 * @param input - the proof (parsed JSON, untrusted)
 * @param hasher - the record hash function shared with the chaincode
 * @example
 * ```ts
 * const result = verifyProof(JSON.parse(text), recordHash, { trustedSigners: [exporter] });
 * if (!result.valid) console.error(result.problems);
 * ```
 */
export function verifyProof(input: unknown, hasher: RecordHasher, options: VerifyProofOptions = {}): ProofVerification {
  const parsed = provenanceProofSchema.safeParse(input);
  if (!parsed.success) {
    return { valid: false, problems: [`malformed proof: ${describeIssues(parsed.error)}`], signers: [], proof: undefined };
  }
  const proof = parsed.data;
  const problems = proof.chains.flatMap((chain) => chainProblems(chain, hasher, options.genesisHash ?? zeroHash));
  const { signers, problems: signatureProblems } = checkSignatures(proof);
  problems.push(...signatureProblems, ...trustProblems(signers, options.trustedSigners));
  return { valid: problems.length === 0, problems, signers, proof };
}

function chainProblems(chain: ProofChain, hasher: RecordHasher, genesisHash: string): string[] {
  const problems: string[] = [];
  let expectedPrevious = genesisHash;
  chain.versions.forEach((version, index) => {
    const where = `${chain.type} ${chain.id} version ${index}`;
    const { recordHash, previousHash, ...fields } = version;
    if (previousHash.toLowerCase() !== expectedPrevious.toLowerCase()) {
      problems.push(`${where}: previousHash does not link to the version before`);
    }
    if (hasher(fields, previousHash).toLowerCase() !== recordHash.toLowerCase()) {
      problems.push(`${where}: recordHash does not match the record's content`);
    }
    expectedPrevious = recordHash;
  });
  return problems;
}

function checkSignatures(proof: ProvenanceProof): { signers: string[]; problems: string[] } {
  const message = proofMessage(proof);
  const signers: string[] = [];
  const problems: string[] = proof.signatures.length === 0 ? ['the proof is not signed'] : [];
  proof.signatures.forEach(({ signer, signature }, index) => {
    if (recoverSigner(message, signature) === getAddress(signer)) {
      signers.push(getAddress(signer));
    } else {
      problems.push(`signature ${index} was not made by ${signer} over this proof`);
    }
  });
  return { signers, problems };
}

function recoverSigner(message: Record<string, unknown>, signature: string): string | undefined {
  try {
    return verifyTypedData(proofDomain, proofTypes, message, signature);
  } catch {
    return undefined;
  }
}

function trustProblems(signers: readonly string[], trusted: readonly string[] | undefined): string[] {
  if (trusted === undefined) {
    return [];
  }
  const wanted = new Set(trusted.map((address) => getAddress(address)));
  return signers.some((signer) => wanted.has(signer)) ? [] : ['no trusted signer signed the proof'];
}
