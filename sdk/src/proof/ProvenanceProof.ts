import { z } from 'zod';

const hash32 = z.string().regex(/^0x[0-9a-f]{64}$/i, 'a 32-byte hex hash');
const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'an Ethereum address');

/** Identifies the format of a proof bundle. */
export const proofFormat = 'battery-trace/provenance-proof@1';

/** A stored record version as exported: its fields plus `recordHash` and `previousHash`. */
export const proofRecordSchema = z.object({ recordHash: hash32, previousHash: hash32 }).passthrough();
/** A stored record version as exported. */
export type ProofRecord = z.infer<typeof proofRecordSchema>;

/** One record's history, oldest version first: each version's `previousHash` is the one before's `recordHash`. */
export const proofChainSchema = z.object({
  type: z.string().min(1),
  id: z.string().min(1),
  versions: z.array(proofRecordSchema).min(1),
});
/** One record's exported history. */
export type ProofChain = z.infer<typeof proofChainSchema>;

/** An EIP-712 signature over the proof's hash links, with the address that claims to have made it. */
export const proofSignatureSchema = z.object({ signer: address, signature: z.string().regex(/^0x[0-9a-fA-F]+$/) });
/** An EIP-712 signature of a proof. */
export type ProofSignature = z.infer<typeof proofSignatureSchema>;

/** Schema of a provenance proof bundle (what `exportProof` writes and `verifyProof` reads). */
export const provenanceProofSchema = z.object({
  format: z.literal(proofFormat),
  subject: z.object({ type: z.string().min(1), id: z.string().min(1) }),
  channel: z.string(),
  chaincode: z.string(),
  exportedAt: z.string(),
  chains: z.array(proofChainSchema).min(1),
  signatures: z.array(proofSignatureSchema),
});

/**
 * A provenance proof: the records behind a claim with their hash chains, signed (EIP-712) by whoever exported
 * it. Anyone can verify it offline with {@link verifyProof}: every record's hash is recomputed, every link
 * checked, every signature recovered.
 */
export type ProvenanceProof = z.infer<typeof provenanceProofSchema>;
