import { ELEMENTS, MANUFACTURING_PROCESS_KINDS, RECORD_TYPES, REGULATED_RECYCLED_ELEMENTS, type Battery, type Element, type MaterialLot } from '../../chaincode/src/api';
import { enumLabel } from '../report/format';
import type { RecycledContent, RecycledMinimum, RecycledShare, RecycledSource } from '../report/model';
import { nodeKey, type TraceGraph } from './traceGraph';

/** How the chaincode computes the shares, in the report's words. */
export const RECYCLED_CONTENT_METHOD =
  'Computed by the chaincode when the battery was issued, never declared: for every lot consumed (through its cells), the mass taken times ' +
  "the lot's element content (its material's reference composition overridden by the assay, fixed when the lot was made) gives the element " +
  'mass; walking provenance upstream, element mass that descends from lots recovered from waste batteries at an attested recycler counts as ' +
  'post-consumer recycled, production scrap as pre-consumer. The shares are the passport’s circularity.recycledContent as read from the ledger; ' +
  "each recovered lot's contribution below follows the same provenance, element mass by element mass.";

/**
 * Minimum recycled shares of the EU Battery Regulation (2023/1542) Art. 8 for EV, industrial and SLI batteries:
 * Art. 8(2) from 18 August 2031, Art. 8(3) from 18 August 2036.
 */
export const RECYCLED_CONTENT_MINIMUMS: Readonly<Partial<Record<Element, readonly RecycledMinimum[]>>> = {
  COBALT: [
    { from: '2031-08-18', percent: 16 },
    { from: '2036-08-18', percent: 26 },
  ],
  LITHIUM: [
    { from: '2031-08-18', percent: 6 },
    { from: '2036-08-18', percent: 12 },
  ],
  NICKEL: [
    { from: '2031-08-18', percent: 6 },
    { from: '2036-08-18', percent: 15 },
  ],
  LEAD: [
    { from: '2031-08-18', percent: 85 },
    { from: '2036-08-18', percent: 85 },
  ],
};

/** Whether a lot is recycled material by itself: recovered from a battery (or made from such) or production scrap. */
function isRecycledSource(lot: MaterialLot): boolean {
  if (lot.origin.kind === 'RECOVERED' || lot.material.startsWith('RECOVERED_')) return true;
  return lot.material === 'SCRAP' && lot.origin.kind === 'TRANSFORMED' && MANUFACTURING_PROCESS_KINDS.includes(lot.origin.processKind);
}

/** Element mass of a quantity of a lot, in gram-basis-points. */
function units(lot: MaterialLot, grams: number, element: Element): bigint {
  return BigInt(grams) * BigInt(lot.elementContent[element] ?? 0);
}

type Contributions = Map<string, bigint>;

function add(into: Contributions, from: ReadonlyMap<string, bigint>): void {
  from.forEach((amount, lotId) => into.set(lotId, (into.get(lotId) ?? 0n) + amount));
}

/**
 * Allocates a battery's element mass back through the provenance graph to the recycled lots it descends from,
 * by the element mass every parent gave its child. Like the chaincode, each battery counts whole grams of what
 * its own lots gave it (rounded down) and adds its components' grams, so that the contributions add up to the
 * recycled grams the battery states whenever each element has one recycled source.
 */
class Allocation {
  readonly #graph: TraceGraph;
  readonly #element: Element;

  constructor(graph: TraceGraph, element: Element) {
    this.#graph = graph;
    this.#element = element;
  }

  /** Gram-basis-points of the element in a battery, by recycled lot. */
  battery(id: string, depth = 0): Contributions {
    const total: Contributions = new Map();
    const own: Contributions = new Map();
    if (depth > 16) return total;
    for (const edge of this.#graph.edges.filter((e) => e.childType === RECORD_TYPES.battery && e.childId === id)) {
      if (edge.parentType === RECORD_TYPES.battery) add(total, this.battery(edge.parentId, depth + 1));
      const lot = this.#lot(edge.parentId);
      if (edge.parentType === RECORD_TYPES.lot && lot !== undefined) this.#lotShare(own, lot, units(lot, edge.massGrams, this.#element), depth + 1);
    }
    own.forEach((amount, lotId) => total.set(lotId, (total.get(lotId) ?? 0n) + (amount / 10_000n) * 10_000n));
    return total;
  }

  /** Distributes `amount` of a lot's element mass over its parents by the element mass each gave it. */
  #lotShare(into: Contributions, lot: MaterialLot, amount: bigint, depth: number): void {
    if (amount === 0n || depth > 64) return;
    if (isRecycledSource(lot)) {
      into.set(lot.id, (into.get(lot.id) ?? 0n) + amount);
      return;
    }
    const parents = lot.parents.flatMap((parent) => {
      const record = this.#lot(parent.lotId);
      return record === undefined ? [] : [{ record, weight: units(record, parent.massGrams, this.#element) }];
    });
    const whole = parents.reduce((sum, parent) => sum + parent.weight, 0n);
    if (whole === 0n) return;
    parents.forEach((parent) => {
      this.#lotShare(into, parent.record, (amount * parent.weight) / whole, depth + 1);
    });
  }

  #lot(id: string): MaterialLot | undefined {
    return this.#graph.nodes.get(nodeKey(RECORD_TYPES.lot, id))?.lot;
  }
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

/**
 * The recycled lots upstream of a battery and the grams of each element each contributed to it: the battery's
 * element mass allocated back through provenance by the element mass every parent gave its child.
 * @param graph - the battery's upstream trace
 */
export function recycledSources(graph: TraceGraph): RecycledSource[] {
  const sources: RecycledSource[] = [];
  for (const element of ELEMENTS) {
    for (const [lotId, amount] of new Allocation(graph, element).battery(graph.rootId)) {
      const lot = graph.nodes.get(nodeKey(RECORD_TYPES.lot, lotId))?.lot;
      const grams = Number(amount / 10_000n);
      if (lot === undefined || grams === 0) continue;
      sources.push({ lotId, material: lot.material, element, grams, origin: recoveredFrom(lot, graph) ?? (lot.material === 'SCRAP' ? 'production scrap' : 'recovered material') });
    }
  }
  return sources;
}

function shareOf(e: Battery['elements'][number]): RecycledShare {
  const element = e.element;
  return {
    element,
    regulated: REGULATED_RECYCLED_ELEMENTS.includes(element),
    minimums: RECYCLED_CONTENT_MINIMUMS[element] ?? [],
    totalGrams: e.massGrams,
    recycledGrams: e.preConsumerRecycledGrams + e.postConsumerRecycledGrams,
    preConsumerGrams: e.preConsumerRecycledGrams,
    postConsumerGrams: e.postConsumerRecycledGrams,
    sharePercent: (e.preConsumerRecycledBasisPoints + e.postConsumerRecycledBasisPoints) / 100,
  };
}

/**
 * The recycled-content shares of a battery as its record states them — the regulated elements first, then the
 * other conserved elements it holds (manganese, graphite) — with the recovered lots found upstream and the
 * claim labels the battery carries.
 * @param battery - the battery record read from the ledger
 * @param upstream - its upstream trace
 */
export function buildRecycledContent(battery: Battery, upstream: TraceGraph): RecycledContent {
  const shares = battery.elements.map(shareOf);
  const held = new Set(shares.map((s) => s.element));
  return {
    batteryId: battery.id,
    method: RECYCLED_CONTENT_METHOD,
    shares: [...shares.filter((s) => s.regulated), ...shares.filter((s) => !s.regulated)],
    regulatedAbsent: REGULATED_RECYCLED_ELEMENTS.filter((element) => !held.has(element)),
    sources: recycledSources(upstream),
    claims: battery.claims.map((c) => ({ claim: c.claim, grams: c.massGrams })),
  };
}
