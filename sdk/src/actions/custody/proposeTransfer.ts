import { privateEndorsers } from '../../client/privateEndorsers';
import type { SubmitOptions, TransactionClient } from '../../client/Transactor';
import type { RequestOf, ResultOf } from '../../client/transaction';
import { COMMERCIAL_TERMS_TRANSIENT_KEY, commercialTermsSchema, type CommercialTerms } from '../definitions/api';
import { custodyTransactions } from '../definitions/custody';
import { facilityTransactions } from '../definitions/facility';
import { salted } from '../salted';

/** Parameters of {@link proposeTransfer}. */
export type ProposeTransferParameters = RequestOf<typeof custodyTransactions.proposeTransfer>;
/** Result of {@link proposeTransfer}. */
export type ProposeTransferReturnType = ResultOf<typeof custodyTransactions.proposeTransfer>;

/** Options of {@link proposeTransfer}. */
export interface ProposeTransferOptions extends Omit<SubmitOptions, 'transient'> {
  /**
   * Price, currency and contract reference. They travel as transient data to the peers of the two parties of
   * the deal only (your organisation and the receiving facility's; or the endorsers you name), are kept in your
   * implicit private collection, and only their hash goes on the public transfer. `salt` defaults to 16 random bytes.
   */
  readonly commercialTerms?: Omit<CommercialTerms, 'salt'> & { readonly salt?: string };
}

/**
 * Proposes moving a lot in your custody to another facility (`custody:ProposeTransfer`). The lot is in transit
 * until the receiver accepts or rejects, or you cancel.
 * @param client - a battery-trace client (or its transaction path)
 * @param parameters - the request; validated before anything is sent
 * @param options - confidential commercial terms, endorsers, retry policy
 * @returns the transfer and the lot, now in transit
 * @throws {@link ValidationError}
 * @throws {@link NotFoundError}
 * @throws {@link ForbiddenError}
 * @throws {@link ConflictError}
 * @example
 * ```ts
 * const { transfer } = await client.proposeTransfer(
 *   { id: 'T-1', lotId: 'LOT-1', toFacilityId: 'REFINERY-1', declaredMassGrams: 1_000_000, shippingDocumentsHash: hash },
 *   { commercialTerms: { priceMinorUnits: 1_250_000, currency: 'USD', contractReference: 'PO-77' } },
 * );
 * ```
 */
export async function proposeTransfer(
  client: TransactionClient,
  parameters: ProposeTransferParameters,
  options: ProposeTransferOptions = {},
): Promise<ProposeTransferReturnType> {
  const { commercialTerms, ...rest } = options;
  if (commercialTerms === undefined) {
    return client.submit(custodyTransactions.proposeTransfer, parameters, rest);
  }
  const what = 'custody:ProposeTransfer commercial terms';
  const transient = { [COMMERCIAL_TERMS_TRANSIENT_KEY]: salted(commercialTermsSchema, commercialTerms, what) };
  const endorsingOrganizations = rest.endorsingOrganizations ?? privateEndorsers(client.mspId, [await receiverOf(client, parameters.toFacilityId)], what);
  return client.submit(custodyTransactions.proposeTransfer, parameters, { ...rest, endorsingOrganizations, transient });
}

/** The organisation that owns the receiving facility: the deal's counterparty, entitled to the terms. */
async function receiverOf(client: TransactionClient, facilityId: string): Promise<string> {
  const facility = await client.evaluate(facilityTransactions.getFacility, { id: facilityId });
  return facility.ownerMsp;
}
