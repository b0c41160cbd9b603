import { createHash } from 'node:crypto';
import type { OrgKey } from '../../chaincode/src/api';
import type { Progress } from '../player/progress';
import { facilities, type FacilityRole } from './catalogue';
import type { ScenarioInput } from './input';
import type { ParticipantLedger } from './ledgerPort';

/** One organisation as the scenario acts for it: its admin (registers facilities) and a user (everything else). */
export interface Actor<L = ParticipantLedger> {
  readonly org: OrgKey;
  readonly admin: L;
  readonly user: L;
}

/** What every stage gets: the inputs, the organisations, ids and progress output. */
export interface ScenarioContext<L = ParticipantLedger> {
  readonly input: ScenarioInput;
  readonly progress: Progress;
  /** When the run started; dates of the story (extraction, certification validity) are relative to it. */
  readonly startedAt: Date;
  /**
   * The organisation to act as; remembers it so that a failure can name the organisation's logs.
   * @param org - organisation key
   */
  as(org: OrgKey): Actor<L>;
  /** The organisation of the latest call, if any. */
  lastOrg(): OrgKey | undefined;
}

/**
 * Creates a scenario context.
 * @param actors - a connected actor per organisation
 */
export function createContext<L>(input: ScenarioInput, actors: Readonly<Record<OrgKey, Actor<L>>>, progress: Progress, startedAt = new Date()): ScenarioContext<L> {
  let last: OrgKey | undefined;
  return {
    input,
    progress,
    startedAt,
    as(org: OrgKey): Actor<L> {
      last = org;
      return actors[org];
    },
    lastOrg: () => last,
  };
}

/**
 * The ledger id of a record of this run: `<runId>-<suffix>`.
 * @example runScopedId('d1', 'LOT-CO-KOL') // 'd1-LOT-CO-KOL'
 */
export function runScopedId(runId: string, suffix: string): string {
  return `${runId}-${suffix}`;
}

/** The ledger id of a facility of the story in this run. */
export function facilityId(input: ScenarioInput, role: FacilityRole): string {
  return runScopedId(input.runId, facilities[role].key);
}

/**
 * A document hash as the ledger stores it (0x-prefixed lowercase sha256 hex).
 * @example documentHash('bill of lading 42')
 */
export function documentHash(text: string): string {
  return `0x${createHash('sha256').update(text).digest('hex')}`;
}

/**
 * An ISO 8601 UTC time `days` days after (negative: before) `from`.
 * @example daysFrom(new Date('2025-01-10T00:00:00Z'), -9) // '2025-01-01T00:00:00.000Z'
 */
export function daysFrom(from: Date, days: number): string {
  return new Date(from.getTime() + days * 86_400_000).toISOString();
}
