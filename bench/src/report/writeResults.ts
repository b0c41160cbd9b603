import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchResults } from './BenchResults';
import { renderBarChart } from './chart';
import type { WorkloadThroughput } from '../suites/throughput';
import { BASELINE, ONE_ORG_BASELINE } from '../workloads/baseline';
import { compareOperations, ratiosTo, type Ratios } from './comparisons';
import { num, times } from './format';
import { renderMarkdown } from './markdown';
import { checkTargets } from './targets';

/** Files of one written run. */
export interface WrittenResults {
  readonly dir: string;
  readonly json: string;
  readonly markdown: string;
  readonly chart: string | undefined;
}

/**
 * Writes `results.json`, `results.md` and (with throughput figures) `goodput.svg` into `dir`.
 * BigInts never reach the JSON: summaries hold numbers only.
 */
export function writeResults(dir: string, results: BenchResults): WrittenResults {
  mkdirSync(dir, { recursive: true });
  const targets = checkTargets(results);
  const json = path.join(dir, 'results.json');
  writeFileSync(json, `${JSON.stringify({ ...results, targets }, null, 2)}\n`);
  let chart: string | undefined;
  if (results.throughput !== null) {
    chart = path.join(dir, 'goodput.svg');
    writeFileSync(chart, renderBarChart(goodputChart(results)));
  }
  const markdown = path.join(dir, 'results.md');
  writeFileSync(markdown, renderMarkdown(results, targets, chart === undefined ? undefined : path.basename(chart)));
  return { dir, json, markdown, chart };
}

function goodputChart(results: BenchResults): Parameters<typeof renderBarChart>[0] {
  const title = `Goodput at the knee (valid tx/s; × baseline; × one-organisation baseline), ${results.machine.cores} cores`;
  const throughput = results.throughput;
  if (throughput === null) {
    return { title, unit: 'tx/s', bars: [] };
  }
  const oneOrg = throughput.oneOrgBaseline;
  const knee = (workload: WorkloadThroughput): number => workload.knee?.summary.goodput ?? Number.NaN;
  const toOneOrg = (ratios: Ratios | null): string => (ratios === null ? '' : `; ${times(ratios.goodput)} 1 org`);
  const baselineBar = { label: BASELINE, value: knee(throughput.baseline), note: `${num(knee(throughput.baseline))} tx/s${toOneOrg(oneOrg === null ? null : ratiosTo(throughput.baseline, oneOrg))}` };
  const oneOrgBars = oneOrg === null ? [] : [{ label: ONE_ORG_BASELINE, reference: true, value: knee(oneOrg), note: `${num(knee(oneOrg))} tx/s` }];
  const operationBars = compareOperations(throughput).map((comparison) => ({
    label: comparison.name,
    value: comparison.kneeGoodput ?? Number.NaN,
    note: `${num(comparison.kneeGoodput)} tx/s (${times(comparison.toBaseline.goodput)}${toOneOrg(comparison.toOneOrgBaseline)})`,
  }));
  return { title, unit: 'tx/s', bars: [baselineBar, ...oneOrgBars, ...operationBars] };
}
