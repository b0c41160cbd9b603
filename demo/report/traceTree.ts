import { escapeHtml, formatMass, formatMassShort } from './format';
import type { TraceNode } from './model';

/** Geometry of the trace tree drawing, in pixels. */
export interface TraceTreeOptions {
  readonly boxWidth: number;
  readonly lineHeight: number;
  readonly columnGap: number;
  readonly rowGap: number;
  readonly margin: number;
}

/** Default geometry. */
export const defaultTraceTreeOptions: TraceTreeOptions = { boxWidth: 230, lineHeight: 14, columnGap: 70, rowGap: 12, margin: 12 };

/** A trace node placed on the canvas. */
export interface TraceBox {
  readonly node: TraceNode;
  readonly depth: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The text lines drawn in the box. */
  readonly lines: readonly string[];
}

/** An edge from a record to one of its upstream records, labelled with the mass used. */
export interface TraceEdge {
  readonly from: TraceBox;
  readonly to: TraceBox;
  readonly label: string;
}

/** The placed tree. */
export interface TraceTreeLayout {
  readonly width: number;
  readonly height: number;
  readonly boxes: readonly TraceBox[];
  readonly edges: readonly TraceEdge[];
}

/**
 * The text lines shown for a trace node: title, id, mass, facility and country, certifications, details.
 * @example traceLines(node)[0] // 'Cobalt sulfate'
 */
export function traceLines(node: TraceNode): string[] {
  const lines = [node.title, node.id];
  if (node.massGrams !== undefined) {
    lines.push(`mass ${formatMass(node.massGrams)}`);
  }
  if (node.facility) {
    lines.push(`${node.facility.name} (${node.facility.country})`);
  }
  lines.push(...node.certifications.map((c) => `✓ ${c}`), ...node.details);
  return lines;
}

/**
 * Lays out an upstream trace left to right: the traced record at the left, its inputs to the right, mine sites at
 * the far right. Leaves take consecutive rows; a parent is centred on its children.
 * @returns boxes and edges in depth-first order
 */
export function layoutTraceTree(root: TraceNode, options: Partial<TraceTreeOptions> = {}): TraceTreeLayout {
  const opts: TraceTreeOptions = { ...defaultTraceTreeOptions, ...options };
  const boxes: TraceBox[] = [];
  const edges: TraceEdge[] = [];
  let nextLeafY = opts.margin;
  const columnBottom: number[] = [];
  const place = (node: TraceNode, depth: number): TraceBox => {
    const lines = traceLines(node);
    const height = lines.length * opts.lineHeight + 10;
    const x = opts.margin + depth * (opts.boxWidth + opts.columnGap);
    const children = node.children.map((child) => place(child, depth + 1));
    const first = children[0];
    const last = children[children.length - 1];
    const wanted = first !== undefined && last !== undefined ? (first.y + first.height / 2 + last.y + last.height / 2) / 2 - height / 2 : nextLeafY;
    const y = Math.max(wanted, opts.margin, (columnBottom[depth] ?? Number.NEGATIVE_INFINITY) + opts.rowGap);
    columnBottom[depth] = y + height;
    if (children.length === 0) {
      nextLeafY = y + height + opts.rowGap;
    }
    const box: TraceBox = { node, depth, x, y, width: opts.boxWidth, height, lines };
    boxes.push(box);
    children.forEach((child) => {
      edges.push({ from: box, to: child, label: child.node.usedGrams === undefined ? '' : formatMassShort(child.node.usedGrams) });
    });
    return box;
  };
  place(root, 0);
  const maxDepth = columnBottom.length - 1;
  const width = 2 * opts.margin + (maxDepth + 1) * opts.boxWidth + maxDepth * opts.columnGap;
  const height = Math.max(...boxes.map((b) => b.y + b.height)) + opts.margin;
  return { width, height, boxes: boxes.reverse(), edges };
}

const KIND_CLASS: Readonly<Record<TraceNode['kind'], string>> = { battery: 'tb-battery', lot: 'tb-lot', site: 'tb-site' };

function renderBox(box: TraceBox, opts: TraceTreeOptions): string {
  const text = box.lines
    .map((line, i) => `<text x="${box.x + 8}" y="${box.y + 16 + i * opts.lineHeight}" class="${i === 0 ? 'tb-title' : 'tb-line'}">${escapeHtml(clip(line, 38))}</text>`)
    .join('');
  return (
    `<g class="tb ${KIND_CLASS[box.node.kind]}" data-id="${escapeHtml(box.node.id)}">` +
    `<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="6"><title>${escapeHtml(box.lines.join('\n'))}</title></rect>${text}</g>`
  );
}

function clip(line: string, max: number): string {
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function renderEdge(edge: TraceEdge): string {
  const x0 = edge.from.x + edge.from.width;
  const y0 = edge.from.y + edge.from.height / 2;
  const x1 = edge.to.x;
  const y1 = edge.to.y + edge.to.height / 2;
  const xm = (x0 + x1) / 2;
  const label = edge.label === '' ? '' : `<text x="${x1 - 4}" y="${y1 - 4}" text-anchor="end" class="te-label">${escapeHtml(edge.label)}</text>`;
  return `<path class="te" d="M${x0},${y0} C${xm},${y0} ${xm},${y1} ${x1},${y1}"/>${label}`;
}

/**
 * Renders an upstream trace as an inline SVG tree with the mass used at every hop on its edge.
 * @param root - the traced battery or lot
 * @param caption - accessible name of the drawing
 */
export function renderTraceTreeSvg(root: TraceNode, caption: string, options: Partial<TraceTreeOptions> = {}): string {
  const opts: TraceTreeOptions = { ...defaultTraceTreeOptions, ...options };
  const layout = layoutTraceTree(root, opts);
  return (
    `<svg class="trace-tree" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="img" aria-label="${escapeHtml(caption)}">` +
    `<title>${escapeHtml(caption)}</title>` +
    `<g class="edges">${layout.edges.map(renderEdge).join('')}</g>` +
    `<g class="boxes">${layout.boxes.map((box) => renderBox(box, opts)).join('')}</g></svg>`
  );
}

/**
 * Renders an upstream trace as nested HTML lists, the readable text form of the tree.
 * @param node - the traced battery or lot
 */
export function renderTraceList(node: TraceNode): string {
  const used = node.usedGrams === undefined ? '' : `<span class="used">${escapeHtml(formatMass(node.usedGrams))} used</span> `;
  const facility = node.facility ? ` · ${escapeHtml(node.facility.name)} (${escapeHtml(node.facility.country)})` : '';
  const mass = node.massGrams === undefined ? '' : ` · ${escapeHtml(formatMass(node.massGrams))}`;
  const certs = node.certifications.map((c) => ` <span class="cert">${escapeHtml(c)}</span>`).join('');
  const children = node.children.length === 0 ? '' : `<ul>${node.children.map((c) => `<li>${renderTraceList(c)}</li>`).join('')}</ul>`;
  return `${used}<strong>${escapeHtml(node.title)}</strong> <code>${escapeHtml(node.id)}</code>${mass}${facility}${certs}${children}`;
}
