import type { CallOptions } from '@grpc/grpc-js';

/** Deadlines of each gateway call, in milliseconds. Event streams have none. */
export interface Deadlines {
  /** A query on one peer. */
  readonly evaluateMs: number;
  /** Endorsement by the peers the policy needs, including chaincode execution. */
  readonly endorseMs: number;
  /** Handing the endorsed transaction to the ordering service. */
  readonly submitMs: number;
  /** Waiting for the commit status (ordering, block cutting, validation). */
  readonly commitStatusMs: number;
}

/** 10 s queries, 30 s endorsement, 10 s submit, 60 s commit. */
export const defaultDeadlines: Deadlines = { evaluateMs: 10_000, endorseMs: 30_000, submitMs: 10_000, commitStatusMs: 60_000 };

/** Call-option factories for fabric-gateway's `connect`. */
export function deadlineOptions(deadlines: Deadlines): {
  evaluateOptions: () => CallOptions;
  endorseOptions: () => CallOptions;
  submitOptions: () => CallOptions;
  commitStatusOptions: () => CallOptions;
} {
  const after = (ms: number) => (): CallOptions => ({ deadline: Date.now() + ms });
  return {
    evaluateOptions: after(deadlines.evaluateMs),
    endorseOptions: after(deadlines.endorseMs),
    submitOptions: after(deadlines.submitMs),
    commitStatusOptions: after(deadlines.commitStatusMs),
  };
}
