import type { RoundSummary } from '../driver/measure';
import type { ContentionResult } from '../suites/contention';
import type { QueryResult } from '../suites/queries';
import type { QueryMeasurement } from '../suites/queryTiming';
import type { ThroughputResult, WorkloadThroughput } from '../suites/throughput';
import type { BenchResults } from './BenchResults';
import { compareOperations, networkCpuPerTx, type OperationComparison } from './comparisons';
import { failureList, num, percent, table, times } from './format';
import { describeMachine } from './machine';
import type { TargetCheck } from './targets';

/**
 * Renders a run as Markdown: machine, targets (met/missed and by how much), throughput and latency against the
 * baseline, ramps, resources, contention and query scaling.
 * @param chartFile - file name of the SVG chart next to the report, linked when given
 */
export function renderMarkdown(results: BenchResults, targets: readonly TargetCheck[], chartFile?: string): string {
  const sections = [
    `# battery-trace benchmark — ${results.profile} run, ${results.startedAt}`,
    `Machine: ${describeMachine(results.machine)}.  \nNetwork: ${results.network.networkDir} (channel \`${results.network.channel}\`, chaincode \`${results.network.chaincode}\`, every client on the ${results.network.gatewayOrg} gateway peer).  \nFinished ${results.finishedAt}.`,
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

function throughputSection(throughput: ThroughputResult, chartFile: string | undefined): string {
  const comparisons = compareOperations(throughput);
  const byName = new Map(comparisons.map((comparison) => [comparison.name, comparison]));
  const workloads = [throughput.baseline, ...throughput.operations];
  const load = throughput.commonLoadRate === null ? 'not run' : `${throughput.commonLoadRate} tx/s offered (open loop)`;
  return [
    '## Throughput and latency against the baseline',
    'Goodput counts valid commits only. Latency is submit-to-commit (proposal created → commit status) of valid transactions; endorse is the `proposal.endorse()` phase. The knee is the ramp step with the highest goodput whose p95 ≤ 2 s and failures < 1 %.',
    chartFile === undefined ? '' : `![goodput at the knee](${chartFile})`,
    '### At the knee',
    table(
      ['workload', 'knee (in flight)', 'goodput tx/s', '× baseline', 'p50 ms', 'p95 ms', 'p99 ms', 'endorse p50 ms', 'failures'],
      workloads.map((workload) => kneeRow(workload, byName.get(workload.name))),
    ),
    `### At the common load: ${load}`,
    table(
      ['workload', 'goodput tx/s', 'p50 ms', '× base', 'p95 ms', '× base', 'p99 ms', '× base', 'endorse p50 ms', '× base', 'failures'],
      workloads.map((workload) => commonRow(workload, byName.get(workload.name))),
    ),
    '### Ramp (goodput tx/s / p95 ms / failure rate per step)',
    rampTable(workloads),
    '### Resources per transaction (all rounds of the workload)',
    'CPU from utime+stime of the network processes recorded in the pids folder, per valid transaction; block bytes from the growth of orderer0\'s block files, per ordered transaction.',
    table(
      ['workload', 'peer ms', 'orderer ms', 'chaincode ms', 'network ms', '× base', 'client ms', 'bytes/tx', '× base', 'tx/block', 'bytes/block'],
      workloads.map((workload) => resourceRow(workload, byName.get(workload.name))),
    ),
  ]
    .filter((part) => part !== '')
    .join('\n\n');
}

function kneeRow(workload: WorkloadThroughput, comparison: OperationComparison | undefined): string[] {
  const knee = workload.knee?.summary;
  return [
    workload.name,
    workload.knee === null ? 'none' : String(workload.knee.concurrency),
    num(knee?.goodput),
    comparison === undefined ? '1.00×' : times(comparison.goodputRatio),
    num(knee?.latencyMs.p50, 0),
    num(knee?.latencyMs.p95, 0),
    num(knee?.latencyMs.p99, 0),
    num(knee?.endorseMs.p50, 0),
    knee === undefined ? 'n/a' : failureList(knee.failures),
  ];
}

function commonRow(workload: WorkloadThroughput, comparison: OperationComparison | undefined): string[] {
  const common: RoundSummary | null = workload.commonLoad;
  const base = (value: number | null | undefined): string => (comparison === undefined ? '1.00×' : times(value));
  return [
    workload.name,
    num(common?.goodput),
    num(common?.latencyMs.p50, 0),
    base(comparison?.p50Ratio),
    num(common?.latencyMs.p95, 0),
    base(comparison?.p95Ratio),
    num(common?.latencyMs.p99, 0),
    base(comparison?.p99Ratio),
    num(common?.endorseMs.p50, 0),
    base(comparison?.endorseP50Ratio),
    common === null ? 'n/a' : failureList(common.failures),
  ];
}

function rampTable(workloads: readonly WorkloadThroughput[]): string {
  const levels = [...new Set(workloads.flatMap((workload) => workload.ramp.map((step) => step.concurrency)))].sort((a, b) => a - b);
  return table(
    ['in flight', ...workloads.map((workload) => workload.name)],
    levels.map((level) => [
      String(level),
      ...workloads.map((workload) => {
        const step = workload.ramp.find((candidate) => candidate.concurrency === level);
        return step === undefined
          ? '—'
          : `${num(step.summary.goodput)} / ${num(step.summary.latencyMs.p95, 0)} / ${percent(step.summary.failureRate)}${step === workload.knee ? ' ◀ knee' : ''}`;
      }),
    ]),
  );
}

function resourceRow(workload: WorkloadThroughput, comparison: OperationComparison | undefined): string[] {
  const resources = workload.overall.resources;
  const ms = (seconds: number): string => num(seconds * 1000, 2);
  return [
    workload.name,
    ms(resources.cpuSecondsPerValidTx.peer),
    ms(resources.cpuSecondsPerValidTx.orderer),
    ms(resources.cpuSecondsPerValidTx.chaincode),
    ms(networkCpuPerTx(resources)),
    comparison === undefined ? '1.00×' : times(comparison.cpuPerTxRatio),
    ms(resources.cpuSecondsPerValidTx.client),
    num(resources.blockBytesPerTx, 0),
    comparison === undefined ? '1.00×' : times(comparison.blockBytesPerTxRatio),
    num(resources.transactionsPerBlock, 1),
    num(resources.bytesPerBlock, 0),
  ];
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
