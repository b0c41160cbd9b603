import { expect } from 'chai';
import { readReport } from '../../../demo/ledger/readReport';
import { playStages } from '../../../demo/player/play';
import { createProgress } from '../../../demo/player/progress';
import { renderReportHtml } from '../../../demo/report/html';
import type { RecycledShare, ReportData, TraceNode } from '../../../demo/report/model';
import { flowImbalances, layoutSankey } from '../../../demo/report/sankeyLayout';
import { createContext } from '../../../demo/scenario/context';
import { defaultScenarioInput, type ScenarioInput } from '../../../demo/scenario/input';
import { cellSpec, cellsPerPack, certifiedCobaltBacking, certifiedCobaltSulfateKey, firstCathodeInputs, packSpec, recovery } from '../../../demo/scenario/plan';
import { claimCertifiedCobalt } from '../../../demo/scenario/stages/audit';
import { stages } from '../../../demo/scenario/stages/index';
import { reportSubject } from '../../../demo/scenario/subject';
import { contracts } from '../../../chaincode/src/index';
import { isContractError } from '../../../sdk/src/index';
import { MemoryNetwork } from '../../support/MemoryNetwork';
import { memoryActors } from './support/memoryActors';

const START = new Date('2025-01-01T00:00:00.000Z');

async function playAndRead(input: ScenarioInput, network = new MemoryNetwork(START.toISOString())): Promise<{ report: ReportData; lines: string[]; actors: ReturnType<typeof memoryActors> }> {
  const lines: string[] = [];
  const actors = memoryActors(network);
  await playStages(stages, input, actors, createProgress((l) => lines.push(l)), START);
  const readers = {
    auditor: actors.audit.user,
    publicReader: { reader: actors.mining.user, name: 'MiningMSP' },
    restrictedReader: { reader: actors.recycling.user, name: 'RecyclingMSP' },
  };
  const report = await readReport(readers, reportSubject(input, { channel: 'memory', chaincode: 'battery-trace' }), START);
  return { report, lines, actors };
}

function sites(node: TraceNode): TraceNode[] {
  return node.kind === 'site' ? [node] : node.children.flatMap(sites);
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

/** The contracts the whole story needs; the suite waits for the chaincode to expose all of them. */
const NEEDED = ['facility', 'lot', 'custody', 'process', 'massbalance', 'battery', 'audit'];
const exposed = new Set(contracts.map((C) => new C().getName()));
const missing = NEEDED.filter((name) => !exposed.has(name));

describe('demo scenario on the in-memory ledger', function () {
  this.timeout(60_000);
  let report: ReportData;
  let lines: string[];
  let actors: ReturnType<typeof memoryActors>;
  const id = (suffix: string): string => `mem1-${suffix}`;

  before(async function () {
    if (missing.length > 0) {
      this.skip();
    }
    ({ report, lines, actors } = await playAndRead(defaultScenarioInput('mem1')));
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
    expect(ids).to.include(id('PACK-G1-1'));
    expect(ids).to.include(id('LOT-BM-HOB'));
    expect(ids, 'the certified-origin sulfate split off at the refinery').to.include(id(certifiedCobaltSulfateKey));
  });

  it('shows only auditors’ attestations as certifying a mine, never its own declaration', () => {
    const kolwezi = sites(report.trace).find((site) => site.id === id('MINE-CD-KOL'));
    expect(kolwezi?.certifications).to.have.length(1);
    expect(kolwezi?.certifications[0]).to.match(/^attested IRMA 75 PASS \(valid to \d{4}-\d{2}-\d{2}\): certified origin$/);
  });

  it('draws flows that conserve mass at every facility', () => {
    expect(flowImbalances(report.flows)).to.deep.equal([]);
    expect(() => layoutSankey(report.flows)).not.to.throw();
  });

  it('lists every shipment with declared and weighed mass, and every battery handover', () => {
    const received = report.custody.filter((e) => e.action === 'received (accepted)' && e.subjectId === id('LOT-CO-ORE-KOL'));
    expect(received).to.have.length(1);
    expect(received[0]).to.include({ grams: 599_400, lossGrams: 600 });
    const pack = report.custody.filter((e) => e.subjectId === id('PACK-G1-1')).map((e) => e.action);
    expect(pack).to.deep.equal(['issued (pack)', 'collection proposed', 'collection accepted', 'handover proposed', 'handover accepted']);
    const split = report.custody.find((e) => e.subjectId === id(certifiedCobaltSulfateKey) && e.action.startsWith('split'));
    expect(split?.to, 'split off where the refinery claimed it, not where it went').to.equal('Kokkola cobalt refinery (FI)');
  });

  it('shows the recycled shares of the battery record, regulated elements first, with what each recovered lot contributed', () => {
    const content = report.recycledContent;
    if (content === undefined) expect.fail('the report shows no recycled content');
    expect(content.shares.map((s) => [s.element, s.regulated])).to.deep.equal([
      ['COBALT', true],
      ['LITHIUM', true],
      ['NICKEL', true],
      ['MANGANESE', false],
    ]);
    expect(content.regulatedAbsent).to.deep.equal(['LEAD']);
    for (const share of content.shares) {
      const contributed = content.sources.filter((s) => s.element === share.element).reduce((sum, s) => sum + s.grams, 0);
      expect(contributed, share.element).to.equal(share.recycledGrams);
    }
    const share = (element: string): RecycledShare | undefined => content.shares.find((s) => s.element === element);
    expect(share('COBALT')?.sharePercent).to.be.greaterThan(16).and.lessThan(26);
    expect(share('MANGANESE')?.recycledGrams, 'no manganese is recovered').to.equal(0);
    expect(content.sources.map((source) => source.lotId)).to.have.members([id('LOT-RCOSO4-HOB'), id('LOT-RNISO4-HOB'), id('LOT-RLI2CO3-HOB')]);
  });

  it('leaves transformation outputs unlabelled and credits labelled inputs where they are consumed', async () => {
    const first = await actors.audit.user.getProcessRun({ id: id('RUN-LOT-NMC811-G1') });
    const certified = firstCathodeInputs().find((input) => input.key === certifiedCobaltSulfateKey)?.grams;
    expect(first.credited).to.deep.equal([{ lotId: id(certifiedCobaltSulfateKey), claim: 'CERTIFIED_ORIGIN', massGrams: certified }]);
    expect(first.lapsed).to.deep.equal([]);
    expect((await actors.audit.user.getLot({ id: id('LOT-NMC811-G1') })).claims).to.deep.equal([]);
    const pack = await actors.audit.user.getBattery({ id: id('PACK-G2-1') });
    expect(pack.claims, 'its cathode carried no label').to.deep.equal([]);
    expect(report.recycledContent?.claims).to.deep.equal([]);
  });

  it('labels what the recycler recovers post-consumer recycled, and claims it on the salts by the black mass consumed', async () => {
    const blackMass = await actors.audit.user.getLot({ id: id('LOT-BM-HOB') });
    expect(blackMass.claims).to.deep.equal(['POST_CONSUMER_RECYCLED']);
    const statement = await actors.audit.user.getStatement({ facilityId: id('REC-BE-HOB'), material: 'BLACK_MASS', claim: 'POST_CONSUMER_RECYCLED' });
    expect(statement.creditedGrams).to.equal(recovery.blackMassGrams);
    expect(statement.debitedGrams, 'the three claims use the credit exactly').to.equal(recovery.blackMassGrams);
    const salt = await actors.audit.user.getLot({ id: id('LOT-RNISO4-HOB') });
    expect(salt.claims).to.deep.equal(['POST_CONSUMER_RECYCLED']);
    const recycled = await actors.audit.user.getBattery({ id: id('PACK-G1-1') });
    for (const element of recycled.recovery?.elements ?? []) {
      const held = recycled.elements.find((e) => e.element === element.element)?.massGrams ?? 0;
      expect(element.massGrams, element.element).to.be.at.most(held);
    }
  });

  it('shows the certified-origin statement: the ore credited when consumed, the claim on what it backs by cobalt', () => {
    const statement = report.massBalance;
    const backing = certifiedCobaltBacking();
    expect(statement?.creditedGrams).to.equal(599_400);
    expect(statement?.entries.find((e) => e.kind === 'credit')).to.include({ reference: id('LOT-CO-ORE-KOL'), grams: 599_400 });
    expect(statement?.debitedGrams).to.equal(599_400);
    expect(statement?.balanceGrams).to.equal(0);
    expect(statement?.claims).to.have.length(1);
    expect(statement?.claims[0]).to.deep.include({ labelledLotId: id(certifiedCobaltSulfateKey), outputLotId: id('LOT-COSO4-KOK'), claimedGrams: backing.claimGrams, backedGrams: backing.claimGrams });
    expect(statement?.claims[0]?.backedAtRunYieldGrams).to.equal(backing.byMassGrams);
    expect(statement?.claims[0]?.byElement, 'read from the run and its input lots').to.deep.equal({ element: 'COBALT', grams: backing.claimGrams });
    expect(backing.claimGrams).to.be.lessThan(backing.byMassGrams);
    expect(lines.some((l) => l.includes('by cobalt content it backs 73.872 kg'))).to.equal(true);
  });

  it('adds the pack plant’s own emissions to its cells’ footprints', async () => {
    const pack = await actors.audit.user.getBattery({ id: id('PACK-G2-1') });
    const cell = await actors.audit.user.getBattery({ id: id('CELL-G2-P1-1') });
    expect(cell.carbonFootprint.manufacturingGramsCo2e).to.equal(cellSpec.processEmissionsGramsCo2e);
    expect(cell.carbonFootprint.rawMaterialsGramsCo2e).to.be.greaterThan(0);
    expect(pack.carbonFootprint.componentsGramsCo2e).to.equal(cellsPerPack * cell.carbonFootprint.totalGramsCo2e);
    expect(pack.carbonFootprint.totalGramsCo2e).to.equal(pack.carbonFootprint.componentsGramsCo2e + packSpec.processEmissionsGramsCo2e);
    expect(pack.carbonFootprint.complete).to.equal(true);
  });

  it('renders the report from what it read', () => {
    const html = renderReportHtml(report);
    expect(html).to.include(id('PACK-G2-1'));
    expect(html).to.include('Kolwezi copper-cobalt mine (CD)');
    expect(html).to.include('The run&#39;s own yield');
  });

  it('follows the input: less recovered cobalt sulfate in, less recycled cobalt in the passport', async () => {
    const network = new MemoryNetwork(START.toISOString());
    const full = await playAndRead({ ...defaultScenarioInput('memF'), recycledCobaltSulfateGrams: recovery.recoveredCobaltSulfateGrams }, network);
    const half = await playAndRead({ ...defaultScenarioInput('memH'), recycledCobaltSulfateGrams: 735, recycledNickelFeed: 'none' }, network);
    const recycled = (r: ReportData, element: string): number => r.recycledContent?.shares.find((s) => s.element === element)?.recycledGrams ?? -1;
    expect(recycled(half.report, 'COBALT')).to.be.greaterThan(0).and.lessThan(recycled(full.report, 'COBALT'));
    expect(recycled(half.report, 'NICKEL')).to.equal(0);
    expect(recycled(full.report, 'NICKEL')).to.be.greaterThan(0);
  });

  it('plays again on the same ledger with a new run id', async () => {
    const network = new MemoryNetwork(START.toISOString());
    await playAndRead(defaultScenarioInput('memA'), network);
    const second = await playAndRead(defaultScenarioInput('memB'), network);
    expect(second.report.trace.id).to.equal('memB-PACK-G2-1');
  });
});

describe('demo scenario: the certified-origin claim', function () {
  this.timeout(60_000);

  it('refuses a claim on more sulfate than the certified ore backs, at the run’s yield or by cobalt content', async function () {
    if (missing.length > 0) this.skip();
    const input = defaultScenarioInput('memC');
    const actors = memoryActors(new MemoryNetwork(START.toISOString()));
    const claimStage = stages.findIndex((stage) => stage.run === claimCertifiedCobalt);
    await playStages(stages.slice(0, claimStage), input, actors, createProgress(() => undefined), START);
    const backing = certifiedCobaltBacking();
    const refinery = actors.mining.user;
    const request = {
      processRunId: `${input.runId}-RUN-LOT-COSO4-KOK`,
      outputLotId: `${input.runId}-LOT-COSO4-KOK`,
      claimedLotId: `${input.runId}-${certifiedCobaltSulfateKey}`,
      claim: 'CERTIFIED_ORIGIN' as const,
      sourceMaterial: 'COBALT_ORE' as const,
    };
    const atRunYield = await failure(refinery.claimOnOutput({ ...request, id: `${input.runId}-MB-OVER-1`, massGrams: backing.byMassGrams + 1 }));
    expect(isContractError(atRunYield, 'INSUFFICIENT_CREDIT'), String(atRunYield)).to.equal(true);
    const byCobalt = await failure(refinery.claimOnOutput({ ...request, id: `${input.runId}-MB-OVER-2`, massGrams: backing.claimGrams + 1, conversion: backing.cobaltFactor }));
    expect(isContractError(byCobalt, 'INSUFFICIENT_CREDIT'), String(byCobalt)).to.equal(true);
    const aboveYield = await failure(refinery.claimOnOutput({ ...request, id: `${input.runId}-MB-OVER-3`, massGrams: backing.claimGrams, conversion: { inputGrams: backing.runYield.inputGrams, outputGrams: backing.runYield.outputGrams + 1 } }));
    expect(isContractError(aboveYield, 'INVALID_ARGUMENT'), `a factor above the run's yield: ${String(aboveYield)}`).to.equal(true);
    await claimCertifiedCobalt(createContext(input, actors, createProgress(() => undefined), START));
    const claimed = await actors.audit.user.getLot({ id: request.claimedLotId });
    expect(claimed).to.deep.include({ massGrams: backing.claimGrams, claims: ['CERTIFIED_ORIGIN'], custodyModel: 'MASS_BALANCE' });
    expect((await actors.audit.user.getLot({ id: request.outputLotId })).claims, 'the rest of the sulfate carries no claim').to.deep.equal([]);
  });
});
