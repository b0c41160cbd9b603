import { ELEMENTS, RECORD_TYPES, type Attestation, type Element, type Facility, type MaterialLot, type ProcessRun } from '../../chaincode/src/api';
import { claimLabel, enumLabel, formatMass } from '../report/format';
import type { TraceNode } from '../report/model';
import { creationFacilityId, facilityRef } from './directory';
import { nodeKey, type TraceGraph } from './traceGraph';

/** What the tree builder looks up besides the graph. */
export interface TreeLookups {
  readonly facilities: ReadonlyMap<string, Facility>;
  readonly runs: ReadonlyMap<string, ProcessRun>;
  /** Auditors' attestations of each facility, by facility id: what certifies its claims. */
  readonly attestations?: ReadonlyMap<string, readonly Attestation[]>;
  /** Where split lots were made, by lot id. */
  readonly splitSites?: ReadonlyMap<string, string>;
  /** Title and facts of non-lot nodes (batteries), by `type:id`. */
  readonly describe?: (type: string, id: string) => { title: string; facilityId?: string; massGrams?: number; details?: string[] } | undefined;
}

const SYMBOLS: Readonly<Record<Element, string>> = { COBALT: 'Co', LITHIUM: 'Li', NICKEL: 'Ni', MANGANESE: 'Mn', GRAPHITE: 'C (graphite)', LEAD: 'Pb' };

/**
 * What certifies a facility at a time: the auditors' attestations in force then (only these count for claims),
 * and the certifications it declares itself that no attestation covers, marked as such.
 */
export function certificationsOf(facility: Facility | undefined, attestations: readonly Attestation[], at: string): string[] {
  const inForce = attestations.filter((a) => a.validFrom <= at && at < a.validUntil);
  const attested = inForce.map((a) => {
    const claims = a.claims.length === 0 ? '' : `: ${a.claims.map(claimLabel).join(', ')}`;
    return `attested ${a.scheme} ${a.result} (valid to ${a.validUntil.slice(0, 10)})${claims}`;
  });
  const declared = (facility?.certifications ?? [])
    .filter((c) => c.validFrom <= at && at <= c.validUntil && !inForce.some((a) => a.scheme === c.scheme))
    .map((c) => `declared ${c.scheme} ${c.certificateId}, not attested`);
  return [...attested, ...declared];
}

/** A lot's element content as a line, e.g. `Ni 48.00 %, Co 6.00 % (ICP-OES)`. */
export function elementContentText(lot: Pick<MaterialLot, 'elementContent' | 'assay'>): string | undefined {
  const parts = ELEMENTS.filter((e) => (lot.elementContent[e] ?? 0) > 0).map((e) => `${SYMBOLS[e]} ${((lot.elementContent[e] ?? 0) / 100).toFixed(2)} %`);
  if (parts.length === 0) return undefined;
  const basis = lot.assay === undefined ? 'reference composition' : (lot.assay.method ?? 'assay');
  return `${parts.join(', ')} (${basis})`;
}

function runDetails(run: ProcessRun): string[] {
  const claims = (verb: string, entries: ProcessRun['credited']): string[] =>
    entries.map((entry) => `input ${entry.lotId}: ${formatMass(entry.massGrams)} ${claimLabel(entry.claim)} ${verb}`);
  return [
    `${enumLabel(run.processKind).toLowerCase()}, ${formatMass(run.lossGrams)} process loss` +
      (run.processEmissionsGramsCo2e === undefined ? '' : `, process emissions ${(run.processEmissionsGramsCo2e / 1000).toLocaleString('en-GB', { maximumFractionDigits: 3 })} kg CO2e`),
    ...claims('credited to the facility', run.credited),
    ...claims('lapsed (no attestation)', run.lapsed),
  ];
}

function lotDetails(lot: MaterialLot, runs: ReadonlyMap<string, ProcessRun>): string[] {
  const run = lot.origin.kind === 'TRANSFORMED' ? runs.get(lot.origin.processRunId) : undefined;
  const content = elementContentText(lot);
  return [
    ...(run ? runDetails(run) : []),
    ...(lot.origin.kind === 'SPLIT' ? [`split off ${lot.origin.parentLotId}`] : []),
    ...(content === undefined ? [] : [content]),
    ...(lot.carbonIntensityMgPerKg === undefined ? ['carbon intensity unknown'] : [`${(lot.carbonIntensityMgPerKg / 1_000_000).toFixed(2)} kg CO2e/kg`]),
    `custody model: ${enumLabel(lot.custodyModel).toLowerCase()}`,
  ];
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
    certifications: certificationsOf(facility, lookups.attestations?.get(lot.origin.facilityId) ?? [], lot.createdAt),
    details: extracted === undefined ? [] : [`extracted from ${extracted}`],
    children: [],
  };
}

function lotNode(lot: MaterialLot, usedGrams: number | undefined, children: TraceNode[], lookups: TreeLookups): TraceNode {
  const facility = lookups.facilities.get(creationFacilityId(lot, lookups.runs, lookups.splitSites));
  const site = siteNode(lot, lookups);
  return {
    id: lot.id,
    kind: 'lot',
    title: enumLabel(lot.material),
    massGrams: lot.initialMassGrams,
    ...(usedGrams === undefined ? {} : { usedGrams }),
    ...(facility ? { facility: facilityRef(facility) } : {}),
    date: lot.createdAt,
    certifications: lot.claims.map((c) => `label: ${claimLabel(c)}`),
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
