import { MATERIAL_CHEMISTRY, type AccountRef, type Facility, type MassBalanceMovement, type MassBalanceStatement as LedgerStatement, type MaterialLot, type ProcessRun } from '../../chaincode/src/api';
import { enumLabel, formatMass } from '../report/format';
import type { ConversionFactor, MassBalanceEntry, MassBalanceStatement, OutputClaim } from '../report/model';
import { facilityRef } from './directory';
import type { LedgerReader } from './readerPort';

/** Reads an account's statement for its current period and every movement booked in that period. */
export async function readStatement(
  reader: Pick<LedgerReader, 'getStatement' | 'listMovements'>,
  account: AccountRef,
): Promise<{ statement: LedgerStatement; movements: MassBalanceMovement[] }> {
  const statement = await reader.getStatement(account);
  const movements: MassBalanceMovement[] = [];
  let bookmark = '';
  for (let page = 0; page < 100; page += 1) {
    const result = await reader.listMovements({ ...account, from: statement.period.startsAt, until: statement.period.endsAt, pageSize: 100, bookmark });
    movements.push(...result.items);
    if (result.bookmark === '') break;
    bookmark = result.bookmark;
  }
  return { statement, movements };
}

/** The process runs whose outputs the account's debits claimed on (to read their yields). */
export function claimedRunIds(movements: readonly MassBalanceMovement[]): string[] {
  return [...new Set(movements.flatMap((m) => (m.source.kind === 'OUTPUT_CLAIM' ? [m.source.processRunId] : [])))];
}

function factorText(factor: ConversionFactor): string {
  return `${formatMass(factor.outputGrams)} per ${formatMass(factor.inputGrams)}`;
}

function entryOf(movement: MassBalanceMovement): MassBalanceEntry {
  const source = movement.source;
  const signed = movement.kind === 'CREDIT' ? movement.massGrams : -movement.massGrams;
  if (source.kind === 'CONSUMPTION') {
    const by = source.consumedBy.type === 'ProcessRun' ? `process run ${source.consumedBy.id}` : `its merge into lot ${source.consumedBy.id}`;
    return { at: movement.bookedAt, kind: 'credit', grams: signed, reference: source.lotId, note: `labelled ${enumLabel(movement.material).toLowerCase()} consumed by ${by}` };
  }
  const split = source.labelledLotId === source.outputLotId ? '' : `, split off as ${source.labelledLotId}`;
  return {
    at: movement.bookedAt,
    kind: 'debit',
    grams: signed,
    reference: source.labelledLotId,
    note: `claim on ${formatMass(source.outputMassGrams)} of output ${source.outputLotId}${split}, at ${factorText(source.conversion)}`,
  };
}

function runYield(run: ProcessRun | undefined): ConversionFactor | undefined {
  if (run === undefined) return undefined;
  return { inputGrams: run.inputMassGrams, outputGrams: run.outputs.reduce((sum, output) => sum + output.massGrams, 0) };
}

function backed(creditGrams: number, factor: ConversionFactor): number {
  return Number((BigInt(creditGrams) * BigInt(factor.outputGrams)) / BigInt(factor.inputGrams));
}

/** What the run's inputs a claim's account was credited with back of the output by its main element's content. */
function elementBacking(movement: MassBalanceMovement, run: ProcessRun | undefined, lots: ReadonlyMap<string, MaterialLot>): OutputClaim['byElement'] {
  const source = movement.source;
  const output = run?.outputs.find((o) => source.kind === 'OUTPUT_CLAIM' && o.lotId === source.outputLotId);
  const element = output === undefined ? undefined : MATERIAL_CHEMISTRY[output.material].main;
  if (run === undefined || output === undefined || element === undefined) return undefined;
  const units = (entries: readonly { lotId: string; massGrams: number }[]): bigint | undefined =>
    entries.reduce<bigint | undefined>((sum, entry) => {
      const content = lots.get(entry.lotId)?.elementContent;
      return sum === undefined || content === undefined ? undefined : sum + BigInt(entry.massGrams) * BigInt(content[element] ?? 0);
    }, 0n);
  const credited = units(run.credited.filter((entry) => entry.claim === movement.claim && lots.get(entry.lotId)?.material === movement.material));
  const all = units(run.inputs);
  if (credited === undefined || all === undefined || all === 0n) return undefined;
  return { element, grams: Number((BigInt(output.massGrams) * credited) / all) };
}

function claimOf(movement: MassBalanceMovement, creditGrams: number, runs: ReadonlyMap<string, ProcessRun>, lots: ReadonlyMap<string, MaterialLot>): OutputClaim[] {
  const source = movement.source;
  if (source.kind !== 'OUTPUT_CLAIM') return [];
  const run = runs.get(source.processRunId);
  const yieldOfRun = runYield(run);
  const byElement = elementBacking(movement, run, lots);
  return [
    {
      labelledLotId: source.labelledLotId,
      outputLotId: source.outputLotId,
      processRunId: source.processRunId,
      claimedGrams: source.outputMassGrams,
      debitedGrams: movement.massGrams,
      conversion: source.conversion,
      backedGrams: backed(creditGrams, source.conversion),
      ...(yieldOfRun === undefined ? {} : { runYield: yieldOfRun, backedAtRunYieldGrams: backed(creditGrams, yieldOfRun) }),
      ...(byElement === undefined ? {} : { byElement }),
    },
  ];
}

/**
 * A mass-balance statement as the report shows it: credits from labelled material consumed, debits from claims
 * on outputs, and for each claim what the period's credit backs at its factor, at the run's own yield, and by
 * the content of the output's main element in the run's credited inputs.
 * @param runs - the process runs the claims were booked on (see {@link claimedRunIds})
 * @param lots - the input lots of those runs
 */
export function buildMassBalance(
  statement: LedgerStatement,
  movements: readonly MassBalanceMovement[],
  facility: Facility,
  runs: ReadonlyMap<string, ProcessRun> = new Map(),
  lots: ReadonlyMap<string, MaterialLot> = new Map(),
): MassBalanceStatement {
  const period = statement.period;
  const creditGrams = statement.openingBalanceGrams + statement.creditedGrams;
  return {
    facility: facilityRef(facility),
    material: statement.material,
    claim: statement.claim,
    period: `${period.startsAt.slice(0, 10)} – ${period.endsAt.slice(0, 10)} (${enumLabel(period.status).toLowerCase()}, tolerance ${(period.toleranceBasisPoints / 100).toFixed(2)} %)`,
    openingGrams: statement.openingBalanceGrams,
    creditedGrams: statement.creditedGrams,
    debitedGrams: statement.debitedGrams,
    balanceGrams: statement.balanceGrams,
    entries: movements.map(entryOf),
    claims: movements.flatMap((movement) => claimOf(movement, creditGrams, runs, lots)),
  };
}
