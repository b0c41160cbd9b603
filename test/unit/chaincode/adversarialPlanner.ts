/**
 * An honest driver for adversarial runs: each goal (a claim on an output, a battery's life to recycling,
 * production scrap, a labelled lot shipped back and forth, a repurposing, a module of cells, a disputed
 * weighing, a balancing period's close, the adversary's own facility of an unusual kind, an audit verdict)
 * looks at the committed world and takes the next step toward it, with
 * the rightful caller and random but plausible arguments. Random wild actions between its steps may derail it;
 * it re-plans from whatever is committed. Without it, deep paths (a recycled 1,000 kg battery, a claim on a
 * mixed run's output) would almost never be reached by chance.
 */
import { CLAIMS, massBalanceAccountId, ORIGIN_CLAIMS, type Claim, type Facility, type FacilityKind, type MaterialLot } from '../../../chaincode/src/api';
import { periodBalance } from './adversarialInvariants';
import * as steps from './adversarialSteps';
import type { Context, Step } from './adversarialSteps';
import { activeLotsAt, activeLotsAtKinds, attested, facilitiesOfKind, facilityOf, freeBatteries, holderKind, type World } from './adversarialWorld';

/** What the planner may do besides a transaction: move the clock forward. */
export type Action = Step | { readonly advanceMs: number };

/** Goals of the honest driver. */
export const GOALS = ['claim', 'battery', 'scrap', 'shuttle', 'repurpose', 'module', 'loop', 'dispute', 'period', 'rogue', 'audit'] as const;
/** A goal of the honest driver. */
export type Goal = (typeof GOALS)[number];

/** How often each goal is pursued, relative to the others. */
export const GOAL_WEIGHTS: Readonly<Record<Goal, number>> = { claim: 6, battery: 4, scrap: 2, shuttle: 3, repurpose: 2, module: 1, loop: 2, dispute: 1, period: 2, rogue: 1, audit: 1 };

type Stage = () => Action | undefined;

/** Takes the furthest stage that applies most of the time, and another applicable one otherwise. */
function firstOf(ctx: Context, stages: readonly Stage[]): Action | undefined {
  const skip = ctx.c.rare(25) ? 1 + ctx.c.int(2) : 0;
  let skipped = 0;
  let fallback: Action | undefined;
  for (const stage of stages) {
    const action = stage();
    if (action !== undefined) {
      fallback ??= action;
      if (skipped === skip) {
        return action;
      }
      skipped += 1;
    }
  }
  return fallback;
}

const MINES: readonly FacilityKind[] = ['MINE', 'CONCENTRATOR'];
const UPSTREAM: readonly FacilityKind[] = ['MINE', 'CONCENTRATOR', 'REFINERY', 'CAM_PLANT'];

function pickFacility(ctx: Context, kinds: readonly FacilityKind[]): Facility | undefined {
  return ctx.c.pick(facilitiesOfKind(ctx.world, kinds));
}

/** Attests the facility for the claims when an auditor does not attest it for all of them now. */
function attestation(ctx: Context, facility: Facility | undefined, claims: readonly Claim[]): Stage {
  return () => (facility !== undefined && claims.some((claim) => !attested(ctx.world, facility.id, claim)) ? steps.attest(ctx, { facilityId: facility.id, claims }) : undefined);
}

/** Brings lots to a facility of the given kinds: accept a transfer there, send a lot there, or mint one to send. */
function supply(ctx: Context, kinds: readonly FacilityKind[]): Stage[] {
  const targets = facilitiesOfKind(ctx.world, kinds);
  const ids = new Set(targets.map((f) => f.id));
  const incoming = ctx.world.transfers.filter((t) => t.status === 'PROPOSED' && ids.has(t.toFacilityId));
  return [
    () => (incoming.length > 0 ? steps.accept(ctx, { shortBasisPoints: ctx.c.pick([0, 10]) ?? 0 }) : undefined),
    () => {
      const lot = ctx.c.pick(activeLotsAtKinds(ctx.world, UPSTREAM).filter((l) => l.claims.every((claim) => attested(ctx.world, l.custodianFacilityId, claim))));
      return lot && steps.propose(ctx, { lot, to: ctx.c.pick(targets) });
    },
    () => steps.mint(ctx, { claims: [] }),
  ];
}

// ---------------------------------------------------------------- claims on outputs

/** Runs at the facility with an output still there to label, and the input material whose account is open. */
function claimableRuns(world: World, facility: Facility, claim: Claim): { runId: string; sourceMaterial: MaterialLot['material'] }[] {
  return world.runs
    .filter((run) => run.facilityId === facility.id)
    .filter((run) => run.outputs.some((output) => world.lots.some((lot) => lot.id === output.lotId && lot.status === 'ACTIVE' && lot.custodianFacilityId === facility.id && !lot.claims.includes(claim))))
    .flatMap((run) => run.inputs.filter((input) => openAccount(world, facility.id, input.material, claim)).map((input) => ({ runId: run.id, sourceMaterial: input.material })));
}

function openAccount(world: World, facilityId: string, material: string, claim: Claim): boolean {
  const account = world.accounts.find((a) => a.facilityId === facilityId && a.material === material && a.claim === claim);
  const period = world.periods.find((p) => p.id === account?.openPeriodId);
  return period !== undefined && period.startsAt <= world.now && world.now < period.endsAt;
}

/** Keeps the account's period open: opens one, or reconciles and closes one that has ended. */
function periodStages(ctx: Context, facility: Facility, material: MaterialLot['material'], claim: Claim): Stage {
  return () => {
    const world = ctx.world;
    const account = world.accounts.find((a) => a.facilityId === facility.id && a.material === material && a.claim === claim);
    const period = world.periods.find((p) => p.id === account?.openPeriodId);
    if (period === undefined) {
      return steps.openPeriod(ctx, { facilityId: facility.id, material, claim });
    }
    if (world.now < period.endsAt) {
      return undefined;
    }
    const book = account === undefined ? 0n : (periodBalance(world, account.id) ?? 0n);
    return period.status === 'RECONCILED' && period.reconciliation?.bookBalanceGrams === Number(book) ? steps.close(ctx, { periodId: period.id }) : steps.reconcile(ctx, { periodId: period.id, book });
  };
}

/**
 * Consumes a labelled lot at the facility, turning its label into credit: a transformation of all of it, one
 * gram of it in ten kilograms of other material, or a merge with an unlabelled lot of its material.
 */
function consume(ctx: Context, facility: Facility, labelled: MaterialLot): Stage {
  return () => {
    const unlabelled = activeLotsAt(ctx.world, facility.id).filter((lot) => lot.claims.length === 0);
    const other = unlabelled.find((lot) => lot.massGrams >= 9_999);
    const mate = unlabelled.find((lot) => lot.material === labelled.material);
    switch (ctx.c.int(3)) {
      case 1:
        return other === undefined ? steps.mint(ctx, { facility, claims: [], massGrams: 9_999 }) : steps.transform(ctx, { facility, inputs: [{ lot: labelled, massGrams: 1 }, { lot: other, massGrams: 9_999 }], lossPercent: 0 });
      case 2:
        return mate === undefined ? steps.mint(ctx, { facility, claims: [], material: labelled.material }) : steps.merge(ctx, { lots: [labelled, mate] });
      default:
        return steps.transform(ctx, { facility, inputs: [{ lot: labelled, massGrams: labelled.massGrams }] });
    }
  };
}

/** Where a claim is under way: a facility with credit or labelled lots, most of the time; any mine otherwise. */
function claimSite(ctx: Context): { facility: Facility | undefined; claim: Claim } {
  const credited = ctx.world.movements.filter((m) => m.kind === 'CREDIT' && ORIGIN_CLAIMS.includes(m.claim)).map((m) => ({ facilityId: m.facilityId, claim: m.claim }));
  const labelled = activeLotsAtKinds(ctx.world, MINES).flatMap((lot) => lot.claims.filter((claim) => ORIGIN_CLAIMS.includes(claim)).map((claim) => ({ facilityId: lot.custodianFacilityId, claim })));
  const site = ctx.c.rare(80) ? (ctx.c.pick(credited) ?? ctx.c.pick(labelled)) : undefined;
  if (site !== undefined) {
    return { facility: facilityOf(ctx.world, site.facilityId), claim: site.claim };
  }
  return { facility: pickFacility(ctx, MINES), claim: ctx.c.pick(ORIGIN_CLAIMS) ?? 'CERTIFIED_ORIGIN' };
}

const MODE_PARTS: Readonly<Record<'WHOLE' | 'PART_WITH_ID' | 'ONE_GRAM_WITH_ID', (held: number) => number>> = {
  WHOLE: (held) => held,
  PART_WITH_ID: (held) => Math.max(1, Math.floor(held / 2)),
  ONE_GRAM_WITH_ID: () => 1,
};

/**
 * A claim on an output of a run at the facility, as much of it as the account's credit backs at the run's
 * conversion (often a run that mixed one certified gram into ten kilograms); any part when none fits.
 */
function claimStage(ctx: Context, facility: Facility, claim: Claim): Stage {
  return () => {
    const targets = claimableRuns(ctx.world, facility, claim);
    const isMixed = (runId: string): boolean => ctx.world.runs.some((r) => r.id === runId && r.inputs.some((input) => input.massGrams === 1));
    const target = ctx.c.rare(50) ? (ctx.c.pick(targets.filter((t) => isMixed(t.runId))) ?? ctx.c.pick(targets)) : ctx.c.pick(targets);
    const run = ctx.world.runs.find((r) => r.id === target?.runId);
    const lot = ctx.world.lots.find((l) => run?.outputs.some((o) => o.lotId === l.id) === true && l.status === 'ACTIVE' && l.custodianFacilityId === facility.id && !l.claims.includes(claim));
    if (target === undefined || run === undefined || lot === undefined) {
      return undefined;
    }
    const credit = periodBalance(ctx.world, massBalanceAccountId(facility.id, target.sourceMaterial, claim)) ?? 0n;
    const needed = (grams: number): bigint => (BigInt(grams) * BigInt(run.inputMassGrams) + BigInt(run.inputMassGrams - run.lossGrams) - 1n) / BigInt(run.inputMassGrams - run.lossGrams);
    const modes = (['WHOLE', 'PART_WITH_ID', 'ONE_GRAM_WITH_ID'] as const).filter((mode) => needed(MODE_PARTS[mode](lot.massGrams)) <= credit);
    const mode = ctx.c.rare(75) ? ctx.c.pick(modes) : undefined;
    return steps.claim(ctx, { ...target, claim, outputLotId: lot.id, ...(mode === undefined ? {} : { mode }) });
  };
}

function claimGoal(ctx: Context): Action | undefined {
  const { facility, claim } = claimSite(ctx);
  if (facility === undefined) {
    return steps.register(ctx, { mspId: steps.MSPS[ctx.c.int(3)], kind: 'MINE' });
  }
  const labelled = activeLotsAt(ctx.world, facility.id).find((lot) => lot.claims.includes(claim));
  const material = labelled?.material ?? 'COBALT_HYDROXIDE';
  return firstOf(ctx, [
    claimStage(ctx, facility, claim),
    attestation(ctx, facility, [claim]),
    periodStages(ctx, facility, material, claim),
    () => (labelled === undefined ? undefined : consume(ctx, facility, labelled)()),
    () => steps.mint(ctx, { facility, claims: [claim] }),
  ]);
}

// ---------------------------------------------------------------- batteries to recycling

function batteryStages(ctx: Context): Stage[] {
  const free = freeBatteries(ctx.world);
  const at = (kinds: readonly FacilityKind[]): typeof free => free.filter((b) => kinds.includes(holderKind(ctx.world, b) ?? 'MINE'));
  const waste = at(['RECYCLER']).filter((b) => b.passportStatus === 'WASTE' && (b.status === 'COLLECTED' || b.status === 'DISMANTLED'));
  const target = ctx.c.pick(waste);
  const recycler = target === undefined ? undefined : facilityOf(ctx.world, target.holderFacilityId);
  return [
    attestation(ctx, recycler, ['POST_CONSUMER_RECYCLED']),
    () => target && steps.recover(ctx, target.status === 'COLLECTED' && ctx.c.rare(50) ? 'dismantle' : 'recycle', { battery: target }),
    () => (ctx.world.handovers.some((h) => h.status === 'PROPOSED') ? steps.settleHandover(ctx, ctx.c.pick(['acceptHandover', 'acceptHandover', 'acceptHandover', 'acceptHandover', 'rejectHandover', 'cancelHandover'] as const) ?? 'acceptHandover') : undefined),
    () => {
      const second = ctx.c.pick(at(['SECOND_LIFE']).filter((b) => b.status === 'COLLECTED'));
      return second && ctx.c.rare(60) ? steps.repurpose(ctx, { battery: second }) : undefined;
    },
    () => {
      const collected = ctx.c.pick(at(['COLLECTOR', 'SECOND_LIFE', 'SERVICE_REPAIR']).filter((b) => b.status === 'COLLECTED'));
      return collected && steps.proposeHandover(ctx, { battery: collected, kind: 'OWNERSHIP', to: pickFacility(ctx, ['RECYCLER']) });
    },
    () => {
      const used = ctx.c.pick(free.filter((b) => b.status === 'IN_USE' || (b.status === 'PLACED_ON_MARKET' && ctx.c.rare(50))));
      return used && steps.proposeHandover(ctx, { battery: used, kind: 'COLLECTION', to: pickFacility(ctx, ctx.c.rare(30) ? ['COLLECTOR', 'SECOND_LIFE'] : ['RECYCLER']) });
    },
    () => (free.some((b) => b.status === 'PLACED_ON_MARKET') ? steps.lifecycle(ctx, 'recordUse') : undefined),
    () => (free.some((b) => b.status === 'MANUFACTURED') ? steps.lifecycle(ctx, 'placeOnMarket') : undefined),
  ];
}

/** Issues a cell at a cell plant from what it holds: often 1 g of it in a battery of 1,000 kg. */
function issueCell(ctx: Context): Stage {
  return () => {
    const lot = ctx.c.pick(activeLotsAtKinds(ctx.world, ['CELL_PLANT']));
    const facility = lot && facilityOf(ctx.world, lot.custodianFacilityId);
    if (lot === undefined || facility === undefined) {
      return undefined;
    }
    const massGrams = ctx.c.rare(40) ? 1 : Math.max(1, Math.floor(lot.massGrams / 2));
    const others = activeLotsAt(ctx.world, facility.id).filter((l) => l.id !== lot.id && ctx.c.rare(30)).map((l) => ({ lot: l, massGrams: l.massGrams }));
    return steps.issue(ctx, { facility, lots: [{ lot, massGrams }, ...others.slice(0, 2)], components: [], level: 'CELL' });
  };
}

function batteryGoal(ctx: Context): Action | undefined {
  return firstOf(ctx, [...batteryStages(ctx), issueCell(ctx), ...supply(ctx, ['CELL_PLANT'])]);
}

// ---------------------------------------------------------------- production scrap, loops, modules

function scrapGoal(ctx: Context): Action | undefined {
  const lot = ctx.c.pick(activeLotsAtKinds(ctx.world, ['CELL_PLANT', 'CAM_PLANT', 'PRECURSOR_PLANT']));
  const facility = lot && facilityOf(ctx.world, lot.custodianFacilityId);
  const kind = facility?.kind === 'CELL_PLANT' ? 'CELL_MANUFACTURING' : 'CATHODE_SYNTHESIS';
  return firstOf(ctx, [
    attestation(ctx, facility, ['PRE_CONSUMER_RECYCLED']),
    () => lot && facility && steps.transform(ctx, { facility, inputs: [{ lot, massGrams: lot.massGrams }], outputs: ['CATHODE_NMC', 'SCRAP'], processKind: kind }),
    ...supply(ctx, ['CELL_PLANT', 'CAM_PLANT']),
  ]);
}

/** Recovered lots travel from the recycler to a cell plant and into new cells. */
function loopGoal(ctx: Context): Action | undefined {
  const recovered = ctx.world.lots.filter((lot) => lot.status === 'ACTIVE' && lot.origin.kind === 'RECOVERED');
  const atRecycler = recovered.filter((lot) => facilityOf(ctx.world, lot.custodianFacilityId)?.kind !== 'CELL_PLANT');
  const atPlant = recovered.filter((lot) => facilityOf(ctx.world, lot.custodianFacilityId)?.kind === 'CELL_PLANT');
  return firstOf(ctx, [
    () => {
      const lot = ctx.c.pick(atPlant);
      const facility = lot && facilityOf(ctx.world, lot.custodianFacilityId);
      const others = facility === undefined ? [] : activeLotsAt(ctx.world, facility.id).filter((l) => l.id !== lot?.id).slice(0, 1);
      return lot && facility && steps.issue(ctx, { facility, lots: [lot, ...others].map((l) => ({ lot: l, massGrams: l.massGrams })), components: [], level: 'CELL' });
    },
    () => (ctx.world.transfers.some((t) => t.status === 'PROPOSED') ? steps.accept(ctx, { shortBasisPoints: 0 }) : undefined),
    () => {
      const lot = ctx.c.pick(atRecycler);
      const from = lot && facilityOf(ctx.world, lot.custodianFacilityId);
      return lot && from && (lot.claims.every((claim) => attested(ctx.world, from.id, claim)) ? steps.propose(ctx, { lot, to: pickFacility(ctx, ['CELL_PLANT']) }) : attestation(ctx, from, lot.claims)());
    },
    () => batteryGoal(ctx),
  ]);
}

function moduleGoal(ctx: Context): Action | undefined {
  const cells = freeBatteries(ctx.world).filter((b) => b.level === 'CELL' && b.status === 'MANUFACTURED');
  const cell = ctx.c.pick(cells);
  const facility = cell && facilityOf(ctx.world, cell.holderFacilityId);
  if (cell === undefined || facility === undefined) {
    return firstOf(ctx, [issueCell(ctx), ...supply(ctx, ['CELL_PLANT'])]);
  }
  const mates = cells.filter((b) => b.holderFacilityId === facility.id).slice(0, 3);
  if (facility.kind === 'CELL_PLANT' && ctx.c.rare(60)) {
    return steps.issue(ctx, { facility, lots: [], components: mates, level: 'MODULE' });
  }
  if (facility.kind === 'MODULE_PACK_PLANT' || facility.kind === 'OEM') {
    return steps.issue(ctx, { facility, lots: [], components: mates, level: 'PACK' });
  }
  return ctx.world.handovers.some((h) => h.status === 'PROPOSED') ? steps.settleHandover(ctx, 'acceptHandover') : steps.proposeHandover(ctx, { battery: cell, kind: 'OWNERSHIP', to: pickFacility(ctx, ['MODULE_PACK_PLANT', 'OEM']) });
}

function repurposeGoal(ctx: Context): Action | undefined {
  const free = freeBatteries(ctx.world);
  const toSecondLife = ctx.world.handovers.find((h) => h.status === 'PROPOSED' && facilityOf(ctx.world, h.toFacilityId)?.kind === 'SECOND_LIFE');
  if (toSecondLife !== undefined) {
    return steps.settleHandover(ctx, 'acceptHandover', toSecondLife.id);
  }
  const atSecondLife = ctx.c.pick(free.filter((b) => (b.status === 'IN_USE' || b.status === 'COLLECTED') && holderKind(ctx.world, b) === 'SECOND_LIFE'));
  if (atSecondLife !== undefined) {
    return steps.repurpose(ctx, { battery: atSecondLife });
  }
  const used = ctx.c.pick(free.filter((b) => b.status === 'IN_USE'));
  if (used !== undefined && ctx.c.rare(70)) {
    return steps.proposeHandover(ctx, { battery: used, kind: 'COLLECTION', to: pickFacility(ctx, ['SECOND_LIFE']) });
  }
  return batteryGoal(ctx);
}

// ---------------------------------------------------------------- custody

/** A labelled lot shipped back and forth between facilities of different organisations. */
function shuttleGoal(ctx: Context): Action | undefined {
  const labelled = ctx.world.lots.filter((lot) => lot.claims.length > 0);
  const inTransit = labelled.filter((lot) => lot.status === 'IN_TRANSIT');
  const active = labelled.filter((lot) => lot.status === 'ACTIVE');
  const trips = (lot: MaterialLot): number => ctx.world.transfers.filter((t) => t.lotId === lot.id && t.status === 'ACCEPTED').length;
  const mostTravelled = [...active].sort((a, b) => trips(b) - trips(a))[0];
  const resting = ctx.c.rare(80) ? mostTravelled : ctx.c.pick(active);
  const from = resting && facilityOf(ctx.world, resting.custodianFacilityId);
  const mine = pickFacility(ctx, MINES);
  return firstOf(ctx, [
    () => (inTransit.length > 0 ? (ctx.c.rare(20) ? steps.closeTransfer(ctx, ctx.c.rare(50) ? 'reject' : 'cancel') : steps.accept(ctx, { shortBasisPoints: ctx.c.pick([0, 0, 10]) ?? 0 })) : undefined),
    attestation(ctx, from, resting?.claims ?? []),
    () => (resting && ctx.c.rare(15) && resting.massGrams > 1 ? steps.split(ctx, { lot: resting }) : undefined),
    () => {
      const abroad = ctx.world.facilities.filter((f) => f.ownerMsp !== from?.ownerMsp);
      const ready = abroad.filter((f) => resting?.claims.every((c) => attested(ctx.world, f.id, c)) === true);
      return resting && from && steps.propose(ctx, { lot: resting, to: ctx.c.rare(70) ? (ctx.c.pick(ready) ?? ctx.c.pick(abroad)) : ctx.c.pick(abroad) });
    },
    attestation(ctx, mine, ['CERTIFIED_ORIGIN']),
    () => mine && steps.mint(ctx, { facility: mine, claims: ['CERTIFIED_ORIGIN'] }),
  ]);
}

/** A transfer weighed beyond tolerance and settled by the parties or an auditor. */
function disputeGoal(ctx: Context): Action | undefined {
  return firstOf(ctx, [
    () => (ctx.world.transfers.some((t) => t.status === 'DISPUTED') ? steps.resolve(ctx) : undefined),
    () => (ctx.world.transfers.some((t) => t.status === 'PROPOSED') ? steps.accept(ctx, { shortBasisPoints: 2000 }) : undefined),
    () => steps.propose(ctx, { to: ctx.c.pick(ctx.world.facilities) }),
  ]);
}

/** Lets an account's balancing period end, then reconciles, closes and reopens it (the carry-over path). */
function periodGoal(ctx: Context): Action | undefined {
  const account = ctx.c.pick(ctx.world.accounts);
  const period = ctx.world.periods.find((p) => p.id === account?.openPeriodId);
  const facility = account && facilityOf(ctx.world, account.facilityId);
  if (account === undefined || facility === undefined) {
    return claimGoal(ctx);
  }
  if (period !== undefined && ctx.world.now < period.endsAt) {
    return ctx.c.rare(60) ? { advanceMs: Date.parse(period.endsAt) - Date.parse(ctx.world.now) } : claimGoal(ctx);
  }
  return periodStages(ctx, facility, account.material, account.claim)();
}

/** Kinds of facility an organisation would not normally run, which the adversary registers and gets attested. */
const ROGUE_KINDS: Readonly<Record<string, FacilityKind>> = {
  MiningMSP: 'CELL_PLANT',
  ManufacturingMSP: 'RECYCLER',
  RecyclingMSP: 'MINE',
  AuditorMSP: 'RECYCLER',
};

/** The adversary runs a facility of a kind it does not normally run (a recycler of a manufacturer) and gets it attested. */
function rogueGoal(ctx: Context): Action | undefined {
  const kind = ROGUE_KINDS[ctx.adversary] ?? 'RECYCLER';
  const rogue = ctx.world.facilities.find((f) => f.ownerMsp === ctx.adversary && f.kind === kind);
  if (rogue === undefined) {
    return steps.register(ctx, { mspId: ctx.adversary, kind });
  }
  const claims = kind === 'RECYCLER' ? (['POST_CONSUMER_RECYCLED'] as const) : kind === 'MINE' ? ORIGIN_CLAIMS : (['PRE_CONSUMER_RECYCLED'] as const);
  return attestation(ctx, rogue, claims)() ?? (kind === 'RECYCLER' ? batteryGoal(ctx) : kind === 'MINE' ? claimGoal(ctx) : scrapGoal(ctx));
}

/** The auditor audits a facility and records its verdict: PASS or FAIL, for some claims. */
function auditGoal(ctx: Context): Action {
  const facility = ctx.c.pick(ctx.world.facilities);
  const claims = ctx.c.subset(CLAIMS, 50);
  return steps.attest(ctx, { facilityId: facility?.id ?? 'mine-1', claims: claims.length === 0 ? ['CERTIFIED_ORIGIN'] : claims, result: ctx.c.rare(50) ? 'FAIL' : 'PASS' });
}

const PLANNERS: Readonly<Record<Goal, (ctx: Context) => Action | undefined>> = {
  rogue: rogueGoal,
  audit: auditGoal,
  claim: claimGoal,
  battery: batteryGoal,
  scrap: scrapGoal,
  shuttle: shuttleGoal,
  repurpose: repurposeGoal,
  module: moduleGoal,
  loop: loopGoal,
  dispute: disputeGoal,
  period: periodGoal,
};

/** The next step toward a goal, from the committed world. */
export function plan(ctx: Context, goal: Goal): Action | undefined {
  return PLANNERS[goal](ctx);
}

// ---------------------------------------------------------------- random (wild) actions

/** Random actions: each kind of step with wild callers and arguments, and jumps of the clock. */
export const ACTIONS = [...steps.STEP_KINDS, 'advance'] as const;
/** A random action. */
export type ActionKind = (typeof ACTIONS)[number];

/** How often each random action is taken, relative to the others (the mass-balance attacks most). */
export const ACTION_WEIGHTS: Readonly<Partial<Record<ActionKind, number>>> = { claim: 4, transform: 3, mint: 3, merge: 2, issue: 2, recycle: 2, dismantle: 2, openPeriod: 2, repurpose: 2, proposeHandover: 2, reject: 2 };

const HOUR_MS = 3_600_000;

const ACTS: Readonly<Record<ActionKind, (ctx: Context) => Action | undefined>> = {
  register: (ctx) => steps.register(ctx),
  attest: (ctx) => steps.attest(ctx),
  mint: (ctx) => steps.mint(ctx),
  split: (ctx) => steps.split(ctx),
  merge: (ctx) => steps.merge(ctx),
  propose: (ctx) => steps.propose(ctx),
  accept: (ctx) => steps.accept(ctx),
  reject: (ctx) => steps.closeTransfer(ctx, 'reject'),
  cancel: (ctx) => steps.closeTransfer(ctx, 'cancel'),
  resolve: (ctx) => steps.resolve(ctx),
  transform: (ctx) => steps.transform(ctx),
  openPeriod: (ctx) => steps.openPeriod(ctx),
  claim: (ctx) => steps.claim(ctx),
  reconcile: (ctx) => steps.reconcile(ctx, { book: BigInt(ctx.c.int(10_000)) }),
  close: (ctx) => steps.close(ctx),
  issue: (ctx) => steps.issue(ctx),
  placeOnMarket: (ctx) => steps.lifecycle(ctx, 'placeOnMarket'),
  recordUse: (ctx) => steps.lifecycle(ctx, 'recordUse'),
  proposeHandover: (ctx) => steps.proposeHandover(ctx),
  acceptHandover: (ctx) => steps.settleHandover(ctx, 'acceptHandover'),
  rejectHandover: (ctx) => steps.settleHandover(ctx, 'rejectHandover'),
  cancelHandover: (ctx) => steps.settleHandover(ctx, 'cancelHandover'),
  repurpose: (ctx) => steps.repurpose(ctx),
  dismantle: (ctx) => steps.recover(ctx, 'dismantle'),
  recycle: (ctx) => steps.recover(ctx, 'recycle'),
  advance: (ctx) => ({ advanceMs: ctx.c.pick([HOUR_MS, 6 * HOUR_MS, 24 * HOUR_MS, 72 * HOUR_MS]) ?? HOUR_MS }),
};

/** A random action of the given kind, with wild callers and arguments. */
export function act(ctx: Context, kind: ActionKind): Action | undefined {
  return ACTS[kind](ctx);
}
