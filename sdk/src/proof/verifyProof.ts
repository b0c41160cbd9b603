import { getAddress, verifyTypedData } from 'ethers';
import { describeIssues } from '../client/codec';
import { provenanceProofSchema, type ProvenanceProof } from './ProvenanceProof';
import { proofDomain, proofMessage, proofTypes } from './typedData';
import { recordHash, verifyRecordChain, zeroHash, type RecordHasher } from './verifyChain';

/** Options of {@link verifyProof}. */
export interface VerifyProofOptions {
  /** Addresses at least one of which must have signed; any valid signer when omitted. */
  readonly trustedSigners?: readonly string[];
  /** The `previousHash` of a record's first version; default 32 zero bytes. */
  readonly genesisHash?: string;
  /** The record hash function; default the chaincode's {@link recordHash}. */
  readonly hasher?: RecordHasher;
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

/**
 * Verifies a provenance proof offline: recomputes every record's keccak256 hash, checks every link of every
 * hash chain, and recovers every EIP-712 signature. Needs no network.
 * @param input - the proof (parsed JSON, untrusted)
 * @param options - trusted signers; the hash function and genesis hash (defaults: the chaincode's)
 * @example
 * ```ts
 * const result = verifyProof(JSON.parse(text), { trustedSigners: [exporter] });
 * if (!result.valid) console.error(result.problems);
 * ```
 */
export function verifyProof(input: unknown, options: VerifyProofOptions = {}): ProofVerification {
  const parsed = provenanceProofSchema.safeParse(input);
  if (!parsed.success) {
    return { valid: false, problems: [`malformed proof: ${describeIssues(parsed.error)}`], signers: [], proof: undefined };
  }
  const proof = parsed.data;
  const hasher = options.hasher ?? recordHash;
  const genesis = options.genesisHash ?? zeroHash;
  const problems = proof.chains.flatMap((chain) => verifyRecordChain(`${chain.type} ${chain.id}`, chain.versions, hasher, genesis));
  const { signers, problems: signatureProblems } = checkSignatures(proof);
  problems.push(...signatureProblems, ...trustProblems(signers, options.trustedSigners));
  return { valid: problems.length === 0, problems, signers, proof };
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
