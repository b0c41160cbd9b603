import type { EvaluateOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { processTransactions } from '../definitions/process';

/** Parameters of {@link getProcessRun}. */
export type GetProcessRunParameters = RequestOf<typeof processTransactions.getProcessRun>;
/** Result of {@link getProcessRun}. */
export type GetProcessRunReturnType = ResultOf<typeof processTransactions.getProcessRun>;

/**
 * Reads a process run (`process:GetProcessRun`).
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the request; validated before anything is sent
 * @param options - endorsers, private inputs
 * @returns the decoded result
 * @throws {@link NotFoundError}
 * @example
 * ```ts
 * const run = await client.getProcessRun({ id: 'RUN-1' });
 * ```
 */
export function getProcessRun(client: TransactionClient, parameters: GetProcessRunParameters, options?: EvaluateOptions): Promise<GetProcessRunReturnType> {
  return client.evaluate(processTransactions.getProcessRun, parameters, options);
}
