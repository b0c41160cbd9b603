/**
 * One transaction of an adversarial run per builder: a builder reads the committed world, aims at a live
 * target (or, when wild, at any target, with any caller and any, often invalid, argument) and returns the
 * request to submit. Builders never check what the chaincode checks; they only make the interesting cases
 * likely. The planner (adversarialPlanner.ts) calls them tame, with the rightful caller and arguments that
 * should pass; the random actions call them wild.
 */
import {
  AUDITOR_MSP,
  CLAIMS,
  ELEMENTS,
  FACILITY_KINDS,
  MANUFACTURING_PROCESS_KINDS,
  MATERIAL_CHEMISTRY,
  MINTABLE_MATERIALS,
  ORGS,
  ORIGIN_CLAIMS,
  PROCESS_KINDS,
  type Battery,
  type Claim,
  type Element,
  type ElementContent,
  type Facility,
  type FacilityKind,
  type Material,
  type MaterialLot,
  type ProcessKind,
  type ProcessRun,
} from '../../../chaincode/src/api';
import { identities } from '../../support/identities';
import type { TestIdentity } from '../../support/TestIdentity';
import type { TransactionName } from '../../support/transactions';
import { Choices } from './adversarialChoices';
import { activeLotsAt, facilityOf, freeBatteries, type World } from './adversarialWorld';
import { documentHash } from './fixtures';

/** Kinds of step, as the run counts them. */
export const STEP_KINDS = [
  'register',
  'attest',
  'mint',
  'split',
  'merge',
  'propose',
  'accept',
  'reject',
  'cancel',
  'resolve',
  'transform',
  'openPeriod',
  'claim',
  'reconcile',
  'close',
  'issue',
  'placeOnMarket',
  'recordUse',
  'proposeHandover',
  'acceptHandover',
  'rejectHandover',
  'cancelHandover',
  'repurpose',
  'dismantle',
  'recycle',
] as const;
/** A kind of step. */
export type StepKind = (typeof STEP_KINDS)[number];

/** A transaction to submit, and the attack paths it exercises. */
export interface Step {
  readonly kind: StepKind;
  readonly who: TestIdentity;
  readonly name: TransactionName;
  readonly request: Readonly<Record<string, unknown>>;
  readonly tags: readonly string[];
}

/** What a builder works from. */
export interface Context {
  readonly world: World;
  readonly c: Choices;
  /** The organisation that misbehaves in this run: wild steps often send its requests. */
  readonly adversary: string;
  /** Whether arguments and callers may be anything (random actions) or should pass (the planner). */
  readonly wild: boolean;
  /** A new id, unique in the run. */
  fresh(prefix: string): string;
}

/** Every organisation of the channel. */
export const MSPS: readonly string[] = Object.values(ORGS);

const ADMINS: Readonly<Record<string, TestIdentity>> = {
  [ORGS.mining]: identities.miningAdmin,
  [ORGS.manufacturing]: identities.manufacturingAdmin,
  [ORGS.recycling]: identities.recyclingAdmin,
  [ORGS.audit]: identities.auditorAdmin,
};

const USERS: Readonly<Record<string, TestIdentity>> = {
  [ORGS.mining]: identities.miningUser,
  [ORGS.manufacturing]: identities.manufacturingUser,
  [ORGS.recycling]: identities.recyclingUser,
  [ORGS.audit]: identities.auditorUser,
};

/** An admin of the organisation. */
export function adminOf(mspId: string): TestIdentity {
  return ADMINS[mspId] ?? identities.outsider;
}

/** A member (not an admin) of the organisation. */
function userOf(mspId: string): TestIdentity {
  return USERS[mspId] ?? identities.outsider;
}

/** Who sends a request whose rightful sender is `rightful`: that organisation when tame; when wild often the adversary, anyone, or an outsider. */
function callerFor(ctx: Context, rightful: string): TestIdentity {
  if (!ctx.wild) {
    return userOf(rightful);
  }
  const roll = ctx.c.int(100);
  if (roll < 55) {
    return userOf(rightful);
  }
  if (roll < 85) {
    return userOf(ctx.adversary);
  }
  return roll < 97 ? adminOf(ctx.c.pick(MSPS) ?? ORGS.mining) : identities.outsider;
}

/** A wild mutation happens with `percent` % in wild steps, never in tame ones. */
function mutate(ctx: Context, percent: number): boolean {
  return ctx.wild && ctx.c.rare(percent);
}

function step(kind: StepKind, who: TestIdentity, name: TransactionName, request: Record<string, unknown>, tags: readonly string[] = []): Step {
  return { kind, who, name, request, tags };
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The time `offsetMs` after the world's now, ISO 8601. */
function after(ctx: Context, offsetMs: number): string {
  return new Date(Date.parse(ctx.world.now) + offsetMs).toISOString();
}

/** The start of the network's clock: every run begins there. */
const GENESIS = '2025-01-01T00:00:00.000Z';

const MASSES = [10_000, 1, 9_999, 1_000, 250_000, 1_000_000, 1_000_000_000] as const;
const BAD_MASSES = [0, -1, 1.5, 1_000_000_000_000_001] as const;

function mass(ctx: Context): number {
  return mutate(ctx, 8) ? (ctx.c.pick(BAD_MASSES) ?? 0) : (ctx.c.pick(MASSES) ?? 1);
}

/** A part of `whole` (at least 1 g): most of it, half, one gram, or all of it. */
function part(ctx: Context, whole: number): number {
  const fraction = ctx.c.pick([1, 0.5, 0, 0.9999, 0.1]) ?? 1;
  return Math.max(1, Math.floor(whole * fraction));
}

/** Splits `total` grams into `count` positive parts (fewer when `total` is smaller). */
function divide(ctx: Context, total: number, count: number): number[] {
  const n = Math.max(1, Math.min(count, total));
  const parts: number[] = [];
  let left = total;
  for (let i = n; i > 1; i -= 1) {
    const share = Math.max(1, Math.min(left - (i - 1), Math.floor((left * (1 + ctx.c.int(8))) / 10)));
    parts.push(share);
    left -= share;
  }
  return [...parts, left];
}

// ---------------------------------------------------------------- facilities and attestations

const COUNTRIES = ['DE', 'CD', 'AU', 'FI', 'SE', 'NO', 'CN'] as const;
const LIKELY_KINDS: readonly FacilityKind[] = ['RECYCLER', 'MINE', 'CELL_PLANT', 'SECOND_LIFE', 'COLLECTOR', 'MODULE_PACK_PLANT', ...FACILITY_KINDS];

function registrant(ctx: Context): string {
  return ctx.c.rare(50) ? ctx.adversary : (ctx.c.pick(MSPS) ?? ORGS.mining);
}

/** `facility:RegisterFacility`: any organisation registers a facility of any kind (a recycler by a manufacturer). */
export function register(ctx: Context, given: { readonly mspId?: string; readonly kind?: FacilityKind } = {}): Step {
  const mspId = given.mspId ?? registrant(ctx);
  const kind = given.kind ?? ctx.c.pick(LIKELY_KINDS) ?? 'RECYCLER';
  const id = mutate(ctx, 10) ? (ctx.c.pick(ctx.world.facilities)?.id ?? 'mine-1') : ctx.fresh('f');
  const who = mutate(ctx, 15) ? userOf(mspId) : adminOf(mspId);
  const tags = mspId === ORGS.manufacturing && kind === 'RECYCLER' ? ['recycler-of-a-manufacturer'] : [];
  return step('register', who, 'facility:RegisterFacility', { id, kind, name: `${kind} ${id}`, country: ctx.c.pick(COUNTRIES) ?? 'DE' }, tags);
}

type Window = 'IN_FORCE' | 'SHORT' | 'EXPIRED' | 'FUTURE' | 'INVERTED';

function validity(ctx: Context, window: Window): { validFrom: string; validUntil: string } {
  switch (window) {
    case 'IN_FORCE':
      return { validFrom: GENESIS, validUntil: after(ctx, 60 * DAY_MS) };
    case 'SHORT':
      return { validFrom: GENESIS, validUntil: after(ctx, HOUR_MS) };
    case 'EXPIRED':
      return { validFrom: GENESIS, validUntil: after(ctx, -1000) };
    case 'FUTURE':
      return { validFrom: after(ctx, DAY_MS), validUntil: after(ctx, 60 * DAY_MS) };
    case 'INVERTED':
      return { validFrom: after(ctx, DAY_MS), validUntil: after(ctx, 0) };
  }
}

function subjectOf(ctx: Context): { type: string; id: string } {
  if (!mutate(ctx, 12)) {
    return { type: 'Facility', id: ctx.c.pick(ctx.world.facilities)?.id ?? 'mine-1' };
  }
  return ctx.c.pick([
    { type: 'MaterialLot', id: ctx.c.pick(ctx.world.lots)?.id ?? 'none' },
    { type: 'Battery', id: ctx.c.pick(ctx.world.batteries)?.id ?? 'none' },
    { type: 'Facility', id: 'no-such-facility' },
  ]) ?? { type: 'Facility', id: 'none' };
}

/** `audit:RecordAttestation`: the auditor (or, wild, anyone) attests a facility PASS or FAIL for any claims, in force or not. */
export function attest(ctx: Context, given: { readonly facilityId?: string; readonly claims?: readonly Claim[]; readonly result?: 'PASS' | 'FAIL' } = {}): Step {
  const subject = given.facilityId === undefined ? subjectOf(ctx) : { type: 'Facility', id: given.facilityId };
  const claims = given.claims ?? ctx.c.subset(CLAIMS, 40);
  const result = given.result ?? (mutate(ctx, 25) ? 'FAIL' : 'PASS');
  const window = ctx.wild ? (ctx.c.pick<Window>(['IN_FORCE', 'IN_FORCE', 'SHORT', 'EXPIRED', 'FUTURE', 'INVERTED']) ?? 'IN_FORCE') : 'IN_FORCE';
  const request = { id: ctx.fresh('att'), scheme: 'IRMA', scope: 'site audit', subject, result, ...validity(ctx, window), evidenceHash: documentHash(`audit ${subject.id}`), claims };
  return step('attest', callerFor(ctx, AUDITOR_MSP), 'audit:RecordAttestation', request, result === 'FAIL' ? ['failing-attestation'] : []);
}

// ---------------------------------------------------------------- lots

function assayFor(ctx: Context, material: Material): Record<string, unknown> | undefined {
  switch (ctx.c.int(ctx.wild ? 6 : 2)) {
    case 0:
      return undefined;
    case 1:
      return { contentBasisPoints: Math.floor((MATERIAL_CHEMISTRY[material].reference[MATERIAL_CHEMISTRY[material].main ?? 'COBALT'] ?? 0) / 2) + 1 };
    case 2:
      return { contentBasisPoints: ctx.c.int(10_001) };
    case 3:
      return { elements: Object.fromEntries(ctx.c.subset(ELEMENTS, 40).map((element) => [element, ctx.c.int(10_001)])) };
    case 4:
      return { elements: { ...MATERIAL_CHEMISTRY[material].maximum } };
    default:
      return {};
  }
}

const WILD_MATERIALS: readonly Material[] = ['SCRAP', 'BLACK_MASS', 'SCRAP', 'BLACK_MASS', 'RECOVERED_COBALT_SULFATE', 'CATHODE_NMC', 'COBALT_SULFATE', 'LEAD'];

function mintMaterial(ctx: Context): Material {
  return (mutate(ctx, 25) ? ctx.c.pick(WILD_MATERIALS) : ctx.c.pick(MINTABLE_MATERIALS)) ?? 'COBALT_HYDROXIDE';
}

function mintTags(material: Material, claims: readonly Claim[]): string[] {
  if (claims.some((claim) => !ORIGIN_CLAIMS.includes(claim))) {
    return ['mint-recycled-claim'];
  }
  return material === 'SCRAP' || material === 'BLACK_MASS' ? ['mint-scrap-or-black-mass'] : [];
}

/** `lot:MintLot`: a mine mints extracted material; wild: any material (scrap, black mass), any claims (recycled ones), any assay. */
export function mint(ctx: Context, given: { readonly facility?: Facility; readonly claims?: readonly Claim[]; readonly massGrams?: number; readonly material?: Material } = {}): Step | undefined {
  const mines = ctx.world.facilities.filter((f) => f.kind === 'MINE' || f.kind === 'CONCENTRATOR');
  const facility = given.facility ?? (mutate(ctx, 15) ? ctx.c.pick(ctx.world.facilities) : ctx.c.pick(mines));
  if (facility === undefined) {
    return undefined;
  }
  const material = given.material ?? mintMaterial(ctx);
  const claims = given.claims ?? (mutate(ctx, 15) ? ctx.c.subset(CLAIMS, 50) : ctx.c.subset(ORIGIN_CLAIMS, 35));
  const intensity = ctx.c.pick([120, undefined, 0, 5, 100_000_000]);
  const request = { id: ctx.fresh('lot'), facilityId: facility.id, material, massGrams: given.massGrams ?? mass(ctx), claims, assay: assayFor(ctx, material), carbonIntensity: intensity };
  return step('mint', callerFor(ctx, facility.ownerMsp), 'lot:MintLot', request, mintTags(material, claims));
}

function liveLot(ctx: Context): MaterialLot | undefined {
  const active = ctx.world.lots.filter((lot) => lot.status === 'ACTIVE');
  return mutate(ctx, 15) ? ctx.c.pick(ctx.world.lots) : ctx.c.pick(active);
}

/** `lot:SplitLot`: children of a lot; wild: more than it holds, an existing id. */
export function split(ctx: Context, given: { readonly lot?: MaterialLot } = {}): Step | undefined {
  const lot = given.lot ?? liveLot(ctx);
  if (lot === undefined) {
    return undefined;
  }
  const total = mutate(ctx, 15) ? lot.massGrams + 1 : part(ctx, Math.max(1, lot.massGrams - 1));
  const children = divide(ctx, total, 1 + ctx.c.int(3)).map((massGrams) => ({ id: mutate(ctx, 8) ? (ctx.c.pick(ctx.world.lots)?.id ?? lot.id) : ctx.fresh('lot'), massGrams }));
  return step('split', callerFor(ctx, lot.ownerMsp), 'lot:SplitLot', { lotId: lot.id, children }, lot.claims.length > 0 ? ['split-labelled'] : []);
}

/** `lot:MergeLots`: lots of one material at one facility (wild: any lots); labels not shared become credit. */
export function merge(ctx: Context, given: { readonly lots?: readonly MaterialLot[] } = {}): Step | undefined {
  const matesOf = (lot: MaterialLot): MaterialLot[] => activeLotsAt(ctx.world, lot.custodianFacilityId).filter((other) => other.material === lot.material && other.id !== lot.id);
  const active = ctx.world.lots.filter((lot) => lot.status === 'ACTIVE');
  const seed = given.lots?.[0] ?? (mutate(ctx, 20) ? ctx.c.pick(active) : ctx.c.pick(active.filter((lot) => matesOf(lot).length > 0)));
  if (seed === undefined) {
    return undefined;
  }
  const mates = matesOf(seed);
  const chosen = given.lots?.slice(1) ?? (mutate(ctx, 20) ? ctx.c.subset(ctx.world.lots, 10) : [...new Set([...mates.slice(0, 1), ...ctx.c.subset(mates, 40)])]);
  const lots = [seed, ...chosen].slice(0, 4);
  const mixed = lots.some((lot) => lot.claims.length > 0) && lots.some((lot) => lot.claims.length === 0);
  const lotIds = mutate(ctx, 5) ? [seed.id, seed.id] : lots.map((lot) => lot.id);
  return step('merge', callerFor(ctx, seed.ownerMsp), 'lot:MergeLots', { id: ctx.fresh('lot'), lotIds }, mixed ? ['merge-labelled-with-unlabelled'] : []);
}

// ---------------------------------------------------------------- custody

/** `custody:ProposeTransfer`: a whole lot to another facility; wild: the wrong mass, its own facility, a huge tolerance. */
export function propose(ctx: Context, given: { readonly lot?: MaterialLot; readonly to?: Facility } = {}): Step | undefined {
  const lot = given.lot ?? liveLot(ctx);
  const to = given.to ?? ctx.c.pick(ctx.world.facilities.filter((f) => f.id !== lot?.custodianFacilityId || mutate(ctx, 30)));
  if (lot === undefined || to === undefined) {
    return undefined;
  }
  const declaredMassGrams = mutate(ctx, 10) ? lot.massGrams + (ctx.c.pick([1, -1]) ?? 1) : lot.massGrams;
  const toleranceBasisPoints = ctx.c.pick(ctx.wild ? [50, 0, 1000, 1001] : [50, 0, 1000]);
  const request = { id: ctx.fresh('tr'), lotId: lot.id, toFacilityId: to.id, declaredMassGrams, shippingDocumentsHash: documentHash(`b/l ${lot.id}`), toleranceBasisPoints };
  const shippedBefore = ctx.world.transfers.filter((t) => t.lotId === lot.id && t.status === 'ACCEPTED').length;
  const tags = lot.claims.length === 0 ? [] : ['ship-labelled-lot', ...(shippedBefore >= 2 ? ['ship-labelled-lot-back-and-forth'] : [])];
  return step('propose', callerFor(ctx, lot.ownerMsp), 'custody:ProposeTransfer', request, tags);
}

/** One of the fitting items; when wild, sometimes (and whenever none fits) any of them. */
function target<T>(ctx: Context, all: readonly T[], fits: (item: T) => boolean): T | undefined {
  const fitting = all.filter(fits);
  return mutate(ctx, 15) || (ctx.wild && fitting.length === 0) ? ctx.c.pick(all) : ctx.c.pick(fitting);
}

function openTransfer(ctx: Context, status: 'PROPOSED' | 'DISPUTED'): (typeof ctx.world.transfers)[number] | undefined {
  return target(ctx, ctx.world.transfers, (transfer) => transfer.status === status);
}

/** `custody:AcceptTransfer`: the receiver weighs the lot: exact, short within tolerance, or beyond it (a dispute). */
export function accept(ctx: Context, given: { readonly shortBasisPoints?: number } = {}): Step | undefined {
  const transfer = openTransfer(ctx, 'PROPOSED');
  if (transfer === undefined) {
    return undefined;
  }
  const short = given.shortBasisPoints ?? ctx.c.pick([0, 10, transfer.toleranceBasisPoints, 2000, -30]) ?? 0;
  const receivedMassGrams = Math.max(0, transfer.declaredMassGrams - Math.floor((transfer.declaredMassGrams * short) / 10_000));
  return step('accept', callerFor(ctx, transfer.receiverMsp), 'custody:AcceptTransfer', { transferId: transfer.id, receivedMassGrams }, short > transfer.toleranceBasisPoints ? ['weighed-beyond-tolerance'] : []);
}

/** `custody:RejectTransfer` (the receiver) or `custody:CancelTransfer` (the sender). */
export function closeTransfer(ctx: Context, kind: 'reject' | 'cancel'): Step | undefined {
  const transfer = openTransfer(ctx, 'PROPOSED');
  if (transfer === undefined) {
    return undefined;
  }
  const rightful = kind === 'reject' ? transfer.receiverMsp : transfer.senderMsp;
  const name = kind === 'reject' ? 'custody:RejectTransfer' : 'custody:CancelTransfer';
  return step(kind, callerFor(ctx, rightful), name, { transferId: transfer.id, reason: 'damaged seal' });
}

/** `custody:ResolveDispute`: the auditor, or a party, proposes a settled mass (wild: above the declared one). */
export function resolve(ctx: Context): Step | undefined {
  const transfer = openTransfer(ctx, 'DISPUTED');
  if (transfer === undefined) {
    return undefined;
  }
  const rightful = ctx.c.pick([AUDITOR_MSP, transfer.senderMsp, transfer.receiverMsp]) ?? AUDITOR_MSP;
  const settledMassGrams = mutate(ctx, 15) ? transfer.declaredMassGrams + 1 : Math.max(1, transfer.receivedMassGrams ?? 1);
  return step('resolve', callerFor(ctx, rightful), 'custody:ResolveDispute', { transferId: transfer.id, settledMassGrams });
}

// ---------------------------------------------------------------- transformations

const OUTPUT_MATERIALS: readonly Material[] = ['COBALT_SULFATE', 'SCRAP', 'BLACK_MASS', 'NICKEL_SULFATE', 'CATHODE_NMC', 'LITHIUM_CARBONATE', 'PRECURSOR_PCAM', 'IRON_PHOSPHATE', 'RECOVERED_COBALT_SULFATE'];

/** Element units (grams × bp) per element of parts. */
function elementUnits(parts: readonly { readonly content: ElementContent; readonly massGrams: number }[]): Map<Element, bigint> {
  return new Map(ELEMENTS.map((element) => [element, parts.reduce((total, p) => total + BigInt(p.massGrams) * BigInt(p.content[element] ?? 0), 0n)]));
}

/** An assay declaring every element at most what `available` units spread over `outputGrams` allow (and the material holds). */
function conservingAssay(material: Material, available: ReadonlyMap<Element, bigint>, outputGrams: number): { elements: Record<string, number> } {
  const maximum = MATERIAL_CHEMISTRY[material].maximum;
  const elements = Object.fromEntries(ELEMENTS.map((element) => [element, Math.min(maximum[element] ?? 0, Number((available.get(element) ?? 0n) / BigInt(Math.max(1, outputGrams))))]));
  return { elements };
}

function outputAssay(ctx: Context, material: Material, available: ReadonlyMap<Element, bigint>, outputGrams: number): Record<string, unknown> | undefined {
  switch (ctx.c.int(ctx.wild ? 4 : 1)) {
    case 0:
      return conservingAssay(material, available, outputGrams);
    case 1:
      return undefined;
    case 2:
      return { elements: { ...MATERIAL_CHEMISTRY[material].maximum } };
    default:
      return { contentBasisPoints: ctx.c.int(10_001) };
  }
}

interface TransformPlan {
  readonly facility?: Facility;
  readonly inputs?: readonly { readonly lot: MaterialLot; readonly massGrams: number }[];
  readonly outputs?: readonly Material[];
  readonly processKind?: ProcessKind;
  readonly lossPercent?: number;
}

function transformInputs(ctx: Context, facility: Facility): { lot: MaterialLot; massGrams: number }[] {
  const here = activeLotsAt(ctx.world, facility.id);
  const chosen = mutate(ctx, 10) ? ctx.c.subset(ctx.world.lots, 5) : ctx.c.subset(here, 45);
  const lots = (chosen.length > 0 ? chosen : here.slice(0, 1)).slice(0, 3);
  return lots.map((lot) => ({ lot, massGrams: mutate(ctx, 8) ? lot.massGrams + 1 : part(ctx, lot.massGrams) }));
}

function transformTags(inputs: readonly { lot: MaterialLot; massGrams: number }[], outputs: readonly Material[], processKind: ProcessKind): string[] {
  const tags: string[] = [];
  const labelled = inputs.filter(({ lot }) => lot.claims.length > 0);
  if (labelled.some(({ massGrams }) => massGrams === 1) && inputs.some(({ lot, massGrams }) => lot.claims.length === 0 && massGrams >= 9_999)) {
    tags.push('one-certified-gram-in-ten-kilograms');
  }
  if (outputs.includes('SCRAP') && MANUFACTURING_PROCESS_KINDS.includes(processKind)) {
    tags.push('manufacturing-scrap');
  }
  if (labelled.length > 0) {
    tags.push('consume-labelled');
  }
  return tags;
}

function transformOutputs(ctx: Context, plan: TransformPlan, inputs: readonly { lot: MaterialLot; massGrams: number }[], outputGrams: number): { id: string; material: Material; massGrams: number; assay: Record<string, unknown> | undefined }[] {
  const materials = plan.outputs ?? Array.from({ length: 1 + ctx.c.int(3) }, () => ctx.c.pick(OUTPUT_MATERIALS) ?? 'COBALT_SULFATE');
  const available = elementUnits(inputs.map(({ lot, massGrams }) => ({ content: lot.elementContent, massGrams })));
  return divide(ctx, outputGrams, materials.length).map((massGrams, index) => {
    const material = materials[index] ?? 'COBALT_SULFATE';
    return { id: ctx.fresh('lot'), material, massGrams, assay: outputAssay(ctx, material, available, outputGrams) };
  });
}

/** `process:Transform`: inputs at a facility into random outputs, assays, losses and process kinds (manufacturing ones making scrap). */
export function transform(ctx: Context, plan: TransformPlan = {}): Step | undefined {
  const facility = plan.facility ?? ctx.c.pick(ctx.world.facilities.filter((f) => activeLotsAt(ctx.world, f.id).length > 0 || mutate(ctx, 10)));
  if (facility === undefined) {
    return undefined;
  }
  const inputs = plan.inputs ?? transformInputs(ctx, facility);
  const taken = inputs.reduce((total, input) => total + input.massGrams, 0);
  if (inputs.length === 0 || taken < 1) {
    return undefined;
  }
  const lossGrams = Math.min(taken - 1, Math.floor((taken * (plan.lossPercent ?? ctx.c.pick([0, 5, 30]) ?? 0)) / 100));
  const outputs = transformOutputs(ctx, plan, inputs, taken - lossGrams);
  const processKind = plan.processKind ?? ctx.c.pick(PROCESS_KINDS) ?? 'REFINING';
  const request = {
    id: ctx.fresh('run'),
    facilityId: facility.id,
    processKind,
    inputs: inputs.map(({ lot, massGrams }) => ({ lotId: lot.id, massGrams })),
    outputs,
    lossGrams: lossGrams + (mutate(ctx, 8) ? 1 : 0),
    processEmissionsGramsCo2e: ctx.c.pick([25, undefined, 0, 10_000]),
  };
  return step('transform', callerFor(ctx, facility.ownerMsp), 'process:Transform', request, transformTags(inputs, outputs.map((o) => o.material), processKind));
}

// ---------------------------------------------------------------- mass balance

type AccountRef = { readonly facilityId: string; readonly material: Material; readonly claim: Claim };

/** The account of a credit booked so far; when wild, often any facility, material or claim. */
function randomAccount(ctx: Context): AccountRef {
  const credit = ctx.c.pick(ctx.world.movements);
  return {
    facilityId: (mutate(ctx, 25) ? ctx.c.pick(ctx.world.facilities)?.id : credit?.facilityId) ?? 'mine-1',
    material: (mutate(ctx, 25) ? ctx.c.pick(MINTABLE_MATERIALS) : credit?.material) ?? 'COBALT_HYDROXIDE',
    claim: (mutate(ctx, 25) ? ctx.c.pick(CLAIMS) : credit?.claim) ?? 'CERTIFIED_ORIGIN',
  };
}

/** `massbalance:OpenPeriod` of an account (wild: any facility, material, claim, window). */
export function openPeriod(ctx: Context, given: Partial<AccountRef> = {}): Step {
  const { facilityId, material, claim } = { ...randomAccount(ctx), ...given };
  const account = ctx.world.accounts.find((a) => a.facilityId === facilityId && a.material === material && a.claim === claim);
  const startsAt = account?.lastClosedPeriodId === undefined && !mutate(ctx, 10) ? GENESIS : undefined;
  const lengths = ctx.wild ? [30 * DAY_MS, 2 * HOUR_MS, 200 * DAY_MS, 400 * DAY_MS, -HOUR_MS] : [30 * DAY_MS, 2 * HOUR_MS, 10 * DAY_MS];
  const endsAt = after(ctx, ctx.c.pick(lengths) ?? DAY_MS);
  const owner = facilityOf(ctx.world, facilityId)?.ownerMsp ?? ORGS.mining;
  return step('openPeriod', callerFor(ctx, owner), 'massbalance:OpenPeriod', { id: ctx.fresh('period'), facilityId, material, claim, startsAt, endsAt });
}

/** How much of an output a claim labels. */
export type ClaimMode = 'WHOLE' | 'PART_WITH_ID' | 'ONE_GRAM_WITH_ID' | 'PART_WITHOUT_ID' | 'MORE_THAN_LOT';

function claimMass(ctx: Context, lot: MaterialLot | undefined, mode: ClaimMode): { massGrams: number; claimedLotId?: string } {
  const held = lot?.massGrams ?? 1;
  switch (mode) {
    case 'WHOLE':
      return { massGrams: held };
    case 'PART_WITH_ID':
      return { massGrams: Math.max(1, Math.floor(held / 2)), claimedLotId: ctx.fresh('lot') };
    case 'ONE_GRAM_WITH_ID':
      return { massGrams: 1, claimedLotId: ctx.fresh('lot') };
    case 'PART_WITHOUT_ID':
      return { massGrams: Math.max(1, Math.floor(held / 2)) };
    case 'MORE_THAN_LOT':
      return { massGrams: held + 1, claimedLotId: ctx.c.rare(50) ? ctx.fresh('lot') : undefined };
  }
}

/** A declared conversion: the run's own yield, a lower one, 1:1, or (wild) more than the run yielded. */
function conversionOf(ctx: Context, run: { readonly inputMassGrams: number; readonly lossGrams: number }): { inputGrams: number; outputGrams: number } | undefined {
  const output = Math.max(1, run.inputMassGrams - run.lossGrams);
  const honest = [{ inputGrams: run.inputMassGrams, outputGrams: output }, { inputGrams: run.inputMassGrams * 2, outputGrams: output }];
  return ctx.c.pick(ctx.wild ? [...honest, { inputGrams: 1, outputGrams: 1 }, { inputGrams: run.inputMassGrams, outputGrams: output + 1 }] : honest);
}

/** An output lot of the run still at its facility (when wild, any output). */
function claimedOutput(ctx: Context, run: ProcessRun): MaterialLot | undefined {
  const outputs = run.outputs.map((output) => ctx.world.lots.find((lot) => lot.id === output.lotId)).filter((lot) => lot !== undefined);
  return target(ctx, outputs, (lot) => lot.status === 'ACTIVE' && lot.custodianFacilityId === run.facilityId) ?? ctx.c.pick(outputs);
}

/** The claim and the input material whose account backs it: the run's own, or, when wild, any. */
function claimBasis(ctx: Context, run: ProcessRun, given: { readonly claim?: Claim; readonly sourceMaterial?: Material }): { claim: Claim; sourceMaterial: Material } {
  const claimed = given.claim ?? (mutate(ctx, 30) ? ctx.c.pick(CLAIMS) : ctx.c.pick(run.credited)?.claim);
  const sourceMaterial = given.sourceMaterial ?? (mutate(ctx, 15) ? ctx.c.pick(MINTABLE_MATERIALS) : ctx.c.pick(run.inputs)?.material);
  return { claim: claimed ?? 'CERTIFIED_ORIGIN', sourceMaterial: sourceMaterial ?? 'COBALT_HYDROXIDE' };
}

function claimTags(run: ProcessRun, mode: ClaimMode, declared: boolean): string[] {
  const mixed = run.inputs.some((input) => input.massGrams === 1) && run.inputs.some((input) => input.massGrams >= 9_999);
  return [`claim-${mode.toLowerCase().replaceAll('_', '-')}`, ...(declared ? ['claim-declared-conversion'] : []), ...(mixed ? ['claim-on-one-certified-gram-in-ten-kilograms'] : [])];
}

/** `massbalance:ClaimOnOutput`: whole or partial outputs, with and without `claimedLotId`, declared conversions, any source material. */
export function claim(ctx: Context, given: { readonly runId?: string; readonly outputLotId?: string; readonly claim?: Claim; readonly sourceMaterial?: Material; readonly mode?: ClaimMode } = {}): Step | undefined {
  const run = ctx.world.runs.find((r) => r.id === given.runId) ?? ctx.c.pick(ctx.world.runs);
  if (run === undefined) {
    return undefined;
  }
  const lot = ctx.world.lots.find((l) => l.id === given.outputLotId) ?? claimedOutput(ctx, run);
  const modes: readonly ClaimMode[] = ctx.wild ? ['WHOLE', 'PART_WITH_ID', 'ONE_GRAM_WITH_ID', 'PART_WITHOUT_ID', 'MORE_THAN_LOT'] : ['WHOLE', 'PART_WITH_ID', 'ONE_GRAM_WITH_ID'];
  const mode = given.mode ?? ctx.c.pick(modes) ?? 'WHOLE';
  const conversion = ctx.c.rare(40) ? conversionOf(ctx, run) : undefined;
  const request = { id: ctx.fresh('claim'), processRunId: run.id, outputLotId: lot?.id ?? 'none', ...claimBasis(ctx, run, given), ...claimMass(ctx, lot, mode), conversion };
  return step('claim', callerFor(ctx, run.ownerMsp), 'massbalance:ClaimOnOutput', request, claimTags(run, mode, conversion !== undefined));
}

/** `massbalance:ReconcilePeriod` with a declared stock near, above or below the book. */
export function reconcile(ctx: Context, given: { readonly periodId?: string; readonly book?: bigint } = {}): Step | undefined {
  const period = ctx.world.periods.find((p) => p.id === given.periodId) ?? ctx.c.pick(ctx.world.periods);
  if (period === undefined) {
    return undefined;
  }
  const book = Number(given.book ?? 0n);
  const declaredPhysicalStockGrams = Math.max(0, Math.floor(book * (ctx.c.pick([1, 0.5, 1.5, 0]) ?? 1)));
  return step('reconcile', callerFor(ctx, period.ownerMsp), 'massbalance:ReconcilePeriod', { periodId: period.id, declaredPhysicalStockGrams });
}

/** `massbalance:ClosePeriod`. */
export function close(ctx: Context, given: { readonly periodId?: string } = {}): Step | undefined {
  const period = ctx.world.periods.find((p) => p.id === given.periodId) ?? ctx.c.pick(ctx.world.periods);
  return period && step('close', callerFor(ctx, period.ownerMsp), 'massbalance:ClosePeriod', { periodId: period.id });
}

// ---------------------------------------------------------------- batteries

type MassMode = 'EXACT' | 'HEAVY' | 'LIGHT';

function batteryMass(tracked: number, mode: MassMode): number {
  switch (mode) {
    case 'EXACT':
      return Math.max(1, tracked);
    case 'HEAVY':
      return Math.max(1_000_000, tracked * 1000);
    case 'LIGHT':
      return Math.max(1, tracked - 1);
  }
}

interface IssuePlan {
  readonly facility?: Facility;
  readonly lots?: readonly { readonly lot: MaterialLot; readonly massGrams: number }[];
  readonly components?: readonly Battery[];
  readonly level?: Battery['level'];
}

function issueLevel(ctx: Context, facility: Facility, components: readonly Battery[]): Battery['level'] {
  if (mutate(ctx, 10)) {
    return ctx.c.pick(['CELL', 'MODULE', 'PACK'] as const) ?? 'CELL';
  }
  if (components.length === 0) {
    return facility.kind === 'CELL_PLANT' ? 'CELL' : 'PACK';
  }
  return components.every((component) => component.level === 'CELL') && facility.kind === 'CELL_PLANT' ? 'MODULE' : 'PACK';
}

function issueLots(ctx: Context, facility: Facility): { lot: MaterialLot; massGrams: number }[] {
  return ctx.c
    .subset(activeLotsAt(ctx.world, facility.id), 50)
    .slice(0, 3)
    .map((lot) => ({ lot, massGrams: mutate(ctx, 8) ? lot.massGrams + 1 : part(ctx, lot.massGrams) }));
}

function issueTags(mode: MassMode, tracked: number, components: number): string[] {
  return [...(mode === 'HEAVY' && tracked <= 1 ? ['thousand-kilograms-holding-one-gram'] : []), ...(components > 0 ? ['issue-from-components'] : [])];
}

/** `battery:IssueBattery` from lots and free components at a plant; its mass exact, far heavier than what is tracked (1,000 kg holding 1 g), or lighter. */
export function issue(ctx: Context, plan: IssuePlan = {}): Step | undefined {
  const plants = ctx.world.facilities.filter((f) => f.kind === 'CELL_PLANT' || f.kind === 'MODULE_PACK_PLANT' || f.kind === 'OEM');
  const facility = plan.facility ?? (mutate(ctx, 15) ? ctx.c.pick(ctx.world.facilities) : ctx.c.pick(plants));
  if (facility === undefined) {
    return undefined;
  }
  const lots = plan.lots ?? issueLots(ctx, facility);
  const components = plan.components ?? ctx.c.subset(freeBatteries(ctx.world).filter((b) => b.holderFacilityId === facility.id || mutate(ctx, 10)), 50).slice(0, 3);
  if (lots.length + components.length === 0) {
    return undefined;
  }
  const tracked = [...lots.map((l) => l.massGrams), ...components.map((b) => b.massGrams)].reduce((a, b) => a + b, 0);
  const mode = ctx.c.pick<MassMode>(['EXACT', 'HEAVY', ...(ctx.wild ? (['LIGHT'] as const) : [])]) ?? 'EXACT';
  const request = {
    id: ctx.fresh('bat'),
    facilityId: facility.id,
    level: plan.level ?? issueLevel(ctx, facility, components),
    category: 'EV',
    model: 'Pack 75',
    chemistry: 'NMC',
    massGrams: batteryMass(tracked, mode),
    ratedCapacityMilliampHours: 50_000,
    nominalVoltageMillivolts: 3_700,
    lots: lots.map(({ lot, massGrams }) => ({ lotId: lot.id, massGrams })),
    components: components.map((b) => b.id),
    processEmissionsGramsCo2e: ctx.c.pick([500, undefined, 0]),
  };
  return step('issue', callerFor(ctx, facility.ownerMsp), 'battery:IssueBattery', request, issueTags(mode, tracked, components.length));
}

function batteryIn(ctx: Context, statuses: readonly Battery['status'][]): Battery | undefined {
  const free = new Set(freeBatteries(ctx.world));
  return target(ctx, ctx.world.batteries, (battery) => free.has(battery) && statuses.includes(battery.status));
}

/** `battery:PlaceOnMarket` or `battery:RecordUse` by the holder. */
export function lifecycle(ctx: Context, kind: 'placeOnMarket' | 'recordUse'): Step | undefined {
  const battery = batteryIn(ctx, kind === 'placeOnMarket' ? ['MANUFACTURED'] : ['PLACED_ON_MARKET']);
  const name = kind === 'placeOnMarket' ? 'battery:PlaceOnMarket' : 'battery:RecordUse';
  return battery && step(kind, callerFor(ctx, battery.ownerMsp), name, { batteryId: battery.id });
}

const COLLECTING_KINDS: readonly FacilityKind[] = ['RECYCLER', 'COLLECTOR', 'SECOND_LIFE', 'SERVICE_REPAIR'];

function handoverKind(ctx: Context, battery: Battery): 'OWNERSHIP' | 'COLLECTION' {
  const ownershipOnly = (battery.status === 'COLLECTED' || battery.status === 'MANUFACTURED') && !mutate(ctx, 20);
  return ownershipOnly ? 'OWNERSHIP' : (ctx.c.pick(['COLLECTION', 'OWNERSHIP'] as const) ?? 'COLLECTION');
}

/** `battery:ProposeHandover`: ownership to any facility, or collection at end of use (wild: to a mine). */
export function proposeHandover(ctx: Context, given: { readonly battery?: Battery; readonly to?: Facility; readonly kind?: 'OWNERSHIP' | 'COLLECTION' } = {}): Step | undefined {
  const battery = given.battery ?? batteryIn(ctx, ['PLACED_ON_MARKET', 'IN_USE', 'COLLECTED', 'MANUFACTURED']);
  if (battery === undefined) {
    return undefined;
  }
  const kind = given.kind ?? handoverKind(ctx, battery);
  const collecting = kind === 'COLLECTION' || battery.status === 'COLLECTED';
  const to = given.to ?? target(ctx, ctx.world.facilities, (f) => f.id !== battery.holderFacilityId && (!collecting || COLLECTING_KINDS.includes(f.kind)));
  if (to === undefined) {
    return undefined;
  }
  const tags = [`handover-${kind.toLowerCase()}`, ...(to.ownerMsp === battery.ownerMsp ? ['handover-to-itself'] : [])];
  return step('proposeHandover', callerFor(ctx, battery.ownerMsp), 'battery:ProposeHandover', { id: ctx.fresh('ho'), batteryId: battery.id, toFacilityId: to.id, kind }, tags);
}

/** `battery:AcceptHandover` / `RejectHandover` (the receiver) or `CancelHandover` (the sender). */
export function settleHandover(ctx: Context, kind: 'acceptHandover' | 'rejectHandover' | 'cancelHandover', handoverId?: string): Step | undefined {
  const handover = ctx.world.handovers.find((h) => h.id === handoverId) ?? target(ctx, ctx.world.handovers, (h) => h.status === 'PROPOSED');
  if (handover === undefined) {
    return undefined;
  }
  const rightful = kind === 'cancelHandover' ? handover.senderMsp : handover.receiverMsp;
  const names = { acceptHandover: 'battery:AcceptHandover', rejectHandover: 'battery:RejectHandover', cancelHandover: 'battery:CancelHandover' } as const;
  return step(kind, callerFor(ctx, rightful), names[kind], { handoverId: handover.id });
}

/** `battery:Repurpose` at the holder's second-life facility (wild: another facility, the same id, a heavier successor). */
export function repurpose(ctx: Context, given: { readonly battery?: Battery } = {}): Step | undefined {
  const battery = given.battery ?? batteryIn(ctx, ['IN_USE', 'COLLECTED']);
  if (battery === undefined) {
    return undefined;
  }
  const facilityId = mutate(ctx, 15) ? (ctx.c.pick(ctx.world.facilities)?.id ?? battery.holderFacilityId) : battery.holderFacilityId;
  const request = {
    batteryId: battery.id,
    newBatteryId: mutate(ctx, 5) ? battery.id : ctx.fresh('bat'),
    facilityId,
    category: 'STATIONARY',
    model: 'Second life 40',
    massGrams: mutate(ctx, 20) ? battery.massGrams * 10 : undefined,
    ratedCapacityMilliampHours: 40_000,
    nominalVoltageMillivolts: 3_600,
  };
  return step('repurpose', callerFor(ctx, battery.ownerMsp), 'battery:Repurpose', request);
}

const RECOVERED_MATERIALS: readonly Material[] = ['BLACK_MASS', 'RECOVERED_COBALT_SULFATE', 'RECOVERED_NICKEL_SULFATE', 'RECOVERED_LITHIUM_CARBONATE', 'SCRAP', 'LEAD', 'RECOVERED_METAL_SALTS'];

/** What is left of a battery's element mass for recovery, in units, one gram short per element (the chaincode rounds up). */
function recoverable(battery: Battery): Map<Element, bigint> {
  const recovered = (element: Element): number => battery.recovery?.elements.find((entry) => entry.element === element)?.massGrams ?? 0;
  return new Map(ELEMENTS.map((element) => {
    const stated = battery.elements.find((entry) => entry.element === element)?.massGrams ?? 0;
    return [element, BigInt(Math.max(0, stated - recovered(element) - 1)) * 10_000n];
  }));
}

function remainingMass(battery: Battery): number {
  return battery.massGrams - (battery.recovery?.recoveredGrams ?? 0) - (battery.recovery?.lossGrams ?? 0);
}

/** `battery:Dismantle` / `battery:Recycle`: random outputs and assays, black mass of the battery's whole declared mass. */
export function recover(ctx: Context, kind: 'dismantle' | 'recycle', given: { readonly battery?: Battery } = {}): Step | undefined {
  const battery = given.battery ?? batteryIn(ctx, ['COLLECTED', 'DISMANTLED']);
  if (battery === undefined) {
    return undefined;
  }
  const remaining = Math.max(1, remainingMass(battery));
  const share = kind === 'recycle' ? remaining : part(ctx, remaining);
  const lossGrams = Math.min(share - 1, Math.floor((share * (ctx.c.pick([10, 0, 50]) ?? 0)) / 100));
  const blackMass = ctx.c.rare(35);
  const materials = blackMass ? (['BLACK_MASS'] as const) : Array.from({ length: 1 + ctx.c.int(3) }, () => ctx.c.pick(RECOVERED_MATERIALS) ?? 'BLACK_MASS');
  const masses = divide(ctx, share - lossGrams + (mutate(ctx, 8) ? 1 : 0), materials.length);
  const available = recoverable(battery);
  const outputs = masses.map((massGrams, index) => {
    const material = materials[index] ?? 'BLACK_MASS';
    return { id: ctx.fresh('lot'), material, massGrams, assay: outputAssay(ctx, material, available, share - lossGrams) };
  });
  const tracked = battery.lots.reduce((total, lot) => total + lot.massGrams, 0);
  const tags = blackMass && battery.massGrams >= 1_000_000 && tracked <= 1 ? ['thousand-kilograms-holding-one-gram'] : [];
  const name = kind === 'recycle' ? 'battery:Recycle' : 'battery:Dismantle';
  return step(kind, callerFor(ctx, battery.ownerMsp), name, { batteryId: battery.id, outputs, lossGrams, processEmissionsGramsCo2e: ctx.c.pick([100, undefined]) }, tags);
}
