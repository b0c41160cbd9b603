import { measure, summarizeRounds, type MeasuredRound, type RoundSummary } from '../driver/measure';
import { runClosedLoop, runOpenLoop } from '../driver/rounds';
import type { Workload } from '../driver/Workload';
import { rampExhausted, selectKnee } from '../stats/knee';
import type { BenchContext } from './context';

/** How the throughput suite ramps and loads. */
export interface ThroughputOptions {
  /** In-flight transactions of each ramp step, ascending (e.g. 1, 2, 4 … 64). */
  readonly levels: readonly number[];
  /** Measured window of each round, ms. */
  readonly roundMs: number;
  /** Unmeasured ramp-up at the start of each round, ms. */
  readonly rampMs: number;
  /** Warm-up per workload before any measured round, ms. */
  readonly warmupMs: number;
  /** Offered load of the common-load rounds (tx/s); derived from the knees when undefined. */
  readonly commonLoad: number | undefined;
  /** Fraction of the lowest knee goodput used as common load when `commonLoad` is undefined. */
  readonly commonLoadFraction: number;
  /** Most transactions a workload prepares for one round (bounds set-up time). */
  readonly maxPreparedPerRound: number;
}

/** One ramp step of a workload. */
export interface RampStep {
  readonly concurrency: number;
  /** The step's rounds pooled. */
  readonly summary: RoundSummary;
  /** Each round of the step alone: the spread between rounds under the same load. */
  readonly rounds: readonly RoundFigures[];
}

/** The headline figures of one round on its own. */
export interface RoundFigures {
  readonly goodput: number;
  readonly p50Ms: number;
  readonly endorseP50Ms: number;
}

/** Throughput results of one workload. */
export interface WorkloadThroughput {
  readonly name: string;
  readonly description: string;
  readonly ramp: readonly RampStep[];
  /** The knee step, or null when no step met the criteria. */
  readonly knee: RampStep | null;
  /** The common-load rounds pooled, or null when not run. */
  readonly commonLoad: RoundSummary | null;
  /** Each common-load round on its own. */
  readonly commonLoadRounds: readonly RoundFigures[];
  /** Every measured round of the workload pooled: the resource figures (CPU and block bytes per transaction). */
  readonly overall: RoundSummary;
}

/**
 * Results of the throughput suite; the baseline pools every baseline round run beside the operations (and beside
 * the one-organisation baseline, which alternates with it like an operation).
 */
export interface ThroughputResult {
  readonly baseline: WorkloadThroughput;
  /** The same write under a one-organisation chaincode definition, or null when the network has none. */
  readonly oneOrgBaseline: WorkloadThroughput | null;
  readonly operations: readonly WorkloadThroughput[];
  /** The common offered load, tx/s. */
  readonly commonLoadRate: number | null;
}

interface Track {
  readonly workload: Workload;
  readonly rounds: Map<number, MeasuredRound[]>;
  readonly common: MeasuredRound[];
  done: boolean;
}

/** The baselines the operations are compared with. */
export interface Baselines {
  /** The write under the network's own chaincode definition: every round of another workload alternates with it. */
  readonly baseline: Workload;
  /** The write under a one-organisation definition, run first among the compared workloads; undefined when absent. */
  readonly oneOrgBaseline: Workload | undefined;
}

/**
 * Runs, after a warm-up, alternating rounds (baseline, one-organisation baseline, baseline, operation, baseline,
 * next operation …) at each concurrency level, stops ramping a workload once more concurrency only adds
 * queueing, then alternates the baseline and each other workload at one common offered load.
 */
export async function runThroughput(context: BenchContext, baselines: Baselines, operations: readonly Workload[], options: ThroughputOptions): Promise<ThroughputResult> {
  const baseline = newTrack(baselines.baseline);
  const oneOrg = baselines.oneOrgBaseline === undefined ? undefined : newTrack(baselines.oneOrgBaseline);
  const measured = operations.map(newTrack);
  const tracks = oneOrg === undefined ? measured : [oneOrg, ...measured];
  await warmUp(context, [baseline, ...tracks], options);
  await ramp(context, baseline, tracks, options);
  const rate = options.commonLoad ?? commonLoadFrom([baseline, ...tracks], options.commonLoadFraction);
  if (rate !== null) {
    for (const track of tracks.length > 0 ? tracks : [undefined]) {
      await openRound(context, baseline, rate, options);
      if (track !== undefined) {
        await openRound(context, track, rate, options);
      }
    }
  }
  return { baseline: resultOf(baseline), oneOrgBaseline: oneOrg === undefined ? null : resultOf(oneOrg), operations: measured.map(resultOf), commonLoadRate: rate };
}

async function ramp(context: BenchContext, baseline: Track, tracks: readonly Track[], options: ThroughputOptions): Promise<void> {
  const all = [baseline, ...tracks];
  for (const level of options.levels) {
    const active = tracks.filter((track) => !track.done);
    if (active.length === 0 && baseline.done) {
      return;
    }
    for (const track of active.length > 0 ? active : [undefined]) {
      await closedRound(context, baseline, level, options, all);
      if (track !== undefined) {
        await closedRound(context, track, level, options, all);
      }
    }
    for (const track of [baseline, ...active]) {
      track.done = rampExhausted(rampOf(track).map(toPoint));
    }
  }
}

function newTrack(workload: Workload): Track {
  return { workload, rounds: new Map(), common: [], done: false };
}

async function warmUp(context: BenchContext, tracks: readonly Track[], options: ThroughputOptions): Promise<void> {
  for (const track of tracks) {
    context.log(`warm-up ${track.workload.name}`);
    await track.workload.prepare(Math.min(options.maxPreparedPerRound, Math.ceil(options.warmupMs / 25)));
    await runClosedLoop(context.connections, track.workload, { concurrency: 4, durationMs: options.warmupMs, rampMs: 0 });
  }
}

async function closedRound(context: BenchContext, track: Track, level: number, options: ThroughputOptions, all: readonly Track[]): Promise<void> {
  const seconds = (options.rampMs + options.roundMs) / 1000;
  await track.workload.prepare(expectedTransactions(all, level, seconds, options.maxPreparedPerRound));
  const round = await measure(context.probe, () =>
    runClosedLoop(context.connections, track.workload, { concurrency: level, durationMs: options.roundMs, rampMs: options.rampMs }),
  );
  const list = track.rounds.get(level) ?? [];
  list.push(round);
  track.rounds.set(level, list);
  context.log(describe(track.workload.name, `${level} in flight`, summarizeRounds([round])));
}

async function openRound(context: BenchContext, track: Track, rate: number, options: ThroughputOptions): Promise<void> {
  const seconds = (options.rampMs + options.roundMs) / 1000;
  await track.workload.prepare(Math.min(options.maxPreparedPerRound, Math.ceil(rate * seconds * 1.2) + 10));
  const round = await measure(context.probe, () =>
    runOpenLoop(context.connections, track.workload, { ratePerSecond: rate, durationMs: options.roundMs, rampMs: options.rampMs, maxInFlight: 512 }),
  );
  track.common.push(round);
  context.log(describe(track.workload.name, `${rate} tx/s offered`, summarizeRounds([round])));
}

/**
 * How many transactions a round can issue at most: `level` clients can each complete one every ~100 ms, and
 * the network cannot go much beyond 1.5 × the best goodput seen so far (300 tx/s assumed before any round).
 */
function expectedTransactions(all: readonly Track[], level: number, seconds: number, cap: number): number {
  const best = Math.max(0, ...all.flatMap((track) => rampOf(track).map((step) => step.summary.goodput)));
  const capacity = best > 0 ? best * 1.5 : 300;
  return Math.min(cap, Math.ceil(Math.min(level * seconds * 10, capacity * seconds)) + level);
}

function commonLoadFrom(tracks: readonly Track[], fraction: number): number | null {
  const knees = tracks.map((track) => selectKnee(rampOf(track).map(toPoint))?.goodput ?? 0).filter((goodput) => goodput > 0);
  if (knees.length === 0) {
    return null;
  }
  return Math.max(1, Math.round(Math.min(...knees) * fraction));
}

function rampOf(track: Track): RampStep[] {
  return [...track.rounds.entries()]
    .sort(([a], [b]) => a - b)
    .map(([concurrency, rounds]) => ({ concurrency, summary: summarizeRounds(rounds), rounds: rounds.map(figuresOf) }));
}

function figuresOf(round: MeasuredRound): RoundFigures {
  const summary = summarizeRounds([round]);
  return { goodput: summary.goodput, p50Ms: summary.latencyMs.p50, endorseP50Ms: summary.endorseMs.p50 };
}

function toPoint(step: RampStep): { concurrency: number; goodput: number; p95Ms: number; failureRate: number; step: RampStep } {
  const p95 = step.summary.latencyMs.p95;
  return { concurrency: step.concurrency, goodput: step.summary.goodput, p95Ms: Number.isNaN(p95) ? Infinity : p95, failureRate: step.summary.failureRate, step };
}

function resultOf(track: Track): WorkloadThroughput {
  const ramp = rampOf(track);
  return {
    name: track.workload.name,
    description: track.workload.description,
    ramp,
    knee: selectKnee(ramp.map(toPoint))?.step ?? null,
    commonLoad: track.common.length > 0 ? summarizeRounds(track.common) : null,
    commonLoadRounds: track.common.map(figuresOf),
    overall: summarizeRounds([...[...track.rounds.values()].flat(), ...track.common]),
  };
}

/** One progress line: goodput, p50/p95, failures. */
export function describe(name: string, load: string, summary: RoundSummary): string {
  const failures = Object.entries(summary.failures)
    .map(([reason, count]) => `${reason}×${count}`)
    .join(' ');
  return `${name.padEnd(26)} ${load.padEnd(16)} ${summary.goodput.toFixed(1).padStart(7)} tx/s  p50 ${summary.latencyMs.p50.toFixed(0)} ms  p95 ${summary.latencyMs.p95.toFixed(0)} ms${failures ? `  failed: ${failures}` : ''}${summary.exhausted ? '  (supply exhausted)' : ''}`;
}
