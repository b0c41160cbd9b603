import { ASSAYED_ELEMENT, ELEMENT_CONTENT, RECORD_TYPES, type Battery, type MaterialLot } from '../../chaincode/src/api';
import { enumLabel } from '../report/format';
import type { RecycledContent, RecycledSource } from '../report/model';
import { nodeKey, type TraceGraph } from './traceGraph';

/** How the chaincode computes the shares, in the report's words. */
export const RECYCLED_CONTENT_METHOD =
  'Computed by the chaincode when the battery was issued, never declared: for every lot consumed (through its cells), the mass taken times the ' +
  "element content of its material (the lot's assay for its main element) gives the element mass; walking provenance upstream, mass that " +
  'descends from lots recovered from batteries counts as post-consumer recycled, recovered production scrap as pre-consumer. ' +
  'The figures are the passport’s circularity.recycledContent as read from the ledger.';

function elementsOf(lot: MaterialLot): string[] {
  const assayed = ASSAYED_ELEMENT[lot.material];
  if (assayed !== undefined) return [assayed];
  return Object.keys(ELEMENT_CONTENT[lot.material]);
}

/** The lots a lot was made from, looking through the process run between them. */
function parentLots(graph: TraceGraph, lotId: string): MaterialLot[] {
  const parentsOf = (type: string, id: string): { type: string; id: string }[] =>
    graph.edges.filter((e) => e.childType === type && e.childId === id).map((e) => ({ type: e.parentType, id: e.parentId }));
  return parentsOf(RECORD_TYPES.lot, lotId)
    .flatMap((p) => (p.type === RECORD_TYPES.processRun ? parentsOf(p.type, p.id) : [p]))
    .flatMap((p) => {
      const lot = graph.nodes.get(nodeKey(p.type, p.id))?.lot;
      return lot ? [lot] : [];
    });
}

/** Where a recovered lot came from: the battery it was recovered from, through any intermediate lots. */
function recoveredFrom(lot: MaterialLot, graph: TraceGraph, depth = 0): string | undefined {
  if (lot.origin.kind === 'RECOVERED') return `${enumLabel(lot.origin.sourceType).toLowerCase()} ${lot.origin.sourceId}`;
  if (depth > 8) return undefined;
  for (const parent of parentLots(graph, lot.id)) {
    const found = recoveredFrom(parent, graph, depth + 1);
    if (found !== undefined) return `${found} via ${enumLabel(parent.material).toLowerCase()} ${parent.id}`;
  }
  return undefined;
}

/** The recovered lots upstream of a battery, with the mass of each that went into the next record. */
export function recycledSources(graph: TraceGraph): RecycledSource[] {
  const sources: RecycledSource[] = [];
  for (const node of graph.nodes.values()) {
    const lot = node.lot;
    if (lot === undefined || !lot.material.startsWith('RECOVERED_')) continue;
    const grams = graph.edges.filter((e) => e.parentId === lot.id).reduce((sum, e) => sum + e.massGrams, 0);
    for (const element of elementsOf(lot)) {
      sources.push({ lotId: lot.id, material: lot.material, element, grams, origin: recoveredFrom(lot, graph) ?? 'recovered material' });
    }
  }
  return sources;
}

/**
 * The recycled-content shares of a battery as its record states them, with the recovered lots found upstream.
 * @param battery - the battery record read from the ledger
 * @param upstream - its upstream trace
 */
export function buildRecycledContent(battery: Battery, upstream: TraceGraph): RecycledContent {
  return {
    batteryId: battery.id,
    method: RECYCLED_CONTENT_METHOD,
    shares: battery.elements.map((e) => ({
      element: e.element,
      totalGrams: e.massGrams,
      recycledGrams: e.preConsumerRecycledGrams + e.postConsumerRecycledGrams,
      preConsumerGrams: e.preConsumerRecycledGrams,
      postConsumerGrams: e.postConsumerRecycledGrams,
      sharePercent: (e.preConsumerRecycledBasisPoints + e.postConsumerRecycledBasisPoints) / 100,
    })),
    sources: recycledSources(upstream),
  };
}
