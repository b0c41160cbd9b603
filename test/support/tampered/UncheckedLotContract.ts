import type { Context } from 'fabric-contract-api';
import { CONTRACTS, LOT_TRANSACTIONS, mintLotRequestSchema, qualifiedName, type MaterialLot } from '../../../chaincode/src/api';
import { LotContract } from '../../../chaincode/src/contracts/LotContract';
import { mintedLot } from '../../../chaincode/src/domain/lots';
import { createLot, FACILITY, submit } from '../../../chaincode/src/state';

/**
 * The product's lot contract with a modified `lot:MintLot`: the organisation check (and the facility-kind and
 * certification checks) removed, so the caller mints lots at any organisation's facility. It is the same
 * transaction name, so an honest peer asked to endorse it runs the checked MintLot and refuses.
 *
 * The override carries no decorator: fabric-contract-api finds `MintLot` in the metadata LotContract's
 * decorators recorded, and dispatches to the instance's method, which is this one.
 */
export class UncheckedLotContract extends LotContract {
  /** Mints a lot at any facility, whoever owns it. */
  public override MintLot(ctx: Context, request: string): Promise<MaterialLot> {
    return submit(ctx, qualifiedName(CONTRACTS.lot, LOT_TRANSACTIONS.MintLot), mintLotRequestSchema, request, async ({ ledger }, req) => {
      const facility = await ledger.require(FACILITY, req.facilityId);
      return createLot(ledger, mintedLot(req, { ...facility, kind: 'MINE' }));
    });
  }
}
