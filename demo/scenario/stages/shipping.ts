import type { OrgKey } from '../../../chaincode/src/api';
import { documentHash, runScopedId, type ScenarioContext } from '../context';

/** One shipment of a whole lot between facilities, as the two organisations see it. */
export interface Shipment {
  readonly lotId: string;
  readonly from: OrgKey;
  readonly to: OrgKey;
  readonly toFacilityId: string;
  readonly declaredGrams: number;
  /** What the receiver weighs. */
  readonly receivedGrams: number;
  /** Human description for the shipping documents. */
  readonly documents: string;
}

/**
 * Ships a lot: the sender's organisation proposes the transfer with the shipping documents' hash, the
 * receiver's organisation accepts it with the mass it weighed.
 * @returns the transfer id
 */
export async function ship(ctx: ScenarioContext, shipment: Shipment): Promise<string> {
  const transferId = runScopedId(ctx.input.runId, `XFER-${shipment.lotId.slice(ctx.input.runId.length + 1)}`);
  await ctx.as(shipment.from).user.proposeTransfer({
    id: transferId,
    lotId: shipment.lotId,
    toFacilityId: shipment.toFacilityId,
    declaredMassGrams: shipment.declaredGrams,
    shippingDocumentsHash: documentHash(`${shipment.documents}|${transferId}`),
  });
  await ctx.as(shipment.to).user.acceptTransfer({ transferId, receivedMassGrams: shipment.receivedGrams });
  return transferId;
}
