import {
  BATTERY_TRANSACTIONS,
  batteryActionRequestSchema,
  batterySchema,
  byIdRequestSchema,
  collectBatteryRequestSchema,
  CONTRACTS,
  dismantleBatteryRequestSchema,
  historySchema,
  issueBatteryRequestSchema,
  passportViewSchema,
  recordStateOfHealthRequestSchema,
  recoveryResultSchema,
  recycleBatteryRequestSchema,
  repurposeBatteryRequestSchema,
  repurposeResultSchema,
  transferBatteryRequestSchema,
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
  transferBattery: defineTransaction(contract, T.TransferOwnership, 'submit', transferBatteryRequestSchema, batterySchema),
  recordUse: defineTransaction(contract, T.RecordUse, 'submit', batteryActionRequestSchema, batterySchema),
  recordStateOfHealth: defineTransaction(contract, T.RecordStateOfHealth, 'submit', recordStateOfHealthRequestSchema, batterySchema),
  repurpose: defineTransaction(contract, T.Repurpose, 'submit', repurposeBatteryRequestSchema, repurposeResultSchema),
  collect: defineTransaction(contract, T.Collect, 'submit', collectBatteryRequestSchema, batterySchema),
  dismantle: defineTransaction(contract, T.Dismantle, 'submit', dismantleBatteryRequestSchema, recoveryResultSchema),
  recycle: defineTransaction(contract, T.Recycle, 'submit', recycleBatteryRequestSchema, recoveryResultSchema),
  getBattery: defineTransaction(contract, T.GetBattery, 'evaluate', byIdRequestSchema, batterySchema),
  getPassport: defineTransaction(contract, T.GetPassport, 'evaluate', byIdRequestSchema, passportViewSchema),
  getBatteryHistory: defineTransaction(contract, T.GetBatteryHistory, 'evaluate', byIdRequestSchema, batteryHistorySchema),
};
