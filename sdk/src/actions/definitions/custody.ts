import {
  acceptTransferRequestSchema,
  byIdRequestSchema,
  closeTransferRequestSchema,
  commercialTermsSchema,
  CONTRACTS,
  CUSTODY_TRANSACTIONS,
  custodyTransferSchema,
  listTransfersByLotRequestSchema,
  proposeTransferRequestSchema,
  resolveDisputeRequestSchema,
  transferPageSchema,
  transferResultSchema,
} from './api';
import { defineTransaction } from '../../client/transaction';

const contract = CONTRACTS.custody;

/** The `custody` contract's transactions. */
export const custodyTransactions = {
  proposeTransfer: defineTransaction(contract, CUSTODY_TRANSACTIONS.ProposeTransfer, 'submit', proposeTransferRequestSchema, transferResultSchema),
  acceptTransfer: defineTransaction(contract, CUSTODY_TRANSACTIONS.AcceptTransfer, 'submit', acceptTransferRequestSchema, transferResultSchema),
  rejectTransfer: defineTransaction(contract, CUSTODY_TRANSACTIONS.RejectTransfer, 'submit', closeTransferRequestSchema, transferResultSchema),
  cancelTransfer: defineTransaction(contract, CUSTODY_TRANSACTIONS.CancelTransfer, 'submit', closeTransferRequestSchema, transferResultSchema),
  resolveDispute: defineTransaction(contract, CUSTODY_TRANSACTIONS.ResolveDispute, 'submit', resolveDisputeRequestSchema, transferResultSchema),
  getTransfer: defineTransaction(contract, CUSTODY_TRANSACTIONS.GetTransfer, 'evaluate', byIdRequestSchema, custodyTransferSchema),
  listTransfers: defineTransaction(contract, CUSTODY_TRANSACTIONS.ListTransfersByLot, 'evaluate', listTransfersByLotRequestSchema, transferPageSchema),
  getCommercialTerms: defineTransaction(contract, CUSTODY_TRANSACTIONS.GetCommercialTerms, 'evaluate', byIdRequestSchema, commercialTermsSchema),
};
