import { common, gateway, peer } from '@hyperledger/fabric-protos';

/**
 * How many endorsements an endorsed transaction carries: one per peer whose signature the gateway collected
 * to satisfy the chaincode-level and key-level policies. Read from the transaction's envelope, so a report
 * states the endorsements each workload actually needed rather than what its policy is assumed to ask.
 * @param preparedTransaction - `Transaction.getBytes()` of fabric-gateway (a serialised `PreparedTransaction`)
 * @returns the number of endorsements, 0 when the envelope holds no chaincode action
 * @example
 * ```ts
 * const transaction = await proposal.endorse();
 * endorsementCount(transaction.getBytes()); // 2 under OutOf(2, …)
 * ```
 */
export function endorsementCount(preparedTransaction: Uint8Array): number {
  const envelope = gateway.PreparedTransaction.deserializeBinary(preparedTransaction).getEnvelope();
  if (envelope === undefined) {
    return 0;
  }
  const payload = common.Payload.deserializeBinary(envelope.getPayload_asU8());
  const action = peer.Transaction.deserializeBinary(payload.getData_asU8()).getActionsList()[0];
  if (action === undefined) {
    return 0;
  }
  return peer.ChaincodeActionPayload.deserializeBinary(action.getPayload_asU8()).getAction()?.getEndorsementsList().length ?? 0;
}
