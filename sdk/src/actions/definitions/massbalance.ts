import {
  accountRefSchema,
  byIdRequestSchema,
  claimOnOutputRequestSchema,
  claimOnOutputResultSchema,
  closePeriodRequestSchema,
  CONTRACTS,
  getStatementRequestSchema,
  listMovementsRequestSchema,
  MASS_BALANCE_TRANSACTIONS,
  massBalanceAccountSchema,
  massBalancePeriodSchema,
  massBalanceStatementSchema,
  movementPageSchema,
  openPeriodRequestSchema,
  reconcilePeriodRequestSchema,
} from './api';
import { defineTransaction } from '../../client/transaction';

const contract = CONTRACTS.massBalance;
const T = MASS_BALANCE_TRANSACTIONS;

/** The `massbalance` contract's transactions. */
export const massBalanceTransactions = {
  openPeriod: defineTransaction(contract, T.OpenPeriod, 'submit', openPeriodRequestSchema, massBalancePeriodSchema),
  claimOnOutput: defineTransaction(contract, T.ClaimOnOutput, 'submit', claimOnOutputRequestSchema, claimOnOutputResultSchema),
  reconcilePeriod: defineTransaction(contract, T.ReconcilePeriod, 'submit', reconcilePeriodRequestSchema, massBalancePeriodSchema),
  closePeriod: defineTransaction(contract, T.ClosePeriod, 'submit', closePeriodRequestSchema, massBalancePeriodSchema),
  getAccount: defineTransaction(contract, T.GetAccount, 'evaluate', accountRefSchema, massBalanceAccountSchema),
  getPeriod: defineTransaction(contract, T.GetPeriod, 'evaluate', byIdRequestSchema, massBalancePeriodSchema),
  getStatement: defineTransaction(contract, T.GetStatement, 'evaluate', getStatementRequestSchema, massBalanceStatementSchema),
  listMovements: defineTransaction(contract, T.ListMovements, 'evaluate', listMovementsRequestSchema, movementPageSchema),
};
