import {
  byIdRequestSchema,
  CONTRACTS,
  FACILITY_TRANSACTIONS,
  facilityPageSchema,
  facilitySchema,
  listFacilitiesByOrgRequestSchema,
  registerFacilityRequestSchema,
  updateCertificationsRequestSchema,
} from './api';
import { defineTransaction } from '../../client/transaction';

const contract = CONTRACTS.facility;

/** The `facility` contract's transactions. */
export const facilityTransactions = {
  registerFacility: defineTransaction(contract, FACILITY_TRANSACTIONS.RegisterFacility, 'submit', registerFacilityRequestSchema, facilitySchema),
  getFacility: defineTransaction(contract, FACILITY_TRANSACTIONS.GetFacility, 'evaluate', byIdRequestSchema, facilitySchema),
  listFacilities: defineTransaction(contract, FACILITY_TRANSACTIONS.ListFacilitiesByOrg, 'evaluate', listFacilitiesByOrgRequestSchema, facilityPageSchema),
  updateCertifications: defineTransaction(contract, FACILITY_TRANSACTIONS.UpdateCertifications, 'submit', updateCertificationsRequestSchema, facilitySchema),
};
