import { verifyRecordChain, type HashedRecord } from './verifyChain';

/** A record history as the chaincode returns it (oldest first). */
export interface HistoryLike {
  readonly type: string;
  readonly id: string;
  readonly entries: readonly { readonly isDelete: boolean; readonly record?: HashedRecord | undefined }[];
}

/** The stored versions of a history, oldest first (deletions carry no record). */
export function historyVersions(history: HistoryLike): HashedRecord[] {
  return history.entries.flatMap((entry) => (entry.record === undefined ? [] : [entry.record]));
}

/**
 * Verifies a record history's hash chain offline.
 * @returns the problems found; empty when every version's hash and link verify
 * @example
 * ```ts
 * const problems = verifyHistory(history);
 * ```
 */
export function verifyHistory(history: HistoryLike): string[] {
  return verifyRecordChain(`${history.type} ${history.id}`, historyVersions(history));
}
