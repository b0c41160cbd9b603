/**
 * Where a peer or ordering node reported an error: the node's address, its organisation and its message.
 * Same shape as fabric-gateway's `ErrorDetail`.
 */
export interface NodeErrorDetail {
  /** Address of the Fabric node, e.g. `peer0.mining.batterytrace.local:17100`. */
  readonly address: string;
  /** MSP id of the organisation the node belongs to. */
  readonly mspId: string;
  /** The message the node returned. */
  readonly message: string;
}

/**
 * What went wrong, in one word; the CLI maps each category to its own exit code.
 * - `validation`, `not-found`, `forbidden`, `conflict`, `contract`: the chaincode (or the SDK's own request check) refused the request.
 * - `endorsement`: endorsement failed for a reason the chaincode did not state (policy, peer failure).
 * - `commit`: the transaction was ordered but invalidated at commit (e.g. MVCC read conflict).
 * - `network`: the gateway peer or the orderer could not be reached in time.
 * - `decode`: a result or event did not match its schema.
 * - `integrity`: a record history's hash chain does not verify.
 * - `configuration`: connection material, identity or options are wrong.
 */
export type ErrorCategory =
  | 'validation'
  | 'not-found'
  | 'forbidden'
  | 'conflict'
  | 'contract'
  | 'endorsement'
  | 'commit'
  | 'network'
  | 'decode'
  | 'integrity'
  | 'configuration';

/** Options shared by every SDK error constructor. */
export interface BaseErrorParameters {
  /** The error this one wraps (a fabric-gateway error, a zod error…). */
  readonly cause?: unknown;
  /** Per-node details from the gateway (endorsing peers, orderers). */
  readonly details?: readonly NodeErrorDetail[];
  /** Id of the transaction the error belongs to, when one was created. */
  readonly transactionId?: string;
  /** Fully qualified transaction name, e.g. `lot:MintLot`. */
  readonly transactionName?: string;
  /** Extra human-readable lines appended to `message`. */
  readonly metaMessages?: readonly string[];
}

/**
 * Base class of every error the battery-trace SDK throws.
 *
 * `shortMessage` is one human sentence; `message` adds the transaction, the node details and the cause.
 * `walk()` follows the `cause` chain.
 *
 * @example
 * ```ts
 * try { await client.mintLot(request); }
 * catch (e) { if (e instanceof BaseError) console.error(e.shortMessage, e.transactionId); }
 * ```
 */
export class BaseError extends Error {
  override name = 'BaseError';
  /** What failed, in one sentence. */
  readonly shortMessage: string;
  /** One word for what went wrong. */
  readonly category: ErrorCategory;
  /** Per-node details reported through the gateway; empty when there are none. */
  readonly details: readonly NodeErrorDetail[];
  /** The transaction id, when the failure belongs to a transaction. */
  readonly transactionId: string | undefined;
  /** The qualified transaction name (`namespace:Name`), when known. */
  readonly transactionName: string | undefined;
  declare readonly cause: unknown;

  constructor(shortMessage: string, category: ErrorCategory, parameters: BaseErrorParameters = {}) {
    super(composeMessage(shortMessage, parameters), { cause: parameters.cause });
    this.shortMessage = shortMessage;
    this.category = category;
    this.details = parameters.details ?? [];
    this.transactionId = parameters.transactionId;
    this.transactionName = parameters.transactionName;
  }

  /**
   * Walks the `cause` chain.
   * @param predicate - stop at the first error for which it returns true
   * @returns the first matching error, or (without a predicate) the deepest cause; `undefined` if nothing matches
   */
  walk(predicate?: (error: unknown) => boolean): unknown {
    return walkCauses(this, predicate);
  }
}

function walkCauses(error: unknown, predicate?: (error: unknown) => boolean): unknown {
  let current: unknown = error;
  const seen = new Set<unknown>();
  while (!seen.has(current)) {
    seen.add(current);
    if (predicate?.(current)) {
      return current;
    }
    const next = causeOf(current);
    if (next === undefined) {
      return predicate ? undefined : current;
    }
    current = next;
  }
  return predicate ? undefined : current;
}

function causeOf(error: unknown): unknown {
  return error instanceof Error ? error.cause : undefined;
}

function composeMessage(shortMessage: string, parameters: BaseErrorParameters): string {
  const lines = [shortMessage];
  if (parameters.transactionName !== undefined) {
    lines.push(`Transaction: ${parameters.transactionName}`);
  }
  if (parameters.transactionId !== undefined) {
    lines.push(`Transaction id: ${parameters.transactionId}`);
  }
  for (const detail of parameters.details ?? []) {
    lines.push(`- ${detail.address} (${detail.mspId}): ${detail.message}`);
  }
  lines.push(...(parameters.metaMessages ?? []));
  return lines.join('\n');
}
