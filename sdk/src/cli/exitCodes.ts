import { BaseError, type ErrorCategory } from '../errors/BaseError';

/** Exit codes of the `battery-trace` CLI, one per error category. */
export const exitCodes = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  validation: 3,
  'not-found': 4,
  forbidden: 5,
  conflict: 6,
  endorsement: 7,
  commit: 8,
  network: 9,
  configuration: 10,
  decode: 11,
  proofInvalid: 12,
  integrity: 13,
  contract: 14,
} as const satisfies Record<ErrorCategory | 'ok' | 'unexpected' | 'usage' | 'proofInvalid', number>;

/** Ends a command with an exit code after it has printed its own outcome (e.g. a proof that does not verify). */
export class ExitStatus extends Error {
  override name = 'ExitStatus';
  readonly code: number;

  constructor(code: number) {
    super(`exit status ${code}`);
    this.code = code;
  }
}

/** The exit code for an error. */
export function exitCodeOf(error: unknown): number {
  if (error instanceof ExitStatus) return error.code;
  return error instanceof BaseError ? exitCodes[error.category] : exitCodes.unexpected;
}

/** One-paragraph description of the exit codes for `--help`. */
export const exitCodesHelp = `
Exit codes:
  0 success             3 invalid request       4 not found         5 forbidden
  6 conflict            7 endorsement failed    8 commit failed     9 network unreachable
  10 configuration      11 unexpected result    12 proof invalid    13 history does not verify
  14 contract refused    2 usage, 1 other`;
