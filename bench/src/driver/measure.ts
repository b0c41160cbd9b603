import type { TxOutcome } from '../fabric/transaction';
import { blockFileBytes, cpuDelta, readCpu, type CpuSnapshot } from '../resources/processes';
import { summarize, type LatencySummary } from '../stats/percentiles';
import type { RoundSamples } from './rounds';

/** Where the resource probes look. */
export interface ProbeTarget {
  readonly networkDir: string;
  /** Orderer whose block files are measured, e.g. `orderer0`. */
  readonly orderer: string;
  readonly channel: string;
  /** Closed for the duration of a measured round. */
  readonly background?: { close(): void; open(): void };
}

/** One round's samples with the resources the network spent on the whole round (ramp and drain included). */
export interface MeasuredRound {
  readonly samples: RoundSamples;
  readonly cpu: CpuSnapshot;
  /** Growth of the orderer's block files, bytes. */
  readonly blockBytes: number;
}

/** Resources per transaction over a set of rounds. */
export interface ResourceSummary {
  /** Valid transactions over the whole rounds (ramp and drain included): the denominator of the per-tx figures. */
  readonly validTransactions: number;
  /** CPU seconds per valid transaction, per process role. */
  readonly cpuSecondsPerValidTx: { readonly peer: number; readonly orderer: number; readonly chaincode: number; readonly client: number };
  /** Block bytes (one orderer's ledger growth) per ordered transaction, valid or not. */
  readonly blockBytesPerTx: number;
  /** Ordered transactions per block, from the block numbers in the commit statuses. */
  readonly transactionsPerBlock: number;
  /** Mean block size, bytes. */
  readonly bytesPerBlock: number;
}

/** What a workload achieved over one or more rounds. */
export interface RoundSummary {
  readonly rounds: number;
  /** Seconds of measurement window. */
  readonly windowSeconds: number;
  /** Transactions started inside the window. */
  readonly transactions: number;
  readonly valid: number;
  /** Valid commits per second inside the window (failures do not count). */
  readonly goodput: number;
  /** Failed / measured transactions. */
  readonly failureRate: number;
  /** Failed transactions by reason. */
  readonly failures: Readonly<Record<string, number>>;
  /** Submit-to-commit latency of the valid transactions, ms. */
  readonly latencyMs: LatencySummary;
  /** Endorse-phase latency of every endorsed transaction, ms. */
  readonly endorseMs: LatencySummary;
  /** Mean endorsements per endorsed transaction (NaN when none was endorsed). */
  readonly endorsementsPerTx: number;
  readonly resources: ResourceSummary;
  /** True when a round ran out of prepared transactions before its planned end. */
  readonly exhausted: boolean;
}

/**
 * Runs `round` between two resource probes.
 * @param round - runs the transactions and returns their samples
 */
export async function measure(target: ProbeTarget, round: () => Promise<RoundSamples>): Promise<MeasuredRound> {
  target.background?.close();
  try {
    return await probe(target, round);
  } finally {
    target.background?.open();
  }
}

async function probe(target: ProbeTarget, round: () => Promise<RoundSamples>): Promise<MeasuredRound> {
  const cpuBefore = readCpu(target.networkDir);
  const bytesBefore = blockFileBytes(target.networkDir, target.orderer, target.channel);
  const samples = await round();
  // Blocks are on the orderer's disk before any peer reports the commit, so the drain has flushed them.
  const bytesAfter = blockFileBytes(target.networkDir, target.orderer, target.channel);
  return { samples, cpu: cpuDelta(cpuBefore, readCpu(target.networkDir)), blockBytes: bytesAfter - bytesBefore };
}

/** Pools rounds of one workload into one summary (window figures from the windows, resources from whole rounds). */
export function summarizeRounds(rounds: readonly MeasuredRound[]): RoundSummary {
  const inWindow = (outcome: TxOutcome, samples: RoundSamples): boolean =>
    outcome.startMs >= samples.windowStartMs && outcome.startMs < samples.windowEndMs;
  const measured = rounds.flatMap((round) => round.samples.outcomes.filter((outcome) => inWindow(outcome, round.samples)));
  const committedInWindow = rounds.flatMap((round) =>
    round.samples.outcomes.filter((outcome) => outcome.valid && outcome.endMs >= round.samples.windowStartMs && outcome.endMs <= round.samples.windowEndMs),
  );
  const windowSeconds = rounds.reduce((total, round) => total + (round.samples.windowEndMs - round.samples.windowStartMs) / 1000, 0);
  const failed = measured.filter((outcome) => !outcome.valid);
  return {
    rounds: rounds.length,
    windowSeconds,
    transactions: measured.length,
    valid: measured.length - failed.length,
    goodput: windowSeconds > 0 ? committedInWindow.length / windowSeconds : 0,
    failureRate: measured.length > 0 ? failed.length / measured.length : 0,
    failures: countBy(failed.map((outcome) => outcome.failure ?? 'UNKNOWN')),
    latencyMs: summarize(measured.filter((outcome) => outcome.valid).map((outcome) => outcome.latencyMs)),
    endorseMs: summarize(measured.flatMap((outcome) => (outcome.endorseMs === undefined ? [] : [outcome.endorseMs]))),
    endorsementsPerTx: mean(measured.flatMap((outcome) => (outcome.endorsements === undefined ? [] : [outcome.endorsements]))),
    resources: summarizeResources(rounds),
    exhausted: rounds.some((round) => round.samples.exhausted),
  };
}

function summarizeResources(rounds: readonly MeasuredRound[]): ResourceSummary {
  const all = rounds.flatMap((round) => round.samples.outcomes);
  const valid = all.filter((outcome) => outcome.valid).length;
  const ordered = all.filter((outcome) => outcome.blockNumber !== undefined);
  const blocks = new Set(ordered.map((outcome) => outcome.blockNumber)).size;
  const sum = (pick: (round: MeasuredRound) => number): number => rounds.reduce((total, round) => total + pick(round), 0);
  const perValid = (seconds: number): number => (valid > 0 ? seconds / valid : Number.NaN);
  const bytes = sum((round) => round.blockBytes);
  return {
    validTransactions: valid,
    cpuSecondsPerValidTx: {
      peer: perValid(sum((round) => round.cpu.seconds.peer)),
      orderer: perValid(sum((round) => round.cpu.seconds.orderer)),
      chaincode: perValid(sum((round) => round.cpu.seconds.chaincode)),
      client: perValid(sum((round) => round.cpu.client)),
    },
    blockBytesPerTx: ordered.length > 0 ? bytes / ordered.length : Number.NaN,
    transactionsPerBlock: blocks > 0 ? ordered.length / blocks : Number.NaN,
    bytesPerBlock: blocks > 0 ? bytes / blocks : Number.NaN,
  };
}

function mean(values: readonly number[]): number {
  return values.length > 0 ? values.reduce((sum, value) => sum + value, 0) / values.length : Number.NaN;
}

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) {
    counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
}
