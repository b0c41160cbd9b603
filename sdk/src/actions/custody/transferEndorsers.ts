import { awaitProposal } from '../../client/awaitProposal';
import type { SubmitOptions, TransactionClient } from '../../client/Transactor';
import { custodyTransactions } from '../definitions/custody';

/**
 * Endorsement options for a transaction that changes an existing transfer. A transfer's key carries a
 * state-based endorsement policy naming both the sender's and the receiver's organisation: they are read from
 * the transfer and named explicitly, unless the caller already names them. A transfer between two facilities
 * of one organisation is left to the gateway, which adds a second organisation as every write needs. The transfer
 * is read on the caller's own peer, waiting briefly for a proposal that has not reached it yet.
 * @param client - the transaction path
 * @param transferId - the transfer the transaction changes
 * @param options - the caller's options; returned unchanged when they name endorsing organisations
 * @returns the options with `endorsingOrganizations` set to the transfer's sender and receiver
 * @throws {@link NotFoundError} when the transfer does not exist (after waiting for it)
 */
export async function withTransferEndorsers(client: TransactionClient, transferId: string, options: SubmitOptions = {}): Promise<SubmitOptions> {
  if (options.endorsingOrganizations !== undefined) {
    return options;
  }
  const transfer = await awaitProposal(() => client.evaluate(custodyTransactions.getTransfer, { id: transferId }));
  const parties = [...new Set([transfer.senderMsp, transfer.receiverMsp])];
  return parties.length < 2 ? options : { ...options, endorsingOrganizations: parties };
}
