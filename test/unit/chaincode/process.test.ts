import { expect } from 'chai';
import { expectContractError, expectRejectedWithoutTrace } from '../../support/assertions';
import { identities } from '../../support/identities';
import type { MemoryNetwork } from '../../support/MemoryNetwork';
import { mint, query, standardWorld, submit } from './fixtures';

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
