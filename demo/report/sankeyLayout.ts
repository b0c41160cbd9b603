import type { FlowNodeKind, MassFlows } from './model';

/** Geometry options of the Sankey layout, in pixels. */
export interface SankeyOptions {
  readonly width: number;
  readonly height: number;
  readonly nodeWidth: number;
  /** Vertical gap between nodes of one column. */
  readonly nodePadding: number;
  /** Space kept free around the diagram (labels sit inside it). */
  readonly margin: number;
}

/** Default geometry: fits a report page. */
export const defaultSankeyOptions: SankeyOptions = { width: 1100, height: 520, nodeWidth: 14, nodePadding: 26, margin: 24 };

/** A node placed on the canvas. */
export interface SankeyNodeLayout {
  readonly id: string;
  readonly label: string;
  readonly kind: FlowNodeKind;
  readonly column: number;
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
  /** Grams flowing in and out; the node's height is the larger of the two. */
  readonly inGrams: number;
  readonly outGrams: number;
}

/** A link placed on the canvas: a band of `width` pixels from (x0, y0) to (x1, y1), the band's centre line. */
export interface SankeyLinkLayout {
  readonly source: string;
  readonly target: string;
  readonly material: string;
  readonly grams: number;
  readonly width: number;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** A complete Sankey layout. */
export interface SankeyLayout {
  readonly width: number;
  readonly height: number;
  /** Pixels per gram, the same for every node and link. */
  readonly scale: number;
  readonly nodes: readonly SankeyNodeLayout[];
  readonly links: readonly SankeyLinkLayout[];
}

interface WorkNode {
  readonly id: string;
  readonly label: string;
  readonly kind: FlowNodeKind;
  column: number;
  inGrams: number;
  outGrams: number;
  y0: number;
  y1: number;
  readonly order: number;
}

/**
 * Lays out mass flows as a Sankey diagram: columns by stage, node heights and band widths proportional to mass
 * on one scale, so that at every node the bands entering and leaving cover the node exactly as far as mass is
 * conserved there.
 * @param flows - nodes and links; links must reference known nodes and form no cycle
 * @param options - geometry overrides
 * @returns the placed nodes and links
 * @throws {RangeError} when a link references an unknown node, carries a non-positive or non-integer mass, or the
 * links form a cycle
 */
export function layoutSankey(flows: MassFlows, options: Partial<SankeyOptions> = {}): SankeyLayout {
  const wanted: SankeyOptions = { ...defaultSankeyOptions, ...options };
  const nodes = buildNodes(flows);
  assignColumns(nodes, flows);
  const columns = groupColumns(nodes);
  const opts = fitPadding(wanted, columns);
  const scale = computeScale(columns, opts);
  orderColumns(columns, flows, nodes, scale, opts);
  const columnCount = columns.length;
  const step = columnCount > 1 ? (opts.width - 2 * opts.margin - opts.nodeWidth) / (columnCount - 1) : 0;
  const placed = [...nodes.values()].map((node) => placeNode(node, opts, step));
  return { width: opts.width, height: opts.height, scale, nodes: placed, links: placeLinks(flows, nodes, scale, opts, step) };
}

function buildNodes(flows: MassFlows): Map<string, WorkNode> {
  const nodes = new Map<string, WorkNode>();
  flows.nodes.forEach((node, order) => {
    if (nodes.has(node.id)) {
      throw new RangeError(`flow node '${node.id}' is listed twice`);
    }
    nodes.set(node.id, { id: node.id, label: node.label, kind: node.kind, column: node.column ?? -1, inGrams: 0, outGrams: 0, y0: 0, y1: 0, order });
  });
  for (const link of flows.links) {
    if (!Number.isSafeInteger(link.grams) || link.grams <= 0) {
      throw new RangeError(`flow ${link.source} → ${link.target} must carry a positive whole number of grams`);
    }
    requireNode(nodes, link.source).outGrams += link.grams;
    requireNode(nodes, link.target).inGrams += link.grams;
  }
  return nodes;
}

function requireNode(nodes: ReadonlyMap<string, WorkNode>, id: string): WorkNode {
  const node = nodes.get(id);
  if (node === undefined) {
    throw new RangeError(`flow link references unknown node '${id}'`);
  }
  return node;
}

/** Longest path from a source, unless the node states its column. */
function assignColumns(nodes: ReadonlyMap<string, WorkNode>, flows: MassFlows): void {
  const incoming = new Map<string, string[]>();
  for (const link of flows.links) {
    incoming.set(link.target, [...(incoming.get(link.target) ?? []), link.source]);
  }
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) {
      return known;
    }
    if (visiting.has(id)) {
      throw new RangeError(`mass flows form a cycle through '${id}'`);
    }
    visiting.add(id);
    const parents = incoming.get(id) ?? [];
    const value = parents.length === 0 ? 0 : Math.max(...parents.map(visit)) + 1;
    visiting.delete(id);
    depth.set(id, value);
    return value;
  };
  for (const node of nodes.values()) {
    const computed = visit(node.id);
    if (node.column < 0) {
      node.column = computed;
    }
  }
}

function groupColumns(nodes: ReadonlyMap<string, WorkNode>): WorkNode[][] {
  const maxColumn = Math.max(0, ...[...nodes.values()].map((n) => n.column));
  const columns: WorkNode[][] = Array.from({ length: maxColumn + 1 }, () => []);
  for (const node of [...nodes.values()].sort((a, b) => a.order - b.order)) {
    columns[node.column]?.push(node);
  }
  const used = columns.filter((column) => column.length > 0);
  used.forEach((column, index) => {
    for (const node of column) {
      node.column = index;
    }
  });
  return used;
}

/** Shrinks the gap between nodes when the busiest column would not fit: gaps take at most half the height. */
function fitPadding(opts: SankeyOptions, columns: readonly WorkNode[][]): SankeyOptions {
  const gaps = Math.max(0, ...columns.map((column) => column.length - 1));
  const room = (opts.height - 2 * opts.margin) / 2;
  return gaps * opts.nodePadding <= room ? opts : { ...opts, nodePadding: room / gaps };
}

function nodeValue(node: WorkNode): number {
  return Math.max(node.inGrams, node.outGrams);
}

function computeScale(columns: readonly WorkNode[][], opts: SankeyOptions): number {
  const inner = opts.height - 2 * opts.margin;
  const scales = columns.map((column) => {
    const total = column.reduce((sum, node) => sum + nodeValue(node), 0);
    const free = inner - (column.length - 1) * opts.nodePadding;
    return total > 0 ? Math.max(free, 1) / total : Number.POSITIVE_INFINITY;
  });
  const scale = Math.min(...scales);
  return Number.isFinite(scale) ? scale : 0;
}

/** Stacks each column, then reorders by the barycentre of connected nodes to reduce crossings. */
function orderColumns(
  columns: WorkNode[][],
  flows: MassFlows,
  nodes: ReadonlyMap<string, WorkNode>,
  scale: number,
  opts: SankeyOptions,
): void {
  columns.forEach((column) => { stack(column, scale, opts); });
  for (let pass = 0; pass < 4; pass += 1) {
    const sweep = pass % 2 === 0 ? columns.slice(1) : columns.slice(0, -1).reverse();
    for (const column of sweep) {
      const centre = (node: WorkNode): number => barycentre(node, flows, nodes, pass % 2 === 0);
      column.sort((a, b) => centre(a) - centre(b) || a.order - b.order);
      stack(column, scale, opts);
    }
  }
}

function barycentre(node: WorkNode, flows: MassFlows, nodes: ReadonlyMap<string, WorkNode>, fromLeft: boolean): number {
  let weighted = 0;
  let total = 0;
  for (const link of flows.links) {
    const otherId = fromLeft ? (link.target === node.id ? link.source : undefined) : link.source === node.id ? link.target : undefined;
    const other = otherId === undefined ? undefined : nodes.get(otherId);
    if (other !== undefined) {
      weighted += ((other.y0 + other.y1) / 2) * link.grams;
      total += link.grams;
    }
  }
  return total > 0 ? weighted / total : (node.y0 + node.y1) / 2;
}

function stack(column: readonly WorkNode[], scale: number, opts: SankeyOptions): void {
  const used = column.reduce((sum, node) => sum + nodeValue(node) * scale, 0) + (column.length - 1) * opts.nodePadding;
  let y = opts.margin + Math.max(0, (opts.height - 2 * opts.margin - used) / 2);
  for (const node of column) {
    node.y0 = y;
    node.y1 = y + nodeValue(node) * scale;
    y = node.y1 + opts.nodePadding;
  }
}

function placeNode(node: WorkNode, opts: SankeyOptions, step: number): SankeyNodeLayout {
  const x0 = opts.margin + node.column * step;
  return {
    id: node.id,
    label: node.label,
    kind: node.kind,
    column: node.column,
    x0,
    x1: x0 + opts.nodeWidth,
    y0: node.y0,
    y1: node.y1,
    inGrams: node.inGrams,
    outGrams: node.outGrams,
  };
}

function placeLinks(
  flows: MassFlows,
  nodes: ReadonlyMap<string, WorkNode>,
  scale: number,
  opts: SankeyOptions,
  step: number,
): SankeyLinkLayout[] {
  const centre = (id: string): number => {
    const node = requireNode(nodes, id);
    return (node.y0 + node.y1) / 2;
  };
  const sourceOffset = new Map<string, number>();
  const targetOffset = new Map<string, number>();
  const bySourceOrder = flows.links.map((link, index) => ({ link, index })).sort((a, b) => centre(a.link.target) - centre(b.link.target) || a.index - b.index);
  const y0ByIndex = new Map<number, number>();
  for (const { link, index } of bySourceOrder) {
    const source = requireNode(nodes, link.source);
    const offset = sourceOffset.get(link.source) ?? 0;
    y0ByIndex.set(index, source.y0 + offset + (link.grams * scale) / 2);
    sourceOffset.set(link.source, offset + link.grams * scale);
  }
  const byTargetOrder = flows.links.map((link, index) => ({ link, index })).sort((a, b) => centre(a.link.source) - centre(b.link.source) || a.index - b.index);
  const y1ByIndex = new Map<number, number>();
  for (const { link, index } of byTargetOrder) {
    const target = requireNode(nodes, link.target);
    const offset = targetOffset.get(link.target) ?? 0;
    y1ByIndex.set(index, target.y0 + offset + (link.grams * scale) / 2);
    targetOffset.set(link.target, offset + link.grams * scale);
  }
  return flows.links.map((link, index) => ({
    source: link.source,
    target: link.target,
    material: link.material,
    grams: link.grams,
    width: link.grams * scale,
    x0: opts.margin + requireNode(nodes, link.source).column * step + opts.nodeWidth,
    y0: y0ByIndex.get(index) ?? 0,
    x1: opts.margin + requireNode(nodes, link.target).column * step,
    y1: y1ByIndex.get(index) ?? 0,
  }));
}

/**
 * Nodes where mass is not conserved: a node with both inflow and outflow whose totals differ. Sources (no
 * inflow) and sinks (no outflow) are never listed.
 * @returns one entry per unbalanced node, with its grams in and out
 */
export function flowImbalances(flows: MassFlows): { id: string; inGrams: number; outGrams: number }[] {
  const totals = new Map<string, { inGrams: number; outGrams: number }>();
  for (const node of flows.nodes) {
    totals.set(node.id, { inGrams: 0, outGrams: 0 });
  }
  for (const link of flows.links) {
    const source = totals.get(link.source);
    const target = totals.get(link.target);
    if (source) source.outGrams += link.grams;
    if (target) target.inGrams += link.grams;
  }
  return [...totals.entries()]
    .filter(([, t]) => t.inGrams > 0 && t.outGrams > 0 && t.inGrams !== t.outGrams)
    .map(([id, t]) => ({ id, ...t }));
}
