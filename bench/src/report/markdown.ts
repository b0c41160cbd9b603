import type { ContentionResult } from '../suites/contention';
import type { QueryResult } from '../suites/queries';
import type { QueryMeasurement } from '../suites/queryTiming';
import type { BenchResults } from './BenchResults';
import { failureList, num, percent, table, times } from './format';
import { describeMachine } from './machine';
import type { TargetCheck } from './targets';
import { throughputSection } from './throughputMarkdown';

/**
 * Renders a run as Markdown: machine, targets (met/missed and by how much), throughput and latency against both
 * baselines with the cost of the second endorsement, ramps, resources, contention and query scaling.
 * @param chartFile - file name of the SVG chart next to the report, linked when given
 */
export function renderMarkdown(results: BenchResults, targets: readonly TargetCheck[], chartFile?: string): string {
  const sections = [
    `# battery-trace benchmark — ${results.profile} run, ${results.startedAt}`,
    `Machine: ${describeMachine(results.machine)}.  \nNetwork: ${results.network.networkDir} (channel \`${results.network.channel}\`, chaincode \`${results.network.chaincode}\`${results.network.oneOrgChaincode === null ? '' : ` and its one-organisation definition \`${results.network.oneOrgChaincode}\``}, each client on its organisation's gateway peer, the proposer and the baselines on ${results.network.gatewayOrg}'s).  \nFinished ${results.finishedAt}.`,
    targetsSection(targets),
    results.throughput === null ? '' : throughputSection(results.throughput, chartFile),
    results.contention === null ? '' : contentionSection(results.contention),
    results.queries === null ? '' : querySection(results.queries),
    results.missing.length === 0 ? '' : `## Not measured\n\n${results.missing.map((line) => `- ${line}`).join('\n')}`,
  ];
  return `${sections.filter((section) => section !== '').join('\n\n')}\n`;
}

function targetsSection(targets: readonly TargetCheck[]): string {
  if (targets.length === 0) {
    return '## Targets\n\nNo target was measurable in this run.';
  }
  const verdict = (met: boolean | null): string => (met === null ? 'not measured' : met ? 'met' : '**missed**');
  return `## Targets (issue 6; reported, never asserted)\n\n${table(
    ['subject', 'target', 'measured', 'verdict', 'gap'],
    targets.map((check) => [check.subject, check.target, num(check.measured, 3), verdict(check.met), check.gap]),
  )}`;
}

function contentionSection(contention: ContentionResult): string {
  return [
    '## Contention (Zipf)',
    `${contention.concurrency} clients in flight; facilities drawn from a Zipf distribution over ${contention.facilities} facilities (exponent ${contention.exponent}; the hottest gets ${percent(contention.hottestShare)} of the draws).`,
    table(
      ['variant', 'independent records', 'transactions', 'valid', 'MVCC read conflicts', 'phantom read conflicts', 'other failures', 'goodput tx/s', 'p95 ms'],
      contention.variants.map((variant) => [
        `${variant.name} — ${variant.description}`,
        variant.independent ? 'yes' : 'no',
        String(variant.summary.transactions),
        percent(variant.validFraction),
        String(variant.mvccReadConflicts),
        String(variant.phantomReadConflicts),
        variant.otherFailures === 0 ? '0' : `${variant.otherFailures} (${failureList(variant.summary.failures)})`,
        num(variant.summary.goodput),
        num(variant.summary.latencyMs.p95, 0),
      ]),
    ),
  ].join('\n\n');
}

function querySection(queries: QueryResult): string {
  const rows = (list: readonly QueryMeasurement[]): string[][] =>
    list.map((measurement) => [
      measurement.query,
      String(measurement.size),
      String(measurement.records),
      String(measurement.pages),
      measurement.unrelatedRecords === null ? '—' : String(measurement.unrelatedRecords),
      num(measurement.latencyMs.p50, 1),
      num(measurement.latencyMs.p95, 1),
      num(measurement.readLatencyMs.p50, 1),
      times(measurement.ratioToRead),
    ]);
  return [
    '## Query scaling',
    'Queries are evaluated on the gateway peer; paginated queries are timed over all their pages. Each query run alternates with a `baseline:Read` of one key (read, query, read, query …), the reference of its ratio.',
    table(
      ['query', 'size', 'records returned', 'pages', 'unrelated records', 'p50 ms', 'p95 ms', 'single read p50 ms', 'p50 × single read'],
      rows([...queries.traces, ...queries.statements, ...queries.histories]),
    ),
    queries.traceGrowth.length === 0
      ? ''
      : table(
          ['trace size', 'unrelated before', 'unrelated after', 'p50 after / before'],
          queries.traceGrowth.map((growth) => [String(growth.size), String(growth.unrelatedBefore), String(growth.unrelatedAfter), times(growth.ratio)]),
        ),
  ]
    .filter((part) => part !== '')
    .join('\n\n');
}
