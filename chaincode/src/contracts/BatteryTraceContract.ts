import { Context, Contract } from 'fabric-contract-api';
import { ContractError } from '../api';

/**
 * The base of every battery-trace contract. fabric-contract-api answers a transaction name a contract does not
 * have with a plain error (which the SDK could only report as an endorsement failure) and logs the request's
 * parameters; this answers with the error envelope and logs nothing of the request.
 * @example
 * ```ts
 * export class LotContract extends BatteryTraceContract {
 *   constructor() {
 *     super(CONTRACTS.lot);
 *   }
 * }
 * ```
 */
export abstract class BatteryTraceContract extends Contract {
  /**
   * Called by the dispatcher for a transaction name this contract does not have.
   * @throws {@link ContractError} `UNKNOWN_TRANSACTION`, always
   */
  override unknownTransaction(ctx: Context): Promise<void> {
    const { fcn } = ctx.stub.getFunctionAndParameters();
    // the dispatcher routes `<namespace>:<transaction>`; everything after the first colon names the transaction
    const transaction = fcn.slice(fcn.indexOf(':') + 1);
    return Promise.reject(new ContractError('UNKNOWN_TRANSACTION', `contract ${this.getName()} has no transaction ${transaction}`));
  }
}
