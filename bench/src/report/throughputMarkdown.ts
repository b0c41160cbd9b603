import type { ThroughputResult, WorkloadThroughput } from '../suites/throughput';
import { endorsementCost, networkCpuPerTx, ratiosTo, type BaselineFigure, type EndorsementCost, type Ratios, type Spread } from './comparisons';
import { failureList, num, percent, table, times } from './format';

/** A workload of the report with its ratios to both baselines of the run. */
interface Row {
  readonly workload: WorkloadThroughput;
  readonly toBaseline: Ratios;
  readonly toOneOrg: Ratios | null;
}

/**
 * The throughput section of a report: both baselines and every operation side by side (goodput, latency, endorse
 * phase as ratios to each baseline), what the second endorsement costs, then the knee, common-load, ramp and
 * resource tables.
 * @param chartFile - file name of the SVG chart next to the report, linked when given
 */
export function throughputSection(throughput: ThroughputResult, chartFile: string | undefined): string {
  const oneOrg = throughput.oneOrgBaseline;
  const rows: Row[] = [throughput.baseline, ...(oneOrg === null ? [] : [oneOrg]), ...throughput.operations].map((workload) => ({
    workload,
    toBaseline: ratiosTo(workload, throughput.baseline),
    toOneOrg: oneOrg === null ? null : ratiosTo(workload, oneOrg),
  }));
  const load = throughput.commonLoadRate === null ? 'not run' : `${throughput.commonLoadRate} tx/s offered (open loop)`;
  return [
    '## Throughput and latency against the baselines',
    'Goodput counts valid commits only. Latency is submit-to-commit (proposal created → commit status) of valid transactions; endorse is the `proposal.endorse()` phase. The knee is the ramp step with the highest goodput whose p95 ≤ 2 s and failures < 1 %. Endorsements per transaction are counted in each endorsed transaction\'s envelope.',
    chartFile === undefined ? '' : `![goodput at the knee](${chartFile})`,
    `### Against both baselines (goodput at the knee; latency at the common load, ${load})`,
    'The baseline writes under the chaincode definition every operation uses (its chaincode-level policy); the one-organisation baseline writes the same value with the same package under a definition that one organisation\'s endorsement satisfies.',
    table(
      ['workload', 'endorsements/tx', 'goodput tx/s', '× baseline', '× 1-org baseline', 'p50 ms', '× baseline', '× 1-org baseline', 'p95 ms', '× baseline', '× 1-org baseline', 'endorse p50 ms', '× baseline', '× 1-org baseline'],
      rows.map(bothBaselinesRow),
    ),
    costText(endorsementCost(throughput)),
    '### At the knee',
    table(['workload', 'knee (in flight)', 'goodput tx/s', '× baseline', 'p50 ms', 'p95 ms', 'p99 ms', 'endorse p50 ms', 'failures'], rows.map(kneeRow)),
    `### At the common load: ${load}`,
    table(['workload', 'goodput tx/s', 'p50 ms', '× base', 'p95 ms', '× base', 'p99 ms', '× base', 'endorse p50 ms', '× base', 'failures'], rows.map(commonRow)),
    '### Ramp (goodput tx/s / p95 ms / failure rate per step)',
    rampTable(rows.map((row) => row.workload)),
    '### Resources per transaction (all rounds of the workload)',
    "CPU from utime+stime of the network processes recorded in the pids folder, per valid transaction; block bytes from the growth of orderer0's block files, per ordered transaction.",
    table(['workload', 'peer ms', 'orderer ms', 'chaincode ms', 'network ms', '× base', 'client ms', 'bytes/tx', '× base', 'tx/block', 'bytes/block'], rows.map(resourceRow)),
  ]
    .filter((part) => part !== '')
    .join('\n\n');
}

function bothBaselinesRow({ workload, toBaseline, toOneOrg }: Row): string[] {
  const common = workload.commonLoad;
  return [
    workload.name,
    num(workload.overall.endorsementsPerTx, 2),
    num(workload.knee?.summary.goodput),
    times(toBaseline.goodput),
    times(toOneOrg?.goodput),
    num(common?.latencyMs.p50, 0),
    times(toBaseline.p50),
    times(toOneOrg?.p50),
    num(common?.latencyMs.p95, 0),
    times(toBaseline.p95),
    times(toOneOrg?.p95),
    num(common?.endorseMs.p50, 0),
    times(toBaseline.endorseP50),
    times(toOneOrg?.endorseP50),
  ];
}

/**
 * One paragraph on what the endorsements beyond the first cost, computed from the two baselines of the run: each
 * difference with the baseline's own round-to-round spread beside it, and a warning when neither baseline
 * saturated within the ramp.
 */
export function costText(cost: EndorsementCost | null): string {
  if (cost === null) {
    return '**The cost of the second endorsement is not measured in this run**: the network has no one-organisation chaincode definition (`npm run bench` deploys one on its own network).';
  }
  const lines = [
    `**What the second endorsement costs** (the baseline, ${num(cost.endorsements.baseline, 2)} endorsements per transaction, against the one-organisation baseline, ${num(cost.endorsements.oneOrg, 2)}; same transaction, package and run):`,
    `goodput at the knee ${change(cost.kneeGoodput, 'tx/s', 1, 'rounds at that step')};`,
    `p50 at the common load ${change(cost.p50Ms, 'ms', 0, 'common-load rounds')};`,
    `endorse phase p50 ${change(cost.endorseP50Ms, 'ms', 0, 'common-load rounds')};`,
    `network CPU per transaction ${change(cost.networkCpuMs, 'ms', 2)};`,
    `block bytes per transaction ${change(cost.blockBytes, 'B', 0)}.`,
  ];
  if (cost.unsaturatedAt !== null) {
    lines.push(
      `Neither baseline saturated: both knees are the top of the ramp (${cost.unsaturatedAt} in flight), where goodput is the clients in flight over the latency, so its ratio is a latency ratio, not a capacity one; the CPU per transaction says what the second endorsement takes from a saturated machine.`,
    );
  }
  return lines.join(' ');
}

/**
 * `175 ms instead of 141 (+34 ms, 1.24×, +24 %; the baseline's 5 common-load rounds: 138–175 ms)`, or `n/a`
 * when either figure is missing.
 */
function change(figure: BaselineFigure, unit: string, digits: number, roundsName?: string): string {
  if (figure.baseline === null || figure.oneOrg === null || figure.ratio === null) {
    return 'n/a (not measured for both baselines)';
  }
  const delta = figure.baseline - figure.oneOrg;
  const sign = delta < 0 ? '−' : '+';
  const relative = `${sign}${Math.abs((figure.ratio - 1) * 100).toFixed(0)} %`;
  const spread = figure.baselineSpread;
  const noise = spread === null || roundsName === undefined ? '' : `; the baseline's own ${spread.rounds} ${roundsName}: ${num(spread.min, digits)}–${num(spread.max, digits)} ${unit}, ${placeOf(figure.oneOrg, spread)}`;
  return `${num(figure.baseline, digits)} ${unit} instead of ${num(figure.oneOrg, digits)} (${sign}${num(Math.abs(delta), digits)} ${unit}, ${times(figure.ratio)}, ${relative}${noise})`;
}

function placeOf(value: number, spread: Spread): string {
  if (value < spread.min) {
    return 'all above the one-organisation figure';
  }
  return value > spread.max ? 'all below the one-organisation figure' : 'which hold the one-organisation figure';
}

function kneeRow({ workload, toBaseline }: Row): string[] {
  const knee = workload.knee?.summary;
  return [
    workload.name,
    workload.knee === null ? 'none' : String(workload.knee.concurrency),
    num(knee?.goodput),
    times(toBaseline.goodput),
    num(knee?.latencyMs.p50, 0),
    num(knee?.latencyMs.p95, 0),
    num(knee?.latencyMs.p99, 0),
    num(knee?.endorseMs.p50, 0),
    knee === undefined ? 'n/a' : failureList(knee.failures),
  ];
}

function commonRow({ workload, toBaseline }: Row): string[] {
  const common = workload.commonLoad;
  return [
    workload.name,
    num(common?.goodput),
    num(common?.latencyMs.p50, 0),
    times(toBaseline.p50),
    num(common?.latencyMs.p95, 0),
    times(toBaseline.p95),
    num(common?.latencyMs.p99, 0),
    times(toBaseline.p99),
    num(common?.endorseMs.p50, 0),
    times(toBaseline.endorseP50),
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

function resourceRow({ workload, toBaseline }: Row): string[] {
  const resources = workload.overall.resources;
  const ms = (seconds: number): string => num(seconds * 1000, 2);
  return [
    workload.name,
    ms(resources.cpuSecondsPerValidTx.peer),
    ms(resources.cpuSecondsPerValidTx.orderer),
    ms(resources.cpuSecondsPerValidTx.chaincode),
    ms(networkCpuPerTx(resources)),
    times(toBaseline.cpuPerTx),
    ms(resources.cpuSecondsPerValidTx.client),
    num(resources.blockBytesPerTx, 0),
    times(toBaseline.blockBytesPerTx),
    num(resources.transactionsPerBlock, 1),
    num(resources.bytesPerBlock, 0),
  ];
}
