import { expect } from 'chai';
import fc from 'fast-check';
import { isContractError, type MassBalancePeriod } from '../../../chaincode/src/api';
import {
  closePeriod,
  creditForOutput,
  chooseConversion,
  deviationBasisPoints,
  foldMovements,
  monthsBetween,
  planDebitAt,
  planOpenPeriod,
  reconcilePeriod,
  requireDebitWindow,
  runConversion,
  type MovementEntry,
} from '../../../chaincode/src/domain/massBalance';

const noOpening = { massGrams: 0, id: 'carried-over:none' };
const credit = (id: string, massGrams: number, bookedAt = `2025-01-0${id.length}T00:00:00.000Z`): MovementEntry => ({ id, kind: 'CREDIT', massGrams, bookedAt });
const debit = (id: string, massGrams: number, bookedAt: string): MovementEntry => ({ id, kind: 'DEBIT', massGrams, bookedAt });

function expectCode(run: () => unknown, code: string): void {
  try {
    run();
  } catch (error) {
    expect(isContractError(error) && error.code, String(error)).to.equal(code);
    return;
  }
  expect.fail(`expected ${code}`);
}

const context = {
  accountId: 'r1:COBALT_SULFATE:CERTIFIED_ORIGIN',
  ownerMsp: 'MiningMSP',
  account: { facilityId: 'r1', material: 'COBALT_SULFATE', claim: 'CERTIFIED_ORIGIN' },
  openPeriodId: undefined,
  sequence: 1,
  previous: undefined,
} as const;

function period(overrides: Partial<MassBalancePeriod> = {}): MassBalancePeriod {
  const draft = planOpenPeriod({ id: 'p1', startsAt: '2025-01-01T00:00:00.000Z', endsAt: '2025-04-01T00:00:00.000Z', toleranceBasisPoints: 50 }, context);
  return { ...draft, createdAt: '', updatedAt: '', txId: 't', version: 1, recordHash: '0x', previousHash: '0x', ...overrides };
}

describe('mass-balance domain', () => {
  describe('monthsBetween', () => {
    it('lists the month buckets of a window across a year end', () => {
      expect(monthsBetween('2025-11-20T00:00:00.000Z', '2026-02-01T00:00:00.000Z')).to.deep.equal(['2025-11', '2025-12', '2026-01', '2026-02']);
    });
  });

  describe('foldMovements', () => {
    it('adds credits, subtracts debits and draws debits on the oldest credits first', () => {
      const fold = foldMovements({ massGrams: 100, id: 'carried-over:p0' }, [
        debit('d1', 250, '2025-01-05T00:00:00.000Z'),
        credit('c1', 200, '2025-01-02T00:00:00.000Z'),
        credit('c2', 300, '2025-01-06T00:00:00.000Z'),
      ]);
      expect(fold).to.deep.include({ openingBalanceGrams: 100, creditedGrams: 500, debitedGrams: 250, balanceGrams: 350 });
      expect(fold.credits).to.deep.equal([
        { movementId: 'carried-over:p0', massGrams: 100, usedGrams: 100 },
        { movementId: 'c1', massGrams: 200, usedGrams: 150 },
        { movementId: 'c2', massGrams: 300, usedGrams: 0 },
      ]);
    });

    it('rejects stored debits that exceed the credits booked before them', () => {
      expectCode(() => foldMovements(noOpening, [debit('d1', 1, '2025-01-01T00:00:00.000Z'), credit('c1', 5, '2025-01-02T00:00:00.000Z')]), 'INTERNAL');
    });
  });

  describe('planDebitAt', () => {
    const late = '2025-12-31T00:00:00.000Z';

    it('draws on the oldest credits first, each at most once across debits', () => {
      const draws = planDebitAt(noOpening, [credit('c1', 100), credit('c22', 50)], late, 120);
      expect(draws).to.deep.equal([
        { movementId: 'c1', massGrams: 100 },
        { movementId: 'c22', massGrams: 20 },
      ]);
      const next = planDebitAt(noOpening, [credit('c1', 100), credit('c22', 50), { ...debit('d1', 120, late), drawnFrom: draws }], late, 30);
      expect(next).to.deep.equal([{ movementId: 'c22', massGrams: 30 }]);
    });

    it('rejects a claim above the available credit', () => {
      expectCode(() => planDebitAt(noOpening, [credit('c1', 100)], late, 101), 'INSUFFICIENT_CREDIT');
    });

    it('never lets the balance go negative and never uses a credit twice (random sequences)', () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 1000 })), { maxLength: 40 }), (steps) => {
          const movements: MovementEntry[] = [];
          steps.forEach(([isCredit, grams], index) => {
            const bookedAt = `2025-01-01T00:00:${String(index).padStart(2, '0')}.000Z`;
            if (isCredit) {
              movements.push({ id: `m${index}`, kind: 'CREDIT', massGrams: grams, bookedAt });
              return;
            }
            try {
              const drawnFrom = planDebitAt(noOpening, movements, bookedAt, grams);
              movements.push({ id: `m${index}`, kind: 'DEBIT', massGrams: grams, bookedAt, drawnFrom });
            } catch (error) {
              expect(isContractError(error, 'INSUFFICIENT_CREDIT')).to.equal(true);
            }
          });
          const fold = foldMovements(noOpening, movements);
          expect(fold.balanceGrams).to.be.at.least(0);
          expect(fold.balanceGrams).to.equal(fold.creditedGrams - fold.debitedGrams);
          for (const c of fold.credits) {
            expect(c.usedGrams).to.be.within(0, c.massGrams);
          }
          expect(fold.credits.reduce((sum, c) => sum + c.usedGrams, 0)).to.equal(fold.debitedGrams);
        }),
      );
    });
  });

  describe('conversion factors', () => {
    const run = {
      id: 'run-1',
      inputs: [
        { lotId: 'a', material: 'COBALT_SULFATE', massGrams: 100 },
        { lotId: 'b', material: 'NICKEL_SULFATE', massGrams: 300 },
      ],
      outputs: [{ lotId: 'o', material: 'CATHODE_NMC', massGrams: 380, yieldBasisPoints: 9500 }],
    } as const;

    it('takes the run\'s yield over all its inputs, whichever input backs the claim', () => {
      expect(runConversion(run, 'COBALT_SULFATE')).to.deep.equal({ inputGrams: 400, outputGrams: 380 });
      expect(runConversion(run, 'NICKEL_SULFATE')).to.deep.equal({ inputGrams: 400, outputGrams: 380 });
    });

    it('lets a gram of certified input back only its share of a large mixed output', () => {
      const mixed = { id: 'run-2', inputs: [{ material: 'COBALT_HYDROXIDE', massGrams: 1 }, { material: 'COBALT_ORE', massGrams: 9_999 }], outputs: [{ material: 'COBALT_SULFATE', massGrams: 10_000 }] } as const;
      const conversion = runConversion(mixed, 'COBALT_HYDROXIDE');
      expect(creditForOutput(10_000, conversion), 'the whole output needs credit for every input gram').to.equal(10_000);
      expect(creditForOutput(1, conversion)).to.equal(1);
    });

    it('rounds the credit a claim needs up', () => {
      expect(creditForOutput(380, { inputGrams: 400, outputGrams: 380 })).to.equal(400);
      expect(creditForOutput(1, { inputGrams: 400, outputGrams: 380 })).to.equal(2);
      expect(creditForOutput(190, { inputGrams: 400, outputGrams: 380 })).to.equal(200);
    });

    it('accepts a declared factor no better than the run\'s', () => {
      expect(chooseConversion({ inputGrams: 10, outputGrams: 9 }, { inputGrams: 400, outputGrams: 380 })).to.deep.equal({ inputGrams: 10, outputGrams: 9 });
    });

    it('rejects a declared factor above the run\'s yield', () => {
      expectCode(() => chooseConversion({ inputGrams: 1, outputGrams: 1 }, { inputGrams: 400, outputGrams: 380 }), 'INVALID_ARGUMENT');
    });

    it('rejects a source material the run did not consume', () => {
      expectCode(() => runConversion(run, 'LITHIUM_HYDROXIDE'), 'INVALID_ARGUMENT');
    });
  });

  describe('periods', () => {
    it('opens the first period at its declared start with no opening balance', () => {
      expect(period()).to.include({ status: 'OPEN', startsAt: '2025-01-01T00:00:00.000Z', openingBalanceGrams: 0, sequence: 1 });
    });

    it('starts a later period where the previous one ended, with its carry-over', () => {
      const previous = period({ status: 'CLOSED', closing: { creditedGrams: 5, debitedGrams: 0, closingBookBalanceGrams: 5, carriedOverGrams: 4, writtenOffGrams: 1, closedAt: '2025-04-02T00:00:00.000Z' } });
      const next = planOpenPeriod({ id: 'p2', endsAt: '2025-07-01T00:00:00.000Z', toleranceBasisPoints: 50 }, { ...context, sequence: 2, previous });
      expect(next).to.include({ startsAt: '2025-04-01T00:00:00.000Z', openingBalanceGrams: 4, previousPeriodId: 'p1' });
    });

    it('rejects a gap between periods', () => {
      const previous = period({ status: 'CLOSED' });
      expectCode(() => planOpenPeriod({ id: 'p2', startsAt: '2025-05-01T00:00:00Z', endsAt: '2025-07-01T00:00:00.000Z', toleranceBasisPoints: 50 }, { ...context, previous }), 'INVALID_ARGUMENT');
    });

    it('rejects a first period without a start, an inverted window and one longer than a year', () => {
      expectCode(() => planOpenPeriod({ id: 'p', endsAt: '2025-07-01T00:00:00.000Z', toleranceBasisPoints: 50 }, context), 'INVALID_ARGUMENT');
      expectCode(() => planOpenPeriod({ id: 'p', startsAt: '2025-07-01T00:00:00.000Z', endsAt: '2025-07-01T00:00:00.000Z', toleranceBasisPoints: 50 }, context), 'INVALID_ARGUMENT');
      expectCode(() => planOpenPeriod({ id: 'p', startsAt: '2025-01-01T00:00:00.000Z', endsAt: '2026-01-03T00:00:00.000Z', toleranceBasisPoints: 50 }, context), 'INVALID_ARGUMENT');
    });

    it('rejects opening while a period is open', () => {
      expectCode(() => planOpenPeriod({ id: 'p', startsAt: '2025-01-01T00:00:00.000Z', endsAt: '2025-02-01T00:00:00.000Z', toleranceBasisPoints: 50 }, { ...context, openPeriodId: 'p0' }), 'INVALID_STATE');
    });

    it('accepts debits only inside an open period', () => {
      requireDebitWindow(period(), '2025-02-01T00:00:00.000Z');
      expectCode(() => { requireDebitWindow(period(), '2025-04-01T00:00:00.000Z'); }, 'INVALID_STATE');
      expectCode(() => { requireDebitWindow(period(), '2024-12-31T23:59:59.000Z'); }, 'INVALID_STATE');
    });

    it('reconciles within tolerance and flags deviations beyond it', () => {
      const fold = foldMovements(noOpening, [credit('c1', 10_000)]);
      const ok = reconcilePeriod(period(), fold, 9_950, '2025-04-01T00:00:00.000Z');
      expect(ok.reconciliation).to.include({ bookBalanceGrams: 10_000, deviationGrams: 50, deviationBasisPoints: 50, withinTolerance: true, flagged: false });
      const off = reconcilePeriod(period(), fold, 9_949, '2025-04-01T00:00:00.000Z');
      expect(off.reconciliation).to.include({ withinTolerance: false, flagged: true, deviationBasisPoints: 51 });
    });

    it('rejects reconciling before the period ends', () => {
      expectCode(() => reconcilePeriod(period(), foldMovements(noOpening, []), 0, '2025-03-31T23:59:59.000Z'), 'INVALID_STATE');
    });

    it('closes with the book balance carried over, never more than the physical stock', () => {
      const fold = foldMovements(noOpening, [credit('c1', 10_000)]);
      const closed = closePeriod(reconcilePeriod(period(), fold, 9_000, '2025-04-01T00:00:00.000Z'), fold, '2025-04-02T00:00:00.000Z');
      expect(closed.closing).to.include({ closingBookBalanceGrams: 10_000, carriedOverGrams: 9_000, writtenOffGrams: 1_000 });
      const surplus = closePeriod(reconcilePeriod(period(), fold, 12_000, '2025-04-01T00:00:00.000Z'), fold, '2025-04-02T00:00:00.000Z');
      expect(surplus.closing).to.include({ carriedOverGrams: 10_000, writtenOffGrams: 0 });
    });

    it('rejects closing an unreconciled period, or one whose book changed since', () => {
      const fold = foldMovements(noOpening, [credit('c1', 10)]);
      expectCode(() => closePeriod(period(), fold, '2025-04-02T00:00:00.000Z'), 'INVALID_STATE');
      const reconciled = reconcilePeriod(period(), fold, 10, '2025-04-01T00:00:00.000Z');
      expectCode(() => closePeriod(reconciled, foldMovements(noOpening, [credit('c1', 10), credit('c22', 1)]), '2025-04-02T00:00:00.000Z'), 'INVALID_STATE');
    });

    it('measures an empty book with stock as a full deviation', () => {
      expect(deviationBasisPoints(0, 0)).to.equal(0);
      expect(deviationBasisPoints(0, 5)).to.equal(10_000);
    });
  });
});

describe('planDebitAt (movements out of time order)', () => {
  const at = (minute: number): string => `2025-01-01T00:${String(minute).padStart(2, '0')}:00.000Z`;
  const entry = (id: string, kind: 'CREDIT' | 'DEBIT', massGrams: number, minute: number): MovementEntry => ({ id, kind, massGrams, bookedAt: at(minute) });
  const opening = { massGrams: 0, id: 'carried-over:p0' };

  it('draws on a credit booked before its time', () => {
    expect(planDebitAt(opening, [entry('c', 'CREDIT', 5, 1)], at(2), 5)).to.deep.equal([{ movementId: 'c', massGrams: 5 }]);
  });

  it('refuses a credit stamped later than the debit, which a replay would put after it', () => {
    expectCode(() => planDebitAt(opening, [entry('c', 'CREDIT', 5, 9)], at(2), 1), 'INSUFFICIENT_CREDIT');
  });

  const drew = (id: string, massGrams: number, minute: number, drawnFrom: MovementEntry['drawnFrom']): MovementEntry => ({ ...entry(id, 'DEBIT', massGrams, minute), drawnFrom });

  it('leaves what a debit stamped later already drew: no gram is claimed twice', () => {
    const movements = [entry('c', 'CREDIT', 1, 1), drew('later', 1, 13, [{ movementId: 'c', massGrams: 1 }])];
    expectCode(() => planDebitAt(opening, movements, at(3), 1), 'INSUFFICIENT_CREDIT');
    const withAnother = [...movements, entry('c2', 'CREDIT', 1, 2)];
    const draws = planDebitAt(opening, withAnother, at(3), 1);
    expect(draws).to.deep.equal([{ movementId: 'c2', massGrams: 1 }]);
    const fold = foldMovements(opening, [...withAnother, drew('now', 1, 3, draws)]);
    expect(fold.credits.map((c) => [c.movementId, c.usedGrams])).to.deep.equal([
      ['c', 1],
      ['c2', 1],
    ]);
  });

  it('keeps the draws a later-stamped debit recorded when an earlier-stamped claim takes a credit booked after it', () => {
    // a 1 g certified credit at minute 1 and a 10 g credit at minute 5; a claim stamped minute 9 drew the 1 g;
    // a claim stamped minute 7 (its client clock behind) must leave that gram alone
    const movements = [entry('small', 'CREDIT', 1, 1), entry('large', 'CREDIT', 10, 5), drew('later', 1, 9, [{ movementId: 'small', massGrams: 1 }])];
    expect(planDebitAt(opening, movements, at(7), 8)).to.deep.equal([{ movementId: 'large', massGrams: 8 }]);
    expectCode(() => planDebitAt(opening, movements, at(3), 1), 'INSUFFICIENT_CREDIT');
  });

  it('refuses stored draws that over-use a credit or draw on one booked after the debit', () => {
    expectCode(() => foldMovements(opening, [entry('c', 'CREDIT', 1, 1), drew('d1', 1, 2, [{ movementId: 'c', massGrams: 1 }]), drew('d2', 1, 3, [{ movementId: 'c', massGrams: 1 }])]), 'INTERNAL');
    expectCode(() => foldMovements(opening, [drew('d1', 1, 2, [{ movementId: 'c', massGrams: 1 }]), entry('c', 'CREDIT', 1, 3)]), 'INTERNAL');
    expectCode(() => foldMovements(opening, [entry('c', 'CREDIT', 5, 1), drew('d1', 2, 2, [{ movementId: 'c', massGrams: 1 }])]), 'INTERNAL');
  });

  it('never draws a credit twice nor lets a time-ordered replay fail, whatever the clients\' clocks (random skew)', () => {
    const step = fc.record({ isCredit: fc.boolean(), grams: fc.integer({ min: 1, max: 50 }), skew: fc.integer({ min: -20, max: 20 }) });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const movements: MovementEntry[] = [];
        steps.forEach(({ isCredit, grams, skew }, index) => {
          const minute = Math.max(0, Math.min(59, 20 + Math.floor(index / 2) + skew));
          if (isCredit) {
            movements.push(entry(`c${index}`, 'CREDIT', grams, minute));
            return;
          }
          try {
            movements.push(drew(`d${index}`, grams, minute, planDebitAt(opening, movements, at(minute), grams)));
          } catch (error) {
            expect(isContractError(error, 'INSUFFICIENT_CREDIT'), String(error)).to.equal(true);
          }
        });
        const byId = new Map(movements.map((m) => [m.id, m]));
        const drawn = new Map<string, number>();
        for (const debitEntry of movements.filter((m) => m.kind === 'DEBIT')) {
          for (const d of debitEntry.drawnFrom ?? []) {
            const source = byId.get(d.movementId);
            expect(source !== undefined && source.bookedAt <= debitEntry.bookedAt, `${debitEntry.id} draws on ${d.movementId}`).to.equal(true);
            drawn.set(d.movementId, (drawn.get(d.movementId) ?? 0) + d.massGrams);
          }
        }
        for (const [id, grams] of drawn) {
          expect(grams, id).to.be.at.most(byId.get(id)?.massGrams ?? 0);
        }
        expect(foldMovements(opening, movements).balanceGrams).to.be.at.least(0);
      }),
    );
  });
});
