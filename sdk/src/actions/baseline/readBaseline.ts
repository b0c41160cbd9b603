import type { EvaluateOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { baselineRead } from './definitions';

/** Parameters of {@link readBaseline}. */
export type ReadBaselineParameters = RequestOf<typeof baselineRead>;
/** Result of {@link readBaseline}. */
export type ReadBaselineReturnType = ResultOf<typeof baselineRead>;

/** Reads a baseline key (`baseline:Read`); the value is empty when the key was never written. */
export function readBaseline(
  client: TransactionClient,
  parameters: ReadBaselineParameters,
  options?: EvaluateOptions,
): Promise<ReadBaselineReturnType> {
  return client.evaluate(baselineRead, parameters, options);
}
