import type { TransactionClient } from '../../client/Transactor';
import type { ProofChain, ProvenanceProof } from '../../proof/ProvenanceProof';
import { signProof, type TypedDataSigner } from '../../proof/signProof';
import { historyVersions, type HistoryLike } from '../../proof/verifyHistory';
import { RECORD_TYPES, type TraceResult } from '../definitions/api';
import { getBatteryHistory } from '../battery/getBatteryHistory';
import { getLotHistory } from '../lot/getLotHistory';
import { traceUpstream } from '../lot/traceUpstream';

/** A client that can name the ledger a proof comes from. */
export interface ProofSource extends TransactionClient {
  readonly channel: string | undefined;
  readonly chaincode: string;
}

/** Parameters of {@link exportProof}. */
export interface ExportProofParameters {
  /** The record whose provenance to prove; `type` defaults to `MaterialLot`. */
  readonly subject: { readonly type?: string; readonly id: string };
  /** Who signs the proof (EIP-712): an ethers `Wallet` or any {@link TypedDataSigner}. */
  readonly signer: TypedDataSigner;
  /** How far upstream to follow provenance links; the chaincode's default when omitted. */
  readonly maxDepth?: number;
  /** Export time written into the proof; default now. */
  readonly exportedAt?: string;
}

/** Result of {@link exportProof}. */
export type ExportProofReturnType = ProvenanceProof;

type HistoryReader = (client: TransactionClient, id: string) => Promise<HistoryLike>;

/** Record types whose history the proof includes, with how to read it (each verifies its chain on read). */
const historyReaders: Readonly<Record<string, HistoryReader>> = {
  [RECORD_TYPES.lot]: (client, id) => getLotHistory(client, { id }),
  [RECORD_TYPES.battery]: (client, id) => getBatteryHistory(client, { id }),
};

async function upstreamNodes(client: TransactionClient, subject: ExportProofParameters['subject'], maxDepth?: number): Promise<TraceResult['nodes']> {
  const nodes: TraceResult['nodes'] = [];
  let bookmark = '';
  do {
    const page = await traceUpstream(client, { id: subject.id, ...(subject.type ? { type: subject.type } : {}), ...(maxDepth ? { maxDepth } : {}), bookmark, pageSize: 100 });
    nodes.push(...page.nodes);
    bookmark = page.bookmark;
  } while (bookmark !== '');
  return nodes;
}

async function chainsOf(client: TransactionClient, nodes: TraceResult['nodes']): Promise<ProofChain[]> {
  const unique = new Map(nodes.map((node) => [`${node.type}\u0000${node.id}`, node]));
  const chains: ProofChain[] = [];
  for (const node of unique.values()) {
    const read = historyReaders[node.type];
    if (read !== undefined) {
      const versions = historyVersions(await read(client, node.id));
      if (versions.length > 0) chains.push({ type: node.type, id: node.id, versions });
    }
  }
  return chains;
}

/**
 * Exports a provenance proof for a lot or battery: walks its upstream trace, reads and verifies the history of
 * every record reached, and signs the bundle (records, hash chains) with EIP-712 typed data. Anyone can check it
 * offline with {@link verifyProof}.
 * @param client - a battery-trace client
 * @param parameters - the subject, the signer, the trace depth
 * @returns the signed proof bundle (JSON-serialisable)
 * @throws {@link NotFoundError} when the subject does not exist
 * @throws {@link IntegrityError} when a history read from the ledger does not verify
 * @example
 * ```ts
 * const proof = await client.exportProof({ subject: { id: 'LOT-CAM-1' }, signer: Wallet.createRandom() });
 * writeFileSync('proof.json', JSON.stringify(proof));
 * ```
 */
export async function exportProof(client: ProofSource, parameters: ExportProofParameters): Promise<ExportProofReturnType> {
  const nodes = await upstreamNodes(client, parameters.subject, parameters.maxDepth);
  const chains = await chainsOf(client, nodes);
  return signProof(
    {
      subject: { type: parameters.subject.type ?? RECORD_TYPES.lot, id: parameters.subject.id },
      channel: client.channel ?? '',
      chaincode: client.chaincode,
      exportedAt: parameters.exportedAt ?? new Date().toISOString(),
      chains,
    },
    parameters.signer,
  );
}
