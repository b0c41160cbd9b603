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
import { contracts } from '../../../chaincode/src/index';
import { LOCAL_NETWORK_CHAINCODE_POLICY, MemoryNetwork } from '../../support/MemoryNetwork';
import { memoryActors } from './support/memoryActors';

const START = new Date('2025-01-01T00:00:00.000Z');

async function playAndRead(input: ScenarioInput, network = new MemoryNetwork({ start: START.toISOString(), chaincodePolicy: LOCAL_NETWORK_CHAINCODE_POLICY })): Promise<{ report: ReportData; lines: string[] }> {
  const lines: string[] = [];
  const actors = memoryActors(network);
  await playStages(stages, input, actors, createProgress((l) => lines.push(l)), START);
  const readers = {
    auditor: actors.audit.user,
    publicReader: { reader: actors.mining.user, name: 'MiningMSP' },
    restrictedReader: { reader: actors.recycling.user, name: 'RecyclingMSP' },
  };
  const report = await readReport(readers, reportSubject(input, { channel: 'memory', chaincode: 'battery-trace' }), START);
  return { report, lines };
}

function sites(node: TraceNode): TraceNode[] {
  return node.kind === 'site' ? [node] : node.children.flatMap(sites);
}

/** The contracts the whole story needs; the suite waits for the chaincode to expose all of them. */
const NEEDED = ['facility', 'lot', 'custody', 'process', 'massbalance', 'battery', 'audit'];
const exposed = new Set(contracts.map((C) => new C().getName()));
const missing = NEEDED.filter((name) => !exposed.has(name));

describe('demo scenario on the in-memory ledger', function () {
  this.timeout(60_000);
  let report: ReportData;
  let lines: string[];

  before(async function () {
    if (missing.length > 0) {
      this.skip();
    }
    ({ report, lines } = await playAndRead(defaultScenarioInput('mem1')));
  });

  it('names every stage with its time', () => {
    for (const stage of stages) {
      expect(lines.some((l) => l.includes(stage.name) && l.includes('✓'))).to.equal(true, stage.name);
    }
  });

  it('traces the new pack down to every mine site and back through the recycled pack', () => {
    const countries = new Set(sites(report.trace).map((site) => site.facility?.country));
    expect([...countries]).to.have.members(['CD', 'AU', 'CL', 'ID', 'ZA']);
    const ids: string[] = [];
    const walk = (node: TraceNode): void => {
      ids.push(node.id);
      node.children.forEach(walk);
    };
    walk(report.trace);
    expect(ids).to.include('mem1-PACK-G1-1');
    expect(ids).to.include('mem1-LOT-BM-HOB');
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

  it('shows recycled cobalt read from the battery record, and the recovered lot it came from', () => {
    const cobalt = report.recycledContent?.shares.find((share) => share.element === 'COBALT');
    expect(cobalt?.recycledGrams).to.be.greaterThan(0);
    expect(cobalt?.sharePercent).to.be.greaterThan(0).and.lessThan(100);
    expect(report.recycledContent?.sources.map((source) => source.lotId)).to.include('mem1-LOT-RCOSO4-HOB');
  });

  it('shows more passport attributes to the recycler than to the public', () => {
    const passport = report.passport;
    expect(passport?.restrictedView.fields.length).to.be.greaterThan(passport?.publicView.fields.length ?? Infinity);
  });

  it('shows the certified-origin statement with the ore credited on receipt and the claim debited', () => {
    const statement = report.massBalance;
    expect(statement?.creditedGrams).to.equal(599_400);
    expect(statement?.debitedGrams).to.be.greaterThan(0);
    expect(statement?.balanceGrams).to.equal((statement?.creditedGrams ?? 0) - (statement?.debitedGrams ?? 0));
  });

  it('renders the report from what it read', () => {
    const html = renderReportHtml(report);
    expect(html).to.include('mem1-PACK-G2-1');
    expect(html).to.include('Kolwezi copper-cobalt mine (CD)');
  });

  it('follows the input: less recovered cobalt sulfate in, less recycled cobalt in the passport', async () => {
    const network = new MemoryNetwork({ start: START.toISOString(), chaincodePolicy: LOCAL_NETWORK_CHAINCODE_POLICY });
    const full = await playAndRead({ ...defaultScenarioInput('memF'), recycledCobaltSulfateGrams: 4_000 }, network);
    const half = await playAndRead({ ...defaultScenarioInput('memH'), recycledCobaltSulfateGrams: 2_000 }, network);
    const share = (r: ReportData): number => r.recycledContent?.shares.find((s) => s.element === 'COBALT')?.recycledGrams ?? -1;
    expect(share(half.report)).to.be.greaterThan(0).and.lessThan(share(full.report));
  });

  it('plays again on the same ledger with a new run id', async () => {
    const network = new MemoryNetwork({ start: START.toISOString(), chaincodePolicy: LOCAL_NETWORK_CHAINCODE_POLICY });
    await playAndRead(defaultScenarioInput('memA'), network);
    const second = await playAndRead(defaultScenarioInput('memB'), network);
    expect(second.report.trace.id).to.equal('memB-PACK-G2-1');
  });
});
