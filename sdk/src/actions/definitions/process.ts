import { byIdRequestSchema, CONTRACTS, PROCESS_TRANSACTIONS, processRunSchema, transformRequestSchema, transformResultSchema } from './api';
import { defineTransaction } from '../../client/transaction';

const contract = CONTRACTS.process;

/** The `process` contract's transactions. */
export const processTransactions = {
  transform: defineTransaction(contract, PROCESS_TRANSACTIONS.Transform, 'submit', transformRequestSchema, transformResultSchema),
  getProcessRun: defineTransaction(contract, PROCESS_TRANSACTIONS.GetProcessRun, 'evaluate', byIdRequestSchema, processRunSchema),
};
