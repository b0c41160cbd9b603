import { claimLabel, escapeHtml, formatMass, formatPercent, formatTime, humanize } from './format';
import { renderCustodySection, renderMassBalanceSection, renderPassportSection, renderRecycledSection } from './htmlSections';
import type { ReportData } from './model';
import { flowImbalances, layoutSankey } from './sankeyLayout';
import { renderMaterialLegend, renderSankeySvg } from './sankeySvg';
import { REPORT_CSS } from './styles';
import { renderTraceList, renderTraceTreeSvg } from './traceTree';

/** Nothing may be loaded from anywhere: the page is complete as written. */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

function renderCards(data: ReportData): string {
  const cards = [
    ...(data.recycledContent?.shares ?? []).filter((s) => s.regulated).map((s) => ({ figure: formatPercent(s.sharePercent), label: `recycled ${humanize(s.element).toLowerCase()}` })),
    ...(data.massBalance
      ? [
          { figure: formatMass(data.massBalance.claims.reduce((sum, c) => sum + c.claimedGrams, 0)), label: `claimed ${claimLabel(data.massBalance.claim)} on outputs` },
          { figure: formatMass(data.massBalance.balanceGrams), label: `mass-balance credit left (${claimLabel(data.massBalance.claim)})` },
        ]
      : []),
    { figure: formatMass(data.trace.massGrams ?? 0), label: `${data.trace.title} traced` },
    { figure: String(data.custody.length), label: 'custody events on the timeline' },
  ];
  return `<div class="cards">${cards
    .map((c) => `<div class="card"><div class="figure">${escapeHtml(c.figure)}</div><div class="label">${escapeHtml(c.label)}</div></div>`)
    .join('')}</div>`;
}

/** Tall enough that every node of the busiest column has room for its two label lines. */
function sankeyHeight(data: ReportData): number {
  const perColumn = new Map<number, number>();
  for (const node of layoutSankey(data.flows).nodes) {
    perColumn.set(node.column, (perColumn.get(node.column) ?? 0) + 1);
  }
  return Math.max(520, 60 + Math.max(0, ...perColumn.values()) * 44);
}

function renderFlowsSection(data: ReportData): string {
  const imbalances = flowImbalances(data.flows);
  const warning =
    imbalances.length === 0
      ? ''
      : `<p class="warning">Mass not conserved at: ${imbalances
          .map((i) => `${escapeHtml(i.id)} (in ${escapeHtml(formatMass(i.inGrams))}, out ${escapeHtml(formatMass(i.outGrams))})`)
          .join('; ')}</p>`;
  const svg = renderSankeySvg(layoutSankey(data.flows, { height: sankeyHeight(data) }), 'Mass flows through the value chain');
  return (
    `<section id="flows"><h2>Mass flows through the chain</h2>` +
    `<p class="muted">Band widths are proportional to grams; losses are drawn as flows to grey sinks. Hover a band for its exact mass.</p>` +
    `${warning}<div class="scroll">${svg}</div>${renderMaterialLegend(data.flows.links.map((l) => l.material))}</section>`
  );
}

function absent(id: string, title: string, why: string): string {
  return `<section id="${id}"><h2>${escapeHtml(title)}</h2><p class="muted">${escapeHtml(why)}</p></section>`;
}

function renderTraceSection(data: ReportData): string {
  return (
    `<section id="trace"><h2>Upstream trace of <code>${escapeHtml(data.trace.id)}</code> down to the mine sites</h2>` +
    `<p class="muted">Each edge is labelled with the mass of the upstream record that went into the next one.</p>` +
    `<div class="scroll">${renderTraceTreeSvg(data.trace, `Upstream trace of ${data.trace.id}`)}</div>` +
    `<details><summary>As a list</summary><ul class="tree"><li>${renderTraceList(data.trace)}</li></ul></details></section>`
  );
}

/**
 * Renders the whole report as one self-contained HTML document: inline CSS and SVG, no scripts, no external
 * fonts or images, and a Content-Security-Policy that forbids loading anything.
 * @param data - the report content, read from the ledger
 * @returns the HTML document
 * @throws {RangeError} when the mass flows are not drawable (unknown node, non-positive mass, cycle)
 */
export function renderReportHtml(data: ReportData): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(data.title)}</title><style>${REPORT_CSS}</style></head><body>`,
    `<header><h1>${escapeHtml(data.title)}</h1><p>Run <code>${escapeHtml(data.runId)}</code> · read from channel <code>${escapeHtml(data.ledger.channel)}</code>, ` +
      `chaincode <code>${escapeHtml(data.ledger.chaincode)}</code> · ${escapeHtml(formatTime(data.generatedAt))} UTC</p></header>`,
    `<main>${renderCards(data)}`,
    data.passport ? renderPassportSection(data.passport) : absent('passport', 'Battery passport', 'No battery of this run is on the ledger.'),
    renderFlowsSection(data),
    renderTraceSection(data),
    data.recycledContent ? renderRecycledSection(data.recycledContent) : absent('recycled', 'Recycled content', 'No battery of this run is on the ledger.'),
    data.massBalance ? renderMassBalanceSection(data.massBalance) : absent('mass-balance', 'Mass-balance statement', 'No mass-balance account of this run is on the ledger.'),
    renderCustodySection(data.custody),
    '<p class="muted">Every figure on this page was read from the ledger through the battery-trace SDK.</p></main></body></html>',
  ].join('\n');
}
