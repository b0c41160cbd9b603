/**
 * The battery-trace SDK: a typed client on `@hyperledger/fabric-gateway` for participants and auditors of the
 * battery value chain.
 *
 * - Connect: {@link connectOrganisation} (local network material), {@link connectGateway} (explicit endpoint,
 *   TLS CA, identity, key or signer), {@link createClient} (your own fabric-gateway `Network` or `Contract`).
 * - Act and query: typed methods on {@link BatteryTraceClient}; the generic `submit`/`submitAsync`/`evaluate`.
 * - Errors: {@link BaseError} and its subclasses; {@link isContractError} narrows by chaincode code.
 * - Events: `client.events()` / `client.listen()` with resumable {@link checkpointers}.
 *
 * @example
 * ```ts
 * import { connectOrganisation, retryPolicies } from 'battery-trace/sdk';
 * const client = connectOrganisation({ org: 'mining', identity: 'user1', retry: retryPolicies.readConflicts });
 * try {
 *   await client.writeBaseline({ key: 'hello', value: 'world' });
 * } finally {
 *   client.close();
 * }
 * ```
 * @packageDocumentation
 */

export { checkpointers, hash, signers, type Checkpoint, type Checkpointer, type Signer } from '@hyperledger/fabric-gateway';

export { actions, auditorActions, participantActions } from './actions/index';
export * from './actions/baseline/definitions';
export * from './actions/audit/attest';
export * from './actions/audit/getAttestation';
export * from './actions/audit/listAttestations';
export * from './actions/baseline/readBaseline';
export * from './actions/baseline/writeBaseline';
export * from './actions/battery/acceptHandover';
export * from './actions/battery/cancelHandover';
export * from './actions/battery/dismantle';
export * from './actions/battery/getBattery';
export * from './actions/battery/getBatteryHistory';
export * from './actions/battery/getHandover';
export * from './actions/battery/getPassport';
export * from './actions/battery/issueBattery';
export * from './actions/battery/placeOnMarket';
export * from './actions/battery/proposeHandover';
export * from './actions/battery/recordStateOfHealth';
export * from './actions/battery/recordUse';
export * from './actions/battery/recycle';
export * from './actions/battery/rejectHandover';
export * from './actions/battery/repurpose';
export * from './actions/battery/restricted';
export * from './actions/custody/acceptTransfer';
export * from './actions/custody/cancelTransfer';
export * from './actions/custody/getCommercialTerms';
export * from './actions/custody/getTransfer';
export * from './actions/custody/listTransfers';
export * from './actions/custody/proposeTransfer';
export * from './actions/custody/rejectTransfer';
export * from './actions/custody/resolveDispute';
export * from './actions/custody/transferEndorsers';
export * from './actions/facility/getFacility';
export * from './actions/facility/listFacilities';
export * from './actions/facility/registerFacility';
export * from './actions/facility/updateCertifications';
export * from './actions/lot/getLot';
export * from './actions/lot/getLotHistory';
export * from './actions/lot/listLots';
export * from './actions/lot/mergeLots';
export * from './actions/lot/mintLot';
export * from './actions/lot/splitLot';
export * from './actions/lot/traceDownstream';
export * from './actions/lot/traceUpstream';
export * from './actions/massbalance/claimOnOutput';
export * from './actions/massbalance/closePeriod';
export * from './actions/massbalance/getAccount';
export * from './actions/massbalance/getPeriod';
export * from './actions/massbalance/getStatement';
export * from './actions/massbalance/listMovements';
export * from './actions/massbalance/openPeriod';
export * from './actions/massbalance/reconcilePeriod';
export * from './actions/process/getProcessRun';
export * from './actions/process/transform';
export * from './actions/proof/exportProof';
export { auditTransactions } from './actions/definitions/audit';
export { batteryHistorySchema, batteryTransactions } from './actions/definitions/battery';
export { custodyTransactions } from './actions/definitions/custody';
export { facilityTransactions } from './actions/definitions/facility';
export { lotTransactions } from './actions/definitions/lot';
export { massBalanceTransactions } from './actions/definitions/massbalance';
export { processTransactions } from './actions/definitions/process';
/** The chaincode's public API (record and request schemas, enums, names, codes, the record hash), as one namespace. */
export * as api from './actions/definitions/api';
export type {
  Attestation,
  Battery,
  Certification,
  CommercialTerms,
  CustodyTransfer,
  EventEnvelope,
  Facility,
  HistoryEntry,
  MassBalanceAccount,
  MassBalanceMovement,
  MassBalancePeriod,
  MassBalanceStatement,
  MaterialLot,
  PassportView,
  ProcessRun,
  ProvenanceEdge,
  RecordChange,
  RecordHistory,
  TraceNode,
  TraceResult,
} from './actions/definitions/api';
export { bindActions, type Action, type BoundActions } from './client/bindActions';
export { createCoreClient, defaultChaincodeName, type ClientOptions, type CoreClient } from './client/Client';
export { connectGateway, connectOrganisation, createClient, type BatteryTraceClient, type ClientActions } from './client/createClient';
export { isRetryable, isTransient, retryDelay, retryPolicies, type RetryPolicy } from './client/retry';
export { defineTransaction, qualifiedName, type RequestOf, type ResultOf, type TransactionDefinition, type TransactionKind } from './client/transaction';
export {
  createTransactor,
  type CommitHandle,
  type CommitReceipt,
  type EvaluateOptions,
  type SubmitOptions,
  type SubmittedResult,
  type TransactionClient,
  type TransactorOptions,
} from './client/Transactor';
export { awaitProposal, DEFAULT_PROPOSAL_WAIT_MS } from './client/awaitProposal';
export {
  connectionMaterialSchema,
  defaultNetworkDir,
  organisations,
  readConnectionMaterial,
  type ConnectionMaterial,
  type Organisation,
} from './connection/ConnectionMaterial';
export {
  openGateway,
  organisationGatewayOptions,
  type CommonConnectOptions,
  type GatewayConnectOptions,
  type GatewayConnection,
  type OrganisationConnectOptions,
  type SigningOptions,
} from './connection/connect';
export { defaultDeadlines, type Deadlines } from './connection/deadlines';
export { BaseError, type BaseErrorParameters, type ErrorCategory, type NodeErrorDetail } from './errors/BaseError';
export { ChaincodeError, type ChaincodeErrorParameters } from './errors/ChaincodeError';
export { CommitError, type CommitErrorParameters, type ValidationCodeName } from './errors/CommitError';
export { ConfigurationError } from './errors/ConfigurationError';
export { ConflictError } from './errors/ConflictError';
export { DecodeError } from './errors/DecodeError';
export { EndorsementError, type EndorsementErrorParameters } from './errors/EndorsementError';
export { categoryOfCode, type ChaincodeErrorCategory, type ErrorCode } from './errors/errorCodes';
export { ForbiddenError } from './errors/ForbiddenError';
export { IntegrityError, type IntegrityErrorParameters } from './errors/IntegrityError';
export { isContractError, isErrorCategory } from './errors/isContractError';
export { NetworkError, type NetworkErrorParameters } from './errors/NetworkError';
export { NotFoundError } from './errors/NotFoundError';
export { toSdkError, type ErrorContext } from './errors/toSdkError';
export { ValidationError } from './errors/ValidationError';
export { type EventPosition, type EventStream, type EventStreamOptions } from './events/EventStream';
export { type Listener } from './events/listen';
export { defaultReconnectPolicy, type ReconnectPolicy } from './events/reconnect';
export { traceEventName, traceEventPayloadSchema, type TraceEvent, type TraceEventPayload } from './events/traceEvent';
export { silentLogger, type Logger } from './logger';
export {
  proofChainSchema,
  proofFormat,
  proofRecordSchema,
  proofSignatureSchema,
  provenanceProofSchema,
  type ProofChain,
  type ProofRecord,
  type ProofSignature,
  type ProvenanceProof,
} from './proof/ProvenanceProof';
export { cosignProof, signProof, type TypedDataSigner, type UnsignedProof } from './proof/signProof';
export { proofDomain, proofMessage, proofTypes } from './proof/typedData';
export { recordHash, verifyRecordChain, zeroHash, type HashedRecord, type RecordHasher } from './proof/verifyChain';
export { historyVersions, verifyHistory, type HistoryLike } from './proof/verifyHistory';
export { verifyProof, type ProofVerification, type VerifyProofOptions } from './proof/verifyProof';
