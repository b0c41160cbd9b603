import { escapeHtml, formatMass, formatMassShort, humanize } from './format';
import { materialColour } from './palette';
import type { SankeyLayout, SankeyLinkLayout, SankeyNodeLayout } from './sankeyLayout';

const NODE_FILL: Readonly<Record<SankeyNodeLayout['kind'], string>> = {
  source: '#1e3a8a',
  process: '#374151',
  product: '#7f1d1d',
  loss: '#9ca3af',
};

function round(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function linkPath(link: SankeyLinkLayout): string {
  const xm = (link.x0 + link.x1) / 2;
  return `M${round(link.x0)},${round(link.y0)} C${round(xm)},${round(link.y0)} ${round(xm)},${round(link.y1)} ${round(link.x1)},${round(link.y1)}`;
}

function renderLink(link: SankeyLinkLayout, labels: ReadonlyMap<string, string>): string {
  const title = `${labels.get(link.source) ?? link.source} → ${labels.get(link.target) ?? link.target}: ${humanize(link.material)}, ${formatMass(link.grams)}`;
  return (
    `<path class="link" d="${linkPath(link)}" stroke="${materialColour(link.material)}" stroke-width="${round(Math.max(1, link.width))}"` +
    ` data-grams="${link.grams}"><title>${escapeHtml(title)}</title></path>`
  );
}

function renderNode(node: SankeyNodeLayout, width: number): string {
  const grams = Math.max(node.inGrams, node.outGrams);
  const height = Math.max(1, node.y1 - node.y0);
  const labelRight = node.x1 + 6 < width * 0.8;
  const x = labelRight ? node.x1 + 6 : node.x0 - 6;
  const anchor = labelRight ? 'start' : 'end';
  const y = (node.y0 + node.y1) / 2;
  return (
    `<g class="node" data-id="${escapeHtml(node.id)}">` +
    `<rect x="${round(node.x0)}" y="${round(node.y0)}" width="${round(node.x1 - node.x0)}" height="${round(height)}" fill="${NODE_FILL[node.kind]}">` +
    `<title>${escapeHtml(`${node.label}: in ${formatMass(node.inGrams)}, out ${formatMass(node.outGrams)}`)}</title></rect>` +
    `<text x="${round(x)}" y="${round(y - 2)}" text-anchor="${anchor}" class="node-label">${escapeHtml(node.label)}</text>` +
    `<text x="${round(x)}" y="${round(y + 11)}" text-anchor="${anchor}" class="node-mass">${escapeHtml(formatMassShort(grams))}</text>` +
    `</g>`
  );
}

/**
 * Renders a Sankey layout as an inline SVG element (no scripts, no external references). Bands are coloured by
 * material; every node and band has a tooltip with the exact mass.
 * @param layout - from {@link layoutSankey}
 * @param caption - accessible name of the diagram
 * @returns the SVG markup
 */
export function renderSankeySvg(layout: SankeyLayout, caption: string): string {
  const labels = new Map(layout.nodes.map((node) => [node.id, node.label]));
  const links = [...layout.links].sort((a, b) => b.width - a.width).map((link) => renderLink(link, labels));
  const nodes = layout.nodes.map((node) => renderNode(node, layout.width));
  return (
    `<svg class="sankey" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="img" aria-label="${escapeHtml(caption)}">` +
    `<title>${escapeHtml(caption)}</title>` +
    `<g class="links" fill="none" stroke-opacity="0.45">${links.join('')}</g>` +
    `<g class="nodes">${nodes.join('')}</g>` +
    `</svg>`
  );
}

/**
 * A legend of the materials that appear in the flows, as HTML.
 * @param materials - material names (duplicates are dropped)
 */
export function renderMaterialLegend(materials: Iterable<string>): string {
  const unique = [...new Set(materials)];
  return `<ul class="legend">${unique
    .map((m) => `<li><span class="swatch" style="background:${materialColour(m)}"></span>${escapeHtml(humanize(m))}</li>`)
    .join('')}</ul>`;
}
