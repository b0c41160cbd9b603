import { RECORD_TYPES, type Facility, type MaterialLot, type ProcessRun } from '../../chaincode/src/api';
import { enumLabel, formatMass } from '../report/format';
import type { TraceNode } from '../report/model';
import { creationFacilityId, facilityRef } from './directory';
import { nodeKey, type TraceGraph } from './traceGraph';

/** What the tree builder looks up besides the graph. */
export interface TreeLookups {
  readonly facilities: ReadonlyMap<string, Facility>;
  readonly runs: ReadonlyMap<string, ProcessRun>;
  /** Title and facts of non-lot nodes (batteries), by `type:id`. */
  readonly describe?: (type: string, id: string) => { title: string; facilityId?: string; massGrams?: number; details?: string[] } | undefined;
}

function certificationsOf(facility: Facility | undefined, at: string): string[] {
  return (facility?.certifications ?? [])
    .filter((c) => c.validFrom <= at && at <= c.validUntil)
    .map((c) => `${c.scheme} ${c.certificateId} (valid to ${c.validUntil.slice(0, 10)})`);
}

function lotDetails(lot: MaterialLot, runs: ReadonlyMap<string, ProcessRun>): string[] {
  const details: string[] = [];
  const run = lot.origin.kind === 'TRANSFORMED' ? runs.get(lot.origin.processRunId) : undefined;
  if (run) details.push(`${enumLabel(run.processKind).toLowerCase()}, ${formatMass(run.lossGrams)} process loss`);
  if (lot.assay) details.push(`assay ${(lot.assay.contentBasisPoints / 100).toFixed(2)} %${lot.assay.method ? ` (${lot.assay.method})` : ''}`);
  if (lot.carbonIntensity !== undefined) details.push(`${(lot.carbonIntensity / 1000).toFixed(1)} kg CO2e/kg`);
  details.push(`custody model: ${enumLabel(lot.custodyModel).toLowerCase()}`);
  return details;
}

function siteNode(lot: MaterialLot, lookups: TreeLookups): TraceNode | undefined {
  if (lot.origin.kind !== 'MINED') return undefined;
  const facility = lookups.facilities.get(lot.origin.facilityId);
  const extracted = lot.origin.extractedFrom === undefined ? undefined : lot.origin.extractedFrom.slice(0, 10);
  return {
    id: lot.origin.facilityId,
    kind: 'site',
    title: facility ? `${enumLabel(facility.kind)} site` : 'Mine site',
    usedGrams: lot.initialMassGrams,
    ...(facility ? { facility: facilityRef(facility) } : {}),
    ...(extracted === undefined ? {} : { date: extracted }),
    certifications: certificationsOf(facility, lot.createdAt),
    details: extracted === undefined ? [] : [`extracted from ${extracted}`],
    children: [],
  };
}

function lotNode(lot: MaterialLot, usedGrams: number | undefined, children: TraceNode[], lookups: TreeLookups): TraceNode {
  const facility = lookups.facilities.get(creationFacilityId(lot, lookups.runs));
  const site = siteNode(lot, lookups);
  return {
    id: lot.id,
    kind: 'lot',
    title: enumLabel(lot.material),
    massGrams: lot.initialMassGrams,
    ...(usedGrams === undefined ? {} : { usedGrams }),
    ...(facility ? { facility: facilityRef(facility) } : {}),
    date: lot.createdAt,
    certifications: lot.claims.map((c) => `claim: ${enumLabel(c).toLowerCase()}`),
    details: lotDetails(lot, lookups.runs),
    children: site ? [...children, site] : children,
  };
}

function otherNode(type: string, id: string, usedGrams: number | undefined, children: TraceNode[], lookups: TreeLookups): TraceNode {
  const described = lookups.describe?.(type, id) ?? { title: type };
  const facility = described.facilityId === undefined ? undefined : lookups.facilities.get(described.facilityId);
  return {
    id,
    kind: type === RECORD_TYPES.lot ? 'lot' : 'battery',
    title: described.title,
    ...(described.massGrams === undefined ? {} : { massGrams: described.massGrams }),
    ...(usedGrams === undefined ? {} : { usedGrams }),
    ...(facility ? { facility: facilityRef(facility) } : {}),
    certifications: [],
    details: described.details ?? [],
    children,
  };
}

/**
 * Builds the upstream trace tree of a record from a provenance graph read from the ledger: each record's
 * children are the records it was made from, with the mass taken from each; mined lots end at their mine site.
 * A record reached along several paths shows its upstream under the first only.
 * @param graph - an upstream {@link TraceGraph}
 * @param lookups - facilities and process runs read from the ledger
 */
export function buildUpstreamTree(graph: TraceGraph, lookups: TreeLookups): TraceNode {
  const direct = new Map<string, { type: string; id: string; massGrams: number }[]>();
  for (const edge of graph.edges) {
    const key = nodeKey(edge.childType, edge.childId);
    direct.set(key, [...(direct.get(key) ?? []), { type: edge.parentType, id: edge.parentId, massGrams: edge.massGrams }]);
  }
  // A process run sits between its inputs and outputs in the graph; the tree shows the inputs directly under
  // each output, with the mass taken from each, and names the process on the output.
  const parentsOf = new Map<string, { type: string; id: string; massGrams: number }[]>();
  for (const [key, parents] of direct) {
    parentsOf.set(
      key,
      parents.flatMap((p) => (p.type === RECORD_TYPES.processRun ? (direct.get(nodeKey(p.type, p.id)) ?? []) : [p])),
    );
  }
  // A record reached again (e.g. the cathode lot under each of a pack's cells) is shown once with its upstream;
  // later occurrences name it and point back, which keeps the tree proportional to the trace.
  const expanded = new Set<string>();
  const build = (type: string, id: string, usedGrams: number | undefined): TraceNode => {
    const key = nodeKey(type, id);
    const lot = graph.nodes.get(key)?.lot;
    const parents = parentsOf.get(key) ?? [];
    const repeated = expanded.has(key) && parents.length > 0;
    expanded.add(key);
    const children = repeated ? [] : parents.map((p) => build(p.type, p.id, p.massGrams));
    const node = lot === undefined ? otherNode(type, id, usedGrams, children, lookups) : lotNode(lot, usedGrams, children, lookups);
    return repeated ? { ...node, children: [], details: [...node.details, 'upstream shown above'] } : node;
  };
  return build(graph.rootType, graph.rootId, undefined);
}

/** The total grams each mine site contributed along a tree's paths, for a one-line summary. */
export function siteContributions(tree: TraceNode): Map<string, number> {
  const totals = new Map<string, number>();
  const walk = (node: TraceNode): void => {
    if (node.kind === 'site') totals.set(node.id, (totals.get(node.id) ?? 0) + (node.usedGrams ?? 0));
    node.children.forEach(walk);
  };
  walk(tree);
  return totals;
}

/** A one-line description of a lot for progress output. */
export function describeLot(lot: MaterialLot): string {
  return `${lot.id} ${lot.material} ${formatMass(lot.massGrams)}`;
}
