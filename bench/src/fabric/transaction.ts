import type { Connections, Identity } from './connections';
import { endorsementCount } from './endorsements';
import { classifyError, validationCodeName, type FailureReason, type Phase } from './failure';

/** One transaction a workload wants submitted (or evaluated). */
export interface TxRequest {
  /** Who signs it. */
  readonly identity: Identity;
  /** `namespace:Name`, e.g. `custody:ProposeTransfer`. */
  readonly name: string;
  /** Chaincode definition to invoke, when not the network's own (e.g. the one-organisation baseline's). */
  readonly chaincode?: string;
  /** Chaincode arguments; battery-trace transactions take one JSON request. */
  readonly args: readonly string[];
  /** MSP ids whose peers must endorse (when the gateway cannot infer them, e.g. state-based endorsement). */
  readonly endorsingOrganizations?: readonly string[];
  /** Called once the outcome is known (workloads track which records became usable). */
  readonly onOutcome?: (outcome: TxOutcome) => void;
}

/** What happened to one submitted transaction, with client-side timings in milliseconds. */
export interface TxOutcome {
  /** `performance.now()` when the proposal was created. */
  readonly startMs: number;
  /** Time spent in endorsement (proposal sent → endorsed transaction back), when it completed. */
  readonly endorseMs: number | undefined;
  /** Endorsements the endorsed transaction carries (peers that signed it), when it was endorsed. */
  readonly endorsements: number | undefined;
  /** Submit-to-commit latency: proposal created → commit status received (or failure). */
  readonly latencyMs: number;
  /** `performance.now()` when the outcome was known. */
  readonly endMs: number;
  /** True when the transaction committed as valid. */
  readonly valid: boolean;
  /** Why it failed; `undefined` when valid. */
  readonly failure: FailureReason | undefined;
  /** Block that holds it, when it reached one. */
  readonly blockNumber: bigint | undefined;
  /** The decoded chaincode result (endorsement response), when endorsed. */
  readonly result: Uint8Array | undefined;
}

/**
 * Submits one transaction through the same path for every workload — `proposal.endorse()` (timed on its own),
 * `transaction.submit()`, `getStatus()` — and reports the outcome; it never throws for a failed transaction.
 */
export async function submitTransaction(connections: Connections, request: TxRequest): Promise<TxOutcome> {
  const startMs = performance.now();
  let phase: Phase = 'endorse';
  let endorseMs: number | undefined;
  let endorsements: number | undefined;
  let result: Uint8Array | undefined;
  try {
    const proposal = connections.contract(request.identity, request.chaincode).newProposal(request.name, proposalOptions(request));
    const transaction = await proposal.endorse();
    endorseMs = performance.now() - startMs;
    result = transaction.getResult();
    endorsements = endorsementCount(transaction.getBytes());
    phase = 'submit';
    const submitted = await transaction.submit();
    phase = 'commit';
    const status = await submitted.getStatus();
    const failure = status.successful ? undefined : validationCodeName(status.code);
    return finish(request, { startMs, endorseMs, endorsements, valid: status.successful, failure, blockNumber: status.blockNumber, result });
  } catch (error) {
    return finish(request, { startMs, endorseMs, endorsements, valid: false, failure: classifyError(error, phase), blockNumber: undefined, result });
  }
}

/**
 * Evaluates one read-only transaction on the caller's peer and reports its latency (`endorseMs` is the same).
 */
export async function evaluateTransaction(connections: Connections, request: TxRequest): Promise<TxOutcome> {
  const startMs = performance.now();
  try {
    const result = await connections.contract(request.identity, request.chaincode).evaluate(request.name, proposalOptions(request));
    const elapsed = performance.now() - startMs;
    return finish(request, { startMs, endorseMs: elapsed, endorsements: undefined, valid: true, failure: undefined, blockNumber: undefined, result });
  } catch (error) {
    return finish(request, { startMs, endorseMs: undefined, endorsements: undefined, valid: false, failure: classifyError(error, 'endorse'), blockNumber: undefined, result: undefined });
  }
}

function proposalOptions(request: TxRequest): { arguments: string[]; endorsingOrganizations?: string[] } {
  return request.endorsingOrganizations === undefined
    ? { arguments: [...request.args] }
    : { arguments: [...request.args], endorsingOrganizations: [...request.endorsingOrganizations] };
}

function finish(request: TxRequest, partial: Omit<TxOutcome, 'latencyMs' | 'endMs'>): TxOutcome {
  const endMs = performance.now();
  const outcome: TxOutcome = { ...partial, endMs, latencyMs: endMs - partial.startMs };
  request.onOutcome?.(outcome);
  return outcome;
}
