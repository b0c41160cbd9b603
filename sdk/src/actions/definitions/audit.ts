import {
  attestationPageSchema,
  attestationSchema,
  AUDIT_TRANSACTIONS,
  byIdRequestSchema,
  CONTRACTS,
  listAttestationsBySubjectRequestSchema,
  recordAttestationRequestSchema,
} from './api';
import { defineTransaction } from '../../client/transaction';

const contract = CONTRACTS.audit;

/** The `audit` contract's transactions. */
export const auditTransactions = {
  attest: defineTransaction(contract, AUDIT_TRANSACTIONS.RecordAttestation, 'submit', recordAttestationRequestSchema, attestationSchema),
  getAttestation: defineTransaction(contract, AUDIT_TRANSACTIONS.GetAttestation, 'evaluate', byIdRequestSchema, attestationSchema),
  listAttestations: defineTransaction(contract, AUDIT_TRANSACTIONS.ListAttestationsBySubject, 'evaluate', listAttestationsBySubjectRequestSchema, attestationPageSchema),
};
