import {
  byIdRequestSchema,
  CONTRACTS,
  listLotsByFacilityRequestSchema,
  LOT_TRANSACTIONS,
  lotHistorySchema,
  lotPageSchema,
  materialLotSchema,
  mergeLotsRequestSchema,
  mergeResultSchema,
  mintLotRequestSchema,
  splitLotRequestSchema,
  splitResultSchema,
  traceRequestSchema,
  traceResultSchema,
} from './api';
import { defineTransaction } from '../../client/transaction';

const contract = CONTRACTS.lot;

/** The `lot` contract's transactions. */
export const lotTransactions = {
  mintLot: defineTransaction(contract, LOT_TRANSACTIONS.MintLot, 'submit', mintLotRequestSchema, materialLotSchema),
  getLot: defineTransaction(contract, LOT_TRANSACTIONS.GetLot, 'evaluate', byIdRequestSchema, materialLotSchema),
  getLotHistory: defineTransaction(contract, LOT_TRANSACTIONS.GetLotHistory, 'evaluate', byIdRequestSchema, lotHistorySchema),
  splitLot: defineTransaction(contract, LOT_TRANSACTIONS.SplitLot, 'submit', splitLotRequestSchema, splitResultSchema),
  mergeLots: defineTransaction(contract, LOT_TRANSACTIONS.MergeLots, 'submit', mergeLotsRequestSchema, mergeResultSchema),
  listLots: defineTransaction(contract, LOT_TRANSACTIONS.ListLotsByFacility, 'evaluate', listLotsByFacilityRequestSchema, lotPageSchema),
  traceUpstream: defineTransaction(contract, LOT_TRANSACTIONS.TraceUpstream, 'evaluate', traceRequestSchema, traceResultSchema),
  traceDownstream: defineTransaction(contract, LOT_TRANSACTIONS.TraceDownstream, 'evaluate', traceRequestSchema, traceResultSchema),
};
