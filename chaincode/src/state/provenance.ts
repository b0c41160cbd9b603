import { z } from 'zod';
import { ContractError, idSchema, massSchema, type ProvenanceEdge, type TraceNode, type TraceResult } from '../api';
import { downstreamLinkKey, downstreamLinksPrefix, upstreamLinkKey, upstreamLinksPrefix, type NodeRef } from './keys';
import type { Ledger } from './ledger';
import { MATERIAL_LOT } from './recordTypes';

const linkValueSchema = z.object({ massGrams: massSchema, processRunId: idSchema.optional() }).strict();

/**
 * Records a provenance link both ways (child → parent for upstream traces, parent → child for downstream),
 * so a trace reads only the links of the nodes it visits. Batteries, dismantling and recycling use the same
 * links with their own record types. The links belong to the child's creator (`owners`).
 */
export async function linkProvenance(ledger: Ledger, edge: ProvenanceEdge, owners: readonly string[]): Promise<void> {
  const parent = { type: edge.parentType, id: edge.parentId };
  const child = { type: edge.childType, id: edge.childId };
  const value = { massGrams: edge.massGrams, processRunId: edge.processRunId };
  await ledger.putEntry(upstreamLinkKey(child, parent), owners, value);
  await ledger.putEntry(downstreamLinkKey(parent, child), owners, value);
}

/** The committed links to a node's parents. */
export async function parentLinks(ledger: Ledger, child: NodeRef): Promise<ProvenanceEdge[]> {
  const entries = await ledger.entries(upstreamLinksPrefix(child), linkValueSchema);
  return entries.map(({ attributes, value }) => ({ parentType: attributes[0] ?? '', parentId: attributes[1] ?? '', childType: child.type, childId: child.id, ...value }));
}

/** The committed links to a node's children. */
export async function childLinks(ledger: Ledger, parent: NodeRef): Promise<ProvenanceEdge[]> {
  const entries = await ledger.entries(downstreamLinksPrefix(parent), linkValueSchema);
  return entries.map(({ attributes, value }) => ({ parentType: parent.type, parentId: parent.id, childType: attributes[0] ?? '', childId: attributes[1] ?? '', ...value }));
}

/** Direction of a trace. */
export type TraceDirection = TraceResult['direction'];

/** Parameters of {@link traceProvenance}. */
export interface TraceParameters {
  readonly direction: TraceDirection;
  readonly root: NodeRef;
  readonly maxDepth: number;
  readonly pageSize: number;
  readonly bookmark: string;
}

interface Queued {
  readonly ref: NodeRef;
  readonly depth: number;
}

function offsetOf(bookmark: string): number {
  if (bookmark === '') {
    return 0;
  }
  if (!/^\d{1,7}$/.test(bookmark)) {
    throw new ContractError('INVALID_ARGUMENT', 'bookmark is not one this trace returned');
  }
  return Number(bookmark);
}

/**
 * Breadth-first walk over provenance links from a root, up to `maxDepth` hops, one page of `pageSize` nodes at
 * a time (the bookmark is the number of nodes already returned). Reads only the links of visited nodes, so
 * its cost grows with the trace, not with the ledger. Lots come with their records.
 */
export async function traceProvenance(ledger: Ledger, parameters: TraceParameters): Promise<TraceResult> {
  const offset = offsetOf(parameters.bookmark);
  const queue: Queued[] = [{ ref: parameters.root, depth: 0 }];
  const seen = new Set([nodeId(parameters.root)]);
  const nodes: TraceNode[] = [];
  const edges: ProvenanceEdge[] = [];
  let depthLimited = false;
  let index = 0;
  for (; index < queue.length && index < offset + parameters.pageSize; index += 1) {
    const current = queue[index];
    if (current === undefined) {
      break;
    }
    const links = await linksOf(ledger, parameters.direction, current.ref);
    depthLimited ||= current.depth >= parameters.maxDepth && links.length > 0;
    const followed = current.depth < parameters.maxDepth ? links : [];
    enqueue(followed, parameters.direction, current.depth + 1, queue, seen);
    if (index >= offset) {
      nodes.push(await nodeOf(ledger, current));
      edges.push(...followed);
    }
  }
  const bookmark = index < queue.length ? String(index) : '';
  return { direction: parameters.direction, rootType: parameters.root.type, rootId: parameters.root.id, nodes, edges, bookmark, depthLimited };
}

function nodeId(ref: NodeRef): string {
  return `${ref.type}\u0000${ref.id}`;
}

function linksOf(ledger: Ledger, direction: TraceDirection, ref: NodeRef): Promise<ProvenanceEdge[]> {
  return direction === 'UPSTREAM' ? parentLinks(ledger, ref) : childLinks(ledger, ref);
}

function enqueue(links: readonly ProvenanceEdge[], direction: TraceDirection, depth: number, queue: Queued[], seen: Set<string>): void {
  for (const link of links) {
    const ref = direction === 'UPSTREAM' ? { type: link.parentType, id: link.parentId } : { type: link.childType, id: link.childId };
    if (!seen.has(nodeId(ref))) {
      seen.add(nodeId(ref));
      queue.push({ ref, depth });
    }
  }
}

async function nodeOf(ledger: Ledger, queued: Queued): Promise<TraceNode> {
  const node = { type: queued.ref.type, id: queued.ref.id, depth: queued.depth };
  if (queued.ref.type !== MATERIAL_LOT.name) {
    return node;
  }
  const lot = await ledger.get(MATERIAL_LOT, queued.ref.id);
  return lot === undefined ? node : { ...node, lot };
}
