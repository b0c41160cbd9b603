import { claimLabel, escapeHtml, formatMass, formatPercent, formatTime, humanize } from './format';
import type { CustodyEvent, MassBalanceStatement, OutputClaim, PassportComparison, PassportField, RecycledContent, RecycledShare } from './model';

function cell(text: string, cls = ''): string {
  return `<td${cls === '' ? '' : ` class="${cls}"`}>${escapeHtml(text)}</td>`;
}

function numCell(grams: number | undefined): string {
  return grams === undefined ? '<td class="num"></td>' : `<td class="num">${escapeHtml(formatMass(grams))}</td>`;
}

/** One row per attribute path with both tiers' values, grouped, in the order first seen (public first). */
export function passportRows(passport: PassportComparison): { path: string; group: string; publicValue?: string; restrictedValue?: string }[] {
  const rows = new Map<string, { path: string; group: string; publicValue?: string; restrictedValue?: string }>();
  const add = (field: PassportField, key: 'publicValue' | 'restrictedValue'): void => {
    const row = rows.get(field.path) ?? { path: field.path, group: field.group };
    row[key] = field.value;
    rows.set(field.path, row);
  };
  passport.publicView.fields.forEach((f) => { add(f, 'publicValue'); });
  passport.restrictedView.fields.forEach((f) => { add(f, 'restrictedValue'); });
  const groupOrder = [...new Set([...rows.values()].map((row) => row.group))];
  return [...rows.values()].sort((a, b) => groupOrder.indexOf(a.group) - groupOrder.indexOf(b.group));
}

/**
 * The passport in its two access tiers side by side; attributes hidden from the public are marked.
 */
export function renderPassportSection(passport: PassportComparison): string {
  const head =
    `<tr><th>Attribute</th><th>Public — ${escapeHtml(passport.publicView.reader)}</th>` +
    `<th>${escapeHtml(humanize(passport.restrictedView.tier))} — ${escapeHtml(passport.restrictedView.reader)}</th></tr>`;
  const rows = passportRows(passport).map((row) => {
    const pub = row.publicValue === undefined ? '<td class="restricted">not shown (restricted)</td>' : cell(row.publicValue);
    const res = row.restrictedValue === undefined ? '<td class="restricted">—</td>' : cell(row.restrictedValue, 'val-restricted');
    const cls = row.publicValue === undefined ? ' class="only-restricted"' : '';
    return `<tr${cls}><td><code>${escapeHtml(row.path)}</code></td>${pub}${res}</tr>`;
  });
  return (
    `<section id="passport"><h2>Battery passport <code>${escapeHtml(passport.passportId)}</code></h2>` +
    `<p>${escapeHtml(passport.summary)}</p>` +
    `<div class="scroll"><table class="passport"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></div></section>`
  );
}

/**
 * What one claim on an output rests on, in a sentence: the output labelled, the credit it used at its factor,
 * and what the period's credit backs at that factor and at the run's own yield.
 */
export function describeOutputClaim(claim: OutputClaim): string {
  const factor = (f: OutputClaim['conversion']): string => `${formatMass(f.outputGrams)} of output per ${formatMass(f.inputGrams)} of input`;
  const split = claim.labelledLotId === claim.outputLotId ? `output ${claim.outputLotId}` : `${claim.labelledLotId}, split off output ${claim.outputLotId}`;
  const atRun =
    claim.runYield === undefined || claim.backedAtRunYieldGrams === undefined
      ? ''
      : ` The run's own yield (${factor(claim.runYield)}) would let it back ${formatMass(claim.backedAtRunYieldGrams)}.`;
  const byElement = claim.byElement === undefined ? '' : ` By their ${humanize(claim.byElement.element).toLowerCase()} content the run's credited inputs back ${formatMass(claim.byElement.grams)} of its output.`;
  const declared = claim.runYield !== undefined && claim.runYield.inputGrams * claim.conversion.outputGrams !== claim.runYield.outputGrams * claim.conversion.inputGrams ? ' (declared)' : '';
  return (
    `${formatMass(claim.claimedGrams)} labelled on ${split}, debiting ${formatMass(claim.debitedGrams)} of credit at ${factor(claim.conversion)}${declared}. ` +
    `At this factor the period's credit backs ${formatMass(claim.backedGrams)}.${atRun}${byElement}`
  );
}

/** The mass-balance statement: the summary figures, a reconciliation check, every entry and what each claim rests on. */
export function renderMassBalanceSection(statement: MassBalanceStatement): string {
  const expected = statement.openingGrams + statement.creditedGrams - statement.debitedGrams;
  const check =
    expected === statement.balanceGrams
      ? `<p class="ok">Opening + credits − debits = balance (${escapeHtml(formatMass(expected))}); never negative.</p>`
      : `<p class="warning">Opening + credits − debits = ${escapeHtml(formatMass(expected))}, but the ledger reports ${escapeHtml(formatMass(statement.balanceGrams))}.</p>`;
  const entries = statement.entries.map(
    (e) => `<tr>${cell(formatTime(e.at))}${cell(e.kind)}${numCell(e.grams)}<td><code>${escapeHtml(e.reference)}</code></td>${cell(e.note)}</tr>`,
  );
  const claims = statement.claims.length === 0 ? '' : `<h3>What the claims rest on</h3><ul>${statement.claims.map((c) => `<li>${escapeHtml(describeOutputClaim(c))}</li>`).join('')}</ul>`;
  return (
    `<section id="mass-balance"><h2>Mass-balance statement</h2>` +
    `<p><strong>${escapeHtml(statement.facility.name)}</strong> (${escapeHtml(statement.facility.country)}, <code>${escapeHtml(statement.facility.id)}</code>) · ` +
    `material <strong>${escapeHtml(humanize(statement.material))}</strong> · claim <strong>${escapeHtml(humanize(statement.claim))}</strong> · period ${escapeHtml(statement.period)}</p>` +
    `<table class="mb-summary"><tr><th>Opening</th><th>Credited (labelled input consumed)</th><th>Debited (claimed on outputs)</th><th>Balance</th></tr>` +
    `<tr>${numCell(statement.openingGrams)}${numCell(statement.creditedGrams)}${numCell(statement.debitedGrams)}${numCell(statement.balanceGrams)}</tr></table>` +
    check +
    `<h3>Entries</h3><table><thead><tr><th>Time (UTC)</th><th>Kind</th><th class="num">Grams</th><th>Reference</th><th>Note</th></tr></thead>` +
    `<tbody>${entries.join('')}</tbody></table>` +
    claims +
    `<p class="muted">Claims resting on mass balance are not physically traced: a labelled lot's mass is credited when the facility consumes it, ` +
    `and debited when a claim labels an output, by the output over the conversion factor, so that no certified gram backs two claims.</p></section>`
  );
}

/** The regulation's minimum shares of an element, as a cell's text (e.g. `16 % (2031), 26 % (2036)`). */
export function minimumsText(share: RecycledShare): string {
  if (!share.regulated) return 'not regulated';
  return share.minimums.map((m) => `${m.percent} % (${m.from.slice(0, 4)})`).join(', ');
}

/** The recycled-content shares with bars, the regulation's minimums, their sources, the method and the battery's labels. */
export function renderRecycledSection(content: RecycledContent): string {
  const shares = content.shares.map((s) => {
    const width = Math.max(0, Math.min(100, s.sharePercent));
    return (
      `<tr${s.regulated ? '' : ' class="muted"'}>${cell(humanize(s.element))}<td class="num"><strong>${escapeHtml(formatPercent(s.sharePercent))}</strong></td>` +
      `<td><span class="bar"><span style="width:${width.toFixed(2)}%"></span></span></td>` +
      `${cell(minimumsText(s))}${numCell(s.recycledGrams)}${numCell(s.totalGrams)}${numCell(s.preConsumerGrams)}${numCell(s.postConsumerGrams)}</tr>`
    );
  });
  const absent = content.regulatedAbsent.length === 0 ? '' : `<p class="muted">Regulated elements this battery holds none of: ${escapeHtml(content.regulatedAbsent.map(humanize).join(', '))}.</p>`;
  const sources = content.sources.map(
    (s) => `<tr><td><code>${escapeHtml(s.lotId)}</code></td>${cell(humanize(s.material))}${cell(humanize(s.element))}${numCell(s.grams)}${cell(s.origin)}</tr>`,
  );
  const labels =
    content.claims.length === 0
      ? 'The battery carries no claim labels: labelled inputs became mass-balance credit where they were consumed, and none of its inputs was claimed again.'
      : `Claim labels the battery carries (mass balance): ${content.claims.map((c) => `${claimLabel(c.claim)} on ${formatMass(c.grams)}`).join('; ')}.`;
  return (
    `<section id="recycled"><h2>Recycled content of <code>${escapeHtml(content.batteryId)}</code></h2>` +
    `<table><thead><tr><th>Element</th><th class="num">Share</th><th></th><th>EU minimum (Art. 8)</th><th class="num">Recycled</th><th class="num">Total in battery</th>` +
    `<th class="num">Pre-consumer</th><th class="num">Post-consumer</th></tr></thead><tbody>${shares.join('')}</tbody></table>` +
    absent +
    `<h3>How it was computed</h3><p>${escapeHtml(content.method)}</p>` +
    `<table><thead><tr><th>Recovered lot</th><th>Material</th><th>Element</th><th class="num">Contributed</th><th>Recovered from</th></tr></thead>` +
    `<tbody>${sources.join('')}</tbody></table>` +
    `<h3>Claim labels</h3><p>${escapeHtml(labels)}</p></section>`
  );
}

/** The custody timeline, oldest first. */
export function renderCustodySection(events: readonly CustodyEvent[]): string {
  const rows = events.map(
    (e) =>
      `<tr>${cell(formatTime(e.at))}<td><code>${escapeHtml(e.subjectId)}</code></td>${cell(e.action)}${cell(e.from ?? '')}${cell(e.to ?? '')}` +
      `${numCell(e.grams)}${numCell(e.lossGrams)}<td><code>${escapeHtml((e.txId ?? '').slice(0, 12))}</code></td></tr>`,
  );
  return (
    `<section id="custody"><h2>Custody timeline</h2><div class="scroll"><table class="timeline">` +
    `<thead><tr><th>Time (UTC)</th><th>Record</th><th>Event</th><th>From</th><th>To</th><th class="num">Mass</th><th class="num">Loss</th><th>Tx</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table></div></section>`
  );
}
