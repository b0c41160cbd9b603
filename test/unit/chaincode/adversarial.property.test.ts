/**
 * Model-based properties of the chaincode against a dishonest participant (docs/TRUST.md,
 * docs/MASS_BALANCE_AND_PASSPORTS.md), on the Fabric-faithful in-memory network: every transaction runs the real
 * chaincode on two organisations' peers and is validated at commit against the chaincode-level and key-level
 * policies. A run interleaves steps of an honest driver (adversarialPlanner.ts: it pushes claims on outputs,
 * batteries through their life to recycling, production scrap, labelled lots shipped back and forth…) with
 * wild actions sent, often by the run's adversarial organisation, with any caller and arguments
 * (adversarialSteps.ts). After every operation the committed records must satisfy the invariants
 * (adversarialInvariants.ts) and a refused operation must have changed nothing; at the end every account's
 * statement must read as its movements give it. A second property adds forgeries of a peer that runs a
 * modified chaincode (adversarialForgery.ts); a third lets clients' clocks disagree within the peers' time window.
 *
 * `BT_ADVERSARIAL_REPORT=1` prints how often each operation and attack path succeeded and was refused.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { decodeErrorEnvelope, ORGS, type RegisterFacilityRequest } from '../../../chaincode/src/api';
import { EndorsementError } from '../../support/EndorsementError';
import { identities } from '../../support/identities';
import { MemoryNetwork } from '../../support/MemoryNetwork';
import { CommitFailure, query, submit } from '../../support/transactions';
import { Choices } from './adversarialChoices';
import { forge, TAMPERED_CONTRACTS, type Forgery } from './adversarialForgery';
import { claimBalance, claimMass, creditDraws, elementBalance, elementMass, emissions, lotShapes, periodBalance, recycledContent, totalMass, violations } from './adversarialInvariants';
import { ACTION_WEIGHTS, ACTIONS, act, GOAL_WEIGHTS, GOALS, plan, type Action, type ActionKind, type Goal } from './adversarialPlanner';
import { adminOf, MSPS, STEP_KINDS, type Context, type Step } from './adversarialSteps';
import { WorldReader, type World } from './adversarialWorld';

/** One operation of a run: a step of the honest driver, a random (wild) action, or a forgery. */
type Op =
  | { readonly type: 'plan'; readonly goal: Goal; readonly r: readonly number[] }
  | { readonly type: 'act'; readonly action: ActionKind; readonly r: readonly number[] }
  | { readonly type: 'forge'; readonly r: readonly number[] }
  | { readonly type: 'skew'; readonly seconds: number };

const choicesArb = fc.array(fc.nat({ max: 1_000_000 }), { minLength: 12, maxLength: 12 });
const goalArb = fc.oneof(...GOALS.map((goal) => ({ weight: GOAL_WEIGHTS[goal], arbitrary: fc.constant(goal) })));
const planArb = fc.record({ type: fc.constant('plan' as const), goal: goalArb, r: choicesArb });
const actionArb = fc.oneof(...ACTIONS.map((action) => ({ weight: ACTION_WEIGHTS[action] ?? 1, arbitrary: fc.constant(action) })));
const actArb = fc.record({ type: fc.constant('act' as const), action: actionArb, r: choicesArb });
const forgeArb = fc.record({ type: fc.constant('forge' as const), r: choicesArb });

/**
 * The next transaction's client clock runs this many seconds ahead (or behind): within the 15 minutes that
 * peers accept (`peer.authentication.timewindow` with the `TimeWindowCheck` filter, network/config/core.yaml).
 */
const skewArb = fc.record({ type: fc.constant('skew' as const), seconds: fc.integer({ min: -900, max: 900 }) });

const honestOps: fc.Arbitrary<Op> = fc.oneof({ weight: 3, arbitrary: planArb }, { weight: 2, arbitrary: actArb });
const tamperedOps: fc.Arbitrary<Op> = fc.oneof({ weight: 3, arbitrary: planArb }, { weight: 2, arbitrary: actArb }, { weight: 1, arbitrary: forgeArb });
const skewedOps: fc.Arbitrary<Op> = fc.oneof({ weight: 3, arbitrary: planArb }, { weight: 2, arbitrary: actArb }, { weight: 1, arbitrary: skewArb });

/**
 * A counterexample the skewed property found (the honest driver with every choice at its first option): a mine
 * attested for certified origin opens a period, mints a labelled lot and transforms it on a client clock
 * 180 s ahead, so that the credit is booked in the future; a claim on the output with the right clock draws
 * on that credit, and from then on the account's fold replays a debit before the credit it drew on.
 */
const CREDIT_FROM_A_CLOCK_AHEAD: Op[] = [
  ...Array.from({ length: 4 }, (): Op => ({ type: 'plan', goal: 'claim', r: [0] })),
  { type: 'skew', seconds: 180 },
  { type: 'plan', goal: 'claim', r: [0] },
  { type: 'plan', goal: 'claim', r: [0] },
];

/** The facilities every run starts from, by owner. */
const BASE_FACILITIES: readonly (readonly [string, RegisterFacilityRequest])[] = [
  [ORGS.mining, { id: 'mine-1', kind: 'MINE', name: 'Kolwezi mine', country: 'CD' }],
  [ORGS.mining, { id: 'mine-2', kind: 'CONCENTRATOR', name: 'Greenbushes concentrator', country: 'AU' }],
  [ORGS.mining, { id: 'refinery-1', kind: 'REFINERY', name: 'Kokkola refinery', country: 'FI' }],
  [ORGS.manufacturing, { id: 'cam-1', kind: 'CAM_PLANT', name: 'Konin cathode plant', country: 'PL' }],
  [ORGS.manufacturing, { id: 'cell-1', kind: 'CELL_PLANT', name: 'Skellefteå cell plant', country: 'SE' }],
  [ORGS.manufacturing, { id: 'pack-1', kind: 'MODULE_PACK_PLANT', name: 'Zwickau pack plant', country: 'DE' }],
  [ORGS.recycling, { id: 'collector-1', kind: 'COLLECTOR', name: 'Hamburg collection point', country: 'DE' }],
  [ORGS.recycling, { id: 'recycler-1', kind: 'RECYCLER', name: 'Hydrovolt', country: 'NO' }],
  [ORGS.recycling, { id: 'second-1', kind: 'SECOND_LIFE', name: 'Rotterdam second life', country: 'NL' }],
];

/** How often each kind of operation (and each attack path) succeeded and was refused, over all runs. */
class Tally {
  readonly #outcomes = new Map<string, { ok: number; refused: number }>();

  add(key: string, ok: boolean): void {
    const entry = this.#outcomes.get(key) ?? { ok: 0, refused: 0 };
    this.#outcomes.set(key, ok ? { ...entry, ok: entry.ok + 1 } : { ...entry, refused: entry.refused + 1 });
  }

  of(key: string): { ok: number; refused: number } {
    return this.#outcomes.get(key) ?? { ok: 0, refused: 0 };
  }

  /** One line per key: `key ok/refused`. */
  report(): string {
    return [...this.#outcomes.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, { ok, refused }]) => `${key} ${ok}/${refused}`)
      .join('\n');
  }
}

/**
 * The code of a refusal, which must be the chaincode's own and not an internal error (outsiders are refused by
 * the MSP), or what is wrong with it.
 */
function refusalOf(step: Step, error: unknown): { readonly code: string } | { readonly problem: string } {
  if (!(error instanceof EndorsementError)) {
    return { problem: `${step.name} failed outside endorsement: ${String(error)}` };
  }
  const envelope = decodeErrorEnvelope(error.message);
  if (step.who === identities.outsider) {
    return { code: envelope?.code ?? 'NOT_A_MEMBER' };
  }
  if (envelope === undefined || envelope.code === 'INTERNAL') {
    return { problem: `${step.name} was refused without a contract error: ${error.message}` };
  }
  return { code: envelope.code };
}

/** One adversarial run on a fresh network: operations, each checked, then the whole ledger. */
class Run {
  readonly #network: MemoryNetwork;
  readonly #reader: WorldReader;
  readonly #tally: Tally;
  readonly #adversary: string;
  readonly #tamperer: string | undefined;
  readonly #transcript: string[] = [];
  #snapshot: string | undefined;
  #ids = 0;
  #skewMs = 0;

  constructor(tally: Tally, adversary: string, tamperer?: string) {
    this.#network = new MemoryNetwork();
    if (tamperer !== undefined) {
      this.#network.install(tamperer, TAMPERED_CONTRACTS);
    }
    this.#reader = new WorldReader(this.#network);
    this.#tally = tally;
    this.#adversary = adversary;
    this.#tamperer = tamperer;
  }

  async setUp(): Promise<void> {
    for (const [mspId, facility] of BASE_FACILITIES) {
      await submit(this.#network, adminOf(mspId), 'facility:RegisterFacility', facility);
    }
  }

  async apply(op: Op): Promise<void> {
    if (op.type === 'skew') {
      this.#skewMs = op.seconds * 1000;
      return;
    }
    const ctx: Context = {
      world: this.#reader.read(),
      c: new Choices(op.r),
      adversary: this.#adversary,
      wild: op.type !== 'plan',
      fresh: (prefix) => `${prefix}-${String((this.#ids += 1))}`,
    };
    if (op.type === 'forge') {
      await this.#forge(forge(ctx, this.#tamperer ?? this.#adversary));
    } else {
      const action = op.type === 'plan' ? plan(ctx, op.goal) : act(ctx, op.action);
      await this.#perform(action);
    }
    this.#check();
  }

  /** The committed records. */
  world(): World {
    return this.#reader.read();
  }

  /** The invariants over the committed records, and every account's statement as the chaincode reads it. */
  async finish(): Promise<void> {
    const world = this.#reader.read();
    const reader = identities.auditorUser.mspId === this.#tamperer ? identities.recyclingUser : identities.auditorUser;
    for (const account of world.accounts) {
      const ref = { facilityId: account.facilityId, material: account.material, claim: account.claim };
      const statement = await query(this.#network, reader, 'massbalance:GetStatement', ref).catch((error: unknown) => this.#fail([`the statement of account ${account.id} does not read: ${String(error)}`]));
      const expected = periodBalance(world, account.id);
      if (expected === undefined || BigInt(statement.balanceGrams) !== expected) {
        this.#fail([`the statement of account ${account.id} reads ${statement.balanceGrams} g, its movements give ${String(expected)} g`]);
      }
    }
  }

  async #perform(action: Action | undefined): Promise<void> {
    if (action === undefined) {
      return;
    }
    if ('advanceMs' in action) {
      this.#network.setTime(new Date(Date.parse(this.#network.nextTimestamp) + action.advanceMs).toISOString());
      this.#transcript.push(`  clock +${action.advanceMs / 1000} s`);
      return;
    }
    await this.#submit(action);
  }

  /** Runs a proposal on the client clock of the moment: skewed for one transaction, then back to the network's. */
  async #onClientClock<T>(propose: () => Promise<T>): Promise<T> {
    const skew = this.#skewMs;
    if (skew === 0) {
      return propose();
    }
    this.#skewMs = 0;
    const now = Date.parse(this.#network.nextTimestamp);
    this.#network.setTime(new Date(now + skew).toISOString());
    this.#transcript.push(`  the next proposal's client clock is ${skew / 1000} s off`);
    try {
      return await propose();
    } finally {
      this.#network.setTime(new Date(now + 1000).toISOString());
    }
  }

  async #submit(step: Step): Promise<void> {
    const before = (this.#snapshot ??= this.#network.snapshot());
    const line = `${step.who.mspId} ${step.name} ${JSON.stringify(step.request)}`;
    try {
      await this.#onClientClock(() => submit(this.#network, step.who, step.name, step.request));
      this.#snapshot = undefined;
      this.#count(step, true);
      this.#transcript.push(`✓ ${line}`);
    } catch (error) {
      if (error instanceof CommitFailure) {
        this.#fail([`${step.name} was endorsed but failed to commit (${error.codeName})`]);
      }
      const refusal = refusalOf(step, error);
      this.#transcript.push(`✗ ${'code' in refusal ? refusal.code : 'INTERNAL'} ${line}`);
      if ('problem' in refusal) {
        this.#fail([refusal.problem]);
      }
      this.#count(step, false);
      this.#tally.add(`refused ${step.kind} ${refusal.code}`, false);
      if (this.#network.snapshot() !== before) {
        this.#fail([`the refused ${step.name} changed the ledger`]);
      }
    }
  }

  async #forge(forgery: Forgery): Promise<void> {
    const before = (this.#snapshot ??= this.#network.snapshot());
    const options = { arguments: [JSON.stringify(forgery.request)], ...(forgery.endorsers === undefined ? {} : { endorsingOrganizations: forgery.endorsers }) };
    let outcome: string;
    try {
      outcome = (await this.#network.submit(forgery.who, forgery.name, options)).status.codeName;
    } catch (error) {
      if (!(error instanceof EndorsementError)) {
        throw error;
      }
      outcome = 'REFUSED_AT_ENDORSEMENT';
    }
    this.#transcript.push(`⚠ ${outcome} forged ${forgery.endorsement} ${forgery.name} ${JSON.stringify(forgery.request)}`);
    this.#tally.add(`forge ${forgery.endorsement} ${outcome}`, outcome === 'VALID');
    forgery.tags.forEach((tag) => {
      this.#tally.add(`forge path ${tag}`, outcome === 'VALID');
    });
    if (outcome !== 'ENDORSEMENT_POLICY_FAILURE' && outcome !== 'REFUSED_AT_ENDORSEMENT') {
      this.#fail([`a forged ${forgery.name} endorsed ${forgery.endorsement} was ${outcome}`]);
    }
    if (this.#network.snapshot() !== before) {
      this.#fail([`the refused forgery changed the ledger`]);
    }
  }

  #count(step: Step, ok: boolean): void {
    this.#tally.add(step.kind, ok);
    step.tags.forEach((tag) => {
      this.#tally.add(`path ${tag}`, ok);
    });
  }

  #check(): void {
    const found = violations(this.#reader.read());
    if (found.length > 0) {
      this.#fail(found);
    }
  }

  #fail(found: readonly string[]): never {
    throw new Error(`${found.join('\n')}\n--- committed (✓) and refused (✗) transactions of the run:\n${this.#transcript.join('\n')}`);
  }
}

/** Attack paths that must each be attempted, and how they must have ended at least once. */
const PATHS: readonly (readonly [string, 'ok' | 'refused' | 'both'])[] = [
  ['path recycler-of-a-manufacturer', 'ok'],
  ['path failing-attestation', 'ok'],
  ['path mint-recycled-claim', 'refused'],
  ['path mint-scrap-or-black-mass', 'refused'],
  ['path split-labelled', 'ok'],
  ['path merge-labelled-with-unlabelled', 'ok'],
  ['path ship-labelled-lot', 'both'],
  ['path ship-labelled-lot-back-and-forth', 'ok'],
  ['path weighed-beyond-tolerance', 'ok'],
  ['path one-certified-gram-in-ten-kilograms', 'ok'],
  ['path manufacturing-scrap', 'ok'],
  ['path consume-labelled', 'both'],
  ['path claim-whole', 'both'],
  ['path claim-part-with-id', 'ok'],
  ['path claim-one-gram-with-id', 'both'],
  ['path claim-part-without-id', 'refused'],
  ['path claim-more-than-lot', 'refused'],
  ['path claim-declared-conversion', 'both'],
  ['path claim-on-one-certified-gram-in-ten-kilograms', 'ok'],
  ['path thousand-kilograms-holding-one-gram', 'both'],
  ['path issue-from-components', 'both'],
  ['path handover-to-itself', 'ok'],
  ['path handover-ownership', 'both'],
  ['path handover-collection', 'both'],
];

function requireCoverage(tally: Tally): void {
  const missing: string[] = [];
  for (const kind of STEP_KINDS) {
    const { ok, refused } = tally.of(kind);
    if (ok === 0 || refused === 0) {
      missing.push(`${kind} ${ok}/${refused}`);
    }
  }
  for (const [path, expected] of PATHS) {
    const { ok, refused } = tally.of(path);
    if ((expected !== 'refused' && ok === 0) || (expected !== 'ok' && refused === 0)) {
      missing.push(`${path} ${ok}/${refused} (needs ${expected})`);
    }
  }
  expect(missing, `operations that never succeeded or never were refused (ok/refused):\n${tally.report()}`).to.deep.equal([]);
}

function printReport(title: string, tally: Tally): void {
  if (process.env.BT_ADVERSARIAL_REPORT !== undefined) {
    process.stdout.write(`\n${title} (ok/refused):\n${tally.report()}\n`);
  }
}

describe('adversarial organisations (model-based property)', function () {
  this.timeout(600_000);

  it('conserve mass, elements, claims, recycled content and emissions through random allowed and forbidden operations; refused ones change nothing', async () => {
    const tally = new Tally();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...MSPS), fc.array(honestOps, { minLength: 40, maxLength: 110 }), async (adversary, ops) => {
        const run = new Run(tally, adversary);
        await run.setUp();
        for (const op of ops) {
          await run.apply(op);
        }
        await run.finish();
      }),
      { numRuns: 70 },
    );
    printReport('honest chaincode', tally);
    requireCoverage(tally);
  });

  it('hold the same invariants when one organisation runs a modified chaincode and interleaves forgeries: every forgery is refused', async () => {
    const tally = new Tally();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...MSPS), fc.array(tamperedOps, { minLength: 40, maxLength: 110 }), async (tamperer, ops) => {
        const run = new Run(tally, tamperer, tamperer);
        await run.setUp();
        for (const op of ops) {
          await run.apply(op);
        }
        await run.finish();
      }),
      { numRuns: 20 },
    );
    printReport('tampered peer', tally);
    expect(tally.of('forge ALONE ENDORSEMENT_POLICY_FAILURE').refused, tally.report()).to.be.greaterThan(0);
    expect(tally.of('forge WITH_HONEST REFUSED_AT_ENDORSEMENT').refused, tally.report()).to.be.greaterThan(0);
    expect(tally.of('forge PLANNED REFUSED_AT_ENDORSEMENT').refused, tally.report()).to.be.greaterThan(0);
    for (const path of ['forge-new-key', 'forge-mint-lot', 'forge-credit', 'forge-hide-fail-verdict', 'forge-rewrite', 'forge-delete'].map((tag) => `forge path ${tag}`)) {
      expect(tally.of(path).refused, `${path}\n${tally.report()}`).to.be.greaterThan(0);
    }
  });

  // Fails today: a claim drew on credit booked later by a client clock a few minutes ahead; replayed in
  // booking order, the debit precedes that credit and every fold of the account throws INTERNAL.
  it('keep every account readable when clients\' clocks disagree within the peers\' 15-minute time window', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...MSPS), fc.array(skewedOps, { minLength: 40, maxLength: 110 }), async (adversary, ops) => {
        const run = new Run(new Tally(), adversary);
        await run.setUp();
        for (const op of ops) {
          await run.apply(op);
        }
        await run.finish();
      }),
      { numRuns: 40, examples: [[ORGS.mining, CREDIT_FROM_A_CLOCK_AHEAD]], plugins: [fc.interruptAfterTimeLimit(60_000)] },
    );
  });
});

/** A world the honest driver reaches with every choice at its first option: a claim on an output, a battery recycled, its lots in new cells. */
async function drivenWorld(): Promise<World> {
  const run = new Run(new Tally(), ORGS.mining);
  await run.setUp();
  const goals: Goal[] = [...Array<Goal>(8).fill('claim'), ...Array<Goal>(14).fill('battery'), ...Array<Goal>(8).fill('loop')];
  for (const goal of goals) {
    await run.apply({ type: 'plan', goal, r: [0] });
  }
  return run.world();
}

describe('the adversarial invariants', function () {
  this.timeout(60_000);
  let world: World;
  before(async () => {
    world = await drivenWorld();
  });

  it('hold on a world the honest driver made, which has claims, credits, recycled batteries and recycled content', () => {
    expect(violations(world)).to.deep.equal([]);
    expect(world.movements.some((m) => m.kind === 'DEBIT')).to.equal(true);
    expect(world.batteries.some((b) => b.status === 'RECYCLED')).to.equal(true);
    expect(world.batteries.some((b) => b.elements.some((e) => e.postConsumerRecycledGrams > 0))).to.equal(true);
  });

  it('catch mass that appears in a lot, and a lot richer than its chemistry', () => {
    const [first, ...rest] = world.lots;
    expect(totalMass({ ...world, lots: [{ ...first!, massGrams: first!.massGrams + 1 }, ...rest] })).to.have.length(1);
    expect(lotShapes({ ...world, lots: [{ ...first!, elementContent: { LEAD: 10_000 } }, ...rest] })).to.not.deep.equal([]);
  });

  it('catch element content that a derived lot gained', () => {
    const derived = (lot: World['lots'][number]): boolean => lot.origin.kind !== 'MINED' && lot.origin.kind !== 'RECOVERED';
    const lots = world.lots.map((lot) => (derived(lot) ? { ...lot, elementContent: { ...lot.elementContent, COBALT: 10_000 } } : lot));
    expect(elementMass({ ...world, lots })).to.not.deep.equal([]);
    expect(elementBalance({ ...world, lots })).to.not.deep.equal([]);
  });

  it('catch credit booked out of nothing and debits drawn twice', () => {
    const credit = world.movements.find((m) => m.kind === 'CREDIT')!;
    expect(claimMass({ ...world, movements: [...world.movements, { ...credit, id: 'forged', massGrams: 1_000_000_000_000 }] })).to.have.length(1);
    expect(claimBalance({ ...world, movements: [...world.movements, { ...credit, id: 'forged', massGrams: 1 }] })).to.have.length(1);
    const debit = world.movements.find((m) => m.kind === 'DEBIT')!;
    const doubled = { ...debit, id: 'claim:again' };
    expect(creditDraws({ ...world, movements: [...world.movements, doubled] })).to.not.deep.equal([]);
  });

  it('catch recycled content a passport overstates', () => {
    const batteries = world.batteries.map((b) => ({ ...b, elements: b.elements.map((e) => ({ ...e, postConsumerRecycledGrams: e.massGrams })) }));
    expect(recycledContent({ ...world, batteries })).to.not.deep.equal([]);
  });

  it('catch emissions lost by a run', () => {
    const outputs = new Set(world.runs.flatMap((run) => run.outputs.map((output) => output.lotId)));
    const lots = world.lots.map((lot) => (outputs.has(lot.id) && lot.carbonIntensityMgPerKg !== undefined ? { ...lot, carbonIntensityMgPerKg: 0 } : lot));
    expect(emissions({ ...world, lots })).to.not.deep.equal([]);
  });
});
