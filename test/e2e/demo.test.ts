import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runDemo, type DemoResult } from '../../demo/player/runDemo';
import { formatMass, formatPercent } from '../../demo/report/format';
import type { ReportData } from '../../demo/report/model';
import { defaultScenarioInput } from '../../demo/scenario/input';
import { certifiedCobaltBacking } from '../../demo/scenario/plan';
import { requireChromium, openReportInChromium, type OpenedReport } from '../unit/demo/support/browser';
import { networkDir, runId } from './support/network';


function recycled(report: ReportData, element: string): number {
  const share = report.recycledContent?.shares.find((s) => s.element === element);
  if (share === undefined) throw new Error(`the report shows no ${element} share`);
  return share.recycledGrams;
}

describe('demo: the mine-to-recycler story on the network', function () {
  this.timeout(900_000);
  let dir: string;
  let full: DemoResult;
  let lean: DemoResult;
  let lines: string[];
  let opened: OpenedReport;

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bt-demo-e2e-'));
    lines = [];
    full = await runDemo({
      input: defaultScenarioInput(`${runId}-dA`),
      networkDir,
      reportDir: path.join(dir, 'full'),
      write: (line) => lines.push(line),
    });
    lean = await runDemo({
      input: { ...defaultScenarioInput(`${runId}-dB`), recycledCobaltSulfateGrams: 1_000, recycledNickelFeed: 'none' },
      networkDir,
      reportDir: path.join(dir, 'lean'),
      write: () => undefined,
    });
    requireChromium();
    opened = await openReportInChromium(full.written.html);
  });

  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('names every stage with its elapsed time and prints where the report is', () => {
    expect(lines.filter((l) => /^ {4}✓ .+ in \d+\.\ds \(total \d+\.\ds\)$/.test(l)).length).to.be.greaterThan(10);
    expect(lines.some((l) => l.includes(full.written.html))).to.equal(true);
  });

  it('reads recycled content that follows the scenario input', () => {
    expect(recycled(full.report, 'COBALT')).to.be.greaterThan(recycled(lean.report, 'COBALT'));
    expect(recycled(lean.report, 'COBALT')).to.be.greaterThan(0);
    expect(recycled(full.report, 'NICKEL')).to.be.greaterThan(0);
    expect(recycled(lean.report, 'NICKEL')).to.equal(0);
  });

  it('reads the certified-origin claim on what the certified ore backs, and a pack without labels', () => {
    const backing = certifiedCobaltBacking();
    for (const result of [full, lean]) {
      expect(result.report.massBalance?.creditedGrams).to.equal(backing.creditGrams);
      expect(result.report.massBalance?.claims.map((c) => c.claimedGrams)).to.deep.equal([backing.claimGrams]);
      expect(result.report.recycledContent?.claims).to.deep.equal([]);
    }
  });

  it('writes each run its own figures into the HTML', () => {
    for (const result of [full, lean]) {
      const html = readFileSync(result.written.html, 'utf8');
      const cobalt = result.report.recycledContent?.shares.find((s) => s.element === 'COBALT');
      expect(html).to.include(formatPercent(cobalt?.sharePercent ?? -1));
      expect(html).to.include(formatMass(recycled(result.report, 'COBALT')));
      expect(html).to.include(result.report.passport?.passportId ?? 'no passport');
    }
  });

  it('opens in headless Chromium with no console errors and no requests, showing the key figures', () => {
    expect(opened.consoleErrors).to.deep.equal([]);
    expect(opened.otherRequests).to.deep.equal([]);
    const cobalt = full.report.recycledContent?.shares.find((s) => s.element === 'COBALT');
    expect(opened.text).to.include(formatPercent(cobalt?.sharePercent ?? -1));
    expect(opened.text).to.include(full.report.passport?.passportId ?? 'no passport');
    expect(opened.text).to.include(formatMass(full.report.massBalance?.claims[0]?.claimedGrams ?? -1));
    expect(opened.text).to.include('Kolwezi copper-cobalt mine');
    expect(opened.svgSizes.sankey?.width).to.be.greaterThan(500);
  });
});
