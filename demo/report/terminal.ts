import Table from 'cli-table3';
import { claimLabel, formatMass, formatPercent, formatTime, humanize } from './format';
import { describeOutputClaim, minimumsText, passportRows } from './htmlSections';
import type { MassBalanceStatement, PassportComparison, RecycledContent, ReportData, TraceNode } from './model';

const PLAIN = { head: [] as string[], border: [] as string[] };

function table(head: string[], rows: string[][], numeric: readonly number[] = []): string {
  const t = new Table({
    head,
    style: PLAIN,
    colAligns: head.map((_, i) => (numeric.includes(i) ? 'right' : 'left')),
    wordWrap: true,
  });
  t.push(...rows);
  return t.toString();
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The upstream trace as an indented text tree. */
export function traceText(node: TraceNode, prefix = '', last = true, root = true): string[] {
  const used = node.usedGrams === undefined ? '' : `${formatMass(node.usedGrams)} of `;
  const where = node.facility ? ` @ ${node.facility.name} (${node.facility.country})` : '';
  const certs = node.certifications.length > 0 ? ` [${node.certifications.join('; ')}]` : '';
  const line = `${root ? '' : `${prefix}${last ? '└─ ' : '├─ '}`}${used}${node.title} ${node.id}${where}${certs}`;
  const childPrefix = root ? '' : `${prefix}${last ? '   ' : '│  '}`;
  return [line, ...node.children.flatMap((child, i) => traceText(child, childPrefix, i === node.children.length - 1, false))];
}

function passportTable(passport: PassportComparison): string {
  const rows = passportRows(passport).map((row) => [
    clip(row.path, 40),
    clip(row.publicValue ?? '(restricted)', 36),
    clip(row.restrictedValue ?? '—', 36),
  ]);
  return table(['Attribute', `Public (${passport.publicView.reader})`, `${humanize(passport.restrictedView.tier)} (${passport.restrictedView.reader})`], rows);
}

function recycledTable(content: RecycledContent): string {
  const rows = content.shares.map((s) => [
    humanize(s.element),
    formatPercent(s.sharePercent),
    minimumsText(s),
    formatMass(s.recycledGrams),
    formatMass(s.totalGrams),
  ]);
  return table(['Element', 'Recycled share', 'EU minimum (Art. 8)', 'Recycled', 'Total in battery'], rows, [1, 3, 4]);
}

function recycledNotes(content: RecycledContent): string[] {
  return [
    ...(content.regulatedAbsent.length > 0 ? [`Regulated elements not in the battery: ${content.regulatedAbsent.map(humanize).join(', ')}`] : []),
    content.claims.length === 0 ? 'Claim labels: none' : `Claim labels: ${content.claims.map((c) => `${claimLabel(c.claim)} on ${formatMass(c.grams)}`).join('; ')}`,
  ];
}

function massBalanceTable(mb: MassBalanceStatement): string {
  return table(
    ['Facility', 'Material', 'Claim', 'Opening', 'Credited', 'Debited', 'Balance'],
    [[`${mb.facility.name} (${mb.facility.country})`, humanize(mb.material), humanize(mb.claim), formatMass(mb.openingGrams), formatMass(mb.creditedGrams), formatMass(mb.debitedGrams), formatMass(mb.balanceGrams)]],
    [3, 4, 5, 6],
  );
}

function custodyTable(data: ReportData, limit: number): string {
  const events = data.custody.slice(-limit);
  const rows = events.map((e) => [formatTime(e.at), clip(e.subjectId, 30), e.action, clip(e.from ?? '', 22), clip(e.to ?? '', 22), e.grams === undefined ? '' : formatMass(e.grams)]);
  return table(['Time (UTC)', 'Record', 'Event', 'From', 'To', 'Mass'], rows, [5]);
}

/**
 * The terminal summary of a report: passport tiers side by side, the upstream trace as a text tree, recycled
 * content against the regulation's minimums, the mass-balance statement with what its claims rest on, and the
 * latest custody events, as plain-text tables.
 * @param data - the report content
 * @param options - `custodyLimit`: how many of the latest custody events to list (default 12)
 * @returns text ready to print
 */
export function renderTerminalSummary(data: ReportData, options: { custodyLimit?: number } = {}): string {
  const limit = options.custodyLimit ?? 12;
  const hidden = data.custody.length > limit ? ` (latest ${limit} of ${data.custody.length})` : '';
  return [
    `${data.title} — run ${data.runId}`,
    '',
    ...(data.passport ? [`Passport ${data.passport.passportId}: ${data.passport.summary}`, passportTable(data.passport), ''] : []),
    `Upstream trace of ${data.trace.id}`,
    ...traceText(data.trace),
    '',
    ...(data.recycledContent ? [`Recycled content of ${data.recycledContent.batteryId}`, recycledTable(data.recycledContent), ...recycledNotes(data.recycledContent), ''] : []),
    ...(data.massBalance
      ? [`Mass-balance statement (${data.massBalance.period})`, massBalanceTable(data.massBalance), ...data.massBalance.claims.map((c) => `Claim: ${describeOutputClaim(c)}`), '']
      : []),
    `Custody timeline${hidden}`,
    custodyTable(data, limit),
  ].join('\n');
}
