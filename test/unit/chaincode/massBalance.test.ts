import { expect } from 'chai';
import { eventEnvelopeSchema, type MassBalanceStatement } from '../../../chaincode/src/api';
import { expectContractError, expectRejectedWithoutTrace } from '../../support/assertions';
import { identities } from '../../support/identities';
import type { MemoryNetwork } from '../../support/MemoryNetwork';
import { documentHash, mint, query, simulate, standardWorld, submit } from './fixtures';

const openPeriod = 'massbalance:OpenPeriod';
const claimOnOutput = 'massbalance:ClaimOnOutput';
const reconcile = 'massbalance:ReconcilePeriod';
const close = 'massbalance:ClosePeriod';
const statement = 'massbalance:GetStatement';
const irma = { scheme: 'IRMA', certificateId: 'IRMA-75', validFrom: '2024-01-01T00:00:00Z', validUntil: '2027-01-01T00:00:00Z', claims: ['CERTIFIED_ORIGIN'] };
const account = { facilityId: 'refinery-1', material: 'COBALT_HYDROXIDE', claim: 'CERTIFIED_ORIGIN' } as const;
const period1 = { id: 'p1', ...account, startsAt: '2025-01-01T00:00:00Z', endsAt: '2025-02-01T00:00:00Z' };
const claim = { id: 'claim-1', processRunId: 'run-1', outputLotId: 'sulfate-1', claim: 'CERTIFIED_ORIGIN', sourceMaterial: 'COBALT_HYDROXIDE', massGrams: 4_000 };

/** Ships a lot from the mine to the refinery and accepts it with the weighed mass. */
async function ship(network: MemoryNetwork, lotId: string, transferId: string, declared: number, received: number): Promise<void> {
  await submit(network, identities.miningUser, 'custody:ProposeTransfer', {
    id: transferId,
    lotId,
    toFacilityId: 'refinery-1',
    declaredMassGrams: declared,
    shippingDocumentsHash: documentHash(transferId),
  });
  await submit(network, identities.miningUser, 'custody:AcceptTransfer', { transferId, receivedMassGrams: received });
}

/**
 * A certified mine ships a claimed ore lot (credit of 9 990 g at the refinery) and an unclaimed one, which the
 * refinery turns into 8 000 g of cobalt sulfate (conversion 10 000 → 8 000).
 */
async function world(): Promise<MemoryNetwork> {
  const network = await standardWorld();
  await submit(network, identities.miningAdmin, 'facility:UpdateCertifications', { id: 'mine-1', certifications: [irma] });
  await submit(network, identities.miningUser, openPeriod, period1);
  await mint(network, 'ore-c', 10_000, { claims: ['CERTIFIED_ORIGIN'] });
  await mint(network, 'ore-u', 10_000);
  await ship(network, 'ore-c', 't1', 10_000, 9_990);
  await ship(network, 'ore-u', 't2', 10_000, 10_000);
  await submit(network, identities.miningUser, 'process:Transform', {
    id: 'run-1',
    facilityId: 'refinery-1',
    processKind: 'REFINING',
    inputs: [{ lotId: 'ore-u', massGrams: 10_000 }],
    outputs: [{ id: 'sulfate-1', material: 'COBALT_SULFATE', massGrams: 8_000 }],
    lossGrams: 2_000,
  });
  return network;
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

describe('credits', () => {
  it('credits the receiver with the weighed mass of a claimed lot, once per claim, and nothing for unclaimed lots', async () => {
    const network = await world();
    const s = await balanceOf(network);
    expect(s).to.include({ creditedGrams: 9_990, debitedGrams: 0, balanceGrams: 9_990, basis: 'MASS_BALANCE' });
    expect(s.credits).to.deep.equal([{ movementId: 'receipt:t1:CERTIFIED_ORIGIN', massGrams: 9_990, usedGrams: 0 }]);
  });

  it('credits a certified mine for the claimed lots it mints', async () => {
    const network = await world();
    await submit(network, identities.miningUser, openPeriod, { ...period1, id: 'pm', facilityId: 'mine-1' });
    await mint(network, 'ore-c2', 500, { claims: ['CERTIFIED_ORIGIN'] });
    const s = await query(network, identities.auditorUser, statement, { ...account, facilityId: 'mine-1' });
    expect(s.credits.map((c) => c.movementId)).to.deep.equal(['origin:ore-c:CERTIFIED_ORIGIN', 'origin:ore-c2:CERTIFIED_ORIGIN']);
  });

  it('appends one key per credit and writes no account head, so independent credits never conflict', async () => {
    const network = await world();
    await mint(network, 'ore-c3', 100, { claims: ['CERTIFIED_ORIGIN'] });
    await submit(network, identities.miningUser, 'custody:ProposeTransfer', { id: 't3', lotId: 'ore-c3', toFacilityId: 'refinery-1', declaredMassGrams: 100, shippingDocumentsHash: documentHash('t3') });
    const simulation = await simulate(network, identities.miningUser, 'custody:AcceptTransfer', { transferId: 't3', receivedMassGrams: 100 });
    const keys = [...simulation.rwset.writes.keys()];
    expect(keys.some((k) => k.includes('bt.mbaccount'))).to.equal(false);
    expect(keys.filter((k) => k.includes('bt.mbmovement') || k.includes('bt.idx.mb-movement'))).to.have.length(2);
  });
});

describe('ClaimOnOutput', () => {
  it('debits the source account by output ÷ conversion factor, drawing on the credit, and labels the output as mass balance', async () => {
    const network = await world();
    const result = await submit(network, identities.miningUser, claimOnOutput, claim);
    expect(result.movement).to.include({ kind: 'DEBIT', massGrams: 5_000, periodId: 'p1', basis: 'MASS_BALANCE' });
    expect(result.movement.source).to.deep.include({ kind: 'OUTPUT_CLAIM', conversion: { inputGrams: 10_000, outputGrams: 8_000 } });
    expect(result.movement.drawnFrom).to.deep.equal([{ movementId: 'receipt:t1:CERTIFIED_ORIGIN', massGrams: 5_000 }]);
    expect(result.account.debitedInOpenPeriodGrams).to.equal(5_000);
    const lot = await query(network, identities.auditorUser, 'lot:GetLot', { id: 'sulfate-1' });
    expect(lot).to.deep.include({ claims: ['CERTIFIED_ORIGIN'], custodyModel: 'MASS_BALANCE' });
    expect(await balanceOf(network)).to.include({ balanceGrams: 4_990, debitedGrams: 5_000 });
  });

  it('rejects a claim above the available credit', async () => {
    const network = await world();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, claimOnOutput, { ...claim, massGrams: 8_000 }), 'INSUFFICIENT_CREDIT');
  });

  it('rejects a second claim on the same output', async () => {
    const network = await world();
    await submit(network, identities.miningUser, claimOnOutput, { ...claim, massGrams: 1_000 });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, claimOnOutput, { ...claim, id: 'claim-2', massGrams: 1_000 }), 'CONFLICT');
  });

  it('rejects a declared conversion factor above the run\'s yield', async () => {
    const network = await world();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, claimOnOutput, { ...claim, conversion: { inputGrams: 1, outputGrams: 1 } }), 'INVALID_ARGUMENT');
  });

  it('rejects a zero or negative conversion factor', async () => {
    const network = await world();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, claimOnOutput, { ...claim, conversion: { inputGrams: 0, outputGrams: 1 } }), 'INVALID_ARGUMENT');
  });

  it('rejects more output than the run produced, or a lot that is not its output', async () => {
    const network = await world();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, claimOnOutput, { ...claim, massGrams: 8_001 }), 'INVALID_ARGUMENT');
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, claimOnOutput, { ...claim, outputLotId: 'ore-c' }), 'INVALID_ARGUMENT');
  });

  it('rejects another organisation', async () => {
    const network = await world();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, claimOnOutput, claim), 'FORBIDDEN');
  });

  it('rejects a source account that does not exist', async () => {
    const network = await world();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, claimOnOutput, { ...claim, claim: 'CONFLICT_FREE' }), 'ACCOUNT_NOT_FOUND');
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

describe('ReconcilePeriod and ClosePeriod', () => {
  async function ended(): Promise<MemoryNetwork> {
    const network = await world();
    await submit(network, identities.miningUser, claimOnOutput, claim);
    network.setTime('2025-02-01T00:00:00.000Z');
    return network;
  }

  it('reconciles within tolerance, closes with carry-over, and opens the next period with it', async () => {
    const network = await ended();
    const reconciled = await submit(network, identities.miningUser, reconcile, { periodId: 'p1', declaredPhysicalStockGrams: 4_980 });
    expect(reconciled.reconciliation).to.include({ bookBalanceGrams: 4_990, withinTolerance: true, flagged: false });
    const closed = await submit(network, identities.miningUser, close, { periodId: 'p1' });
    expect(closed.closing).to.include({ creditedGrams: 9_990, debitedGrams: 5_000, carriedOverGrams: 4_980, writtenOffGrams: 10 });
    const next = await submit(network, identities.miningUser, openPeriod, { id: 'p2', ...account, endsAt: '2025-03-01T00:00:00Z' });
    expect(next).to.include({ startsAt: '2025-02-01T00:00:00.000Z', openingBalanceGrams: 4_980, previousPeriodId: 'p1', sequence: 2 });
    expect(await balanceOf(network)).to.include({ openingBalanceGrams: 4_980, balanceGrams: 4_980 });
    const historical = await query(network, identities.auditorUser, statement, { ...account, periodId: 'p1' });
    expect(historical).to.include({ balanceGrams: 4_990, creditedGrams: 9_990 });
    expect(historical.period.status).to.equal('CLOSED');
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

  it('rejects closing an unreconciled period', async () => {
    const network = await ended();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, close, { periodId: 'p1' }), 'INVALID_STATE');
  });

  it('rejects another organisation', async () => {
    const network = await ended();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingUser, reconcile, { periodId: 'p1', declaredPhysicalStockGrams: 1 }), 'FORBIDDEN');
    await submit(network, identities.miningUser, reconcile, { periodId: 'p1', declaredPhysicalStockGrams: 4_990 });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingUser, close, { periodId: 'p1' }), 'FORBIDDEN');
  });

  it('rejects a negative or fractional physical stock and an unknown period', async () => {
    const network = await ended();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, reconcile, { periodId: 'p1', declaredPhysicalStockGrams: -1 }), 'INVALID_ARGUMENT');
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, reconcile, { periodId: 'p1', declaredPhysicalStockGrams: 1.5 }), 'INVALID_ARGUMENT');
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, close, { periodId: 'nope' }), 'PERIOD_NOT_FOUND');
  });
});

describe('GetStatement and ListMovements', () => {
  it('lists an account\'s movements oldest first, page by page', async () => {
    const network = await world();
    await submit(network, identities.miningUser, claimOnOutput, claim);
    const list = 'massbalance:ListMovements';
    const window = { ...account, from: '2025-01-01T00:00:00Z', until: '2025-02-01T00:00:00Z', pageSize: 1 };
    const first = await query(network, identities.auditorUser, list, window);
    expect(first.items.map((m) => m.kind)).to.deep.equal(['CREDIT']);
    const second = await query(network, identities.auditorUser, list, { ...window, bookmark: first.bookmark });
    expect(second.items.map((m) => m.kind)).to.deep.equal(['DEBIT']);
    expect(second.bookmark).to.equal('');
  });

  it('rejects a statement of an unknown account and a window longer than a year', async () => {
    const network = await world();
    await expectContractError(query(network, identities.auditorUser, statement, { ...account, claim: 'CONFLICT_FREE' }), 'ACCOUNT_NOT_FOUND');
    await expectContractError(query(network, identities.auditorUser, 'massbalance:ListMovements', { ...account, from: '2025-01-01T00:00:00Z', until: '2026-06-01T00:00:00Z' }), 'INVALID_ARGUMENT');
  });
});

describe('mass-balance invariants', () => {
  it('refuses claims beyond the credit: the balance never goes negative and each credit is used at most once', async () => {
    const network = await world();
    const outcomes: string[] = [];
    for (let index = 1; index <= 11; index += 1) {
      await mint(network, `u${index}`, 1_000);
      await ship(network, `u${index}`, `tu${index}`, 1_000, 1_000);
      await submit(network, identities.miningUser, 'process:Transform', {
        id: `r${index}`, facilityId: 'refinery-1', processKind: 'REFINING', inputs: [{ lotId: `u${index}`, massGrams: 1_000 }],
        outputs: [{ id: `s${index}`, material: 'COBALT_SULFATE', massGrams: 1_000 }], lossGrams: 0,
      });
      const request = { ...claim, id: `c${index}`, processRunId: `r${index}`, outputLotId: `s${index}`, massGrams: 1_000 };
      const outcome = await submit(network, identities.miningUser, claimOnOutput, request).then(() => 'ok', (error: unknown) => (error instanceof Error ? error.message : ''));
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
