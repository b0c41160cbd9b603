import { expect } from 'chai';
import { eventEnvelopeSchema, type MassBalanceStatement } from '../../../chaincode/src/api';
import { expectContractError, expectRejectedWithoutTrace } from '../../support/assertions';
import { identities } from '../../support/identities';
import type { MemoryNetwork } from '../../support/MemoryNetwork';
import { attest, deliver, mint, query, simulate, standardWorld, submit } from './fixtures';

const openPeriod = 'massbalance:OpenPeriod';
const claimOnOutput = 'massbalance:ClaimOnOutput';
const reconcile = 'massbalance:ReconcilePeriod';
const close = 'massbalance:ClosePeriod';
const statement = 'massbalance:GetStatement';
const account = { facilityId: 'refinery-1', material: 'COBALT_HYDROXIDE', claim: 'CERTIFIED_ORIGIN' } as const;
const period1 = { id: 'p1', ...account, startsAt: '2025-01-01T00:00:00Z', endsAt: '2025-02-01T00:00:00Z' };
const run1 = {
  id: 'run-1',
  facilityId: 'refinery-1',
  processKind: 'REFINING',
  inputs: [{ lotId: 'ore-c', massGrams: 9_990 }, { lotId: 'ore-u', massGrams: 10_010 }],
  outputs: [{ id: 'sulfate-1', material: 'COBALT_SULFATE', massGrams: 16_000 }],
  lossGrams: 4_000,
};
/** 4 000 g of the run's 16 000 g output, split off: at the run's yield of 16 000 g per 20 000 g of input, 5 000 g of credit. */
const claim = { id: 'claim-1', processRunId: 'run-1', outputLotId: 'sulfate-1', claim: 'CERTIFIED_ORIGIN', sourceMaterial: 'COBALT_HYDROXIDE', massGrams: 4_000, claimedLotId: 'sulfate-1-co' };
const CREDIT_ID = 'consumed:run-1:0:CERTIFIED_ORIGIN';

/**
 * An attested mine ships a claimed hydroxide lot to the attested refinery (9 990 g arrive) and an unclaimed one;
 * the refinery's account has its first period open. Nothing is credited yet.
 */
async function shipped(): Promise<MemoryNetwork> {
  const network = await standardWorld();
  await attest(network, 'mine-1', ['CERTIFIED_ORIGIN']);
  await attest(network, 'refinery-1', ['CERTIFIED_ORIGIN']);
  await submit(network, identities.miningUser, openPeriod, period1);
  await mint(network, 'ore-c', 10_000, { claims: ['CERTIFIED_ORIGIN'] });
  await mint(network, 'ore-u', 10_010);
  await deliver(network, 'ore-c', 'refinery-1', { transferId: 't1', receivedMassGrams: 9_990 });
  await deliver(network, 'ore-u', 'refinery-1', { transferId: 't2' });
  return network;
}

/** The shipped world after the refinery turned both lots into 16 000 g of cobalt sulfate: 9 990 g of credit. */
async function world(): Promise<MemoryNetwork> {
  const network = await shipped();
  await submit(network, identities.miningUser, 'process:Transform', run1);
  return network;
}

/** Refines an unclaimed hydroxide lot of `input` g into `output` g of sulfate at the refinery. */
async function refineUnclaimed(network: MemoryNetwork, n: string, input: number, output: number): Promise<void> {
  await mint(network, `u${n}`, input);
  await deliver(network, `u${n}`, 'refinery-1');
  await submit(network, identities.miningUser, 'process:Transform', {
    id: `r${n}`,
    facilityId: 'refinery-1',
    processKind: 'REFINING',
    inputs: [{ lotId: `u${n}`, massGrams: input }],
    outputs: [{ id: `s${n}`, material: 'COBALT_SULFATE', massGrams: output }],
    lossGrams: input - output,
  });
}

function balanceOf(network: MemoryNetwork): Promise<MassBalanceStatement> {
  return query(network, identities.auditorUser, statement, account);
}

describe('OpenPeriod', () => {
  it('opens the first period at its declared start and creates the account head, with one event', async () => {
    const network = await standardWorld();
    const simulation = await simulate(network, identities.miningUser, openPeriod, period1);
    expect(simulation.result).to.include({ status: 'OPEN', sequence: 1, openingBalanceGrams: 0, toleranceBasisPoints: 50, startsAt: '2025-01-01T00:00:00.000Z' });
    const envelope = eventEnvelopeSchema.parse(JSON.parse(Buffer.from(simulation.event?.payload ?? []).toString('utf8')));
    expect(envelope.changes.map((c) => `${c.type}:${c.action}`)).to.deep.equal(['MassBalancePeriod:CREATED', 'MassBalanceAccount:CREATED']);
    const head = await query(network, identities.auditorUser, 'massbalance:GetAccount', account);
    expect(head).to.include({ openPeriodId: 'p1', periodCount: 1, id: 'refinery-1:COBALT_HYDROXIDE:CERTIFIED_ORIGIN' });
  });

  it('rejects another organisation', async () => {
    const network = await standardWorld();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingUser, openPeriod, period1), 'FORBIDDEN');
  });

  it('rejects a second period while one is open', async () => {
    const network = await standardWorld();
    await submit(network, identities.miningUser, openPeriod, period1);
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, openPeriod, { ...period1, id: 'p2' }), 'INVALID_STATE');
  });

  it('rejects an unknown facility', async () => {
    const network = await standardWorld();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, openPeriod, { ...period1, facilityId: 'nowhere' }), 'FACILITY_NOT_FOUND');
  });

  for (const [what, change] of [
    ['a first period without a start', { startsAt: undefined }],
    ['an end before the start', { endsAt: '2024-12-01T00:00:00Z' }],
    ['a tolerance above 10 %', { toleranceBasisPoints: 1001 }],
    ['an unknown claim', { claim: 'GREEN' }],
    ['an unknown material', { material: 'UNOBTAINIUM' }],
  ] as const) {
    it(`rejects ${what}`, async () => {
      const network = await standardWorld();
      await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, openPeriod, { ...period1, ...change }), 'INVALID_ARGUMENT');
    });
  }
});

describe('Transform (mass-balance credit)', () => {
  it('credits nothing when a claimed lot is shipped, and the consumed mass when an attested facility consumes it', async () => {
    const network = await shipped();
    expect(await balanceOf(network)).to.include({ creditedGrams: 0, balanceGrams: 0 });
    await submit(network, identities.miningUser, 'process:Transform', run1);
    const s = await balanceOf(network);
    expect(s).to.include({ creditedGrams: 9_990, debitedGrams: 0, balanceGrams: 9_990, basis: 'MASS_BALANCE' });
    expect(s.credits).to.deep.equal([{ movementId: CREDIT_ID, massGrams: 9_990, usedGrams: 0 }]);
  });

  it('appends one movement and one index key per credit and writes no account head, so independent credits never conflict', async () => {
    const network = await shipped();
    const simulation = await simulate(network, identities.miningUser, 'process:Transform', run1);
    const keys = [...simulation.rwset.writes.keys()];
    expect(keys.some((k) => k.includes('bt.mbaccount') || k.includes('bt.mbperiod'))).to.equal(false);
    expect(keys.filter((k) => k.includes('bt.mbmovement'))).to.have.length(1);
    expect(keys.filter((k) => k.includes('bt.idx.mb-movement'))).to.have.length(1);
  });

  it('keeps a client\'s claim id out of the credits\' namespace', async () => {
    const network = await shipped();
    await refineUnclaimed(network, '1', 1_000, 1_000);
    await submit(network, identities.miningUser, 'process:Transform', { ...run1, inputs: [{ lotId: 'ore-c', massGrams: 1_000 }], outputs: [{ id: 'sulfate-0', material: 'COBALT_SULFATE', massGrams: 800 }], lossGrams: 200, id: 'run-0' });
    await submit(network, identities.miningUser, claimOnOutput, { ...claim, id: 'consumed:run-1:0:CERTIFIED_ORIGIN', processRunId: 'r1', outputLotId: 's1', massGrams: 500, claimedLotId: 's1-co' });
    const { run } = await submit(network, identities.miningUser, 'process:Transform', { ...run1, inputs: [{ lotId: 'ore-c', massGrams: 8_990 }, { lotId: 'ore-u', massGrams: 10_010 }], outputs: [{ id: 'sulfate-1', material: 'COBALT_SULFATE', massGrams: 15_000 }] });
    expect(run.credited).to.deep.equal([{ lotId: 'ore-c', claim: 'CERTIFIED_ORIGIN', massGrams: 8_990 }]);
    expect((await balanceOf(network)).credits.map((c) => c.movementId)).to.deep.equal(['consumed:run-0:0:CERTIFIED_ORIGIN', CREDIT_ID]);
  });
});

describe('ClaimOnOutput', () => {
  it('labels exactly the claimed part, split off the output, and debits it ÷ the run\'s yield over all inputs, drawing on the oldest credit', async () => {
    const network = await world();
    const result = await submit(network, identities.miningUser, claimOnOutput, claim);
    expect(result.movement).to.include({ id: 'claim:claim-1', kind: 'DEBIT', massGrams: Math.ceil((4_000 * 20_000) / 16_000), periodId: 'p1', basis: 'MASS_BALANCE' });
    expect(result.movement.source).to.deep.equal({
      kind: 'OUTPUT_CLAIM',
      processRunId: 'run-1',
      outputLotId: 'sulfate-1',
      labelledLotId: 'sulfate-1-co',
      outputMassGrams: 4_000,
      conversion: { inputGrams: 20_000, outputGrams: 16_000 },
    });
    expect(result.movement.drawnFrom).to.deep.equal([{ movementId: CREDIT_ID, massGrams: 5_000 }]);
    expect(result.account.debitedInOpenPeriodGrams).to.equal(5_000);
    expect(result.lot).to.deep.include({ id: 'sulfate-1-co', massGrams: 4_000, claims: ['CERTIFIED_ORIGIN'], custodyModel: 'MASS_BALANCE', origin: { kind: 'SPLIT', parentLotId: 'sulfate-1' } });
    expect(result.remainder).to.deep.include({ id: 'sulfate-1', massGrams: 12_000, claims: [] });
    expect((await query(network, identities.auditorUser, 'lot:GetLot', { id: 'sulfate-1' })).claims).to.deep.equal([]);
    expect(await balanceOf(network)).to.include({ balanceGrams: 4_990, debitedGrams: 5_000 });
  });

  it('labels a whole output lot in place', async () => {
    const network = await world();
    await refineUnclaimed(network, '1', 1_000, 800);
    const result = await submit(network, identities.miningUser, claimOnOutput, { ...claim, processRunId: 'r1', outputLotId: 's1', massGrams: 800, claimedLotId: undefined });
    expect(result.lot).to.deep.include({ id: 's1', massGrams: 800, claims: ['CERTIFIED_ORIGIN'], custodyModel: 'MASS_BALANCE' });
    expect(result.remainder).to.equal(undefined);
    expect(result.movement.massGrams).to.equal(1_000);
  });

  it('backs only the certified input\'s share when a little certified material is mixed into much uncertified material', async () => {
    const network = await shipped();
    await mint(network, 'ore-x', 9_000, { material: 'COBALT_ORE', assay: { contentBasisPoints: 3000 } });
    await deliver(network, 'ore-x', 'refinery-1');
    // 1 000 g of certified hydroxide and 9 000 g of uncertified ore make 8 000 g of sulfate
    await submit(network, identities.miningUser, 'process:Transform', { ...run1, inputs: [{ lotId: 'ore-c', massGrams: 1_000 }, { lotId: 'ore-x', massGrams: 9_000 }], outputs: [{ id: 'sulfate-1', material: 'COBALT_SULFATE', massGrams: 8_000 }], lossGrams: 2_000 });
    const result = await submit(network, identities.miningUser, claimOnOutput, { ...claim, massGrams: 800 });
    expect(result.movement.massGrams).to.equal(1_000);
    expect(result.movement.source).to.deep.include({ conversion: { inputGrams: 10_000, outputGrams: 8_000 } });
    expect(await balanceOf(network)).to.include({ creditedGrams: 1_000, balanceGrams: 0 });
  });

  it('rejects a claim on more output than the certified share backs at the run\'s yield over all inputs', async () => {
    const network = await shipped();
    await mint(network, 'ore-x', 9_000, { material: 'COBALT_ORE', assay: { contentBasisPoints: 3000 } });
    await deliver(network, 'ore-x', 'refinery-1');
    await submit(network, identities.miningUser, 'process:Transform', { ...run1, inputs: [{ lotId: 'ore-c', massGrams: 1_000 }, { lotId: 'ore-x', massGrams: 9_000 }], outputs: [{ id: 'sulfate-1', material: 'COBALT_SULFATE', massGrams: 8_000 }], lossGrams: 2_000 });
    // the certified hydroxide alone would yield 8 g of sulfate per gram; the run yields 0.8 g per gram of all inputs
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, claimOnOutput, { ...claim, massGrams: 801 }), 'INSUFFICIENT_CREDIT');
  });

  it('accepts a declared factor below the run\'s yield', async () => {
    const network = await world();
    const result = await submit(network, identities.miningUser, claimOnOutput, { ...claim, conversion: { inputGrams: 10, outputGrams: 7 } });
    expect(result.movement.massGrams).to.equal(Math.ceil((4_000 * 10) / 7));
  });

  it('rejects a declared conversion factor above the run\'s yield', async () => {
    const network = await world();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, claimOnOutput, { ...claim, conversion: { inputGrams: 16_000, outputGrams: 16_001 } }), 'INVALID_ARGUMENT');
  });

  it('rejects a zero or negative conversion factor', async () => {
    const network = await world();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, claimOnOutput, { ...claim, conversion: { inputGrams: 0, outputGrams: 1 } }), 'INVALID_ARGUMENT');
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, claimOnOutput, { ...claim, conversion: { inputGrams: 1, outputGrams: -1 } }), 'INVALID_ARGUMENT');
  });

  it('rejects a claim above the available credit', async () => {
    const network = await world();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, claimOnOutput, { ...claim, massGrams: 8_000 }), 'INSUFFICIENT_CREDIT');
  });

  it('rejects a part of the output without a lot to split it into', async () => {
    const network = await world();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, claimOnOutput, { ...claim, claimedLotId: undefined }), 'INVALID_ARGUMENT');
  });

  it('rejects splitting off all of the output, or more than it holds', async () => {
    const network = await world();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, claimOnOutput, { ...claim, massGrams: 16_000 }), 'INVALID_ARGUMENT');
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, claimOnOutput, { ...claim, massGrams: 16_001, claimedLotId: undefined }), 'INVALID_ARGUMENT');
  });

  it('rejects a claimed lot id that exists', async () => {
    const network = await world();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, claimOnOutput, { ...claim, claimedLotId: 'ore-u' }), 'CONFLICT');
  });

  it('rejects a lot that is not an output of the run', async () => {
    const network = await world();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, claimOnOutput, { ...claim, outputLotId: 'ore-c' }), 'INVALID_ARGUMENT');
  });

  it('rejects a second claim on a labelled lot', async () => {
    const network = await world();
    await refineUnclaimed(network, '1', 1_000, 800);
    const whole = { ...claim, processRunId: 'r1', outputLotId: 's1', massGrams: 800, claimedLotId: undefined };
    await submit(network, identities.miningUser, claimOnOutput, whole);
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, claimOnOutput, { ...whole, id: 'claim-2' }), 'CONFLICT');
  });

  it('rejects an output that has left the facility', async () => {
    const network = await world();
    await deliver(network, 'sulfate-1', 'cell-1');
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, claimOnOutput, claim), 'INVALID_STATE');
  });

  it('rejects another organisation', async () => {
    const network = await world();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, claimOnOutput, claim), 'FORBIDDEN');
  });

  it('rejects a facility an auditor\'s failing attestation in force now denies the claim', async () => {
    const network = await world();
    await attest(network, 'refinery-1', ['CERTIFIED_ORIGIN'], { result: 'FAIL' });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, claimOnOutput, claim), 'ATTESTATION_REQUIRED');
  });

  it('rejects a claim the facility holds no attestation for', async () => {
    const network = await world();
    await submit(network, identities.miningUser, openPeriod, { ...period1, id: 'p-cf', claim: 'CONFLICT_FREE' });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, claimOnOutput, { ...claim, claim: 'CONFLICT_FREE' }), 'ATTESTATION_REQUIRED');
  });

  it('rejects a source account that does not exist', async () => {
    const network = await world();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, claimOnOutput, { ...claim, sourceMaterial: 'COBALT_ORE' }), 'ACCOUNT_NOT_FOUND');
  });

  it('rejects a source material the run did not consume', async () => {
    const network = await world();
    await submit(network, identities.miningUser, openPeriod, { ...period1, id: 'p-ore', material: 'COBALT_ORE' });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, claimOnOutput, { ...claim, sourceMaterial: 'COBALT_ORE' }), 'INVALID_ARGUMENT');
  });

  it('rejects a claim after the period has ended', async () => {
    const network = await world();
    network.setTime('2025-02-01T00:00:00.000Z');
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, claimOnOutput, claim), 'INVALID_STATE');
  });

  it('rejects an unknown process run', async () => {
    const network = await world();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, claimOnOutput, { ...claim, processRunId: 'nope' }), 'PROCESS_RUN_NOT_FOUND');
  });
});

async function ended(): Promise<MemoryNetwork> {
  const network = await world();
  await submit(network, identities.miningUser, claimOnOutput, claim);
  network.setTime('2025-02-01T00:00:00.000Z');
  return network;
}

describe('ReconcilePeriod', () => {
  it('reconciles the book balance within tolerance of the declared physical stock', async () => {
    const network = await ended();
    const reconciled = await submit(network, identities.miningUser, reconcile, { periodId: 'p1', declaredPhysicalStockGrams: 4_980 });
    expect(reconciled.status).to.equal('RECONCILED');
    expect(reconciled.reconciliation).to.include({ bookBalanceGrams: 4_990, deviationGrams: 10, deviationBasisPoints: Math.ceil((10 * 10_000) / 4_990), withinTolerance: true, flagged: false });
  });

  it('flags a deviation beyond the tolerance', async () => {
    const network = await ended();
    const reconciled = await submit(network, identities.miningUser, reconcile, { periodId: 'p1', declaredPhysicalStockGrams: 4_000 });
    expect(reconciled.reconciliation).to.include({ withinTolerance: false, flagged: true, deviationGrams: 990 });
  });

  it('rejects reconciling before the period ends', async () => {
    const network = await world();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, reconcile, { periodId: 'p1', declaredPhysicalStockGrams: 1 }), 'INVALID_STATE');
  });

  it('rejects another organisation', async () => {
    const network = await ended();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingUser, reconcile, { periodId: 'p1', declaredPhysicalStockGrams: 1 }), 'FORBIDDEN');
  });

  it('rejects a negative or fractional physical stock', async () => {
    const network = await ended();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, reconcile, { periodId: 'p1', declaredPhysicalStockGrams: -1 }), 'INVALID_ARGUMENT');
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, reconcile, { periodId: 'p1', declaredPhysicalStockGrams: 1.5 }), 'INVALID_ARGUMENT');
  });

  it('rejects an unknown period', async () => {
    const network = await ended();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, reconcile, { periodId: 'nope', declaredPhysicalStockGrams: 1 }), 'PERIOD_NOT_FOUND');
  });
});

describe('ClosePeriod', () => {
  it('closes with carry-over of no more than the physical stock, and the next period opens with it', async () => {
    const network = await ended();
    await submit(network, identities.miningUser, reconcile, { periodId: 'p1', declaredPhysicalStockGrams: 4_980 });
    const closed = await submit(network, identities.miningUser, close, { periodId: 'p1' });
    expect(closed.closing).to.include({ creditedGrams: 9_990, debitedGrams: 5_000, closingBookBalanceGrams: 4_990, carriedOverGrams: 4_980, writtenOffGrams: 10 });
    const next = await submit(network, identities.miningUser, openPeriod, { id: 'p2', ...account, endsAt: '2025-03-01T00:00:00Z' });
    expect(next).to.include({ startsAt: '2025-02-01T00:00:00.000Z', openingBalanceGrams: 4_980, previousPeriodId: 'p1', sequence: 2 });
    expect(await balanceOf(network)).to.include({ openingBalanceGrams: 4_980, balanceGrams: 4_980 });
    const historical = await query(network, identities.auditorUser, statement, { ...account, periodId: 'p1' });
    expect(historical).to.include({ balanceGrams: 4_990, creditedGrams: 9_990 });
    expect(historical.period.status).to.equal('CLOSED');
  });

  it('rejects closing an unreconciled period', async () => {
    const network = await ended();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, close, { periodId: 'p1' }), 'INVALID_STATE');
  });

  it('rejects another organisation', async () => {
    const network = await ended();
    await submit(network, identities.miningUser, reconcile, { periodId: 'p1', declaredPhysicalStockGrams: 4_990 });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingUser, close, { periodId: 'p1' }), 'FORBIDDEN');
  });

  it('rejects an unknown period', async () => {
    const network = await ended();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, close, { periodId: 'nope' }), 'PERIOD_NOT_FOUND');
  });
});

describe('ListMovements', () => {
  it('lists an account\'s movements oldest first, page by page', async () => {
    const network = await world();
    await submit(network, identities.miningUser, claimOnOutput, claim);
    const list = 'massbalance:ListMovements';
    const window = { ...account, from: '2025-01-01T00:00:00Z', until: '2025-02-01T00:00:00Z', pageSize: 1 };
    const first = await query(network, identities.auditorUser, list, window);
    expect(first.items.map((m) => [m.id, m.kind])).to.deep.equal([[CREDIT_ID, 'CREDIT']]);
    const second = await query(network, identities.auditorUser, list, { ...window, bookmark: first.bookmark });
    expect(second.items.map((m) => [m.id, m.kind])).to.deep.equal([['claim:claim-1', 'DEBIT']]);
    expect(second.bookmark).to.equal('');
  });

  it('rejects a window longer than a year', async () => {
    const network = await world();
    await expectContractError(query(network, identities.auditorUser, 'massbalance:ListMovements', { ...account, from: '2025-01-01T00:00:00Z', until: '2026-06-01T00:00:00Z' }), 'INVALID_ARGUMENT');
  });
});

describe('GetStatement', () => {
  it('folds the open period\'s movements over its opening balance, with the use of each credit', async () => {
    const network = await world();
    await submit(network, identities.miningUser, claimOnOutput, claim);
    const s = await balanceOf(network);
    expect(s).to.include({ accountId: 'refinery-1:COBALT_HYDROXIDE:CERTIFIED_ORIGIN', openingBalanceGrams: 0, creditedGrams: 9_990, debitedGrams: 5_000, balanceGrams: 4_990, movementCount: 2 });
    expect(s.credits).to.deep.equal([{ movementId: CREDIT_ID, massGrams: 9_990, usedGrams: 5_000 }]);
  });

  it('rejects a statement of an unknown account', async () => {
    const network = await world();
    await expectContractError(query(network, identities.auditorUser, statement, { ...account, claim: 'CONFLICT_FREE' }), 'ACCOUNT_NOT_FOUND');
  });
});

describe('mass-balance invariants', () => {
  it('refuses claims beyond the credit: the balance never goes negative and each credit is used at most once', async () => {
    const network = await world();
    const outcomes: string[] = [];
    for (let index = 1; index <= 11; index += 1) {
      await refineUnclaimed(network, String(index), 1_000, 1_000);
      const request = { ...claim, id: `c${String(index)}`, processRunId: `r${String(index)}`, outputLotId: `s${String(index)}`, massGrams: 1_000, claimedLotId: undefined };
      const outcome = await submit(network, identities.miningUser, claimOnOutput, request).then(
        () => 'ok',
        (error: unknown) => (error instanceof Error ? error.message : ''),
      );
      outcomes.push(outcome.includes('INSUFFICIENT_CREDIT') ? 'refused' : outcome);
      const s = await balanceOf(network);
      expect(s.balanceGrams).to.be.at.least(0);
      expect(s.debitedGrams).to.be.at.most(s.creditedGrams);
      s.credits.forEach((c) => expect(c.usedGrams).to.be.at.most(c.massGrams));
    }
    expect(outcomes).to.deep.equal([...Array<string>(9).fill('ok'), 'refused', 'refused']);
    expect(await balanceOf(network)).to.include({ creditedGrams: 9_990, debitedGrams: 9_000, balanceGrams: 990 });
  });
});
