/**
 * The conservation invariants of docs/TRUST.md and docs/MASS_BALANCE_AND_PASSPORTS.md, computed from the
 * committed records alone: sums over lots, transfers, runs, batteries and mass-balance movements, in exact
 * integers. Each check returns the violations it finds, described for a person (an empty list: it holds).
 * Nothing here calls the chaincode's domain functions; only the public API's constants (elements, claims,
 * the chemistry table) are shared.
 */
import {
  CLAIMS,
  ELEMENTS,
  MATERIAL_CHEMISTRY,
  type Battery,
  type Claim,
  type Element,
  type ElementContent,
  type MassBalanceMovement,
  type MaterialLot,
} from '../../../chaincode/src/api';
import type { World } from './adversarialWorld';

/** Element mass in gram-basis-points (grams × 10⁴). */
function units(massGrams: number, content: ElementContent, element: Element): bigint {
  return BigInt(massGrams) * BigInt(content[element] ?? 0);
}

function sum(values: readonly bigint[]): bigint {
  return values.reduce((total, value) => total + value, 0n);
}

function grams(values: readonly number[]): bigint {
  return sum(values.map(BigInt));
}

function byId<T extends { readonly id: string }>(records: readonly T[]): ReadonlyMap<string, T> {
  return new Map(records.map((record) => [record.id, record]));
}

/** Lots whose mass enters the ledger from outside it: mined, and recovered from batteries. */
function isSource(lot: MaterialLot): boolean {
  return lot.origin.kind === 'MINED' || lot.origin.kind === 'RECOVERED';
}

function isRecoveredFromBattery(lot: MaterialLot): boolean {
  return lot.origin.kind === 'RECOVERED' && lot.origin.sourceType === 'Battery';
}

function isProductionScrap(lot: MaterialLot): boolean {
  return lot.origin.kind === 'TRANSFORMED' && lot.origin.productionScrap === true;
}

/** A battery that is physically one: not inside another, not retired by a repurposing. */
function isPhysical(battery: Battery): boolean {
  return battery.integratedInto === undefined && battery.successorId === undefined;
}

/** Invariant 1: what entered = what the lots hold + custody losses + process losses + what batteries consumed. */
export function totalMass(world: World): string[] {
  const entered = grams(world.lots.filter(isSource).map((lot) => lot.initialMassGrams));
  const held = grams(world.lots.map((lot) => lot.massGrams));
  const custodyLoss = grams(world.transfers.map((transfer) => transfer.lossGrams ?? 0));
  const processLoss = grams(world.runs.map((run) => run.lossGrams));
  const intoBatteries = grams(world.batteries.flatMap((battery) => battery.lots.map((lot) => lot.massGrams)));
  const accounted = held + custodyLoss + processLoss + intoBatteries;
  return entered === accounted ? [] : [`total mass: ${entered} g entered (mined + recovered), ${accounted} g accounted (lots ${held} + custody loss ${custodyLoss} + process loss ${processLoss} + into batteries ${intoBatteries})`];
}

/** Lots are consistent in themselves: consumed exactly when empty, no element above what the material can hold. */
export function lotShapes(world: World): string[] {
  const violations: string[] = [];
  for (const lot of world.lots) {
    if ((lot.status === 'CONSUMED') !== (lot.massGrams === 0)) {
      violations.push(`lot ${lot.id} is ${lot.status} holding ${lot.massGrams} g`);
    }
    for (const element of ELEMENTS) {
      const maximum = MATERIAL_CHEMISTRY[lot.material].maximum[element] ?? 0;
      if ((lot.elementContent[element] ?? 0) > maximum) {
        violations.push(`lot ${lot.id} of ${lot.material} holds ${lot.elementContent[element] ?? 0} bp of ${element}, its chemistry at most ${maximum}`);
      }
    }
  }
  return violations;
}

/** The element content of batteries computed from their lots, components and predecessors (gram-basis-points). */
class BatteryContent {
  readonly #batteries: ReadonlyMap<string, Battery>;
  readonly #lots: ReadonlyMap<string, MaterialLot>;
  readonly #memo = new Map<string, bigint>();

  constructor(world: World) {
    this.#batteries = byId(world.batteries);
    this.#lots = byId(world.lots);
  }

  of(battery: Battery, element: Element, depth = 0): bigint {
    const key = `${battery.id}\u0000${element}`;
    const known = this.#memo.get(key);
    if (known !== undefined) {
      return known;
    }
    if (depth > 1000) {
      throw new Error(`battery ${battery.id}: components or predecessors form a cycle`);
    }
    const fromLots = sum(battery.lots.map((input) => units(input.massGrams, this.#lots.get(input.lotId)?.elementContent ?? {}, element)));
    const parts = [...battery.components, ...(battery.predecessorId === undefined ? [] : [battery.predecessorId])];
    const fromParts = sum(parts.map((id) => this.#part(id, element, depth)));
    const total = fromLots + fromParts;
    this.#memo.set(key, total);
    return total;
  }

  /** The battery that physically holds this one now (itself, or what it went into or was repurposed as). */
  root(battery: Battery): Battery {
    let current = battery;
    for (let guard = 0; guard < 1000; guard += 1) {
      const next = current.integratedInto ?? current.successorId;
      const parent = next === undefined ? undefined : this.#batteries.get(next);
      if (parent === undefined) {
        return current;
      }
      current = parent;
    }
    throw new Error(`battery ${battery.id}: integration or succession forms a cycle`);
  }

  #part(id: string, element: Element, depth: number): bigint {
    const part = this.#batteries.get(id);
    return part === undefined ? 0n : this.of(part, element, depth + 1);
  }
}

/**
 * Invariant 2: per element, what lots hold and batteries consumed ≤ what entered; a physical battery (with
 * everything inside it and before it) never yields more of an element than its provenance gave it, and its
 * passport never states more than that.
 */
export function elementMass(world: World): string[] {
  const lots = byId(world.lots);
  const content = new BatteryContent(world);
  const violations: string[] = [];
  for (const element of ELEMENTS) {
    const entered = sum(world.lots.filter(isSource).map((lot) => units(lot.initialMassGrams, lot.elementContent, element)));
    const held = sum(world.lots.map((lot) => units(lot.massGrams, lot.elementContent, element)));
    const consumed = sum(world.batteries.flatMap((battery) => battery.lots.map((input) => units(input.massGrams, lots.get(input.lotId)?.elementContent ?? {}, element))));
    if (held + consumed > entered) {
      violations.push(`${element}: lots hold ${held} and batteries consumed ${consumed} g·bp, only ${entered} g·bp entered`);
    }
    violations.push(...recoveredWithinBatteries(world, content, element), ...passportWithinProvenance(world, content, element));
  }
  return violations;
}

function recoveredWithinBatteries(world: World, content: BatteryContent, element: Element): string[] {
  const batteries = byId(world.batteries);
  const recovered = new Map<string, bigint>();
  for (const lot of world.lots.filter(isRecoveredFromBattery)) {
    const source = lot.origin.kind === 'RECOVERED' ? batteries.get(lot.origin.sourceId) : undefined;
    if (source === undefined) {
      return [`lot ${lot.id} was recovered from a battery that does not exist`];
    }
    const root = content.root(source).id;
    recovered.set(root, (recovered.get(root) ?? 0n) + units(lot.initialMassGrams, lot.elementContent, element));
  }
  const violations: string[] = [];
  for (const [rootId, mass] of recovered) {
    const root = batteries.get(rootId);
    const available = root === undefined ? 0n : content.of(root, element);
    if (mass > available) {
      violations.push(`${element}: ${mass} g·bp recovered from battery ${rootId} (and what it holds or succeeded), its provenance gives ${available}`);
    }
  }
  return violations;
}

function passportWithinProvenance(world: World, content: BatteryContent, element: Element): string[] {
  const violations: string[] = [];
  for (const battery of world.batteries) {
    const share = battery.elements.find((entry) => entry.element === element);
    if (share === undefined) {
      continue;
    }
    const stated = BigInt(share.massGrams) * 10_000n;
    const recycled = BigInt(share.preConsumerRecycledGrams) + BigInt(share.postConsumerRecycledGrams);
    if (stated > content.of(battery, element) || recycled > BigInt(share.massGrams)) {
      violations.push(`battery ${battery.id} states ${share.massGrams} g of ${element} (${recycled} g recycled), its provenance gives ${content.of(battery, element)} g·bp`);
    }
  }
  return violations;
}

/** Labelled mass a claim created: origin labels of mined lots, labels of recovered lots, production scrap. */
function claimCreated(world: World, claim: Claim): bigint {
  const created = (lot: MaterialLot): boolean =>
    (lot.origin.kind === 'MINED' && lot.claims.includes(claim)) ||
    (claim === 'POST_CONSUMER_RECYCLED' && isRecoveredFromBattery(lot) && lot.claims.includes(claim)) ||
    (claim === 'PRE_CONSUMER_RECYCLED' && isProductionScrap(lot));
  return grams(world.lots.filter(created).map((lot) => lot.initialMassGrams));
}

function signed(movement: MassBalanceMovement): bigint {
  return movement.kind === 'CREDIT' ? BigInt(movement.massGrams) : -BigInt(movement.massGrams);
}

/**
 * Invariant 3: per claim, labelled mass on live lots + labelled mass in physical batteries + the accounts'
 * credits − debits ≤ the labelled mass its sources created.
 */
export function claimMass(world: World): string[] {
  const violations: string[] = [];
  for (const claim of CLAIMS) {
    const created = claimCreated(world, claim);
    const onLots = grams(world.lots.filter((lot) => (lot.status === 'ACTIVE' || lot.status === 'IN_TRANSIT') && lot.claims.includes(claim)).map((lot) => lot.massGrams));
    const inBatteries = grams(world.batteries.filter(isPhysical).flatMap((battery) => battery.claims.filter((entry) => entry.claim === claim).map((entry) => entry.massGrams)));
    const balance = sum(world.movements.filter((movement) => movement.claim === claim).map(signed));
    if (onLots + inBatteries + balance > created) {
      violations.push(`${claim}: ${onLots} g labelled on lots + ${inBatteries} g in batteries + ${balance} g of credit exceed the ${created} g its sources created`);
    }
  }
  return violations;
}

/** What a debit may draw on: credits of its account, and the carried-over balances of its account's periods. */
function drawable(world: World): Map<string, { readonly accountId: string; readonly massGrams: number }> {
  const credits = new Map(world.movements.filter((movement) => movement.kind === 'CREDIT').map((movement) => [movement.id, { accountId: movement.accountId, massGrams: movement.massGrams }]));
  for (const period of world.periods) {
    if (period.closing !== undefined) {
      credits.set(`carried-over:${period.id}`, { accountId: period.accountId, massGrams: period.closing.carriedOverGrams });
    }
  }
  return credits;
}

/**
 * Invariant 3, bookkeeping: every debit draws exactly its mass from credits of its own account, no credit is
 * drawn beyond its mass, and no account ever debited more than it was credited.
 */
export function creditDraws(world: World): string[] {
  const credits = drawable(world);
  const drawn = new Map<string, bigint>();
  const violations: string[] = [];
  for (const debit of world.movements.filter((movement) => movement.kind === 'DEBIT')) {
    const draws = debit.drawnFrom ?? [];
    if (grams(draws.map((d) => d.massGrams)) !== BigInt(debit.massGrams)) {
      violations.push(`debit ${debit.id} of ${debit.massGrams} g draws ${grams(draws.map((d) => d.massGrams))} g`);
    }
    for (const draw of draws) {
      const credit = credits.get(draw.movementId);
      if (credit?.accountId !== debit.accountId) {
        violations.push(`debit ${debit.id} of account ${debit.accountId} draws on ${draw.movementId}, no credit of its account`);
      }
      drawn.set(draw.movementId, (drawn.get(draw.movementId) ?? 0n) + BigInt(draw.massGrams));
    }
  }
  for (const [id, mass] of drawn) {
    const credit = credits.get(id);
    if (credit !== undefined && mass > BigInt(credit.massGrams)) {
      violations.push(`credit ${id} of ${credit.massGrams} g is drawn on for ${mass} g`);
    }
  }
  return [...violations, ...accountBalances(world)];
}

function accountBalances(world: World): string[] {
  const balances = new Map<string, bigint>();
  for (const movement of world.movements) {
    balances.set(movement.accountId, (balances.get(movement.accountId) ?? 0n) + signed(movement));
  }
  const violations = [...balances].filter(([, balance]) => balance < 0n).map(([id, balance]) => `account ${id} debited ${-balance} g more than it was credited`);
  for (const period of world.periods) {
    const inWindow = world.movements.filter((m) => m.accountId === period.accountId && period.startsAt <= m.bookedAt && m.bookedAt < period.endsAt);
    const balance = BigInt(period.openingBalanceGrams) + sum(inWindow.map(signed));
    if (balance < 0n) {
      violations.push(`period ${period.id} of account ${period.accountId} has a balance of ${balance} g`);
    }
  }
  return violations;
}

/** The balance of an account's current period (the open one, else the last closed), from its movements. */
export function periodBalance(world: World, accountId: string): bigint | undefined {
  const account = world.accounts.find((a) => a.id === accountId);
  const period = world.periods.find((p) => p.id === (account?.openPeriodId ?? account?.lastClosedPeriodId));
  if (period === undefined) {
    return undefined;
  }
  const inWindow = world.movements.filter((m) => m.accountId === accountId && period.startsAt <= m.bookedAt && m.bookedAt < period.endsAt);
  return BigInt(period.openingBalanceGrams) + sum(inWindow.map(signed));
}

/**
 * Invariant 4: per element, the recycled content physical batteries state ≤ the element mass of their
 * sources: post-consumer ≤ lots recovered from batteries, pre-consumer ≤ production scrap.
 */
export function recycledContent(world: World): string[] {
  const violations: string[] = [];
  const physical = world.batteries.filter(isPhysical);
  for (const element of ELEMENTS) {
    const shares = physical.map((battery) => battery.elements.find((entry) => entry.element === element));
    const post = grams(shares.map((share) => share?.postConsumerRecycledGrams ?? 0)) * 10_000n;
    const pre = grams(shares.map((share) => share?.preConsumerRecycledGrams ?? 0)) * 10_000n;
    const recovered = sum(world.lots.filter(isRecoveredFromBattery).map((lot) => units(lot.initialMassGrams, lot.elementContent, element)));
    const scrap = sum(world.lots.filter(isProductionScrap).map((lot) => units(lot.initialMassGrams, lot.elementContent, element)));
    if (post > recovered) {
      violations.push(`${element}: batteries state ${post} g·bp post-consumer recycled, only ${recovered} g·bp were recovered from batteries`);
    }
    if (pre > scrap) {
      violations.push(`${element}: batteries state ${pre} g·bp pre-consumer recycled, production scrap held only ${scrap} g·bp`);
    }
  }
  return violations;
}

interface Flow {
  readonly massGrams: number;
  readonly intensity: number | undefined;
}

/** Outputs carry all of the inputs' and the process's emissions (µg), overstated by less than 1 µg per output gram. */
function allocation(what: string, inputs: readonly Flow[], processGrams: number, outputs: readonly Flow[]): string[] {
  const unknown = inputs.some((input) => input.intensity === undefined);
  if (unknown || outputs.some((output) => output.intensity === undefined)) {
    const consistent = unknown && outputs.every((output) => output.intensity === undefined);
    return consistent ? [] : [`${what}: an unknown carbon intensity did not propagate (inputs ${unknown ? 'unknown' : 'known'})`];
  }
  const emitted = sum(inputs.map((input) => BigInt(input.massGrams) * BigInt(input.intensity ?? 0))) + BigInt(processGrams) * 1_000_000n;
  const carried = sum(outputs.map((output) => BigInt(output.massGrams) * BigInt(output.intensity ?? 0)));
  const outputGrams = grams(outputs.map((output) => output.massGrams));
  return carried >= emitted && carried < emitted + outputGrams ? [] : [`${what}: outputs carry ${carried} µg CO2e, inputs and process emitted ${emitted} µg (bound ${outputGrams} µg)`];
}

/** Invariant 5: emissions are conserved by every run and merge and kept by every split. */
export function emissions(world: World): string[] {
  const lots = byId(world.lots);
  const intensity = (id: string): number | undefined => lots.get(id)?.carbonIntensityMgPerKg;
  const violations = world.runs.flatMap((run) =>
    allocation(
      `process run ${run.id}`,
      run.inputs.map((input) => ({ massGrams: input.massGrams, intensity: intensity(input.lotId) })),
      run.processEmissionsGramsCo2e ?? 0,
      run.outputs.map((output) => ({ massGrams: output.massGrams, intensity: intensity(output.lotId) })),
    ),
  );
  for (const lot of world.lots) {
    if (lot.origin.kind === 'MERGED') {
      violations.push(...allocation(`merged lot ${lot.id}`, lot.parents.map((p) => ({ massGrams: p.massGrams, intensity: intensity(p.lotId) })), 0, [{ massGrams: lot.initialMassGrams, intensity: lot.carbonIntensityMgPerKg }]));
    }
    if (lot.origin.kind === 'SPLIT' && intensity(lot.origin.parentLotId) !== lot.carbonIntensityMgPerKg) {
      violations.push(`split lot ${lot.id} does not keep its parent's carbon intensity`);
    }
  }
  return [...violations, ...footprints(world)];
}

/** Invariant 5, batteries: a footprint is its lots' embodied emissions (rounded up to grams), its components' and the plant's. */
function footprints(world: World): string[] {
  const lots = byId(world.lots);
  const batteries = byId(world.batteries);
  const violations: string[] = [];
  for (const battery of world.batteries) {
    const footprint = battery.carbonFootprint;
    const predecessor = battery.predecessorId === undefined ? undefined : batteries.get(battery.predecessorId);
    if (predecessor !== undefined) {
      if (footprint.totalGramsCo2e !== predecessor.carbonFootprint.totalGramsCo2e) {
        violations.push(`repurposed battery ${battery.id} states ${footprint.totalGramsCo2e} g CO2e, its predecessor ${predecessor.carbonFootprint.totalGramsCo2e} g`);
      }
      continue;
    }
    const known = battery.lots.filter((input) => lots.get(input.lotId)?.carbonIntensityMgPerKg !== undefined);
    const micrograms = sum(known.map((input) => BigInt(input.massGrams) * BigInt(lots.get(input.lotId)?.carbonIntensityMgPerKg ?? 0)));
    const raw = (micrograms + 999_999n) / 1_000_000n;
    const components = battery.components.map((id) => batteries.get(id));
    const fromComponents = grams(components.map((component) => component?.carbonFootprint.totalGramsCo2e ?? 0));
    const total = raw + fromComponents + BigInt(footprint.manufacturingGramsCo2e);
    const complete = known.length === battery.lots.length && components.every((component) => component?.carbonFootprint.complete === true);
    if (BigInt(footprint.rawMaterialsGramsCo2e) !== raw || BigInt(footprint.totalGramsCo2e) !== total || footprint.complete !== complete) {
      violations.push(`battery ${battery.id} states ${footprint.totalGramsCo2e} g CO2e (raw ${footprint.rawMaterialsGramsCo2e}, complete ${String(footprint.complete)}), its provenance gives ${total} g (raw ${raw}, complete ${String(complete)})`);
    }
  }
  return violations;
}

/**
 * Invariant 2, exactly: per element, what entered = what lots hold + what batteries consumed + what runs,
 * merges and custody losses shed; no run or merge gains any element.
 */
export function elementBalance(world: World): string[] {
  const lots = byId(world.lots);
  const contentOf = (id: string): ElementContent => lots.get(id)?.elementContent ?? {};
  const violations: string[] = [];
  for (const element of ELEMENTS) {
    const shed = (what: string, inputs: readonly { lotId: string; massGrams: number }[], outputs: readonly { lotId: string; massGrams: number }[]): bigint => {
      const loss = sum(inputs.map((i) => units(i.massGrams, contentOf(i.lotId), element))) - sum(outputs.map((o) => units(o.massGrams, contentOf(o.lotId), element)));
      if (loss < 0n) {
        violations.push(`${what} made ${-loss} g·bp of ${element}`);
      }
      return loss;
    };
    const runs = sum(world.runs.map((run) => shed(`process run ${run.id}`, run.inputs, run.outputs)));
    const merges = sum(world.lots.filter((lot) => lot.origin.kind === 'MERGED').map((lot) => shed(`merged lot ${lot.id}`, lot.parents, [{ lotId: lot.id, massGrams: lot.initialMassGrams }])));
    const custody = sum(world.transfers.map((t) => units(t.lossGrams ?? 0, contentOf(t.lotId), element)));
    const entered = sum(world.lots.filter(isSource).map((lot) => units(lot.initialMassGrams, lot.elementContent, element)));
    const held = sum(world.lots.map((lot) => units(lot.massGrams, lot.elementContent, element)));
    const consumed = sum(world.batteries.flatMap((battery) => battery.lots.map((input) => units(input.massGrams, contentOf(input.lotId), element))));
    if (entered !== held + consumed + runs + merges + custody) {
      violations.push(`${element}: ${entered} g·bp entered, lots hold ${held}, batteries consumed ${consumed}, runs shed ${runs}, merges ${merges}, custody ${custody}`);
    }
  }
  return violations;
}

/**
 * The block in which each lot came to carry each of its labels: that of the claim on an output that labelled it,
 * else the one that made it. Blocks, not timestamps: clients set timestamps, and their clocks may disagree.
 */
function labelBlocks(world: World): (lot: MaterialLot, claim: Claim) => number | undefined {
  const debited = new Map<string, number>();
  for (const movement of world.movements) {
    if (movement.kind === 'DEBIT' && movement.source.kind === 'OUTPUT_CLAIM') {
      debited.set(`${movement.source.labelledLotId}\u0000${movement.claim}`, world.createdIn('bt.mbmovement', movement.id));
    }
  }
  return (lot, claim) => (lot.claims.includes(claim) ? (debited.get(`${lot.id}\u0000${claim}`) ?? world.createdIn('bt.lot', lot.id)) : undefined);
}

/** Labelled mass whose claim ended without credit: in runs and merges at unattested facilities, in batteries at unattested plants. */
function lapsed(world: World, claim: Claim, carried: (lot: MaterialLot, block: number) => boolean): { grams: bigint; violations: string[] } {
  const lots = byId(world.lots);
  const batteries = byId(world.batteries);
  const inRuns = grams(world.runs.flatMap((run) => run.lapsed.filter((entry) => entry.claim === claim).map((entry) => entry.massGrams)));
  const credited = new Set(world.movements.flatMap((m) => (m.source.kind === 'CONSUMPTION' && m.claim === claim ? [`${m.source.consumedBy.id}\u0000${m.source.lotId}`] : [])));
  const inMerges = grams(
    world.lots
      .filter((lot) => lot.origin.kind === 'MERGED' && !lot.claims.includes(claim))
      .flatMap((lot) => lot.parents.filter((p) => lots.get(p.lotId)?.claims.includes(claim) === true && !credited.has(`${lot.id}\u0000${p.lotId}`)).map((p) => p.massGrams)),
  );
  const violations: string[] = [];
  let inBatteries = 0n;
  for (const battery of world.batteries.filter((b) => b.predecessorId === undefined)) {
    const fromLots = grams(battery.lots.filter((input) => { const lot = lots.get(input.lotId); return lot !== undefined && carried(lot, world.createdIn('bt.battery', battery.id)); }).map((input) => input.massGrams));
    const fromComponents = grams(battery.components.flatMap((id) => batteries.get(id)?.claims.filter((entry) => entry.claim === claim).map((entry) => entry.massGrams) ?? []));
    const stated = grams(battery.claims.filter((entry) => entry.claim === claim).map((entry) => entry.massGrams));
    const dropped = fromLots + fromComponents - stated;
    // a claim counts whole at an attested plant or lapses whole elsewhere: lots' labels and components' claims alike
    if (dropped < 0n || (dropped !== 0n && dropped !== fromLots + fromComponents)) {
      violations.push(`battery ${battery.id} states ${stated} g ${claim}; it consumed ${fromLots} g labelled and its components carry ${fromComponents} g`);
    }
    inBatteries += dropped;
  }
  return { grams: inRuns + inMerges + inBatteries, violations };
}

/**
 * Invariant 3, exactly: per claim, the labelled mass created = labelled on live lots + in physical batteries +
 * the accounts' credits − debits + what lapsed + what custody lost + what debits took beyond the mass they
 * labelled. Every gram of a claim is in exactly one of these places.
 */
export function claimBalance(world: World): string[] {
  const labelBlock = labelBlocks(world);
  const lots = byId(world.lots);
  const violations: string[] = [];
  for (const claim of CLAIMS) {
    const carried = (lot: MaterialLot, block: number): boolean => {
      const since = labelBlock(lot, claim);
      return since !== undefined && since <= block;
    };
    const created = claimCreated(world, claim);
    const onLots = grams(world.lots.filter((lot) => (lot.status === 'ACTIVE' || lot.status === 'IN_TRANSIT') && lot.claims.includes(claim)).map((lot) => lot.massGrams));
    const inBatteries = grams(world.batteries.filter(isPhysical).flatMap((battery) => battery.claims.filter((entry) => entry.claim === claim).map((entry) => entry.massGrams)));
    const movements = world.movements.filter((movement) => movement.claim === claim);
    const balance = sum(movements.map(signed));
    const overDebit = sum(movements.map((m) => (m.kind === 'DEBIT' && m.source.kind === 'OUTPUT_CLAIM' ? BigInt(m.massGrams) - BigInt(m.source.outputMassGrams) : 0n)));
    const lost = grams(world.transfers.filter((t) => { const lot = lots.get(t.lotId); return lot !== undefined && carried(lot, world.createdIn('bt.transfer', t.id)); }).map((t) => t.lossGrams ?? 0));
    const ended = lapsed(world, claim, carried);
    violations.push(...ended.violations);
    const accounted = onLots + inBatteries + balance + ended.grams + lost + overDebit;
    if (accounted !== created) {
      violations.push(`${claim}: ${created} g created, ${accounted} g accounted (lots ${onLots}, batteries ${inBatteries}, credit ${balance}, lapsed ${ended.grams}, lost in custody ${lost}, debited beyond the labelled mass ${overDebit})`);
    }
  }
  return violations;
}

/** Every invariant that reads only the committed records. */
export function violations(world: World): string[] {
  return [
    ...totalMass(world),
    ...lotShapes(world),
    ...elementMass(world),
    ...elementBalance(world),
    ...claimMass(world),
    ...claimBalance(world),
    ...creditDraws(world),
    ...recycledContent(world),
    ...emissions(world),
  ];
}
