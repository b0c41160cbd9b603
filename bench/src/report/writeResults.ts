import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchResults } from './BenchResults';
import { renderBarChart } from './chart';
import { compareOperations } from './comparisons';
import { times } from './format';
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
  const throughput = results.throughput;
  const comparisons = throughput === null ? [] : compareOperations(throughput);
  const bars = [
    { label: 'baseline', value: throughput?.baseline.knee?.summary.goodput ?? Number.NaN, note: `${(throughput?.baseline.knee?.summary.goodput ?? 0).toFixed(1)} tx/s` },
    ...comparisons.map((comparison) => ({
      label: comparison.name,
      value: comparison.kneeGoodput ?? Number.NaN,
      note: `${(comparison.kneeGoodput ?? 0).toFixed(1)} tx/s (${times(comparison.goodputRatio)})`,
    })),
  ];
  return { title: `Goodput at the knee (valid tx/s), ${results.machine.cores} cores`, unit: 'tx/s', bars };
}
