import type { SubmitOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { baselineWrite } from './definitions';

/** Parameters of {@link writeBaseline}. */
export type WriteBaselineParameters = RequestOf<typeof baselineWrite>;
/** Result of {@link writeBaseline}. */
export type WriteBaselineReturnType = ResultOf<typeof baselineWrite>;

/**
 * Writes one small key (`baseline:Write`), the reference transaction of the benchmarks.
 * @example
 * ```ts
 * await client.writeBaseline({ key: 'k1', value: 'v' });
 * ```
 */
export function writeBaseline(
  client: TransactionClient,
  parameters: WriteBaselineParameters,
  options?: SubmitOptions,
): Promise<WriteBaselineReturnType> {
  return client.submit(baselineWrite, parameters, options);
}
