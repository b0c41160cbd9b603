import { expect } from 'chai';
import { renderReportHtml } from '../../../demo/report/html';
import type { ReportData } from '../../../demo/report/model';
import { fixtureReport } from './fixture';

const HOSTILE = '<script>alert("pwned")</script><img src=x onerror=alert(1)>';

function hostileReport(): ReportData {
  const data = fixtureReport();
  return {
    ...data,
    title: HOSTILE,
    runId: HOSTILE,
    passport: {
      ...data.passport,
      summary: HOSTILE,
      publicView: { ...data.passport.publicView, fields: [{ group: 'general', path: HOSTILE, value: HOSTILE }] },
    },
    massBalance: { ...data.massBalance, facility: { ...data.massBalance.facility, name: HOSTILE }, claim: HOSTILE },
    recycledContent: { ...data.recycledContent, method: HOSTILE, sources: [{ ...data.recycledContent.sources[0]!, origin: HOSTILE }] },
    custody: [{ at: HOSTILE, subjectId: HOSTILE, action: HOSTILE, from: HOSTILE, to: HOSTILE, txId: HOSTILE }],
    flows: { nodes: data.flows.nodes.map((n) => ({ ...n, label: HOSTILE })), links: data.flows.links },
  };
}

describe('renderReportHtml', () => {
  it('shows the key figures', () => {
    const html = renderReportHtml(fixtureReport());
    expect(html).to.include('fx-PACK-0001');
    expect(html).to.include('16.00 %');
    expect(html).to.include('6.00 %');
    expect(html).to.include('12,654.322 kg');
    expect(html).to.include('12,345.678 kg');
    expect(html).to.include('Kolwezi Cu-Co mine (CD)');
    expect(html).to.include('Greenbushes spodumene mine (AU)');
  });

  it('shows both passport tiers side by side and marks what the public does not see', () => {
    const html = renderReportHtml(fixtureReport());
    const row = /<tr class="only-restricted"><td><code>circularity\.dismantlingManual<\/code><\/td><td class="restricted">not shown \(restricted\)<\/td><td class="val-restricted">sha256:9f2c…<\/td><\/tr>/;
    expect(html).to.match(row);
    expect(html).to.include('Public — AuditorMSP');
    expect(html).to.include('Legitimate interest — RecyclingMSP');
  });

  it('has every section', () => {
    const html = renderReportHtml(fixtureReport());
    for (const id of ['passport', 'flows', 'trace', 'recycled', 'mass-balance', 'custody']) {
      expect(html).to.include(`<section id="${id}">`);
    }
    expect(html).to.include('<svg class="sankey"');
    expect(html).to.include('<svg class="trace-tree"');
  });

  it('shows regulated elements against their EU minimums, the others as not regulated, and the battery’s labels', () => {
    const html = renderReportHtml(fixtureReport());
    expect(html).to.match(/<td>Cobalt<\/td><td class="num"><strong>16\.00 %<\/strong><\/td>.*?<td>16 % \(2031\), 26 % \(2036\)<\/td>/);
    expect(html).to.match(/<tr class="muted"><td>Manganese<\/td>.*?<td>not regulated<\/td>/);
    expect(html).to.include('Regulated elements this battery holds none of: Lead.');
    expect(html).to.include('Claim labels the battery carries (mass balance): post-consumer recycled on 51.000 kg.');
    expect(html).not.to.include('recycled manganese');
  });

  it('says what each claim on an output rests on: its factor, what the credit backs at it and at the run’s yield, and by element content', () => {
    const html = renderReportHtml(fixtureReport());
    expect(html).to.include(
      '9,876.542 kg labelled on fx-COSO4-0001-CO, split off output fx-COSO4-0001, debiting 12,345.678 kg of credit at 8.000 kg of output per 10.000 kg of input (declared). ' +
        'At this factor the period&#39;s credit backs 20,000.000 kg. The run&#39;s own yield (36,000.000 kg of output per 40,000.000 kg of input) would let it back 22,500.000 kg. ' +
        'By their cobalt content the run&#39;s credited inputs back 19,000.000 kg of its output.',
    );
  });

  it('checks the statement arithmetic and says when the ledger figures do not add up', () => {
    expect(renderReportHtml(fixtureReport())).to.include('Opening + credits − debits = balance (12,654.322 kg)');
    const data = fixtureReport();
    const broken = { ...data, massBalance: { ...data.massBalance, balanceGrams: 1 } };
    expect(renderReportHtml(broken)).to.include('but the ledger reports 1 g');
  });

  it('warns when the flows do not conserve mass at a node', () => {
    const data = fixtureReport();
    const flows = { ...data.flows, links: data.flows.links.filter((l) => !(l.source === 'cam' && l.target === 'loss')) };
    expect(renderReportHtml({ ...data, flows })).to.include('Mass not conserved at: cam (in 50,000.000 kg, out 48,000.000 kg)');
  });

  it('is self-contained: no scripts, no external references, a CSP that forbids fetching', () => {
    const html = renderReportHtml(fixtureReport());
    expect(html).not.to.match(/<script|<link|<iframe|<img|@import|url\(/i);
    expect(html).not.to.match(/\s(src|href)=/i);
    const urls = html.match(/https?:\/\/[^\s"'<>]+/g) ?? [];
    expect(urls.every((u) => u === 'http://www.w3.org/2000/svg')).to.equal(true, urls.join(' '));
    expect(html).to.include(`content="default-src 'none';`);
  });

  it('escapes hostile strings everywhere they appear', () => {
    const html = renderReportHtml(hostileReport());
    expect(html).not.to.include('<script>');
    expect(html).not.to.include('<img');
    expect(html).not.to.match(/<[^>]*\sonerror=/i);
    expect(html).to.include('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;');
  });
});

describe('renderReportHtml without a battery or a mass-balance account', () => {
  it('says which sections the ledger has nothing for, and still draws the trace and flows', () => {
    const html = renderReportHtml({ ...fixtureReport(), passport: undefined, massBalance: undefined, recycledContent: undefined });
    expect(html).to.include('No battery of this run is on the ledger.');
    expect(html).to.include('No mass-balance account of this run is on the ledger.');
    expect(html).to.include('<svg class="sankey"');
  });
});
