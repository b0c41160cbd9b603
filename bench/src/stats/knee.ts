/** One step of a concurrency ramp: what the workload achieved with `concurrency` transactions in flight. */
export interface RampPoint {
  readonly concurrency: number;
  /** Valid commits per second. */
  readonly goodput: number;
  /** Submit-to-commit p95 latency, ms. */
  readonly p95Ms: number;
  /** Failed transactions / all transactions, in [0, 1]. */
  readonly failureRate: number;
}

/** Limits a ramp point must respect to count towards the knee. */
export interface KneeCriteria {
  /** Highest acceptable p95 latency, ms (2,000 by default). */
  readonly maxP95Ms: number;
  /** Failure rate that disqualifies a point, exclusive (0.01 by default: fewer than 1 % must fail). */
  readonly maxFailureRate: number;
}

/** The criteria of issue 6: p95 ≤ 2 s and fewer than 1 % failures. */
export const defaultKneeCriteria: KneeCriteria = { maxP95Ms: 2000, maxFailureRate: 0.01 };

/** True when `point` meets `criteria`. */
export function withinCriteria(point: RampPoint, criteria: KneeCriteria = defaultKneeCriteria): boolean {
  return point.goodput > 0 && point.p95Ms <= criteria.maxP95Ms && point.failureRate < criteria.maxFailureRate;
}

/**
 * The knee of a concurrency ramp: among the points that meet the criteria, the one with the highest goodput
 * (ties go to the lower concurrency, which reaches the same rate with less queueing).
 * @returns the knee, or `undefined` when no point qualifies
 * @example
 * ```ts
 * selectKnee([{ concurrency: 1, goodput: 10, p95Ms: 300, failureRate: 0 },
 *             { concurrency: 8, goodput: 60, p95Ms: 2500, failureRate: 0 }]); // the first point
 * ```
 */
export function selectKnee<P extends RampPoint>(points: readonly P[], criteria: KneeCriteria = defaultKneeCriteria): P | undefined {
  let best: P | undefined;
  for (const point of points) {
    if (!withinCriteria(point, criteria)) {
      continue;
    }
    if (best === undefined || point.goodput > best.goodput || (point.goodput === best.goodput && point.concurrency < best.concurrency)) {
      best = point;
    }
  }
  return best;
}

/**
 * Whether ramping further is pointless: the latest point breaks the criteria and does not raise goodput over the
 * best point so far, so more concurrency only adds queueing.
 */
export function rampExhausted(points: readonly RampPoint[], criteria: KneeCriteria = defaultKneeCriteria): boolean {
  const last = points[points.length - 1];
  if (last === undefined || withinCriteria(last, criteria)) {
    return false;
  }
  const bestBefore = Math.max(0, ...points.slice(0, -1).map((point) => point.goodput));
  return last.goodput <= bestBefore * 1.05;
}
