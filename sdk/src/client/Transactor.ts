import type { Contract, ProposalOptions, SubmittedTransaction } from '@hyperledger/fabric-gateway';
import type { z } from 'zod';
import { CommitError } from '../errors/CommitError';
import { ConfigurationError } from '../errors/ConfigurationError';
import { toSdkError } from '../errors/toSdkError';
import { silentLogger, type Logger } from '../logger';
import { decodeResult, encodeTransient, validateRequest } from './codec';
import { checkRetryPolicy, isRetryable, isTransient, retryDelay, retryPolicies, type RetryPolicy } from './retry';
import { NetworkError } from '../errors/NetworkError';
import { qualifiedName, type TransactionDefinition } from './transaction';

/** Per-call options of a submitted transaction. */
export interface SubmitOptions {
  /**
   * Private fields, sent as transient data (never written to the public ledger). Each key's value travels as JSON.
   * Requires the endorsing organisations; they default to the caller's own organisation.
   */
  readonly transient?: Readonly<Record<string, unknown>>;
  /**
   * MSP ids of the organisations whose peers endorse the proposal. With transient data, only these peers see it.
   * Defaults to the caller's organisation when `transient` is set; otherwise the gateway plans endorsement.
   */
  readonly endorsingOrganizations?: readonly string[];
  /** Overrides the client's retry policy for this call. */
  readonly retry?: RetryPolicy;
  /** Overrides the client's transient-unavailability policy for this call. */
  readonly transientRetry?: RetryPolicy;
}

/** Per-call options of an evaluated (read-only) transaction. */
export interface EvaluateOptions {
  /** Private inputs of the query, sent as transient data. */
  readonly transient?: Readonly<Record<string, unknown>>;
  /** MSP ids of the organisations whose peers may evaluate it (e.g. members of a private data collection). */
  readonly endorsingOrganizations?: readonly string[];
  /** Overrides the client's transient-unavailability policy for this call. */
  readonly transientRetry?: RetryPolicy;
}

/** A committed transaction's outcome. */
export interface CommitReceipt {
  readonly transactionId: string;
  readonly blockNumber: bigint;
}

/** The commit of a transaction submitted with `submitAsync`. */
export interface CommitHandle {
  /** The transaction id. */
  readonly transactionId: string;
  /**
   * Waits until the transaction commits.
   * @throws {@link CommitError} when it was invalidated (e.g. MVCC read conflict); {@link NetworkError} when the status could not be read.
   */
  wait(): Promise<CommitReceipt>;
}

/** The endorsed result of a transaction submitted with `submitAsync`, available before it commits. */
export interface SubmittedResult<T> {
  /** The decoded result from endorsement. It is only on the ledger once `commit.wait()` resolves. */
  readonly result: T;
  readonly transactionId: string;
  readonly commit: CommitHandle;
}

/** The generic transaction path every typed method goes through. */
export interface TransactionClient {
  /** MSP id of the signing identity, when known (used as the default endorser for transient data). */
  readonly mspId: string | undefined;
  /**
   * Validates the request, submits it, waits for commit and decodes the result. Read conflicts at commit are
   * retried by the retry policy; nothing else is.
   * @throws {@link ValidationError} {@link NotFoundError} {@link ForbiddenError} {@link ConflictError} {@link ChaincodeError}
   * {@link EndorsementError} {@link CommitError} {@link NetworkError} {@link DecodeError}
   */
  submit<Q extends z.ZodTypeAny, R extends z.ZodTypeAny>(
    transaction: TransactionDefinition<Q, R>,
    request: z.input<Q>,
    options?: SubmitOptions,
  ): Promise<z.output<R>>;
  /**
   * Validates and submits the request and returns the endorsed result with a commit handle, without waiting
   * for commit. No retry: the caller decides once `commit.wait()` fails.
   */
  submitAsync<Q extends z.ZodTypeAny, R extends z.ZodTypeAny>(
    transaction: TransactionDefinition<Q, R>,
    request: z.input<Q>,
    options?: Omit<SubmitOptions, 'retry'>,
  ): Promise<SubmittedResult<z.output<R>>>;
  /** Validates the request, evaluates it on a peer (nothing is written) and decodes the result. */
  evaluate<Q extends z.ZodTypeAny, R extends z.ZodTypeAny>(
    transaction: TransactionDefinition<Q, R>,
    request: z.input<Q>,
    options?: EvaluateOptions,
  ): Promise<z.output<R>>;
}

/** Options of {@link createTransactor}. */
export interface TransactorOptions {
  /** A fabric-gateway contract for the chaincode, without a contract name (the SDK qualifies names itself). */
  readonly contract: Contract;
  readonly mspId?: string;
  readonly retry?: RetryPolicy;
  /** Retries of transient unavailability; defaults to {@link retryPolicies.transient}. */
  readonly transientRetry?: RetryPolicy;
  readonly logger?: Logger;
  /** Waits between retries; replaceable in tests. */
  readonly sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

class Transactor implements TransactionClient {
  readonly #contract: Contract;
  readonly #retry: RetryPolicy;
  readonly #transientRetry: RetryPolicy;
  readonly #logger: Logger;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly mspId: string | undefined;

  constructor(options: TransactorOptions) {
    if (options.contract.getContractName() !== undefined) {
      throw new ConfigurationError('Pass a Contract obtained without a contract name: the SDK qualifies transaction names itself');
    }
    this.#contract = options.contract;
    this.#retry = checkRetryPolicy(options.retry ?? retryPolicies.none);
    this.#transientRetry = checkRetryPolicy(options.transientRetry ?? retryPolicies.transient);
    this.#logger = options.logger ?? silentLogger;
    this.#sleep = options.sleep ?? defaultSleep;
    this.mspId = options.mspId;
  }

  async submit<Q extends z.ZodTypeAny, R extends z.ZodTypeAny>(
    transaction: TransactionDefinition<Q, R>,
    request: z.input<Q>,
    options: SubmitOptions = {},
  ): Promise<z.output<R>> {
    const policy = checkRetryPolicy(options.retry ?? this.#retry);
    for (let attempt = 1; ; attempt++) {
      try {
        const submitted = await this.submitAsync(transaction, request, options);
        await submitted.commit.wait();
        return submitted.result;
      } catch (error) {
        await this.#beforeRetry(error, attempt, policy, qualifiedName(transaction));
      }
    }
  }

  async submitAsync<Q extends z.ZodTypeAny, R extends z.ZodTypeAny>(
    transaction: TransactionDefinition<Q, R>,
    request: z.input<Q>,
    options: Omit<SubmitOptions, 'retry'> = {},
  ): Promise<SubmittedResult<z.output<R>>> {
    const name = qualifiedName(transaction);
    const proposal = this.#proposalOptions(transaction, request, options);
    const submitted = await this.#withTransientRetry('submit', name, options.transientRetry, async (): Promise<SubmittedTransaction> => {
      try {
        return await this.#contract.submitAsync(name, proposal);
      } catch (error) {
        throw toSdkError(error, { transactionName: name });
      }
    });
    const transactionId = submitted.getTransactionId();
    this.#logger.debug?.('endorsed and submitted', { transaction: name, transactionId });
    const result = decodeResult(transaction.result, submitted.getResult(), name);
    return { result, transactionId, commit: newCommitHandle(submitted, name) };
  }

  async evaluate<Q extends z.ZodTypeAny, R extends z.ZodTypeAny>(
    transaction: TransactionDefinition<Q, R>,
    request: z.input<Q>,
    options: EvaluateOptions = {},
  ): Promise<z.output<R>> {
    const name = qualifiedName(transaction);
    const proposal = this.#proposalOptions(transaction, request, options);
    const bytes = await this.#withTransientRetry('evaluate', name, options.transientRetry, async (): Promise<Uint8Array> => {
      try {
        return await this.#contract.evaluate(name, proposal);
      } catch (error) {
        throw toSdkError(error, { transactionName: name, phase: 'evaluate' });
      }
    });
    return decodeResult(transaction.result, bytes, name);
  }

  #proposalOptions<Q extends z.ZodTypeAny>(
    transaction: TransactionDefinition<Q, z.ZodTypeAny>,
    request: unknown,
    options: EvaluateOptions,
  ): ProposalOptions {
    const name = qualifiedName(transaction);
    const validated = validateRequest(transaction.request, request, name);
    const args = transaction.encode ? transaction.encode(validated) : [JSON.stringify(validated)];
    const proposal: ProposalOptions = { arguments: args };
    if (options.transient !== undefined) {
      proposal.transientData = encodeTransient(options.transient);
      proposal.endorsingOrganizations = [...this.#endorsers(options, name)];
    } else if (options.endorsingOrganizations !== undefined) {
      proposal.endorsingOrganizations = [...options.endorsingOrganizations];
    }
    return proposal;
  }

  #endorsers(options: EvaluateOptions, name: string): readonly string[] {
    const endorsers = options.endorsingOrganizations ?? (this.mspId === undefined ? [] : [this.mspId]);
    if (endorsers.length === 0) {
      throw new ConfigurationError(`${name} carries private data: name the endorsing organisations`, { transactionName: name });
    }
    return endorsers;
  }

  /**
   * Runs `call`, repeating it while it fails with transient unavailability and the policy allows; each repetition
   * is a new proposal. Gives up with a {@link NetworkError} that says how many attempts it made over how long.
   */
  async #withTransientRetry<T>(phase: 'submit' | 'evaluate', name: string, override: RetryPolicy | undefined, call: () => Promise<T>): Promise<T> {
    const policy = override === undefined ? this.#transientRetry : checkRetryPolicy(override);
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        if (!isTransient(error, phase)) {
          throw error;
        }
        if (attempt >= policy.maxAttempts) {
          throw gaveUpTransient(error, attempt, Date.now() - started);
        }
        const delay = retryDelay(policy, attempt);
        this.#logger.warn?.('network could not serve the call, retrying', { transaction: name, grpcCode: error.grpcCode, attempt, delayMs: delay });
        await this.#sleep(delay);
      }
    }
  }

  async #beforeRetry(error: unknown, attempt: number, policy: RetryPolicy, name: string): Promise<void> {
    if (!isRetryable(error)) {
      throw error;
    }
    if (attempt >= policy.maxAttempts) {
      throw withAttempts(error, attempt);
    }
    const delay = retryDelay(policy, attempt);
    this.#logger.warn?.('read conflict at commit, retrying', {
      transaction: name,
      transactionId: error.transactionId,
      validationCode: error.validationCodeName,
      attempt,
      delayMs: delay,
    });
    await this.#sleep(delay);
  }
}

function withAttempts(error: CommitError, attempts: number): CommitError {
  return attempts === 1
    ? error
    : new CommitError({
        validationCode: error.validationCode,
        ...(error.blockNumber === undefined ? {} : { blockNumber: error.blockNumber }),
        ...(error.transactionId === undefined ? {} : { transactionId: error.transactionId }),
        ...(error.transactionName === undefined ? {} : { transactionName: error.transactionName }),
        attempts,
        cause: error.cause,
      });
}

function gaveUpTransient(error: NetworkError, attempts: number, elapsedMs: number): NetworkError {
  if (attempts === 1) {
    return error;
  }
  return new NetworkError(`${error.shortMessage} (gave up after ${attempts} attempts over ${elapsedMs} ms of transient unavailability)`, {
    cause: error.cause,
    details: error.details,
    ...(error.grpcCode === undefined ? {} : { grpcCode: error.grpcCode }),
    ...(error.transactionName === undefined ? {} : { transactionName: error.transactionName }),
  });
}

function newCommitHandle(submitted: SubmittedTransaction, transactionName: string): CommitHandle {
  const transactionId = submitted.getTransactionId();
  let pending: Promise<CommitReceipt> | undefined;
  const wait = async (): Promise<CommitReceipt> => {
    let status;
    try {
      status = await submitted.getStatus();
    } catch (error) {
      throw toSdkError(error, { transactionName, transactionId });
    }
    if (!status.successful) {
      throw new CommitError({ validationCode: status.code, blockNumber: status.blockNumber, transactionId, transactionName });
    }
    return { transactionId, blockNumber: status.blockNumber };
  };
  return { transactionId, wait: () => (pending ??= wait()) };
}

/**
 * Creates the generic transaction path over a caller-owned fabric-gateway `Contract`.
 * @throws {@link ConfigurationError} when the contract was obtained with a contract name.
 */
export function createTransactor(options: TransactorOptions): TransactionClient {
  return new Transactor(options);
}
