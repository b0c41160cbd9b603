import type { AccountRef, Facility, MassBalanceMovement, MassBalanceStatement as LedgerStatement } from '../../chaincode/src/api';
import { enumLabel } from '../report/format';
import type { MassBalanceEntry, MassBalanceStatement } from '../report/model';
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

function entryOf(movement: MassBalanceMovement): MassBalanceEntry {
  const source = movement.source;
  const reference = source.kind === 'RECEIPT' ? source.transferId : source.kind === 'ORIGIN' ? source.lotId : source.outputLotId;
  const note =
    source.kind === 'RECEIPT'
      ? `receipt of certified lot ${source.lotId}`
      : source.kind === 'ORIGIN'
        ? 'certified lot created here'
        : `claim on ${source.outputMassGrams} g of output at ${source.conversion.outputGrams}:${source.conversion.inputGrams} conversion`;
  return { at: movement.bookedAt, kind: movement.kind === 'CREDIT' ? 'credit' : 'debit', grams: movement.kind === 'CREDIT' ? movement.massGrams : -movement.massGrams, reference, note };
}

/** A mass-balance statement as the report shows it. */
export function buildMassBalance(statement: LedgerStatement, movements: readonly MassBalanceMovement[], facility: Facility): MassBalanceStatement {
  const period = statement.period;
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
  };
}
