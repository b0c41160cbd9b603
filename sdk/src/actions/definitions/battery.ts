import {
  BATTERY_TRANSACTIONS,
  acceptHandoverRequestSchema,
  batteryActionRequestSchema,
  batteryHandoverSchema,
  batterySchema,
  byIdRequestSchema,
  closeHandoverRequestSchema,
  CONTRACTS,
  dismantleBatteryRequestSchema,
  handoverResultSchema,
  historySchema,
  issueBatteryRequestSchema,
  passportViewSchema,
  proposeHandoverRequestSchema,
  recordStateOfHealthRequestSchema,
  recoveryResultSchema,
  recycleBatteryRequestSchema,
  repurposeBatteryRequestSchema,
  repurposeResultSchema,
} from './api';
import { defineTransaction } from '../../client/transaction';

const contract = CONTRACTS.battery;
const T = BATTERY_TRANSACTIONS;

/** `battery:GetBatteryHistory` result schema. */
export const batteryHistorySchema = historySchema(batterySchema);

/** The `battery` contract's transactions. */
export const batteryTransactions = {
  issueBattery: defineTransaction(contract, T.IssueBattery, 'submit', issueBatteryRequestSchema, batterySchema),
  placeOnMarket: defineTransaction(contract, T.PlaceOnMarket, 'submit', batteryActionRequestSchema, batterySchema),
  proposeHandover: defineTransaction(contract, T.ProposeHandover, 'submit', proposeHandoverRequestSchema, handoverResultSchema),
  acceptHandover: defineTransaction(contract, T.AcceptHandover, 'submit', acceptHandoverRequestSchema, handoverResultSchema),
  rejectHandover: defineTransaction(contract, T.RejectHandover, 'submit', closeHandoverRequestSchema, handoverResultSchema),
  cancelHandover: defineTransaction(contract, T.CancelHandover, 'submit', closeHandoverRequestSchema, handoverResultSchema),
  getHandover: defineTransaction(contract, T.GetHandover, 'evaluate', byIdRequestSchema, batteryHandoverSchema),
  recordUse: defineTransaction(contract, T.RecordUse, 'submit', batteryActionRequestSchema, batterySchema),
  recordStateOfHealth: defineTransaction(contract, T.RecordStateOfHealth, 'submit', recordStateOfHealthRequestSchema, batterySchema),
  repurpose: defineTransaction(contract, T.Repurpose, 'submit', repurposeBatteryRequestSchema, repurposeResultSchema),
  dismantle: defineTransaction(contract, T.Dismantle, 'submit', dismantleBatteryRequestSchema, recoveryResultSchema),
  recycle: defineTransaction(contract, T.Recycle, 'submit', recycleBatteryRequestSchema, recoveryResultSchema),
  getBattery: defineTransaction(contract, T.GetBattery, 'evaluate', byIdRequestSchema, batterySchema),
  getPassport: defineTransaction(contract, T.GetPassport, 'evaluate', byIdRequestSchema, passportViewSchema),
  getBatteryHistory: defineTransaction(contract, T.GetBatteryHistory, 'evaluate', byIdRequestSchema, batteryHistorySchema),
};
