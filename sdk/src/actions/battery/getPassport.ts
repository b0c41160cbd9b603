import type { EvaluateOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { batteryTransactions } from '../definitions/battery';

/** Parameters of {@link getPassport}: the `{{contract}}` request. */
export type GetPassportParameters = RequestOf<typeof batteryTransactions.getPassport>;
/** Result of {@link getPassport}. */
export type GetPassportReturnType = ResultOf<typeof batteryTransactions.getPassport>;

/**
 * The battery passport view for the caller's access tier (`battery:GetPassport`): fields above the tier are left out.
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the request; validated before anything is sent
 * @param options - endorsers, private inputs
 * @returns the decoded result
 * @throws {@link NotFoundError}
 * @example
 * ```ts
 * const passport = await client.getPassport({ id: 'PACK-1' });
 * ```
 */
export function getPassport(client: TransactionClient, parameters: GetPassportParameters, options?: EvaluateOptions): Promise<GetPassportReturnType> {
  return client.evaluate(batteryTransactions.getPassport, parameters, options);
}
