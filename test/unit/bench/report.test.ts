import { expect } from 'chai';
import type { RoundSummary } from '../../../bench/src/driver/measure';
import type { BenchResults } from '../../../bench/src/report/BenchResults';
import { renderBarChart } from '../../../bench/src/report/chart';
import { compareOperations } from '../../../bench/src/report/comparisons';
import { renderMarkdown } from '../../../bench/src/report/markdown';
import { check, checkTargets } from '../../../bench/src/report/targets';
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
  const knee = { concurrency: 16, summary: summary(goodput, [latency, latency, latency * 2]) };
  return { name, description: `${name} test`, ramp: [knee], knee, commonLoad: summary(10, [latency, latency * 3]), overall: summary(goodput, [latency], 0.02 * (100 / goodput)) };
}

function results(): BenchResults {
  return {
    format: 'battery-trace-bench/1',
    profile: 'quick',
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:03:00.000Z',
    machine: { cores: 2, cpuModel: 'test cpu', memoryBytes: 8 * 2 ** 30, platform: 'Linux', node: 'v20' },
    network: { networkDir: '/tmp/net', channel: 'batterytrace', chaincode: 'battery-trace', gatewayOrg: 'mining' },
    missing: ['IssueBattery: the deployed chaincode lacks battery:IssueBattery'],
    throughput: { baseline: workload('baseline', 100, 300), operations: [workload('ProposeTransfer', 80, 400), workload('Transform', 40, 900)], commonLoadRate: 10 },
    contention: null,
    queries: null,
  };
}

describe('bench comparisons and targets', () => {
  it('divides each operation by the baseline of the same run', () => {
    const [propose, transform] = compareOperations(results().throughput!);
    expect(propose?.goodputRatio).to.be.closeTo(0.8, 1e-9);
    expect(propose?.p50Ratio).to.be.closeTo(400 / 300, 1e-9);
    expect(transform?.goodputRatio).to.be.closeTo(0.4, 1e-9);
    expect(transform?.cpuPerTxRatio).to.be.closeTo(2.5, 1e-9);
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
