/**
 * Mass-balance accounts on the ledger. Credits append: one movement record and one index key per credit,
 * with no read of any shared key, so credits by independent transactions never conflict. Debits and period
 * operations read the account's movements and write the account head, so the debits of one account serialise.
 * Credits arise only from labelled material consumed at a facility; debits label outputs.
 */
import { z } from 'zod';
import {
  ContractError,
  creditDrawSchema,
  massBalanceAccountId,
  massBalanceAccountSchema,
  massBalanceMovementSchema,
  massBalancePeriodSchema,
  massSchema,
  MOVEMENT_KINDS,
  RECORD_TYPES,
  type AccountRef,
  type ConsumedClaim,
  type Draft,
  type Facility,
  type MassBalanceAccount,
  type MassBalanceMovement,
  type MassBalancePeriod,
  type Material,
  type MovementSource,
} from '../api';
import { carriedOverId, foldMovements, monthOf, monthsBetween, movementIds, type Fold, type MovementEntry } from '../domain/massBalance';
import { attestedClaims } from './certification';
import { massBalanceMonthPrefix, massBalanceMovementKey } from './keys';
import type { Ledger } from './ledger';
import type { RecordType } from './recordTypes';

/** Account heads: endorsed by the facility's organisation. */
export const MASS_BALANCE_ACCOUNT: RecordType<MassBalanceAccount> = { name: RECORD_TYPES.massBalanceAccount, schema: massBalanceAccountSchema, notFound: 'ACCOUNT_NOT_FOUND' };
/** Balancing periods: endorsed by the facility's organisation. */
export const MASS_BALANCE_PERIOD: RecordType<MassBalancePeriod> = { name: RECORD_TYPES.massBalancePeriod, schema: massBalancePeriodSchema, notFound: 'PERIOD_NOT_FOUND' };
/** Movements: endorsed by the facility's organisation. */
export const MASS_BALANCE_MOVEMENT: RecordType<MassBalanceMovement> = { name: RECORD_TYPES.massBalanceMovement, schema: massBalanceMovementSchema, notFound: 'NOT_FOUND' };

/** A movement's index entry: what a fold needs, so that folding a period reads its index keys and no movement record. */
const movementEntrySchema = z.object({ kind: z.enum(MOVEMENT_KINDS), massGrams: massSchema, drawnFrom: z.array(creditDrawSchema).optional() }).strict();

/** A movement to book. */
export interface MovementDraft {
  readonly id: string;
  readonly account: AccountRef;
  readonly ownerMsp: string;
  readonly kind: MassBalanceMovement['kind'];
  readonly massGrams: number;
  readonly source: MovementSource;
  readonly periodId?: string;
  readonly drawnFrom?: MassBalanceMovement['drawnFrom'];
}

/**
 * Books a movement: its record (refused when its id exists, so each source is credited once) and its index key
 * in the account's month bucket. Reads nothing else.
 * @throws {@link ContractError} `CONFLICT` when the movement was booked before
 */
export async function bookMovement(ledger: Ledger, draft: MovementDraft): Promise<MassBalanceMovement> {
  const accountId = massBalanceAccountId(draft.account.facilityId, draft.account.material, draft.account.claim);
  const movement = await ledger.create(MASS_BALANCE_MOVEMENT, {
    id: draft.id,
    ownerMsp: draft.ownerMsp,
    facilityId: draft.account.facilityId,
    material: draft.account.material,
    claim: draft.account.claim,
    accountId,
    kind: draft.kind,
    massGrams: draft.massGrams,
    bookedAt: ledger.now,
    source: draft.source,
    periodId: draft.periodId,
    drawnFrom: draft.drawnFrom,
    basis: 'MASS_BALANCE',
  });
  await ledger.putEntry(massBalanceMovementKey(draft.account, monthOf(movement.bookedAt), movement.bookedAt, movement.id), [movement.ownerMsp], {
    kind: movement.kind,
    massGrams: movement.massGrams,
    ...(movement.drawnFrom === undefined ? {} : { drawnFrom: movement.drawnFrom }),
  });
  return movement;
}

/** What became of the labels a run or merge released: credited to the facility's accounts, or lapsed. */
export interface ReleasedClaims {
  readonly credited: ConsumedClaim[];
  readonly lapsed: ConsumedClaim[];
}

/**
 * Books the labels released by consuming labelled lots at a facility (a transformation or a merge with
 * unlabelled material) as credits of the facility's accounts, one per input and claim, of the consumed
 * material — where an auditor attests the facility for the claim; elsewhere the claim lapses. A label and a
 * credit never exist for the same gram: the label ended with the lot's identity.
 * @param consumer - the run or merged lot that consumed the material
 * @param materials - the material of each consumed lot
 */
export async function creditReleased(
  ledger: Ledger,
  facility: Facility,
  released: readonly ConsumedClaim[],
  consumer: { readonly type: 'ProcessRun' | 'MaterialLot'; readonly id: string },
  materials: ReadonlyMap<string, Material>,
): Promise<ReleasedClaims> {
  const credited: ConsumedClaim[] = [];
  const lapsed: ConsumedClaim[] = [];
  const attested = await attestedClaims(ledger, facility, [...new Set(released.map((entry) => entry.claim))]);
  for (const [index, entry] of released.entries()) {
    const material = materials.get(entry.lotId);
    if (!attested.has(entry.claim) || material === undefined) {
      lapsed.push(entry);
      continue;
    }
    const account = { facilityId: facility.id, material, claim: entry.claim };
    const source: MovementSource = { kind: 'CONSUMPTION', lotId: entry.lotId, consumedBy: consumer };
    await bookMovement(ledger, { id: movementIds.consumption(consumer.id, index, entry.claim), account, ownerMsp: facility.ownerMsp, kind: 'CREDIT', massGrams: entry.massGrams, source });
    credited.push(entry);
  }
  return { credited, lapsed };
}

/**
 * Reads an account's movements booked in `[from, until)`, oldest first, bucket by bucket (one prefix read per month).
 */
export async function movementsBetween(ledger: Ledger, account: AccountRef, from: string, until: string): Promise<MovementEntry[]> {
  const movements: MovementEntry[] = [];
  for (const month of monthsBetween(from, until)) {
    const entries = await ledger.entries(massBalanceMonthPrefix(account, month), movementEntrySchema);
    for (const { attributes, value } of entries) {
      const [bookedAt = '', id = ''] = attributes;
      if (from <= bookedAt && bookedAt < until) {
        movements.push({ id, bookedAt, ...value });
      }
    }
  }
  return movements;
}

/** The carried-over opening balance of a period and the id it is drawn on under. */
export function periodOpening(period: MassBalancePeriod): { massGrams: number; id: string } {
  return { massGrams: period.openingBalanceGrams, id: carriedOverId(period.previousPeriodId ?? period.id) };
}

/** The movements of a period, in its window. */
export function periodMovements(ledger: Ledger, period: MassBalancePeriod): Promise<MovementEntry[]> {
  return movementsBetween(ledger, period, period.startsAt, period.endsAt);
}

/** Folds a period's movements over its opening balance. */
export async function periodFold(ledger: Ledger, period: MassBalancePeriod): Promise<Fold> {
  return foldMovements(periodOpening(period), await periodMovements(ledger, period));
}

/** The account head of a facility, material and claim, or `undefined`. */
export function findAccount(ledger: Ledger, account: AccountRef): Promise<MassBalanceAccount | undefined> {
  return ledger.get(MASS_BALANCE_ACCOUNT, massBalanceAccountId(account.facilityId, account.material, account.claim));
}

/**
 * The period an account is in: the open one, else the last closed.
 * @throws {@link ContractError} `PERIOD_NOT_FOUND` when the account never opened one
 */
export function currentPeriod(ledger: Ledger, account: MassBalanceAccount): Promise<MassBalancePeriod> {
  const id = account.openPeriodId ?? account.lastClosedPeriodId;
  if (id === undefined) {
    return Promise.reject(new ContractError('PERIOD_NOT_FOUND', `account ${account.id} has no period`));
  }
  return ledger.require(MASS_BALANCE_PERIOD, id);
}

/** A new account head for a facility, material and claim. */
export function newAccount(account: AccountRef, ownerMsp: string): Draft<MassBalanceAccount> {
  return {
    id: massBalanceAccountId(account.facilityId, account.material, account.claim),
    ownerMsp,
    facilityId: account.facilityId,
    material: account.material,
    claim: account.claim,
    periodCount: 0,
    debitedInOpenPeriodGrams: 0,
  };
}
