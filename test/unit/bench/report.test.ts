import { expect } from 'chai';
import type { RoundSummary } from '../../../bench/src/driver/measure';
import type { BenchResults } from '../../../bench/src/report/BenchResults';
import { renderBarChart } from '../../../bench/src/report/chart';
import { compareOperations, endorsementCost } from '../../../bench/src/report/comparisons';
import { renderMarkdown } from '../../../bench/src/report/markdown';
import { check, checkTargets } from '../../../bench/src/report/targets';
import { costText } from '../../../bench/src/report/throughputMarkdown';
import { contentionVariant } from '../../../bench/src/suites/contention';
import type { WorkloadThroughput } from '../../../bench/src/suites/throughput';
import { summarize } from '../../../bench/src/stats/percentiles';

function summary(goodput: number, latencies: number[], cpuSeconds = 0.02, failures: Record<string, number> = {}): RoundSummary {
  const failed = Object.values(failures).reduce((a, b) => a + b, 0);
  return {
    rounds: 1,
    windowSeconds: 5,
    transactions: latencies.length + failed,
    valid: latencies.length,
    goodput,
    failureRate: failed / (latencies.length + failed),
    failures,
    latencyMs: summarize(latencies),
    endorseMs: summarize(latencies.map((l) => l / 4)),
    endorsementsPerTx: 2,
    resources: {
      validTransactions: latencies.length,
      cpuSecondsPerValidTx: { peer: cpuSeconds, orderer: cpuSeconds / 4, chaincode: cpuSeconds / 2, client: 0.001 },
      blockBytesPerTx: 3500,
      transactionsPerBlock: 10,
      bytesPerBlock: 35000,
    },
    exhausted: false,
  };
}

function workload(name: string, goodput: number, latency: number): WorkloadThroughput {
  const rounds = [0.5, 1.5].map((factor) => ({ goodput: goodput * factor, p50Ms: latency * factor, endorseP50Ms: (latency / 4) * factor }));
  const knee = { concurrency: 16, summary: summary(goodput, [latency, latency, latency * 2]), rounds };
  return {
    name,
    description: `${name} test`,
    ramp: [{ concurrency: 4, summary: summary(goodput / 4, [latency]), rounds }, knee],
    knee,
    commonLoad: summary(10, [latency, latency * 3]),
    commonLoadRounds: rounds,
    overall: summary(goodput, [latency], 0.02 * (100 / goodput)),
  };
}

function results(): BenchResults {
  return {
    format: 'battery-trace-bench/1',
    profile: 'quick',
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:03:00.000Z',
    machine: { cores: 2, cpuModel: 'test cpu', memoryBytes: 8 * 2 ** 30, platform: 'Linux', node: 'v20' },
    network: { networkDir: '/tmp/net', channel: 'batterytrace', chaincode: 'battery-trace', oneOrgChaincode: 'battery-trace-one-org', gatewayOrg: 'mining' },
    missing: ['IssueBattery: the deployed chaincode lacks battery:IssueBattery'],
    throughput: {
      baseline: workload('baseline', 100, 300),
      oneOrgBaseline: workload('baseline, one organisation', 125, 250),
      operations: [workload('ProposeTransfer', 80, 400), workload('Transform', 40, 900)],
      commonLoadRate: 10,
    },
    contention: null,
    queries: null,
  };
}

describe('bench comparisons and targets', () => {
  it('divides each operation by the baseline of the same run', () => {
    const [propose, transform] = compareOperations(results().throughput!);
    expect(propose?.toBaseline.goodput).to.be.closeTo(0.8, 1e-9);
    expect(propose?.toBaseline.p50).to.be.closeTo(400 / 300, 1e-9);
    expect(transform?.toBaseline.goodput).to.be.closeTo(0.4, 1e-9);
    expect(transform?.toBaseline.cpuPerTx).to.be.closeTo(2.5, 1e-9);
  });

  it('divides each operation by the one-organisation baseline too', () => {
    const [propose] = compareOperations(results().throughput!);
    expect(propose?.toOneOrgBaseline?.goodput).to.be.closeTo(80 / 125, 1e-9);
    expect(propose?.toOneOrgBaseline?.p50).to.be.closeTo(400 / 250, 1e-9);
    const alone = { ...results().throughput!, oneOrgBaseline: null };
    expect(compareOperations(alone)[0]?.toOneOrgBaseline).to.equal(null);
  });

  it('states what the second endorsement costs from the two baselines', () => {
    const cost = endorsementCost(results().throughput!);
    expect(cost?.kneeGoodput).to.deep.include({ baseline: 100, oneOrg: 125, ratio: 0.8, baselineSpread: { min: 50, max: 150, rounds: 2 } });
    const text = costText(cost ?? null);
    expect(text).to.contain("goodput at the knee 100.0 tx/s instead of 125.0 (−25.0 tx/s, 0.80×, −20 %; the baseline's own 2 rounds at that step: 50.0–150.0 tx/s, which hold the one-organisation figure)");
    expect(text).to.contain("p50 at the common load 300 ms instead of 250 (+50 ms, 1.20×, +20 %; the baseline's own 2 common-load rounds: 150–450 ms, which hold the one-organisation figure)");
    expect(text).to.contain('Neither baseline saturated: both knees are the top of the ramp (16 in flight)');
    expect(costText(null)).to.contain('not measured');
  });

  it('says only when the one-organisation figure lies within the baseline’s own spread', () => {
    const data = results().throughput!;
    const apart = { ...data, oneOrgBaseline: workload('baseline, one organisation', 160, 100) };
    expect(costText(endorsementCost(apart))).to.contain("goodput at the knee 100.0 tx/s instead of 160.0 (−60.0 tx/s, 0.63×, −38 %; the baseline's own 2 rounds at that step: 50.0–150.0 tx/s, all below the one-organisation figure)");
  });

  it('reports a miss with its size and a met target with its margin', () => {
    const targets = checkTargets(results());
    const transform = targets.find((target) => target.subject.startsWith('Transform: goodput'));
    expect(transform).to.include({ met: false, target: '≥ 0.50×' });
    expect(transform?.gap).to.equal('missed by 20 % (0.40 vs 0.50)');
    const propose = targets.find((target) => target.subject.startsWith('ProposeTransfer: goodput'));
    expect(propose?.met).to.equal(true);
    expect(check('x', null, 1, 'atMost').met).to.equal(null);
  });

  it('splits contention failures into MVCC, phantom and other', () => {
    const variant = contentionVariant({ name: 'naive', description: 'd' }, false, summary(5, [1, 2, 3, 4, 5, 6], 0.01, { MVCC_READ_CONFLICT: 3, PHANTOM_READ_CONFLICT: 1, TIMEOUT: 2 }));
    expect(variant).to.include({ mvccReadConflicts: 3, phantomReadConflicts: 1, otherFailures: 2, validFraction: 0.5 });
  });
});

describe('bench report rendering', () => {
  it('renders the machine, the ratios, the missed targets and what is missing', () => {
    const data = results();
    const markdown = renderMarkdown(data, checkTargets(data), 'goodput.svg');
    expect(markdown).to.contain('2 cores (test cpu), 8.0 GiB memory');
    expect(markdown).to.contain('| ProposeTransfer | 16 | 80.0 | 0.80× |');
    expect(markdown).to.contain('| ProposeTransfer | 2.00 | 80.0 | 0.80× | 0.64× | 400 | 1.33× | 1.60× |');
    expect(markdown).to.contain('| baseline, one organisation | 2.00 | 125.0 | 1.25× | 1.00× |');
    expect(markdown).to.contain('**What the second endorsement costs**');
    expect(markdown).to.contain('**missed**');
    expect(markdown).to.contain('![goodput at the knee](goodput.svg)');
    expect(markdown).to.contain('- IssueBattery: the deployed chaincode lacks battery:IssueBattery');
  });

  it('draws bars proportional to the values and escapes labels', () => {
    const svg = renderBarChart({ title: 'a < b', unit: 'tx/s', bars: [{ label: 'baseline', value: 100 }, { label: 'x&y', value: 50 }, { label: 'none', value: Number.NaN }] });
    expect(svg).to.contain('a &lt; b');
    expect(svg).to.contain('x&amp;y');
    expect(svg).to.match(/width="380\.0"/);
    expect(svg).to.match(/width="190\.0"/);
    expect(svg).to.contain('>n/a<');
  });
});
