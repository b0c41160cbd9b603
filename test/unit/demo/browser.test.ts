import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderReportHtml } from '../../../demo/report/html';
import { fixtureReport } from './fixture';
import { requireChromium, openReportInChromium, type OpenedReport } from './support/browser';


describe('demo report in headless Chromium', function () {
  this.timeout(180_000);
  let dir: string;
  let opened: OpenedReport;

  before(async () => {
    requireChromium();
    dir = mkdtempSync(path.join(os.tmpdir(), 'bt-report-'));
    const file = path.join(dir, 'index.html');
    writeFileSync(file, renderReportHtml(fixtureReport()));
    opened = await openReportInChromium(file, process.env.BT_REPORT_SCREENSHOT);
  });

  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens with no console errors', () => {
    expect(opened.consoleErrors).to.deep.equal([]);
  });

  it('loads nothing besides the file itself', () => {
    expect(opened.otherRequests).to.deep.equal([]);
  });

  it('shows the key figures', () => {
    for (const figure of ['fx-PACK-0001', '16.00 %', '6.00 %', '12,654.322 kg', 'not shown (restricted)', 'Kokkola cobalt refinery']) {
      expect(opened.text).to.include(figure);
    }
  });

  it('draws the Sankey diagram and the trace tree', () => {
    expect(opened.svgSizes.sankey?.width).to.be.greaterThan(500);
    expect(opened.svgSizes['trace-tree']?.height).to.be.greaterThan(100);
  });
});
