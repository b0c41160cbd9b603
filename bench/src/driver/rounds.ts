import type { Connections } from '../fabric/connections';
import { submitTransaction, type TxOutcome } from '../fabric/transaction';
import type { Workload } from './Workload';

/** The raw outcome of one measured round. */
export interface RoundSamples {
  /** Every transaction the round issued, ramp-up included. */
  readonly outcomes: readonly TxOutcome[];
  /** Start of the measurement window (`performance.now()` ms): transactions started before are ramp-up. */
  readonly windowStartMs: number;
  /** End of the window: the planned end, or when the workload's prepared supply ran out. */
  readonly windowEndMs: number;
  /** True when the workload ran out of prepared transactions before the planned end. */
  readonly exhausted: boolean;
}

/** A closed-loop round: `concurrency` clients, each submitting its next transaction when the previous one ends. */
export interface ClosedLoopPlan {
  readonly concurrency: number;
  /** Measured window, ms. */
  readonly durationMs: number;
  /** Ramp-up before the window, ms; its transactions run but are not measured. */
  readonly rampMs: number;
}

/** An open-loop round: transactions arrive at a fixed rate whatever the latency. */
export interface OpenLoopPlan {
  /** Offered load, transactions per second. */
  readonly ratePerSecond: number;
  readonly durationMs: number;
  readonly rampMs: number;
  /** Arrivals beyond this many in flight are counted as `CLIENT_OVERLOAD` failures instead of being sent. */
  readonly maxInFlight: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * Runs a closed-loop round. Every client loops until the planned end (or until the workload is exhausted); the
 * round returns once every transaction has its outcome (drain).
 */
export async function runClosedLoop(connections: Connections, workload: Workload, plan: ClosedLoopPlan): Promise<RoundSamples> {
  const outcomes: TxOutcome[] = [];
  const startMs = performance.now();
  const windowStartMs = startMs + plan.rampMs;
  const plannedEndMs = windowStartMs + plan.durationMs;
  let exhaustedAtMs: number | undefined;
  const client = async (): Promise<void> => {
    while (performance.now() < plannedEndMs && exhaustedAtMs === undefined) {
      const request = workload.next();
      if (request === undefined) {
        exhaustedAtMs = performance.now();
        return;
      }
      outcomes.push(await submitTransaction(connections, request));
    }
  };
  await Promise.all(Array.from({ length: plan.concurrency }, client));
  return windowOf(outcomes, windowStartMs, plannedEndMs, exhaustedAtMs);
}

/** Runs an open-loop round at a fixed arrival rate; returns after the drain. */
export async function runOpenLoop(connections: Connections, workload: Workload, plan: OpenLoopPlan): Promise<RoundSamples> {
  const outcomes: TxOutcome[] = [];
  const pending: Promise<void>[] = [];
  const startMs = performance.now();
  const windowStartMs = startMs + plan.rampMs;
  const plannedEndMs = windowStartMs + plan.durationMs;
  const intervalMs = 1000 / plan.ratePerSecond;
  let inFlight = 0;
  let exhaustedAtMs: number | undefined;
  for (let arrival = 0; ; arrival++) {
    const dueMs = startMs + arrival * intervalMs;
    if (dueMs >= plannedEndMs) {
      break;
    }
    await sleep(dueMs - performance.now());
    if (inFlight >= plan.maxInFlight) {
      outcomes.push(overloaded());
      continue;
    }
    const request = workload.next();
    if (request === undefined) {
      exhaustedAtMs = performance.now();
      break;
    }
    inFlight++;
    pending.push(
      submitTransaction(connections, request).then((outcome) => {
        inFlight--;
        outcomes.push(outcome);
      }),
    );
  }
  await Promise.all(pending);
  return windowOf(outcomes, windowStartMs, plannedEndMs, exhaustedAtMs);
}

/**
 * Submits set-up transactions with `concurrency` in flight (not measured) and returns their outcomes in request
 * order.
 */
export async function runBatch(
  connections: Connections,
  requests: readonly Parameters<typeof submitTransaction>[1][],
  concurrency: number,
): Promise<TxOutcome[]> {
  const outcomes: TxOutcome[] = new Array<TxOutcome>(requests.length);
  let nextIndex = 0;
  const client = async (): Promise<void> => {
    for (let index = nextIndex++; index < requests.length; index = nextIndex++) {
      const request = requests[index];
      if (request !== undefined) {
        outcomes[index] = await submitTransaction(connections, request);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, requests.length) }, client));
  return outcomes;
}

function windowOf(outcomes: TxOutcome[], windowStartMs: number, plannedEndMs: number, exhaustedAtMs: number | undefined): RoundSamples {
  const windowEndMs = exhaustedAtMs === undefined ? plannedEndMs : Math.max(windowStartMs, Math.min(plannedEndMs, exhaustedAtMs));
  return { outcomes, windowStartMs, windowEndMs, exhausted: exhaustedAtMs !== undefined };
}

function overloaded(): TxOutcome {
  const now = performance.now();
  return { startMs: now, endMs: now, latencyMs: 0, endorseMs: undefined, endorsements: undefined, valid: false, failure: 'CLIENT_OVERLOAD', blockNumber: undefined, result: undefined };
}
