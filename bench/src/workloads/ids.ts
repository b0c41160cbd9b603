/**
 * Record ids unique to one benchmark run (`b<base36 time>-<kind>-<n>`), valid for every id pattern of the chaincode
 * (`^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$`), so a run can reuse a network that already holds earlier runs.
 */
export interface IdSource {
  /** The run prefix, e.g. `bm3k2x1`. */
  readonly run: string;
  /** A fresh id of `kind`, e.g. `bm3k2x1-lot-17`. */
  next(kind: string): string;
  /** How many ids of `kind` were handed out. */
  count(kind: string): number;
}

/**
 * @param run - run prefix; defaults to `b` + the current time in base 36
 */
export function newIdSource(run = `b${Date.now().toString(36)}`): IdSource {
  const counters = new Map<string, number>();
  return {
    run,
    next: (kind) => {
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      return `${run}-${kind}-${n}`;
    },
    count: (kind) => counters.get(kind) ?? 0,
  };
}
