import type { TypedDataDomain, TypedDataField } from 'ethers';
import type { ProvenanceProof } from './ProvenanceProof';

/** The EIP-712 domain of battery-trace proofs (no chain id: Fabric is not an EVM chain). */
export const proofDomain: TypedDataDomain = { name: 'battery-trace provenance proof', version: '1' };

/** The EIP-712 types: the proof's subject and context, and every record version's hash link. */
export const proofTypes: Record<string, TypedDataField[]> = {
  ProvenanceProof: [
    { name: 'subjectType', type: 'string' },
    { name: 'subjectId', type: 'string' },
    { name: 'channel', type: 'string' },
    { name: 'chaincode', type: 'string' },
    { name: 'exportedAt', type: 'string' },
    { name: 'links', type: 'RecordLink[]' },
  ],
  RecordLink: [
    { name: 'recordType', type: 'string' },
    { name: 'recordId', type: 'string' },
    { name: 'version', type: 'uint32' },
    { name: 'recordHash', type: 'bytes32' },
    { name: 'previousHash', type: 'bytes32' },
  ],
};

/** The EIP-712 message a proof's signatures sign. Record contents are bound through their recomputed hashes. */
export function proofMessage(proof: Omit<ProvenanceProof, 'signatures'>): Record<string, unknown> {
  return {
    subjectType: proof.subject.type,
    subjectId: proof.subject.id,
    channel: proof.channel,
    chaincode: proof.chaincode,
    exportedAt: proof.exportedAt,
    links: proof.chains.flatMap((chain) =>
      chain.versions.map((version, index) => ({
        recordType: chain.type,
        recordId: chain.id,
        version: index,
        recordHash: version.recordHash,
        previousHash: version.previousHash,
      })),
    ),
  };
}
