/**
 * Mass-balance records, requests and results (ISO 22095 mass-balance chain of custody): accounts per
 * facility × material × characteristic, movements (credits on physical receipt, debits when an output carries
 * the claim), and balancing periods reconciled against declared physical stock and closed with carry-over.
 */
import { z } from 'zod';
import { CLAIMS, MATERIALS } from './enums';
import { basisPointsSchema, bookmarkSchema, idSchema, massSchema, nonNegativeMassSchema, pageSizeSchema, timeInputSchema, timestampSchema } from './primitives';
import { materialLotSchema, recordMetaShape } from './records';

/** Default reconciliation tolerance between book and declared physical stock: 0.5 %. */
export const DEFAULT_RECONCILIATION_TOLERANCE_BASIS_POINTS = 50;
/** Largest reconciliation tolerance a period may declare: 10 %. */
export const MAX_RECONCILIATION_TOLERANCE_BASIS_POINTS = 1000;
/** Longest balancing period, in days. */
export const MAX_PERIOD_DAYS = 366;

/**
 * Id of a derived record (accounts, credits): up to 256 characters, so that it can name a facility, a
 * material and a claim, or a source record and a claim. Same alphabet as client ids.
 */
export const derivedIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,255}$/, 'a derived id');

/**
 * The id of the mass-balance account of a facility, material and characteristic. Materials and claims hold no
 * colon, so the id reads back unambiguously from the right.
 * @example
 * ```ts
 * massBalanceAccountId('refinery-1', 'COBALT_SULFATE', 'CERTIFIED_ORIGIN'); // 'refinery-1:COBALT_SULFATE:CERTIFIED_ORIGIN'
 * ```
 */
export function massBalanceAccountId(facilityId: string, material: string, claim: string): string {
  return `${facilityId}:${material}:${claim}`;
}

/** The account a movement or a period belongs to. */
export const accountRefShape = {
  facilityId: idSchema,
  material: z.enum(MATERIALS),
  claim: z.enum(CLAIMS),
};

/** A mass-balance account reference. */
export const accountRefSchema = z.object(accountRefShape).strict();
/** A mass-balance account reference. */
export type AccountRef = z.infer<typeof accountRefSchema>;

/**
 * The account head: written by every debit and period operation (so debits of one account serialise), never
 * by credits (so credits append without conflicts).
 */
export const massBalanceAccountSchema = z
  .object({
    ...recordMetaShape,
    id: derivedIdSchema,
    ...accountRefShape,
    /** The period now open, if any. */
    openPeriodId: idSchema.optional(),
    /** The last closed period, if any. */
    lastClosedPeriodId: idSchema.optional(),
    /** Number of periods opened so far. */
    periodCount: z.number().int().min(0),
    /** Total debited in the open period (kept in step by every debit). */
    debitedInOpenPeriodGrams: nonNegativeMassSchema,
  })
  .strict();
/** A mass-balance account head. */
export type MassBalanceAccount = z.infer<typeof massBalanceAccountSchema>;

/** Kinds of movement: credits in, debits out. */
export const MOVEMENT_KINDS = ['CREDIT', 'DEBIT'] as const;
/** A movement kind. */
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** A conversion (yield) factor: `outputGrams` of output per `inputGrams` of input, both positive. */
export const conversionFactorSchema = z.object({ inputGrams: massSchema, outputGrams: massSchema }).strict();
/** A conversion (yield) factor. */
export type ConversionFactor = z.infer<typeof conversionFactorSchema>;

/** Why a movement was booked. */
export const movementSourceSchema = z.discriminatedUnion('kind', [
  /**
   * A labelled lot consumed at the facility (by a transformation or a merge with unlabelled lots): its label's
   * mass becomes credit. Physical receipt moves the label with the lot; the credit follows when the lot is used.
   */
  z
    .object({
      kind: z.literal('CONSUMPTION'),
      lotId: idSchema,
      consumedBy: z.object({ type: z.enum(['ProcessRun', 'MaterialLot']), id: idSchema }).strict(),
    })
    .strict(),
  /** A claim on a transformation output, resting on mass balance. */
  z
    .object({
      kind: z.literal('OUTPUT_CLAIM'),
      processRunId: idSchema,
      outputLotId: idSchema,
      /** The lot that carries the label: the output itself, or the part split off it for the claim. */
      labelledLotId: idSchema,
      outputMassGrams: massSchema,
      conversion: conversionFactorSchema,
    })
    .strict(),
]);
/** Why a movement was booked. */
export type MovementSource = z.infer<typeof movementSourceSchema>;

/** A debit's draw on one credit (first in, first out). */
export const creditDrawSchema = z.object({ movementId: derivedIdSchema, massGrams: massSchema }).strict();
/** A debit's draw on one credit. */
export type CreditDraw = z.infer<typeof creditDrawSchema>;

/** One movement of an account: appended once, never changed. */
export const massBalanceMovementSchema = z
  .object({
    ...recordMetaShape,
    id: derivedIdSchema,
    ...accountRefShape,
    accountId: derivedIdSchema,
    kind: z.enum(MOVEMENT_KINDS),
    massGrams: massSchema,
    bookedAt: timestampSchema,
    source: movementSourceSchema,
    /** Debits: the period they were booked in. */
    periodId: idSchema.optional(),
    /** Debits: the credits they used, oldest first. */
    drawnFrom: z.array(creditDrawSchema).optional(),
    /** How the claim this movement supports rests: always on mass balance, never on physical tracing. */
    basis: z.literal('MASS_BALANCE'),
  })
  .strict();
/** A mass-balance movement record. */
export type MassBalanceMovement = z.infer<typeof massBalanceMovementSchema>;

/** Balancing period lifecycle. */
export const PERIOD_STATUSES = ['OPEN', 'RECONCILED', 'CLOSED'] as const;
/** A period's status. */
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

/** Book stock against declared physical stock at a period's end. */
export const reconciliationSchema = z
  .object({
    bookBalanceGrams: nonNegativeMassSchema,
    declaredPhysicalStockGrams: nonNegativeMassSchema,
    /** |book − physical|. */
    deviationGrams: nonNegativeMassSchema,
    /** Deviation relative to the book balance, rounded up; 10000 when the book is empty and stock is not. */
    deviationBasisPoints: z.number().int().min(0),
    withinTolerance: z.boolean(),
    /** Set when the deviation exceeds the tolerance. */
    flagged: z.boolean(),
    reconciledAt: timestampSchema,
  })
  .strict();
/** A period's reconciliation. */
export type Reconciliation = z.infer<typeof reconciliationSchema>;

/** The balances with which a period closed. */
export const periodClosingSchema = z
  .object({
    creditedGrams: nonNegativeMassSchema,
    debitedGrams: nonNegativeMassSchema,
    closingBookBalanceGrams: nonNegativeMassSchema,
    /** Carried into the next period: the book balance, never more than the declared physical stock. */
    carriedOverGrams: nonNegativeMassSchema,
    /** Book credit above the declared physical stock, written off. */
    writtenOffGrams: nonNegativeMassSchema,
    closedAt: timestampSchema,
  })
  .strict();
/** A period's closing balances. */
export type PeriodClosing = z.infer<typeof periodClosingSchema>;

/** A balancing period of one account, with declared start and end. */
export const massBalancePeriodSchema = z
  .object({
    ...recordMetaShape,
    ...accountRefShape,
    accountId: derivedIdSchema,
    sequence: z.number().int().min(1),
    startsAt: timestampSchema,
    endsAt: timestampSchema,
    toleranceBasisPoints: basisPointsSchema,
    status: z.enum(PERIOD_STATUSES),
    /** Carried over from the previous period (0 for the first). */
    openingBalanceGrams: nonNegativeMassSchema,
    previousPeriodId: idSchema.optional(),
    reconciliation: reconciliationSchema.optional(),
    closing: periodClosingSchema.optional(),
  })
  .strict();
/** A balancing period record. */
export type MassBalancePeriod = z.infer<typeof massBalancePeriodSchema>;

/** `massbalance:OpenPeriod` — the facility's organisation opens the next balancing period of an account. */
export const openPeriodRequestSchema = z
  .object({
    id: idSchema,
    ...accountRefShape,
    /** Required for an account's first period; later periods start where the previous one ended. */
    startsAt: timeInputSchema.optional(),
    endsAt: timeInputSchema,
    toleranceBasisPoints: basisPointsSchema.max(MAX_RECONCILIATION_TOLERANCE_BASIS_POINTS).default(DEFAULT_RECONCILIATION_TOLERANCE_BASIS_POINTS),
  })
  .strict();
/** `massbalance:OpenPeriod` request. */
export type OpenPeriodRequest = z.input<typeof openPeriodRequestSchema>;

/**
 * `massbalance:ClaimOnOutput` — labels a transformation output (or a part of it) with a claim, debiting the
 * facility's account of one of the run's input materials by the labelled mass ÷ the conversion factor.
 */
export const claimOnOutputRequestSchema = z
  .object({
    id: idSchema,
    processRunId: idSchema,
    outputLotId: idSchema,
    claim: z.enum(CLAIMS),
    /** The input material whose account backs the claim. */
    sourceMaterial: z.enum(MATERIALS),
    /**
     * Output mass that carries the claim: the whole output lot as it stands, or, with `claimedLotId`, a part of it
     * that is split off into a lot of its own, so that a label always covers exactly the mass its debit backs.
     */
    massGrams: massSchema,
    /** Id of the lot split off for a claim on part of the output. */
    claimedLotId: idSchema.optional(),
    /**
     * Optional scheme factor (output per input); it may not exceed the run's yield over all its inputs.
     * Default: the run's yield.
     */
    conversion: conversionFactorSchema.optional(),
  })
  .strict();
/** `massbalance:ClaimOnOutput` request. */
export type ClaimOnOutputRequest = z.input<typeof claimOnOutputRequestSchema>;

/** `massbalance:ReconcilePeriod` — declares the physical stock at the period's end. */
export const reconcilePeriodRequestSchema = z.object({ periodId: idSchema, declaredPhysicalStockGrams: nonNegativeMassSchema }).strict();
/** `massbalance:ReconcilePeriod` request. */
export type ReconcilePeriodRequest = z.input<typeof reconcilePeriodRequestSchema>;

/** `massbalance:ClosePeriod`. */
export const closePeriodRequestSchema = z.object({ periodId: idSchema }).strict();
/** `massbalance:ClosePeriod` request. */
export type ClosePeriodRequest = z.input<typeof closePeriodRequestSchema>;

/** `massbalance:GetStatement` — an account's statement for one of its periods (default: the open or last one). */
export const getStatementRequestSchema = z.object({ ...accountRefShape, periodId: idSchema.optional() }).strict();
/** `massbalance:GetStatement` request. */
export type GetStatementRequest = z.input<typeof getStatementRequestSchema>;

/** `massbalance:ListMovements` — an account's movements booked in a time window, oldest first. */
export const listMovementsRequestSchema = z
  .object({
    ...accountRefShape,
    from: timeInputSchema,
    until: timeInputSchema,
    pageSize: pageSizeSchema.default(20),
    bookmark: bookmarkSchema.default(''),
  })
  .strict()
  .refine((r) => r.from < r.until, { message: 'from must be before until', path: ['until'] });
/** `massbalance:ListMovements` request. */
export type ListMovementsRequest = z.input<typeof listMovementsRequestSchema>;

/** One credit in a statement and how much of it debits have used. */
export const statementCreditSchema = z.object({ movementId: derivedIdSchema, massGrams: massSchema, usedGrams: nonNegativeMassSchema }).strict();

/** A statement: the fold of a period's movements over its opening balance. */
export const massBalanceStatementSchema = z
  .object({
    accountId: derivedIdSchema,
    ...accountRefShape,
    period: massBalancePeriodSchema,
    openingBalanceGrams: nonNegativeMassSchema,
    creditedGrams: nonNegativeMassSchema,
    debitedGrams: nonNegativeMassSchema,
    balanceGrams: nonNegativeMassSchema,
    /** The statement runs up to this time (the period's end, or now while it is open). */
    asOf: timestampSchema,
    credits: z.array(statementCreditSchema),
    movementCount: z.number().int().min(0),
    basis: z.literal('MASS_BALANCE'),
  })
  .strict();
/** A mass-balance statement. */
export type MassBalanceStatement = z.infer<typeof massBalanceStatementSchema>;

/** `massbalance:ClaimOnOutput` result: the debit, the account after it, and the lot that now carries the label. */
export const claimOnOutputResultSchema = z
  .object({ movement: massBalanceMovementSchema, account: massBalanceAccountSchema, lot: materialLotSchema, remainder: materialLotSchema.optional() })
  .strict();
/** `massbalance:ClaimOnOutput` result. */
export type ClaimOnOutputResult = z.infer<typeof claimOnOutputResultSchema>;

/** `massbalance:ListMovements` result. */
export const movementPageSchema = z.object({ items: z.array(massBalanceMovementSchema), bookmark: z.string() }).strict();

/** Transactions of the `massbalance` contract. */
export const MASS_BALANCE_TRANSACTIONS = {
  OpenPeriod: 'OpenPeriod',
  ClaimOnOutput: 'ClaimOnOutput',
  ReconcilePeriod: 'ReconcilePeriod',
  ClosePeriod: 'ClosePeriod',
  GetAccount: 'GetAccount',
  GetPeriod: 'GetPeriod',
  GetStatement: 'GetStatement',
  ListMovements: 'ListMovements',
} as const;
