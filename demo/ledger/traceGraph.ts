import type { MaterialLot, ProvenanceEdge, TraceRequest, TraceResult } from '../../chaincode/src/api';
import type { LedgerReader } from './readerPort';

/** A provenance graph as the ledger returned it: every node reached, with lot records, and every link. */
export interface TraceGraph {
  readonly rootType: string;
  readonly rootId: string;
  /** Reached nodes by `type:id`. */
  readonly nodes: ReadonlyMap<string, { readonly type: string; readonly id: string; readonly depth: number; readonly lot?: MaterialLot }>;
  /** Links, each once. */
  readonly edges: readonly ProvenanceEdge[];
  /** True when the walk stopped at the depth limit somewhere. */
  readonly depthLimited: boolean;
}

/** The map key of a trace node. */
export function nodeKey(type: string, id: string): string {
  return `${type}:${id}`;
}

function edgeKey(edge: ProvenanceEdge): string {
  return `${edge.parentType}:${edge.parentId}>${edge.childType}:${edge.childId}:${edge.processRunId ?? ''}`;
}

/**
 * Reads a whole provenance trace, following the ledger's bookmarks page by page.
 * @param reader - the ledger
 * @param direction - upstream (sources) or downstream (uses)
 * @param root - type and id of the record to start from
 */
export async function readTraceGraph(
  reader: Pick<LedgerReader, 'traceUpstream' | 'traceDownstream'>,
  direction: 'upstream' | 'downstream',
  root: { type: string; id: string },
  maxDepth = 16,
): Promise<TraceGraph> {
  const nodes = new Map<string, { type: string; id: string; depth: number; lot?: MaterialLot }>();
  const edges = new Map<string, ProvenanceEdge>();
  let bookmark = '';
  let depthLimited = false;
  for (let page = 0; page < 1000; page += 1) {
    const request: TraceRequest = { type: root.type, id: root.id, maxDepth, pageSize: 100, bookmark };
    const result: TraceResult = direction === 'upstream' ? await reader.traceUpstream(request) : await reader.traceDownstream(request);
    result.nodes.forEach((n) => {
      if (!nodes.has(nodeKey(n.type, n.id))) nodes.set(nodeKey(n.type, n.id), n);
    });
    result.edges.forEach((e) => edges.set(edgeKey(e), e));
    depthLimited ||= result.depthLimited;
    if (result.bookmark === '') break;
    bookmark = result.bookmark;
  }
  return { rootType: root.type, rootId: root.id, nodes, edges: [...edges.values()], depthLimited };
}

/**
 * Merges several graphs (e.g. the downstream traces of every mined lot) into one, each node and link once.
 */
export function mergeTraceGraphs(graphs: readonly TraceGraph[]): TraceGraph {
  const nodes = new Map<string, { type: string; id: string; depth: number; lot?: MaterialLot }>();
  const edges = new Map<string, ProvenanceEdge>();
  for (const graph of graphs) {
    graph.nodes.forEach((n, k) => {
      if (!nodes.has(k)) nodes.set(k, n);
    });
    graph.edges.forEach((e) => edges.set(edgeKey(e), e));
  }
  const first = graphs[0];
  return { rootType: first?.rootType ?? '', rootId: first?.rootId ?? '', nodes, edges: [...edges.values()], depthLimited: graphs.some((g) => g.depthLimited) };
}
