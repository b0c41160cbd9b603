import { Context, Info, Returns, Transaction } from 'fabric-contract-api';
import { BatteryTraceContract } from './BatteryTraceContract';
import { z } from 'zod';
import {
  acceptTransferRequestSchema,
  byIdRequestSchema,
  closeTransferRequestSchema,
  COMMERCIAL_TERMS_TRANSIENT_KEY,
  commercialTermsSchema,
  ContractError,
  CONTRACTS,
  CUSTODY_TRANSACTIONS as TX,
  hashCanonical,
  implicitCollection,
  listTransfersByLotRequestSchema,
  proposeTransferRequestSchema,
  qualifiedName,
  resolveDisputeRequestSchema,
  type CommercialTerms,
  type CustodyTransfer,
  type Page,
  type TransferResult,
} from '../api';
import { planAcceptance, planProposal, planResolution, planReturn, type CustodyStep } from '../domain/custody';
import { requireCustodianOrg } from '../domain/lots';
import {
  commercialTermsKey,
  CUSTODY_TRANSFER,
  evaluate,
  FACILITY,
  MATERIAL_LOT,
  requireCertification,
  requireOrg,
  saveLot,
  submit,
  transferByLotKey,
  transfersByLotPrefix,
  type Ledger,
  type Tx,
} from '../state';

const name = (transaction: string): string => qualifiedName(CONTRACTS.custody, transaction);
const indexValueSchema = z.object({}).strict();

async function loadStep(ledger: Ledger, transferId: string): Promise<CustodyStep> {
  const transfer = await ledger.require(CUSTODY_TRANSFER, transferId);
  return { transfer, lot: await ledger.require(MATERIAL_LOT, transfer.lotId) };
}

async function saveStep(ledger: Ledger, step: CustodyStep): Promise<TransferResult> {
  const transfer = await ledger.update(CUSTODY_TRANSFER, step.transfer);
  const lot = await saveLot(ledger, step.lot);
  return { transfer, lot };
}

/** Stores the transient commercial terms in the sender's implicit collection; returns their hash. */
async function storeCommercialTerms(tx: Tx, transferId: string): Promise<string | undefined> {
  const terms = tx.transient(COMMERCIAL_TERMS_TRANSIENT_KEY, commercialTermsSchema);
  if (terms === undefined) {
    return undefined;
  }
  await tx.ledger.putPrivate(implicitCollection(tx.caller.mspId), commercialTermsKey(transferId), terms, [tx.caller.mspId]);
  return hashCanonical(terms);
}

/**
 * Two-phase custody transfers of whole lots: the custodian proposes, the receiver accepts with the weighed
 * mass (loss within tolerance, dispute beyond it) or rejects, the sender may cancel while pending, and
 * disputes are settled by both parties or an auditor. Every transfer key is endorsed by both organisations.
 * A lot's claim labels travel with it; a shortfall reduces the labelled mass with the lot's.
 */
@Info({ title: 'custody', description: 'Custody transfers of material lots' })
export class CustodyContract extends BatteryTraceContract {
  constructor() {
    super(CONTRACTS.custody);
  }

  /**
   * Proposes to send a lot (its custodian's organisation only). Optional commercial terms travel as transient
   * data under `commercialTerms` and stay in the sender's implicit collection; the transfer keeps their hash.
   */
  @Transaction()
  @Returns('TransferResult')
  public ProposeTransfer(ctx: Context, request: string): Promise<TransferResult> {
    return submit(ctx, name(TX.ProposeTransfer), proposeTransferRequestSchema, request, async (tx, req) => {
      const { ledger, caller } = tx;
      const lot = await ledger.require(MATERIAL_LOT, req.lotId);
      requireCustodianOrg(lot, caller.mspId, 'send it');
      const [from, to] = [await ledger.require(FACILITY, lot.custodianFacilityId), await ledger.require(FACILITY, req.toFacilityId)];
      await requireCertification(ledger, from, lot.claims, `send lot ${lot.id} with claims`);
      const plan = planProposal({ ...req, commercialTermsHash: await storeCommercialTerms(tx, req.id) }, lot, to);
      const transfer = await ledger.create(CUSTODY_TRANSFER, plan.transfer);
      await ledger.putEntry(transferByLotKey(lot.id, transfer.id), [transfer.senderMsp, transfer.receiverMsp]);
      return { transfer, lot: await saveLot(ledger, plan.lot) };
    });
  }

  /** Accepts a proposed transfer with the weighed mass (the receiving organisation only). */
  @Transaction()
  @Returns('TransferResult')
  public AcceptTransfer(ctx: Context, request: string): Promise<TransferResult> {
    return submit(ctx, name(TX.AcceptTransfer), acceptTransferRequestSchema, request, async ({ ledger, caller }, req) => {
      const { transfer, lot } = await loadStep(ledger, req.transferId);
      requireOrg(caller, [transfer.receiverMsp], `accept transfer ${transfer.id}`);
      return saveStep(ledger, planAcceptance(transfer, lot, req.receivedMassGrams));
    });
  }

  /** Rejects a proposed transfer (the receiving organisation only); the lot stays with the sender. */
  @Transaction()
  @Returns('TransferResult')
  public RejectTransfer(ctx: Context, request: string): Promise<TransferResult> {
    return submit(ctx, name(TX.RejectTransfer), closeTransferRequestSchema, request, async ({ ledger, caller }, req) => {
      const { transfer, lot } = await loadStep(ledger, req.transferId);
      requireOrg(caller, [transfer.receiverMsp], `reject transfer ${transfer.id}`);
      return saveStep(ledger, planReturn(transfer, lot, 'REJECTED', req.reason));
    });
  }

  /** Cancels a proposed transfer (the sending organisation only); the lot stays with the sender. */
  @Transaction()
  @Returns('TransferResult')
  public CancelTransfer(ctx: Context, request: string): Promise<TransferResult> {
    return submit(ctx, name(TX.CancelTransfer), closeTransferRequestSchema, request, async ({ ledger, caller }, req) => {
      const { transfer, lot } = await loadStep(ledger, req.transferId);
      requireOrg(caller, [transfer.senderMsp], `cancel transfer ${transfer.id}`);
      return saveStep(ledger, planReturn(transfer, lot, 'CANCELLED', req.reason));
    });
  }

  /** Settles a disputed transfer: an auditor at once, or the two parties by proposing the same mass. */
  @Transaction()
  @Returns('TransferResult')
  public ResolveDispute(ctx: Context, request: string): Promise<TransferResult> {
    return submit(ctx, name(TX.ResolveDispute), resolveDisputeRequestSchema, request, async ({ ledger, caller }, req) => {
      const { transfer, lot } = await loadStep(ledger, req.transferId);
      return saveStep(ledger, planResolution(transfer, lot, caller, req.settledMassGrams, req.note));
    });
  }

  /** Reads a transfer. */
  @Transaction(false)
  @Returns('CustodyTransfer')
  public GetTransfer(ctx: Context, request: string): Promise<CustodyTransfer> {
    return evaluate(ctx, name(TX.GetTransfer), byIdRequestSchema, request, ({ ledger }, req) => ledger.require(CUSTODY_TRANSFER, req.id));
  }

  /** Lists a lot's transfers, one page at a time. */
  @Transaction(false)
  @Returns('CustodyTransferPage')
  public ListTransfersByLot(ctx: Context, request: string): Promise<Page<CustodyTransfer>> {
    return evaluate(ctx, name(TX.ListTransfersByLot), listTransfersByLotRequestSchema, request, async ({ ledger }, req) => {
      const page = await ledger.entriesPage(transfersByLotPrefix(req.lotId), indexValueSchema, req.pageSize, req.bookmark);
      const items: CustodyTransfer[] = [];
      for (const { attributes } of page.entries) {
        items.push(await ledger.require(CUSTODY_TRANSFER, attributes[0] ?? ''));
      }
      return { items, bookmark: page.bookmark };
    });
  }

  /** Reads a transfer's commercial terms from the sender's implicit collection (the sender's organisation only). */
  @Transaction(false)
  @Returns('CommercialTerms')
  public GetCommercialTerms(ctx: Context, request: string): Promise<CommercialTerms> {
    return evaluate(ctx, name(TX.GetCommercialTerms), byIdRequestSchema, request, async ({ ledger, caller }, req) => {
      const transfer = await ledger.require(CUSTODY_TRANSFER, req.id);
      requireOrg(caller, [transfer.senderMsp], `read the commercial terms of transfer ${transfer.id}`);
      const terms = await ledger.getPrivate(implicitCollection(transfer.senderMsp), commercialTermsKey(transfer.id), commercialTermsSchema);
      if (terms === undefined || transfer.commercialTermsHash !== hashCanonical(terms)) {
        throw new ContractError('NOT_FOUND', `no commercial terms matching transfer ${transfer.id} on this peer`);
      }
      return terms;
    });
  }
}
