import { expect } from 'chai';
import { MATERIAL_CHEMISTRY } from '../../../chaincode/src/api';
import { expectContractError, expectRejectedWithoutTrace } from '../../support/assertions';
import { identities } from '../../support/identities';
import type { MemoryNetwork } from '../../support/MemoryNetwork';
import { attest, deliver, mint, query, simulate, standardWorld, submit } from './fixtures';

const transform = 'process:Transform';
const refine = {
  id: 'run-1',
  facilityId: 'mine-1',
  processKind: 'CONCENTRATION',
  inputs: [{ lotId: 'a', massGrams: 600 }, { lotId: 'b', massGrams: 400 }],
  outputs: [{ id: 'out-1', material: 'COBALT_SULFATE', massGrams: 700 }, { id: 'out-2', material: 'SCRAP', massGrams: 200 }],
  lossGrams: 100,
};

describe('Transform', () => {
  let network: MemoryNetwork;
  beforeEach(async () => {
    network = await standardWorld();
    await mint(network, 'a', 1000);
    await mint(network, 'b', 400);
  });

  it('turns inputs into outputs and losses, consuming emptied inputs and linking lot → run → lot', async () => {
    const { run, inputs, outputs } = await submit(network, identities.miningUser, transform, refine);
    expect(run).to.include({ inputMassGrams: 1000, lossGrams: 100, facilityId: 'mine-1' });
    expect(run.outputs.map((o) => o.yieldBasisPoints)).to.deep.equal([7000, 2000]);
    expect(inputs.map((lot) => [lot.id, lot.massGrams, lot.status])).to.deep.equal([['a', 400, 'ACTIVE'], ['b', 0, 'CONSUMED']]);
    expect(outputs.map((lot) => [lot.id, lot.material, lot.massGrams, lot.custodyModel])).to.deep.equal([
      ['out-1', 'COBALT_SULFATE', 700, 'SEGREGATED'],
      ['out-2', 'SCRAP', 200, 'SEGREGATED'],
    ]);
    const upstream = await query(network, identities.auditorUser, 'lot:TraceUpstream', { id: 'out-1' });
    expect(upstream.nodes.map((n) => `${n.type}:${n.id}`)).to.deep.equal(['MaterialLot:out-1', 'ProcessRun:run-1', 'MaterialLot:a', 'MaterialLot:b']);
    const downstream = await query(network, identities.auditorUser, 'lot:TraceDownstream', { id: 'b' });
    expect(downstream.nodes.map((n) => n.id)).to.deep.equal(['b', 'run-1', 'out-1', 'out-2']);
  });

  it('gives every output the inputs\' emissions plus the run\'s process emissions over the outputs\' mass, rounded up', async () => {
    await mint(network, 'c', 1000, { carbonIntensity: 100 });
    await mint(network, 'd', 400, { carbonIntensity: 50 });
    const run = { ...refine, inputs: [{ lotId: 'c', massGrams: 600 }, { lotId: 'd', massGrams: 400 }], processEmissionsGramsCo2e: 9 };
    const { run: recorded, outputs } = await submit(network, identities.miningUser, transform, run);
    expect(recorded.processEmissionsGramsCo2e).to.equal(9);
    // µg CO2e: 600 g × 100 000 + 400 g × 50 000 + 9 g × 10^6, over the 900 g of outputs (losses carry none)
    const intensity = Math.ceil((600 * 100_000 + 400 * 50_000 + 9 * 1_000_000) / 900);
    expect(outputs.map((lot) => lot.carbonIntensityMgPerKg)).to.deep.equal([intensity, intensity]);
  });

  it('leaves the outputs\' intensity unknown when an input has none', async () => {
    await mint(network, 'c', 1000, { carbonIntensity: 100 });
    const { outputs } = await submit(network, identities.miningUser, transform, { ...refine, inputs: [{ lotId: 'c', massGrams: 600 }, { lotId: 'b', massGrams: 400 }], processEmissionsGramsCo2e: 9 });
    expect(outputs.map((lot) => lot.carbonIntensityMgPerKg)).to.deep.equal([undefined, undefined]);
  });

  it('gives the outputs their material\'s reference composition overridden by the declared assay', async () => {
    const assayed = { ...refine, outputs: [{ ...refine.outputs[0], assay: { contentBasisPoints: 3000 } }, { ...refine.outputs[1], assay: { elements: { COBALT: 1000 } } }] };
    const { outputs } = await submit(network, identities.miningUser, transform, assayed);
    expect(outputs.map((lot) => lot.elementContent)).to.deep.equal([{ COBALT: 3000 }, { COBALT: 1000 }]);
    const { outputs: plain } = await submit(network, identities.miningUser, transform, { ...refine, id: 'run-2', inputs: [{ lotId: 'a', massGrams: 400 }], outputs: [{ id: 'out-3', material: 'COBALT_SULFATE', massGrams: 400 }], lossGrams: 0 });
    expect(plain[0]?.elementContent).to.deep.equal(MATERIAL_CHEMISTRY.COBALT_SULFATE.reference);
  });

  it('rejects outputs holding more of an element than the mass taken from the inputs', async () => {
    // 1000 g at 3500 bp hold 350 g of cobalt; 900 g of sulfate at 3802 bp would hold 342.18 g, at 3890 bp 350.1 g
    await submit(network, identities.miningUser, transform, { ...refine, id: 'ok', inputs: [{ lotId: 'a', massGrams: 1000 }], outputs: [{ id: 'ok-1', material: 'COBALT_SULFATE', massGrams: 900, assay: { contentBasisPoints: 3802 } }], lossGrams: 100 });
    await mint(network, 'c', 1000);
    const rich = { ...refine, inputs: [{ lotId: 'c', massGrams: 1000 }], outputs: [{ id: 'o', material: 'COBALT_SULFATE', massGrams: 600, assay: { contentBasisPoints: 3802 } }, { id: 's', material: 'SCRAP', massGrams: 300, assay: { elements: { COBALT: 4100 } } }], lossGrams: 100 };
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, transform, rich), 'ELEMENT_NOT_CONSERVED');
  });

  it('rejects an element the inputs do not hold', async () => {
    const lithium = { ...refine, outputs: [refine.outputs[0], { ...refine.outputs[1], assay: { elements: { LITHIUM: 1 } } }] };
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, transform, lithium), 'ELEMENT_NOT_CONSERVED');
  });

  it('rejects an output assay above what the material\'s chemistry can hold', async () => {
    const overGrade = { ...refine, outputs: [{ ...refine.outputs[0], assay: { contentBasisPoints: (MATERIAL_CHEMISTRY.COBALT_SULFATE.maximum.COBALT ?? 0) + 1 } }, refine.outputs[1]] };
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, transform, overGrade), 'INVALID_ARGUMENT');
  });

  for (const field of ['carbonIntensity', 'carbonIntensityMgPerKg']) {
    it(`rejects an output that declares its own intensity (${field})`, async () => {
      const declared = { ...refine, outputs: [{ ...refine.outputs[0], [field]: 1 }, refine.outputs[1]] };
      await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, transform, declared), 'INVALID_ARGUMENT');
    });
  }

  it('rejects negative process emissions', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, transform, { ...refine, processEmissionsGramsCo2e: -1 }), 'INVALID_ARGUMENT');
  });

  it('rejects outputs plus losses that differ from the inputs', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, transform, { ...refine, lossGrams: 99 }), 'MASS_NOT_CONSERVED');
  });

  it('rejects taking more than a lot holds', async () => {
    const greedy = { ...refine, inputs: [{ lotId: 'a', massGrams: 600 }, { lotId: 'b', massGrams: 401 }], lossGrams: 101 };
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, transform, greedy), 'INSUFFICIENT_MASS');
  });

  it('rejects an input held at another facility', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, transform, { ...refine, facilityId: 'refinery-1' }), 'INVALID_STATE');
  });

  it('rejects another organisation', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, transform, refine), 'FORBIDDEN');
  });

  it('rejects a consumed input', async () => {
    await submit(network, identities.miningUser, 'lot:SplitLot', { lotId: 'b', children: [{ id: 'b1', massGrams: 400 }] });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, transform, refine), 'INVALID_STATE');
  });

  it('rejects the same input twice', async () => {
    const twice = { ...refine, inputs: [{ lotId: 'a', massGrams: 500 }, { lotId: 'a', massGrams: 500 }] };
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, transform, twice), 'INVALID_ARGUMENT');
  });

  it('rejects an output id that exists', async () => {
    await mint(network, 'out-1', 5);
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, transform, refine), 'CONFLICT');
  });

  it('rejects an existing run id', async () => {
    await submit(network, identities.miningUser, transform, refine);
    const again = { ...refine, inputs: [{ lotId: 'a', massGrams: 400 }], outputs: [{ id: 'out-3', material: 'COBALT_SULFATE', massGrams: 400 }], lossGrams: 0 };
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, transform, again), 'CONFLICT');
  });

  it('rejects an output claiming a stronger custody model than its inputs', async () => {
    const stronger = { ...refine, outputs: [{ ...refine.outputs[0], custodyModel: 'IDENTITY_PRESERVED' }, refine.outputs[1]] };
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, transform, stronger), 'INVALID_ARGUMENT');
  });

  it('rejects an unknown process kind', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, transform, { ...refine, processKind: 'ALCHEMY' }), 'INVALID_ARGUMENT');
  });

  it('rejects a negative loss', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, transform, { ...refine, lossGrams: -1 }), 'INVALID_ARGUMENT');
  });

  it('rejects no outputs', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, transform, { ...refine, outputs: [], lossGrams: 1000 }), 'INVALID_ARGUMENT');
  });

  it('rejects a run that completes before it starts', async () => {
    const inverted = { ...refine, startedAt: '2025-01-02T00:00:00Z', completedAt: '2025-01-01T00:00:00Z' };
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, transform, inverted), 'INVALID_ARGUMENT');
  });

  it('rejects an unknown input lot', async () => {
    const unknown = { ...refine, inputs: [{ lotId: 'zz', massGrams: 1000 }] };
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, transform, unknown), 'LOT_NOT_FOUND');
  });
});

describe('Transform of labelled inputs', () => {
  let network: MemoryNetwork;
  beforeEach(async () => {
    network = await standardWorld();
    await attest(network, 'mine-1', ['CERTIFIED_ORIGIN']);
    await mint(network, 'ore-c', 1000, { claims: ['CERTIFIED_ORIGIN'] });
    await deliver(network, 'ore-c', 'refinery-1');
  });
  const run = {
    id: 'run-1',
    facilityId: 'refinery-1',
    processKind: 'REFINING',
    inputs: [{ lotId: 'ore-c', massGrams: 600 }],
    outputs: [{ id: 'so4', material: 'COBALT_SULFATE', massGrams: 500 }],
    lossGrams: 100,
  };

  it('credits the consumed labelled mass to the attested facility and labels no output', async () => {
    await attest(network, 'refinery-1', ['CERTIFIED_ORIGIN']);
    const simulation = await simulate(network, identities.miningUser, transform, run);
    const { run: recorded, inputs, outputs } = simulation.result;
    expect(recorded.credited).to.deep.equal([{ lotId: 'ore-c', claim: 'CERTIFIED_ORIGIN', massGrams: 600 }]);
    expect(recorded.lapsed).to.deep.equal([]);
    expect(outputs[0]?.claims).to.deep.equal([]);
    expect(inputs[0]).to.deep.include({ massGrams: 400, claims: ['CERTIFIED_ORIGIN'] });
    const written = [...simulation.rwset.writes.keys()];
    expect(written.some((key) => key.includes('bt.mbaccount'))).to.equal(false);
    const credit = await query(network, identities.auditorUser, 'massbalance:ListMovements', { facilityId: 'refinery-1', material: 'COBALT_HYDROXIDE', claim: 'CERTIFIED_ORIGIN', from: '2025-01-01T00:00:00Z', until: '2025-02-01T00:00:00Z' });
    expect(credit.items.map((m) => [m.id, m.kind, m.massGrams, m.source])).to.deep.equal([
      ['consumed:run-1:0:CERTIFIED_ORIGIN', 'CREDIT', 600, { kind: 'CONSUMPTION', lotId: 'ore-c', consumedBy: { type: 'ProcessRun', id: 'run-1' } }],
    ]);
  });

  it('lets the claim lapse at a facility no auditor attests for it, and records that on the run', async () => {
    const declared = { scheme: 'IRMA', certificateId: 'IRMA-75', validFrom: '2024-01-01T00:00:00Z', validUntil: '2027-01-01T00:00:00Z', claims: ['CERTIFIED_ORIGIN'] };
    await submit(network, identities.miningAdmin, 'facility:UpdateCertifications', { id: 'refinery-1', certifications: [declared] });
    const simulation = await simulate(network, identities.miningUser, transform, run);
    expect(simulation.result.run.lapsed).to.deep.equal([{ lotId: 'ore-c', claim: 'CERTIFIED_ORIGIN', massGrams: 600 }]);
    expect(simulation.result.run.credited).to.deep.equal([]);
    expect([...simulation.rwset.writes.keys()].filter((key) => key.includes('bt.mbmovement') || key.includes('bt.idx.mb-movement'))).to.deep.equal([]);
  });
});

describe('Transform producing scrap', () => {
  let network: MemoryNetwork;
  beforeEach(async () => {
    network = await standardWorld();
    await mint(network, 'hx', 1000);
    await deliver(network, 'hx', 'cell-1');
  });
  // 1000 g of hydroxide hold 350 g of cobalt: 400 g of precursor at 6000 bp and 100 g of scrap at 3000 bp hold 270 g
  const synthesis = {
    id: 'run-1',
    facilityId: 'cell-1',
    processKind: 'PRECURSOR_SYNTHESIS',
    inputs: [{ lotId: 'hx', massGrams: 1000 }],
    outputs: [
      { id: 'pcam', material: 'PRECURSOR_PCAM', massGrams: 400, assay: { elements: { NICKEL: 0, MANGANESE: 0, COBALT: 6000 } } },
      { id: 'scrap', material: 'SCRAP', massGrams: 100, assay: { elements: { COBALT: 3000 } } },
    ],
    lossGrams: 500,
  };

  it('labels scrap of a manufacturing process at a facility attested for it as pre-consumer recycled production scrap', async () => {
    await attest(network, 'cell-1', ['PRE_CONSUMER_RECYCLED']);
    const { outputs } = await submit(network, identities.manufacturingUser, transform, synthesis);
    expect(outputs.map((lot) => [lot.id, lot.claims])).to.deep.equal([['pcam', []], ['scrap', ['PRE_CONSUMER_RECYCLED']]]);
    expect(outputs[1]?.origin).to.deep.equal({ kind: 'TRANSFORMED', processRunId: 'run-1', processKind: 'PRECURSOR_SYNTHESIS', productionScrap: true });
    expect(outputs[0]?.origin).to.deep.equal({ kind: 'TRANSFORMED', processRunId: 'run-1', processKind: 'PRECURSOR_SYNTHESIS' });
  });

  it('makes no production scrap at a facility that only certifies itself', async () => {
    const declared = { scheme: 'ISO 14021', certificateId: 'X', validFrom: '2024-01-01T00:00:00Z', validUntil: '2027-01-01T00:00:00Z', claims: ['PRE_CONSUMER_RECYCLED'] };
    await submit(network, identities.manufacturingAdmin, 'facility:UpdateCertifications', { id: 'cell-1', certifications: [declared] });
    const { outputs } = await submit(network, identities.manufacturingUser, transform, synthesis);
    expect(outputs[1]?.claims).to.deep.equal([]);
    expect(outputs[1]?.origin).to.deep.equal({ kind: 'TRANSFORMED', processRunId: 'run-1', processKind: 'PRECURSOR_SYNTHESIS' });
  });

  it('makes no production scrap in a process that does not manufacture battery materials', async () => {
    await attest(network, 'cell-1', ['PRE_CONSUMER_RECYCLED']);
    const { outputs } = await submit(network, identities.manufacturingUser, transform, { ...synthesis, processKind: 'REFINING' });
    expect(outputs[1]?.claims).to.deep.equal([]);
    expect(outputs[1]?.origin).to.deep.equal({ kind: 'TRANSFORMED', processRunId: 'run-1', processKind: 'REFINING' });
  });
});

describe('GetProcessRun', () => {
  it('reads a run', async () => {
    const network = await standardWorld();
    await mint(network, 'a', 1000);
    await mint(network, 'b', 400);
    await submit(network, identities.miningUser, transform, refine);
    expect((await query(network, identities.auditorUser, 'process:GetProcessRun', { id: 'run-1' })).processKind).to.equal('CONCENTRATION');
  });

  it('rejects an unknown run', async () => {
    const network = await standardWorld();
    await expectContractError(query(network, identities.auditorUser, 'process:GetProcessRun', { id: 'none' }), 'PROCESS_RUN_NOT_FOUND');
  });
});
