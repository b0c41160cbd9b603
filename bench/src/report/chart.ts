/** One bar of a chart. */
export interface Bar {
  readonly label: string;
  readonly value: number;
  /** Text written after the bar (e.g. the ratio to the baseline); the value when omitted. */
  readonly note?: string;
  /** Drawn in the reference colour (a baseline); by default only the first bar is. */
  readonly reference?: boolean;
}

/** A horizontal bar chart. */
export interface BarChart {
  readonly title: string;
  /** Unit of the values, shown on the axis. */
  readonly unit: string;
  readonly bars: readonly Bar[];
}

const ROW = 28;
const LABEL_WIDTH = 190;
const PLOT_WIDTH = 380;
const NOTE_WIDTH = 230;
const TOP = 40;

/**
 * Renders a self-contained SVG horizontal bar chart (no fonts, scripts or external references), bars scaled to
 * the largest value. Missing or negative values draw no bar and the note `n/a`.
 * @example
 * ```ts
 * renderBarChart({ title: 'Goodput at the knee', unit: 'tx/s', bars: [{ label: 'baseline', value: 120 }] });
 * ```
 */
export function renderBarChart(chart: BarChart): string {
  const width = LABEL_WIDTH + PLOT_WIDTH + NOTE_WIDTH;
  const height = TOP + chart.bars.length * ROW + 30;
  const max = Math.max(0, ...chart.bars.map((bar) => (Number.isFinite(bar.value) ? bar.value : 0)));
  const rows = chart.bars.map((bar, index) => renderRow(bar, index, max));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="10" y="22" font-size="14" font-weight="bold">${escapeXml(chart.title)}</text>`,
    ...rows,
    `<text x="${LABEL_WIDTH}" y="${height - 8}" fill="#555555">0 … ${escapeXml(formatValue(max))} ${escapeXml(chart.unit)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}

function renderRow(bar: Bar, index: number, max: number): string {
  const y = TOP + index * ROW;
  const valid = Number.isFinite(bar.value) && bar.value >= 0;
  const length = valid && max > 0 ? (bar.value / max) * PLOT_WIDTH : 0;
  const note = valid ? (bar.note ?? formatValue(bar.value)) : 'n/a';
  return [
    `<text x="${LABEL_WIDTH - 8}" y="${y + 15}" text-anchor="end">${escapeXml(bar.label)}</text>`,
    `<rect x="${LABEL_WIDTH}" y="${y + 3}" width="${length.toFixed(1)}" height="${ROW - 8}" fill="${(bar.reference ?? index === 0) ? '#7f8c8d' : '#2e86c1'}"/>`,
    `<text x="${(LABEL_WIDTH + length + 6).toFixed(1)}" y="${y + 15}">${escapeXml(note)}</text>`,
  ].join('\n');
}

function formatValue(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

/** Escapes text for SVG/XML content and attributes. */
export function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
