import type { TxRequest } from '../fabric/transaction';

/**
 * A stream of transactions of one kind. Set-up (facilities, lots to transfer, pending transfers to accept) happens
 * in {@link Workload.prepare}, outside the measured rounds.
 */
export interface Workload {
  /** Name in reports, e.g. `baseline` or `ProposeTransfer`. */
  readonly name: string;
  /** One line on what each transaction does. */
  readonly description: string;
  /**
   * Makes sure at least `count` further transactions can be issued, creating what they need on the ledger.
   * @param count - how many transactions the next round may issue
   */
  prepare(count: number): Promise<void>;
  /** The next transaction, or `undefined` when the prepared supply is used up. */
  next(): TxRequest | undefined;
}
