/**
 * Mass-balance bookkeeping (ISO 22095; DESIGN §2 rules 1–7), pure: movements are folded into statements,
 * each debit records the credits it draws on (oldest first, only credits booked no later than the debit, and
 * never more of a credit than the draws recorded on it leave), periods open, reconcile against declared
 * physical stock and close with carry-over. Masses are exact: sums run in BigInt.
 */
import {
  ContractError,
  MAX_PERIOD_DAYS,
  type ConversionFactor,
  type CreditDraw,
  type Draft,
  type MassBalancePeriod,
  type MovementKind,
  type PeriodClosing,
  type ProcessRun,
  type Reconciliation,
} from '../api';
import { toMass } from './mass';

/** A movement as the fold needs it. */
export interface MovementEntry {
  readonly id: string;
  readonly kind: MovementKind;
  readonly massGrams: number;
  readonly bookedAt: string;
  /** Debits: the credits the debit recorded it drew on. */
  readonly drawnFrom?: readonly CreditDraw[];
}

/** A credit in a fold and what is left of it. */
export interface CreditState {
  readonly movementId: string;
  readonly massGrams: number;
  readonly usedGrams: number;
}

/** The fold of a period's movements over its opening balance. */
export interface Fold {
  readonly openingBalanceGrams: number;
  readonly creditedGrams: number;
  readonly debitedGrams: number;
  readonly balanceGrams: number;
  /** The carried-over opening balance (when positive) first, then every credit, oldest first. */
  readonly credits: CreditState[];
}

const DAY_MS = 86_400_000;

/** The month bucket (`YYYY-MM`) of an ISO 8601 UTC time: movements are indexed per account and month. */
export function monthOf(iso: string): string {
  return iso.slice(0, 7);
}

/**
 * The month buckets from `from`'s month to `until`'s month, inclusive.
 * @example
 * ```ts
 * monthsBetween('2025-11-20T00:00:00.000Z', '2026-01-05T00:00:00.000Z'); // ['2025-11', '2025-12', '2026-01']
 * ```
 */
export function monthsBetween(from: string, until: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = monthOf(until);
  for (let guard = 0; guard < 10_000; guard += 1) {
    const bucket = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    if (bucket > last) {
      break;
    }
    months.push(bucket);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return months;
}

/** Orders movements as they were booked (time, credits before debits, then id). */
export function byBookingOrder(a: MovementEntry, b: MovementEntry): number {
  if (a.bookedAt !== b.bookedAt) {
    return a.bookedAt < b.bookedAt ? -1 : 1;
  }
  // at the same time, credits come first: a debit booked then may have drawn on them
  if (a.kind !== b.kind) {
    return a.kind === 'CREDIT' ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Movement ids by origin, in namespaces of their own so that no client-chosen id can take a derived credit's
 * place (a debit named like a credit would otherwise block that credit).
 */
export const movementIds = {
  /** A claim's debit, named by the client. */
  debit: (claimId: string): string => `claim:${claimId}`,
  /** The credit of the labelled mass of one input consumed by a run or a merge. */
  consumption: (consumerId: string, index: number, claim: string): string => `consumed:${consumerId}:${index}:${claim}`,
} as const;

/** The id under which a period's carried-over opening balance is drawn on. */
export function carriedOverId(previousPeriodId: string): string {
  return `carried-over:${previousPeriodId}`;
}

interface MutableCredit {
  readonly movementId: string;
  readonly massGrams: number;
  usedGrams: number;
}

function draw(credits: MutableCredit[], massGrams: number): CreditDraw[] {
  const draws: CreditDraw[] = [];
  let left = massGrams;
  for (const credit of credits) {
    const take = Math.min(left, credit.massGrams - credit.usedGrams);
    if (take > 0) {
      credit.usedGrams += take;
      draws.push({ movementId: credit.movementId, massGrams: take });
      left -= take;
    }
    if (left === 0) {
      break;
    }
  }
  if (left > 0) {
    throw new ContractError('INSUFFICIENT_CREDIT', `${massGrams} g exceeds the available credit by ${left} g`);
  }
  return draws;
}

/**
 * Folds a period's movements (any order; they are sorted by booking) over its opening balance. A debit uses
 * the credits it recorded; one without recorded draws takes the oldest credits first.
 * @param opening - the carried-over balance and the id it is drawn on under
 * @throws {@link ContractError} `INTERNAL` when a stored debit exceeds the credits booked before it or draws on
 * a credit that was not booked before it, that does not exist, or that other debits used up (the ledger never allows it)
 */
export function foldMovements(opening: { readonly massGrams: number; readonly id: string }, movements: readonly MovementEntry[]): Fold {
  const credits: MutableCredit[] = opening.massGrams > 0 ? [{ movementId: opening.id, massGrams: opening.massGrams, usedGrams: 0 }] : [];
  let credited = 0n;
  let debited = 0n;
  for (const movement of [...movements].sort(byBookingOrder)) {
    if (movement.kind === 'CREDIT') {
      credits.push({ movementId: movement.id, massGrams: movement.massGrams, usedGrams: 0 });
      credited += BigInt(movement.massGrams);
    } else {
      debited += BigInt(movement.massGrams);
      applyDebit(credits, movement);
    }
  }
  const balance = BigInt(opening.massGrams) + credited - debited;
  return {
    openingBalanceGrams: opening.massGrams,
    creditedGrams: toMass(credited, 'the credits of the period'),
    debitedGrams: toMass(debited, 'the debits of the period'),
    balanceGrams: toMass(balance, 'the balance'),
    credits: credits.map((credit) => ({ ...credit })),
  };
}

function applyDebit(credits: MutableCredit[], debit: MovementEntry): void {
  if (debit.drawnFrom === undefined) {
    try {
      draw(credits, debit.massGrams);
    } catch {
      throw new ContractError('INTERNAL', `stored debit ${debit.id} exceeds the credits booked before it`);
    }
    return;
  }
  let drawn = 0n;
  for (const { movementId, massGrams } of debit.drawnFrom) {
    const credit = credits.find((candidate) => candidate.movementId === movementId);
    if (credit === undefined || credit.usedGrams + massGrams > credit.massGrams) {
      throw new ContractError('INTERNAL', `stored debit ${debit.id} draws ${massGrams} g on ${movementId}, which was not booked before it or has less left`);
    }
    credit.usedGrams += massGrams;
    drawn += BigInt(massGrams);
  }
  if (drawn !== BigInt(debit.massGrams)) {
    throw new ContractError('INTERNAL', `stored debit ${debit.id} of ${debit.massGrams} g records draws of ${drawn} g`);
  }
}

/**
 * Plans a debit booked at `at` among movements that may carry later times (clients' clocks differ within the
 * peers' window): it draws, oldest first, on the credits booked up to `at`, less everything that the debits
 * already stored drew on them — including debits stamped later than `at`, which keep their draws. Since every
 * debit draws only on credits booked before it, the balance replayed in time order never goes below zero.
 * @param opening - the carried-over balance and the id it is drawn on under
 * @throws {@link ContractError} `INSUFFICIENT_CREDIT` when the credit left at `at` is smaller than `massGrams`
 */
export function planDebitAt(opening: { readonly massGrams: number; readonly id: string }, movements: readonly MovementEntry[], at: string, massGrams: number): CreditDraw[] {
  const fold = foldMovements(opening, movements);
  const bookedBy = new Set([opening.id, ...movements.filter((movement) => movement.kind === 'CREDIT' && movement.bookedAt <= at).map((movement) => movement.id)]);
  const available = fold.credits.filter((credit) => bookedBy.has(credit.movementId)).map((credit) => ({ ...credit }));
  const left = available.reduce((sum, credit) => sum + BigInt(credit.massGrams - credit.usedGrams), 0n);
  if (BigInt(massGrams) > left) {
    throw new ContractError('INSUFFICIENT_CREDIT', `the account holds ${left} g of undrawn credit booked by ${at}, ${massGrams} g requested`);
  }
  return draw(available, massGrams);
}

/** The material flows of a process run. */
export interface RunFlows {
  readonly id: string;
  /** Untracked reagent mass the run added: part of its inputs. */
  readonly reagentGrams?: number;
  readonly inputs: readonly Pick<ProcessRun['inputs'][number], 'material' | 'massGrams'>[];
  readonly outputs: readonly Pick<ProcessRun['outputs'][number], 'material' | 'massGrams'>[];
}

/**
 * The run's own conversion factor: all its outputs per all its inputs, reagents included (its yield, at most 1,
 * co-products allocated by mass), whichever input material backs the claim. The factor is taken over every input so that a small
 * certified input mixed into a large uncertified one cannot back a claim on the whole output; the backing
 * material must be one of the run's inputs.
 * @throws {@link ContractError} `INVALID_ARGUMENT` when the run consumed none of the source material
 */
export function runConversion(run: RunFlows, sourceMaterial: string): ConversionFactor {
  if (!run.inputs.some((input) => input.material === sourceMaterial)) {
    throw new ContractError('INVALID_ARGUMENT', `process run ${run.id} consumed no ${sourceMaterial}`);
  }
  const inputGrams = run.inputs.reduce((sum, input) => sum + BigInt(input.massGrams), BigInt(run.reagentGrams ?? 0));
  const outputGrams = run.outputs.reduce((sum, output) => sum + BigInt(output.massGrams), 0n);
  return { inputGrams: toMass(inputGrams, 'the inputs'), outputGrams: toMass(outputGrams, 'the outputs') };
}

/**
 * Chooses the conversion factor of a claim: the declared one, which may not yield more output per input than
 * the run physically did, or else the run's.
 * @throws {@link ContractError} `INVALID_ARGUMENT` when the declared factor exceeds the run's
 */
export function chooseConversion(declared: ConversionFactor | undefined, actual: ConversionFactor): ConversionFactor {
  if (declared === undefined) {
    return actual;
  }
  if (BigInt(declared.outputGrams) * BigInt(actual.inputGrams) > BigInt(actual.outputGrams) * BigInt(declared.inputGrams)) {
    throw new ContractError('INVALID_ARGUMENT', `a factor of ${declared.outputGrams}/${declared.inputGrams} exceeds the run's yield of ${actual.outputGrams}/${actual.inputGrams}`);
  }
  return declared;
}

/**
 * The input credit a claim on `outputGrams` of output needs: output ÷ factor, rounded up so a claim is never
 * under-backed.
 */
export function creditForOutput(outputGrams: number, conversion: ConversionFactor): number {
  const numerator = BigInt(outputGrams) * BigInt(conversion.inputGrams);
  const denominator = BigInt(conversion.outputGrams);
  return toMass((numerator + denominator - 1n) / denominator, 'the credit needed');
}

/** A period as OpenPeriod asks for it (already validated). */
export interface PeriodInput {
  readonly id: string;
  readonly startsAt?: string;
  readonly endsAt: string;
  readonly toleranceBasisPoints: number;
}

/** The account and previous period a new period follows. */
export interface PeriodContext {
  readonly accountId: string;
  readonly ownerMsp: string;
  readonly account: { readonly facilityId: string; readonly material: MassBalancePeriod['material']; readonly claim: MassBalancePeriod['claim'] };
  readonly openPeriodId: string | undefined;
  readonly sequence: number;
  readonly previous: MassBalancePeriod | undefined;
}

function periodStart(input: PeriodInput, previous: MassBalancePeriod | undefined): string {
  if (previous === undefined) {
    if (input.startsAt === undefined) {
      throw new ContractError('INVALID_ARGUMENT', 'the first period of an account needs startsAt');
    }
    return input.startsAt;
  }
  if (input.startsAt !== undefined && input.startsAt !== previous.endsAt) {
    throw new ContractError('INVALID_ARGUMENT', `periods are contiguous: this one starts at ${previous.endsAt}, where period ${previous.id} ended`);
  }
  return previous.endsAt;
}

/**
 * Plans the next balancing period of an account: the first starts when declared, later ones where the
 * previous (closed) one ended, opening with its carried-over balance.
 * @throws {@link ContractError} `INVALID_STATE` while a period is open, `INVALID_ARGUMENT` for a bad window
 */
export function planOpenPeriod(input: PeriodInput, context: PeriodContext): Draft<MassBalancePeriod> {
  if (context.openPeriodId !== undefined) {
    throw new ContractError('INVALID_STATE', `period ${context.openPeriodId} of account ${context.accountId} is still open`);
  }
  const startsAt = periodStart(input, context.previous);
  if (input.endsAt <= startsAt) {
    throw new ContractError('INVALID_ARGUMENT', 'endsAt must be after the period start');
  }
  if (Date.parse(input.endsAt) - Date.parse(startsAt) > MAX_PERIOD_DAYS * DAY_MS) {
    throw new ContractError('INVALID_ARGUMENT', `a balancing period lasts at most ${MAX_PERIOD_DAYS} days`);
  }
  return {
    id: input.id,
    ownerMsp: context.ownerMsp,
    ...context.account,
    accountId: context.accountId,
    sequence: context.sequence,
    startsAt,
    endsAt: input.endsAt,
    toleranceBasisPoints: input.toleranceBasisPoints,
    status: 'OPEN',
    openingBalanceGrams: context.previous?.closing?.carriedOverGrams ?? 0,
    previousPeriodId: context.previous?.id,
  };
}

/**
 * Requires a period open for debits at `now` (start ≤ now < end).
 * @throws {@link ContractError} `INVALID_STATE`
 */
export function requireDebitWindow(period: MassBalancePeriod, now: string): void {
  if (period.status !== 'OPEN' || now < period.startsAt || now >= period.endsAt) {
    throw new ContractError('INVALID_STATE', `period ${period.id} (${period.status}, ${period.startsAt} – ${period.endsAt}) does not accept claims at ${now}`);
  }
}

/** Deviation of physical from book stock in basis points of the book, rounded up (10000 for an empty book with stock). */
export function deviationBasisPoints(bookGrams: number, physicalGrams: number): number {
  const deviation = BigInt(Math.abs(bookGrams - physicalGrams));
  if (bookGrams === 0) {
    return deviation === 0n ? 0 : 10_000;
  }
  const book = BigInt(bookGrams);
  return Number((deviation * 10_000n + book - 1n) / book);
}

/**
 * Reconciles a period that has ended: book stock against the declared physical stock, within the period's
 * tolerance or flagged. A reconciled period may be reconciled again until it is closed.
 * @throws {@link ContractError} `INVALID_STATE` when the period is closed or has not ended
 */
export function reconcilePeriod(period: MassBalancePeriod, fold: Fold, declaredPhysicalStockGrams: number, now: string): MassBalancePeriod {
  if (period.status === 'CLOSED') {
    throw new ContractError('INVALID_STATE', `period ${period.id} is closed`);
  }
  if (now < period.endsAt) {
    throw new ContractError('INVALID_STATE', `period ${period.id} ends at ${period.endsAt}; reconcile it afterwards`);
  }
  const book = fold.balanceGrams;
  const deviationGrams = Math.abs(book - declaredPhysicalStockGrams);
  const withinTolerance = BigInt(deviationGrams) * 10_000n <= BigInt(book) * BigInt(period.toleranceBasisPoints);
  const reconciliation: Reconciliation = {
    bookBalanceGrams: book,
    declaredPhysicalStockGrams,
    deviationGrams,
    deviationBasisPoints: deviationBasisPoints(book, declaredPhysicalStockGrams),
    withinTolerance,
    flagged: !withinTolerance,
    reconciledAt: now,
  };
  return { ...period, status: 'RECONCILED', reconciliation };
}

/**
 * Closes a reconciled period: carries over the book balance, but never more than the declared physical stock
 * (the excess is written off), so a carry-over never creates credit.
 * @throws {@link ContractError} `INVALID_STATE` unless reconciled against the current book balance
 */
export function closePeriod(period: MassBalancePeriod, fold: Fold, now: string): MassBalancePeriod {
  const reconciliation = period.reconciliation;
  if (period.status !== 'RECONCILED' || reconciliation === undefined) {
    throw new ContractError('INVALID_STATE', `period ${period.id} is ${period.status}; reconcile it before closing`);
  }
  if (reconciliation.bookBalanceGrams !== fold.balanceGrams) {
    throw new ContractError('INVALID_STATE', `the book balance of period ${period.id} changed since its reconciliation; reconcile again`);
  }
  const carriedOverGrams = Math.min(fold.balanceGrams, reconciliation.declaredPhysicalStockGrams);
  const closing: PeriodClosing = {
    creditedGrams: fold.creditedGrams,
    debitedGrams: fold.debitedGrams,
    closingBookBalanceGrams: fold.balanceGrams,
    carriedOverGrams,
    writtenOffGrams: fold.balanceGrams - carriedOverGrams,
    closedAt: now,
  };
  return { ...period, status: 'CLOSED', closing };
}
