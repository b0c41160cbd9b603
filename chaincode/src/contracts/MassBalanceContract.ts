import { Context, Info, Returns, Transaction } from 'fabric-contract-api';
import { BatteryTraceContract } from './BatteryTraceContract';
import {
  accountRefSchema,
  byIdRequestSchema,
  claimOnOutputRequestSchema,
  closePeriodRequestSchema,
  ContractError,
  CONTRACTS,
  getStatementRequestSchema,
  listMovementsRequestSchema,
  massBalanceAccountId,
  MASS_BALANCE_TRANSACTIONS as TX,
  MAX_PERIOD_DAYS,
  openPeriodRequestSchema,
  qualifiedName,
  reconcilePeriodRequestSchema,
  type AccountRef,
  type ClaimOnOutputResult,
  type Draft,
  type MassBalanceAccount,
  type MassBalanceMovement,
  type MassBalancePeriod,
  type MassBalanceStatement,
  type MaterialLot,
  type Page,
  type ProcessRun,
} from '../api';
import { planSplit, requireActive } from '../domain/lots';
import { chooseConversion, closePeriod, creditForOutput, movementIds, planDebitAt, planOpenPeriod, reconcilePeriod, requireDebitWindow, runConversion, type Fold } from '../domain/massBalance';
import {
  bookMovement,
  createDerivedLot,
  currentPeriod,
  evaluate,
  FACILITY,
  findAccount,
  MASS_BALANCE_ACCOUNT,
  MASS_BALANCE_MOVEMENT,
  MASS_BALANCE_PERIOD,
  MATERIAL_LOT,
  movementsBetween,
  newAccount,
  periodFold,
  periodMovements,
  periodOpening,
  PROCESS_RUN,
  requireCertification,
  requireOrg,
  saveLot,
  submit,
  type Caller,
  type Ledger,
} from '../state';
import type { z } from 'zod';

const name = (transaction: string): string => qualifiedName(CONTRACTS.massBalance, transaction);
const DAY_MS = 86_400_000;

async function requireFacilityOrg(ledger: Ledger, caller: Caller, facilityId: string, action: string): Promise<string> {
  const facility = await ledger.require(FACILITY, facilityId);
  requireOrg(caller, [facility.ownerMsp], action);
  return facility.ownerMsp;
}

async function requireAccount(ledger: Ledger, account: AccountRef): Promise<MassBalanceAccount> {
  const found = await findAccount(ledger, account);
  if (found === undefined) {
    throw new ContractError('ACCOUNT_NOT_FOUND', `no mass-balance account ${massBalanceAccountId(account.facilityId, account.material, account.claim)}`);
  }
  return found;
}

async function openPeriodOf(ledger: Ledger, account: MassBalanceAccount): Promise<MassBalancePeriod> {
  if (account.openPeriodId === undefined) {
    throw new ContractError('INVALID_STATE', `account ${account.id} has no open period`);
  }
  return ledger.require(MASS_BALANCE_PERIOD, account.openPeriodId);
}

function statementOf(ledger: Ledger, period: MassBalancePeriod, fold: Fold, movementCount: number): MassBalanceStatement {
  const { facilityId, material, claim } = period;
  return {
    accountId: period.accountId,
    facilityId,
    material,
    claim,
    period,
    openingBalanceGrams: fold.openingBalanceGrams,
    creditedGrams: fold.creditedGrams,
    debitedGrams: fold.debitedGrams,
    balanceGrams: fold.balanceGrams,
    asOf: ledger.now < period.endsAt ? ledger.now : period.endsAt,
    credits: fold.credits,
    movementCount,
    basis: 'MASS_BALANCE',
  };
}

type ClaimRequest = z.output<typeof claimOnOutputRequestSchema>;

/** The lot a claim labels: the whole output, or a part split off it; and what stays unlabelled. */
interface Labelling {
  readonly labelled: Draft<MaterialLot>;
  readonly remainder: MaterialLot | undefined;
}

function planLabelling(lot: MaterialLot, req: ClaimRequest): Labelling {
  const label = (draft: Draft<MaterialLot>): Draft<MaterialLot> => ({ ...draft, claims: [...draft.claims, req.claim], custodyModel: 'MASS_BALANCE' });
  if (req.massGrams === lot.massGrams && req.claimedLotId === undefined) {
    return { labelled: label(lot), remainder: undefined };
  }
  if (req.massGrams >= lot.massGrams || req.claimedLotId === undefined) {
    throw new ContractError('INVALID_ARGUMENT', `lot ${lot.id} holds ${lot.massGrams} g: claim all of it, or name claimedLotId for a part of less than that`);
  }
  const split = planSplit(lot, [{ id: req.claimedLotId, massGrams: req.massGrams }]);
  const [child] = split.children;
  if (child === undefined) {
    throw new ContractError('INTERNAL', 'a split for a claim made no lot');
  }
  return { labelled: label(child), remainder: split.parent };
}

async function requireClaimableOutput(ledger: Ledger, run: ProcessRun, req: ClaimRequest): Promise<MaterialLot> {
  if (!run.outputs.some((o) => o.lotId === req.outputLotId)) {
    throw new ContractError('INVALID_ARGUMENT', `process run ${run.id} has no output ${req.outputLotId}`);
  }
  const lot = await ledger.require(MATERIAL_LOT, req.outputLotId);
  requireActive(lot, 'take a claim');
  if (lot.custodianFacilityId !== run.facilityId) {
    throw new ContractError('INVALID_STATE', `lot ${lot.id} has left facility ${run.facilityId}`);
  }
  if (lot.claims.includes(req.claim)) {
    throw new ContractError('CONFLICT', `lot ${lot.id} already carries ${req.claim}`);
  }
  return lot;
}

async function saveLabelling(ledger: Ledger, plan: Labelling): Promise<{ lot: MaterialLot; remainder?: MaterialLot }> {
  if (plan.remainder === undefined) {
    return { lot: await saveLot(ledger, plan.labelled) };
  }
  const remainder = await saveLot(ledger, plan.remainder);
  return { lot: await createDerivedLot(ledger, plan.labelled), remainder };
}

async function claimOnOutput(ledger: Ledger, caller: Caller, req: ClaimRequest): Promise<ClaimOnOutputResult> {
  const run = await ledger.require(PROCESS_RUN, req.processRunId);
  const facility = await ledger.require(FACILITY, run.facilityId);
  requireOrg(caller, [facility.ownerMsp], `claim on outputs of facility ${run.facilityId}`);
  const lot = await requireClaimableOutput(ledger, run, req);
  await requireCertification(ledger, facility, [req.claim], `claim ${req.claim} on its outputs`);
  const labelling = planLabelling(lot, req);
  const account = await requireAccount(ledger, { facilityId: run.facilityId, material: req.sourceMaterial, claim: req.claim });
  const period = await openPeriodOf(ledger, account);
  requireDebitWindow(period, ledger.now);
  const conversion = chooseConversion(req.conversion, runConversion(run, req.sourceMaterial));
  const debitGrams = creditForOutput(req.massGrams, conversion);
  const drawnFrom = planDebitAt(periodOpening(period), await periodMovements(ledger, period), ledger.now, debitGrams);
  const source = { kind: 'OUTPUT_CLAIM' as const, processRunId: run.id, outputLotId: lot.id, labelledLotId: labelling.labelled.id, outputMassGrams: req.massGrams, conversion };
  const movement = await bookMovement(ledger, { id: movementIds.debit(req.id), account, ownerMsp: facility.ownerMsp, kind: 'DEBIT', massGrams: debitGrams, source, periodId: period.id, drawnFrom });
  const updated = await ledger.update(MASS_BALANCE_ACCOUNT, { ...account, debitedInOpenPeriodGrams: account.debitedInOpenPeriodGrams + debitGrams });
  return { movement, account: updated, ...(await saveLabelling(ledger, labelling)) };
}

/**
 * Mass-balance accounts per facility × material × claim (ISO 22095): credits are booked when labelled material
 * is consumed at an attested facility (transformations, merges); this contract books claims on transformation
 * outputs (debits by the run's conversion factor over all its inputs, labelling exactly the claimed mass), runs
 * balancing periods (open, reconcile against declared physical stock, close with carry-over) and reports
 * statements and movements.
 */
@Info({ title: 'massbalance', description: 'Mass-balance accounts, periods and claims' })
export class MassBalanceContract extends BatteryTraceContract {
  constructor() {
    super(CONTRACTS.massBalance);
  }

  /** Opens the next balancing period of an account (the facility's organisation); creates the account on its first period. */
  @Transaction()
  @Returns('MassBalancePeriod')
  public OpenPeriod(ctx: Context, request: string): Promise<MassBalancePeriod> {
    return submit(ctx, name(TX.OpenPeriod), openPeriodRequestSchema, request, async ({ ledger, caller }, req) => {
      const ownerMsp = await requireFacilityOrg(ledger, caller, req.facilityId, `open mass-balance periods of facility ${req.facilityId}`);
      const ref = { facilityId: req.facilityId, material: req.material, claim: req.claim };
      const account = (await findAccount(ledger, ref)) ?? newAccount(ref, ownerMsp);
      const previous = account.lastClosedPeriodId === undefined ? undefined : await ledger.require(MASS_BALANCE_PERIOD, account.lastClosedPeriodId);
      const draft = planOpenPeriod(req, { accountId: account.id, ownerMsp, account: ref, openPeriodId: account.openPeriodId, sequence: account.periodCount + 1, previous });
      const period = await ledger.create(MASS_BALANCE_PERIOD, draft);
      const next = { ...account, openPeriodId: period.id, periodCount: period.sequence, debitedInOpenPeriodGrams: 0 };
      await (account.periodCount === 0 ? ledger.create(MASS_BALANCE_ACCOUNT, next) : ledger.update(MASS_BALANCE_ACCOUNT, next));
      return period;
    });
  }

  /**
   * Claims a characteristic on a transformation output (or a part of it, split off), resting on mass balance:
   * debits the source material's account by the labelled mass ÷ the conversion factor, drawing on the oldest
   * credits first. The facility needs an auditor's attestation for the claim.
   */
  @Transaction()
  @Returns('ClaimOnOutputResult')
  public ClaimOnOutput(ctx: Context, request: string): Promise<ClaimOnOutputResult> {
    return submit(ctx, name(TX.ClaimOnOutput), claimOnOutputRequestSchema, request, ({ ledger, caller }, req: ClaimRequest) => claimOnOutput(ledger, caller, req));
  }

  /** Reconciles an ended period's book balance against the declared physical stock; deviations beyond tolerance are flagged. */
  @Transaction()
  @Returns('MassBalancePeriod')
  public ReconcilePeriod(ctx: Context, request: string): Promise<MassBalancePeriod> {
    return submit(ctx, name(TX.ReconcilePeriod), reconcilePeriodRequestSchema, request, async ({ ledger, caller }, req) => {
      const period = await ledger.require(MASS_BALANCE_PERIOD, req.periodId);
      requireOrg(caller, [period.ownerMsp], `reconcile period ${period.id}`);
      return ledger.update(MASS_BALANCE_PERIOD, reconcilePeriod(period, await periodFold(ledger, period), req.declaredPhysicalStockGrams, ledger.now));
    });
  }

  /** Closes a reconciled period, carrying its balance (never more than the physical stock) into the next. */
  @Transaction()
  @Returns('MassBalancePeriod')
  public ClosePeriod(ctx: Context, request: string): Promise<MassBalancePeriod> {
    return submit(ctx, name(TX.ClosePeriod), closePeriodRequestSchema, request, async ({ ledger, caller }, req) => {
      const period = await ledger.require(MASS_BALANCE_PERIOD, req.periodId);
      requireOrg(caller, [period.ownerMsp], `close period ${period.id}`);
      const closed = await ledger.update(MASS_BALANCE_PERIOD, closePeriod(period, await periodFold(ledger, period), ledger.now));
      const account = await ledger.require(MASS_BALANCE_ACCOUNT, period.accountId);
      await ledger.update(MASS_BALANCE_ACCOUNT, { ...account, openPeriodId: undefined, lastClosedPeriodId: closed.id, debitedInOpenPeriodGrams: 0 });
      return closed;
    });
  }

  /** Reads an account head. */
  @Transaction(false)
  @Returns('MassBalanceAccount')
  public GetAccount(ctx: Context, request: string): Promise<MassBalanceAccount> {
    return evaluate(ctx, name(TX.GetAccount), accountRefSchema, request, ({ ledger }, req) => requireAccount(ledger, req));
  }

  /** Reads a balancing period. */
  @Transaction(false)
  @Returns('MassBalancePeriod')
  public GetPeriod(ctx: Context, request: string): Promise<MassBalancePeriod> {
    return evaluate(ctx, name(TX.GetPeriod), byIdRequestSchema, request, ({ ledger }, req) => ledger.require(MASS_BALANCE_PERIOD, req.id));
  }

  /** An account's statement for a period (default: the open one, else the last closed): opening, credits, debits, balance. */
  @Transaction(false)
  @Returns('MassBalanceStatement')
  public GetStatement(ctx: Context, request: string): Promise<MassBalanceStatement> {
    return evaluate(ctx, name(TX.GetStatement), getStatementRequestSchema, request, async ({ ledger }, req) => {
      const account = await requireAccount(ledger, req);
      const period = req.periodId === undefined ? await currentPeriod(ledger, account) : await ledger.require(MASS_BALANCE_PERIOD, req.periodId);
      if (period.accountId !== account.id) {
        throw new ContractError('INVALID_ARGUMENT', `period ${period.id} belongs to account ${period.accountId}`);
      }
      const movements = await movementsBetween(ledger, period, period.startsAt, period.endsAt);
      return statementOf(ledger, period, await periodFold(ledger, period), movements.length);
    });
  }

  /** An account's movements booked in a window of at most a period's length, oldest first, a page at a time. */
  @Transaction(false)
  @Returns('MassBalanceMovementPage')
  public ListMovements(ctx: Context, request: string): Promise<Page<MassBalanceMovement>> {
    return evaluate(ctx, name(TX.ListMovements), listMovementsRequestSchema, request, async ({ ledger }, req) => {
      if (Date.parse(req.until) - Date.parse(req.from) > MAX_PERIOD_DAYS * DAY_MS) {
        throw new ContractError('INVALID_ARGUMENT', `a movement window spans at most ${MAX_PERIOD_DAYS} days`);
      }
      const offset = req.bookmark === '' ? 0 : Number(/^\d{1,7}$/.test(req.bookmark) ? req.bookmark : NaN);
      if (Number.isNaN(offset)) {
        throw new ContractError('INVALID_ARGUMENT', 'bookmark is not one this query returned');
      }
      const entries = await movementsBetween(ledger, req, req.from, req.until);
      const page = entries.slice(offset, offset + req.pageSize);
      const items: MassBalanceMovement[] = [];
      for (const entry of page) {
        items.push(await ledger.require(MASS_BALANCE_MOVEMENT, entry.id));
      }
      return { items, bookmark: offset + req.pageSize < entries.length ? String(offset + req.pageSize) : '' };
    });
  }
}
