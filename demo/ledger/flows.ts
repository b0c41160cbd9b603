import { RECORD_TYPES, type Facility, type MaterialLot, type ProcessRun } from '../../chaincode/src/api';
import type { FlowLink, FlowNode, MassFlows } from '../report/model';
import { creationFacilityId } from './directory';
import { nodeKey, type TraceGraph } from './traceGraph';

/** Lookups the flow builder needs besides the graph. */
export interface FlowLookups {
  readonly facilities: ReadonlyMap<string, Facility>;
  readonly runs: ReadonlyMap<string, ProcessRun>;
  /** Where split lots were made, by lot id. */
  readonly splitSites?: ReadonlyMap<string, string>;
  /** The facility a non-lot record (a battery) was made at, and the mass it still holds in use, by `type:id`. */
  readonly describe?: (type: string, id: string) => { facilityId: string; inUseGrams?: number } | undefined;
}

const STOCK = 'sink:stock';
const PROCESS_LOSS = 'sink:process-loss';
const TRANSIT_LOSS = 'sink:transit-loss';
const IN_USE = 'sink:in-use';
const UNTRACED = 'source:untraced';

/** How many recoveries (recycling steps) lie upstream of each record: 0 for first-life material. */
function generations(graph: TraceGraph): Map<string, number> {
  const parentsOf = new Map<string, string[]>();
  for (const e of graph.edges) {
    const child = nodeKey(e.childType, e.childId);
    parentsOf.set(child, [...(parentsOf.get(child) ?? []), nodeKey(e.parentType, e.parentId)]);
  }
  const memo = new Map<string, number>();
  const gen = (key: string, seen: ReadonlySet<string>): number => {
    const known = memo.get(key);
    if (known !== undefined) return known;
    const parents = (parentsOf.get(key) ?? []).filter((p) => !seen.has(p));
    const next = new Set(seen).add(key);
    const base = parents.length === 0 ? 0 : Math.max(...parents.map((p) => gen(p, next)));
    const value = base + (graph.nodes.get(key)?.lot?.origin.kind === 'RECOVERED' ? 1 : 0);
    memo.set(key, value);
    return value;
  };
  graph.nodes.forEach((_, key) => gen(key, new Set()));
  return memo;
}

function lotOut(lot: MaterialLot): number {
  return lot.status === 'CONSUMED' ? 0 : lot.massGrams;
}

/**
 * Turns provenance read from the ledger into Sankey flows between facilities: mine sites on the left, then
 * every facility that made something, with the mass each passed to the next, what is still in stock or in use,
 * and losses in process and in transit as grey sinks, so that mass is conserved at every node. Where a facility
 * puts out more than the ledger traces into it (cells and packs also hold graphite, electrolyte, foils and
 * housings), the difference flows in from "other materials". Facilities that
 * work on recovered material again appear a second time ("2nd cycle"), which keeps the diagram acyclic.
 * @param graph - merged downstream traces (or any provenance graph) with lot records
 * @param lookups - facilities and process runs read from the ledger
 */
export function buildMassFlows(graph: TraceGraph, lookups: FlowLookups): MassFlows {
  const gens = generations(graph);
  const nodes = new Map<string, FlowNode>();
  const links = new Map<string, FlowLink>();
  const nodeOf = (type: string, id: string): string | undefined => {
    const key = nodeKey(type, id);
    const facilityId = recordFacilityId(graph, lookups, type, id);
    if (facilityId === undefined) return undefined;
    const gen = gens.get(key) ?? 0;
    const flowId = `${facilityId}#${gen}`;
    if (!nodes.has(flowId)) nodes.set(flowId, facilityNode(flowId, facilityId, gen, lookups, graph.nodes.get(key)?.lot));
    return flowId;
  };
  const add = (source: string, target: string, grams: number, material: string): void => {
    if (grams <= 0 || source === target) return;
    const key = `${source}>${target}>${material}`;
    const known = links.get(key);
    links.set(key, { source, target, material, grams: (known?.grams ?? 0) + grams });
  };
  const sink = (id: string, label: string): string => {
    if (!nodes.has(id)) nodes.set(id, { id, label, kind: 'loss' });
    return id;
  };
  const outOf = addProvenanceLinks(graph, nodeOf, add);
  for (const [key, node] of graph.nodes) {
    const at = nodeOf(node.type, node.id);
    const lot = node.lot;
    if (at === undefined || node.type === RECORD_TYPES.processRun) continue;
    if (lot) {
      add(at, sink(STOCK, 'In stock'), lotOut(lot), lot.material);
      add(at, sink(TRANSIT_LOSS, 'Weighing and transit losses'), lot.initialMassGrams - (outOf.get(key) ?? 0) - lotOut(lot), 'LOSS');
    } else {
      add(at, sink(IN_USE, 'Batteries in use'), lookups.describe?.(node.type, node.id)?.inUseGrams ?? 0, 'BATTERY');
    }
  }
  addProcessLosses(nodes, links, add, () => sink(PROCESS_LOSS, 'Process losses'), () => {
    if (!nodes.has(UNTRACED)) nodes.set(UNTRACED, { id: UNTRACED, label: 'Other materials (not traced on the ledger)', kind: 'source' });
    return UNTRACED;
  });
  return { nodes: orderNodes([...nodes.values()]), links: [...links.values()] };
}

/** The facility a record of the graph belongs to in the flows: where a lot was made, a process ran, a battery was built. */
function recordFacilityId(graph: TraceGraph, lookups: FlowLookups, type: string, id: string): string | undefined {
  const lot = graph.nodes.get(nodeKey(type, id))?.lot;
  if (lot) return creationFacilityId(lot, lookups.runs, lookups.splitSites);
  if (type === RECORD_TYPES.processRun) return lookups.runs.get(id)?.facilityId;
  return lookups.describe?.(type, id)?.facilityId;
}

function facilityNode(flowId: string, facilityId: string, gen: number, lookups: FlowLookups, lot: MaterialLot | undefined): FlowNode {
  const facility = lookups.facilities.get(facilityId);
  const name = facility ? `${facility.name} (${facility.country})` : facilityId;
  return { id: flowId, label: gen > 0 ? `${name} · cycle ${gen + 1}` : name, kind: lot?.origin.kind === 'MINED' ? 'source' : 'process' };
}

/** Adds a link per provenance edge between different facility nodes; returns the grams each record passed on. */
function addProvenanceLinks(
  graph: TraceGraph,
  nodeOf: (type: string, id: string) => string | undefined,
  add: (source: string, target: string, grams: number, material: string) => void,
): Map<string, number> {
  const outOf = new Map<string, number>();
  for (const e of graph.edges) {
    const parentKey = nodeKey(e.parentType, e.parentId);
    const from = nodeOf(e.parentType, e.parentId);
    const to = nodeOf(e.childType, e.childId);
    if (from !== undefined && to !== undefined) add(from, to, e.massGrams, graph.nodes.get(parentKey)?.lot?.material ?? e.parentType);
    outOf.set(parentKey, (outOf.get(parentKey) ?? 0) + e.massGrams);
  }
  return outOf;
}

function addProcessLosses(
  nodes: ReadonlyMap<string, FlowNode>,
  links: ReadonlyMap<string, FlowLink>,
  add: (source: string, target: string, grams: number, material: string) => void,
  sink: () => string,
  untraced: () => string,
): void {
  const totals = new Map<string, { in: number; out: number }>();
  for (const link of links.values()) {
    const s = totals.get(link.source) ?? { in: 0, out: 0 };
    s.out += link.grams;
    totals.set(link.source, s);
    const t = totals.get(link.target) ?? { in: 0, out: 0 };
    t.in += link.grams;
    totals.set(link.target, t);
  }
  for (const [id, t] of totals) {
    if (nodes.get(id)?.kind !== 'process') continue;
    if (t.in > t.out) add(id, sink(), t.in - t.out, 'LOSS');
    if (t.in > 0 && t.out > t.in) add(untraced(), id, t.out - t.in, 'OTHER');
  }
}

function orderNodes(nodes: FlowNode[]): FlowNode[] {
  const rank: Readonly<Record<FlowNode['kind'], number>> = { source: 0, process: 1, product: 2, loss: 3 };
  return nodes.sort((a, b) => rank[a.kind] - rank[b.kind]);
}
