import type { TypedDataDomain, TypedDataField } from 'ethers';
import { proofFormat, type ProofChain, type ProvenanceProof } from './ProvenanceProof';
import { proofDomain, proofMessage, proofTypes } from './typedData';

/** Anything that signs EIP-712 typed data: an ethers `Wallet`, a `JsonRpcSigner`, a KMS-backed ethers signer. */
export interface TypedDataSigner {
  getAddress(): Promise<string>;
  signTypedData(domain: TypedDataDomain, types: Record<string, TypedDataField[]>, value: Record<string, unknown>): Promise<string>;
}

/** What a proof covers, before signing. */
export interface UnsignedProof {
  readonly subject: { readonly type: string; readonly id: string };
  readonly channel: string;
  readonly chaincode: string;
  /** ISO 8601 time of export; the ledger's own times are in the records. */
  readonly exportedAt: string;
  readonly chains: readonly ProofChain[];
}

/**
 * Signs a proof bundle with EIP-712 typed data and returns it with the signature appended.
 * @param signer - an ethers `Wallet` or any {@link TypedDataSigner}
 * @example
 * ```ts
 * const proof = await signProof({ subject, channel, chaincode, exportedAt, chains }, Wallet.createRandom());
 * ```
 */
export async function signProof(unsigned: UnsignedProof, signer: TypedDataSigner): Promise<ProvenanceProof> {
  const proof: ProvenanceProof = {
    format: proofFormat,
    subject: { ...unsigned.subject },
    channel: unsigned.channel,
    chaincode: unsigned.chaincode,
    exportedAt: unsigned.exportedAt,
    chains: [...unsigned.chains],
    signatures: [],
  };
  return cosignProof(proof, signer);
}

/** Adds another party's EIP-712 signature (e.g. an auditor's) to a proof. */
export async function cosignProof(proof: ProvenanceProof, signer: TypedDataSigner): Promise<ProvenanceProof> {
  const signature = await signer.signTypedData(proofDomain, proofTypes, proofMessage(proof));
  return { ...proof, signatures: [...proof.signatures, { signer: await signer.getAddress(), signature }] };
}
