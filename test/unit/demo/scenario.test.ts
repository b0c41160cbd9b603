import { expect } from 'chai';
import { readReport } from '../../../demo/ledger/readReport';
import { playStages } from '../../../demo/player/play';
import { createProgress } from '../../../demo/player/progress';
import { renderReportHtml } from '../../../demo/report/html';
import type { ReportData, TraceNode } from '../../../demo/report/model';
import { flowImbalances, layoutSankey } from '../../../demo/report/sankeyLayout';
import { defaultScenarioInput, type ScenarioInput } from '../../../demo/scenario/input';
import { stages } from '../../../demo/scenario/stages/index';
import { reportSubject } from '../../../demo/scenario/subject';
import { MemoryNetwork } from '../../support/MemoryNetwork';
import { memoryActors } from './support/memoryActors';

const START = new Date('2025-01-01T00:00:00.000Z');

async function playAndRead(input: ScenarioInput, network = new MemoryNetwork(START.toISOString())): Promise<{ report: ReportData; lines: string[] }> {
  const lines: string[] = [];
  const actors = memoryActors(network);
  await playStages(stages, input, actors, createProgress((l) => lines.push(l)), START);
  const report = await readReport(actors.audit.user, reportSubject(input, { channel: 'memory', chaincode: 'battery-trace' }), START);
  return { report, lines };
}

function sites(node: TraceNode): TraceNode[] {
  return node.kind === 'site' ? [node] : node.children.flatMap(sites);
}

describe('demo scenario on the in-memory ledger', function () {
  this.timeout(60_000);
  let report: ReportData;
  let lines: string[];

  before(async () => {
    ({ report, lines } = await playAndRead(defaultScenarioInput('mem1')));
  });

  it('names every stage with its time', () => {
    for (const stage of stages) {
      expect(lines.some((l) => l.includes(stage.name) && l.includes('✓'))).to.equal(true, stage.name);
    }
  });

  it('traces the cathode batch down to every mine site, with masses read from the ledger', () => {
    const found = sites(report.trace).map((s) => `${s.facility?.country ?? '?'}:${s.usedGrams ?? 0}`);
    expect(found).to.have.members(['CD:600000', 'CD:60000', 'AU:440000', 'CL:100000', 'ID:6500000', 'ZA:55000']);
    const cobalt = report.trace.children.find((c) => c.title === 'Cobalt sulfate');
    expect(cobalt?.usedGrams).to.equal(60_000);
  });

  it('draws flows that conserve mass at every facility', () => {
    expect(flowImbalances(report.flows)).to.deep.equal([]);
    expect(() => layoutSankey(report.flows)).not.to.throw();
  });

  it('lists every shipment with declared and weighed mass', () => {
    const received = report.custody.filter((e) => e.action === 'received (accepted)' && e.subjectId === 'mem1-LOT-CO-ORE-KOL');
    expect(received).to.have.length(1);
    expect(received[0]).to.include({ grams: 599_400, lossGrams: 600 });
  });

  it('renders the report from what it read', () => {
    const html = renderReportHtml(report);
    expect(html).to.include('mem1-LOT-NMC811-G1');
    expect(html).to.include('Kolwezi copper-cobalt mine (CD)');
  });

  it('plays again on the same ledger with a new run id', async () => {
    const network = new MemoryNetwork(START.toISOString());
    await playAndRead(defaultScenarioInput('memA'), network);
    const second = await playAndRead(defaultScenarioInput('memB'), network);
    expect(second.report.trace.id).to.equal('memB-LOT-NMC811-G1');
  });
});
