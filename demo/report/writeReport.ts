import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderReportHtml } from './html';
import type { ReportData } from './model';

/** Where a report was written. */
export interface WrittenReport {
  /** The self-contained HTML report. */
  readonly html: string;
  /** The same data as JSON, for scripts and later re-rendering. */
  readonly json: string;
}

/**
 * Writes the HTML report and its data as `index.html` and `report.json` into `dir` (created when missing).
 * @param data - the report content
 * @param dir - output folder, e.g. `.network/report`
 * @returns the absolute paths written
 */
export function writeReport(data: ReportData, dir: string): WrittenReport {
  const folder = path.resolve(dir);
  mkdirSync(folder, { recursive: true });
  const html = path.join(folder, 'index.html');
  const json = path.join(folder, 'report.json');
  writeFileSync(html, renderReportHtml(data));
  writeFileSync(json, `${JSON.stringify(data, null, 2)}\n`);
  return { html, json };
}
