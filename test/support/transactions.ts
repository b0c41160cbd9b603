import type { z } from 'zod';
import { auditTransactions as audit } from '../../sdk/src/actions/definitions/audit';
import { batteryTransactions as battery } from '../../sdk/src/actions/definitions/battery';
import { custodyTransactions as custody } from '../../sdk/src/actions/definitions/custody';
import { facilityTransactions as facility } from '../../sdk/src/actions/definitions/facility';
import { lotTransactions as lot } from '../../sdk/src/actions/definitions/lot';
import { massBalanceTransactions as massBalance } from '../../sdk/src/actions/definitions/massbalance';
import { processTransactions as processRun } from '../../sdk/src/actions/definitions/process';
import { decodeResult } from '../../sdk/src/client/codec';
import type { MemoryNetwork, ProposalOptions } from './MemoryNetwork';
import type { ReadWriteSet } from './fabric/ReadWriteSet';
import type { ChaincodeEvent } from './fabric/Peer';
import type { TestIdentity } from './TestIdentity';

/** The chaincode's transactions by qualified name (an interface, so that declarations name it rather than spell it out). */
interface Transactions {
  readonly 'facility:RegisterFacility': typeof facility.registerFacility;
  readonly 'facility:GetFacility': typeof facility.getFacility;
  readonly 'facility:ListFacilitiesByOrg': typeof facility.listFacilities;
  readonly 'facility:UpdateCertifications': typeof facility.updateCertifications;
  readonly 'lot:MintLot': typeof lot.mintLot;
  readonly 'lot:GetLot': typeof lot.getLot;
  readonly 'lot:GetLotHistory': typeof lot.getLotHistory;
  readonly 'lot:SplitLot': typeof lot.splitLot;
  readonly 'lot:MergeLots': typeof lot.mergeLots;
  readonly 'lot:ListLotsByFacility': typeof lot.listLots;
  readonly 'lot:TraceUpstream': typeof lot.traceUpstream;
  readonly 'lot:TraceDownstream': typeof lot.traceDownstream;
  readonly 'custody:ProposeTransfer': typeof custody.proposeTransfer;
  readonly 'custody:AcceptTransfer': typeof custody.acceptTransfer;
  readonly 'custody:RejectTransfer': typeof custody.rejectTransfer;
  readonly 'custody:CancelTransfer': typeof custody.cancelTransfer;
  readonly 'custody:ResolveDispute': typeof custody.resolveDispute;
  readonly 'custody:GetTransfer': typeof custody.getTransfer;
  readonly 'custody:ListTransfersByLot': typeof custody.listTransfers;
  readonly 'custody:GetCommercialTerms': typeof custody.getCommercialTerms;
  readonly 'process:Transform': typeof processRun.transform;
  readonly 'process:GetProcessRun': typeof processRun.getProcessRun;
  readonly 'massbalance:OpenPeriod': typeof massBalance.openPeriod;
  readonly 'massbalance:ClaimOnOutput': typeof massBalance.claimOnOutput;
  readonly 'massbalance:ReconcilePeriod': typeof massBalance.reconcilePeriod;
  readonly 'massbalance:ClosePeriod': typeof massBalance.closePeriod;
  readonly 'massbalance:GetAccount': typeof massBalance.getAccount;
  readonly 'massbalance:GetPeriod': typeof massBalance.getPeriod;
  readonly 'massbalance:GetStatement': typeof massBalance.getStatement;
  readonly 'massbalance:ListMovements': typeof massBalance.listMovements;
  readonly 'battery:IssueBattery': typeof battery.issueBattery;
  readonly 'battery:PlaceOnMarket': typeof battery.placeOnMarket;
  readonly 'battery:ProposeHandover': typeof battery.proposeHandover;
  readonly 'battery:AcceptHandover': typeof battery.acceptHandover;
  readonly 'battery:RejectHandover': typeof battery.rejectHandover;
  readonly 'battery:CancelHandover': typeof battery.cancelHandover;
  readonly 'battery:GetHandover': typeof battery.getHandover;
  readonly 'battery:RecordUse': typeof battery.recordUse;
  readonly 'battery:RecordStateOfHealth': typeof battery.recordStateOfHealth;
  readonly 'battery:Repurpose': typeof battery.repurpose;
  readonly 'battery:Dismantle': typeof battery.dismantle;
  readonly 'battery:Recycle': typeof battery.recycle;
  readonly 'battery:GetBattery': typeof battery.getBattery;
  readonly 'battery:GetPassport': typeof battery.getPassport;
  readonly 'battery:GetBatteryHistory': typeof battery.getBatteryHistory;
  readonly 'audit:RecordAttestation': typeof audit.attest;
  readonly 'audit:GetAttestation': typeof audit.getAttestation;
  readonly 'audit:ListAttestationsBySubject': typeof audit.listAttestations;
}

/**
 * The chaincode's transactions by qualified name, each with the result schema of the public API: tests call
 * `'lot:MintLot'` and get a typed, validated result, the way a client would decode it.
 */
export const transactions: Transactions = {
  'facility:RegisterFacility': facility.registerFacility,
  'facility:GetFacility': facility.getFacility,
  'facility:ListFacilitiesByOrg': facility.listFacilities,
  'facility:UpdateCertifications': facility.updateCertifications,
  'lot:MintLot': lot.mintLot,
  'lot:GetLot': lot.getLot,
  'lot:GetLotHistory': lot.getLotHistory,
  'lot:SplitLot': lot.splitLot,
  'lot:MergeLots': lot.mergeLots,
  'lot:ListLotsByFacility': lot.listLots,
  'lot:TraceUpstream': lot.traceUpstream,
  'lot:TraceDownstream': lot.traceDownstream,
  'custody:ProposeTransfer': custody.proposeTransfer,
  'custody:AcceptTransfer': custody.acceptTransfer,
  'custody:RejectTransfer': custody.rejectTransfer,
  'custody:CancelTransfer': custody.cancelTransfer,
  'custody:ResolveDispute': custody.resolveDispute,
  'custody:GetTransfer': custody.getTransfer,
  'custody:ListTransfersByLot': custody.listTransfers,
  'custody:GetCommercialTerms': custody.getCommercialTerms,
  'process:Transform': processRun.transform,
  'process:GetProcessRun': processRun.getProcessRun,
  'massbalance:OpenPeriod': massBalance.openPeriod,
  'massbalance:ClaimOnOutput': massBalance.claimOnOutput,
  'massbalance:ReconcilePeriod': massBalance.reconcilePeriod,
  'massbalance:ClosePeriod': massBalance.closePeriod,
  'massbalance:GetAccount': massBalance.getAccount,
  'massbalance:GetPeriod': massBalance.getPeriod,
  'massbalance:GetStatement': massBalance.getStatement,
  'massbalance:ListMovements': massBalance.listMovements,
  'battery:IssueBattery': battery.issueBattery,
  'battery:PlaceOnMarket': battery.placeOnMarket,
  'battery:ProposeHandover': battery.proposeHandover,
  'battery:AcceptHandover': battery.acceptHandover,
  'battery:RejectHandover': battery.rejectHandover,
  'battery:CancelHandover': battery.cancelHandover,
  'battery:GetHandover': battery.getHandover,
  'battery:RecordUse': battery.recordUse,
  'battery:RecordStateOfHealth': battery.recordStateOfHealth,
  'battery:Repurpose': battery.repurpose,
  'battery:Dismantle': battery.dismantle,
  'battery:Recycle': battery.recycle,
  'battery:GetBattery': battery.getBattery,
  'battery:GetPassport': battery.getPassport,
  'battery:GetBatteryHistory': battery.getBatteryHistory,
  'audit:RecordAttestation': audit.attest,
  'audit:GetAttestation': audit.getAttestation,
  'audit:ListAttestationsBySubject': audit.listAttestations,
};

/** A qualified transaction name, e.g. `lot:MintLot`. */
export type TransactionName = keyof typeof transactions;

/** The decoded result of a transaction. */
export type TransactionResult<N extends TransactionName> = z.output<(typeof transactions)[N]['result']>;

/** How a test sends a transaction. */
export interface TransactionOptions {
  /** Transient data; each value is sent as UTF-8 JSON, as the SDK does. */
  readonly transient?: Readonly<Record<string, unknown>>;
  /** Raw transient bytes, for malformed-input tests. */
  readonly rawTransient?: ReadonlyMap<string, Uint8Array>;
  /** Endorse on exactly these organisations; default: the gateway's plan. */
  readonly endorsingOrganizations?: readonly string[];
}

/** A committed transaction's result and what it wrote. */
export interface Simulation<N extends TransactionName> {
  readonly result: TransactionResult<N>;
  readonly txId: string;
  readonly rwset: ReadWriteSet;
  readonly event: ChaincodeEvent | undefined;
}

/** The transaction failed validation at commit. */
export class CommitFailure extends Error {
  override name = 'CommitFailure';
  readonly codeName: string;

  constructor(transactionId: string, codeName: string) {
    super(`transaction ${transactionId} failed to commit: ${codeName}`);
    this.codeName = codeName;
  }
}

function proposalOptions(request: unknown, options: TransactionOptions): ProposalOptions {
  const transientData: Record<string, Uint8Array> = Object.fromEntries(options.rawTransient ?? []);
  for (const [key, value] of Object.entries(options.transient ?? {})) {
    transientData[key] = new TextEncoder().encode(JSON.stringify(value));
  }
  return {
    arguments: [typeof request === 'string' ? request : JSON.stringify(request)],
    transientData,
    ...(options.endorsingOrganizations === undefined ? {} : { endorsingOrganizations: options.endorsingOrganizations }),
  };
}

/**
 * Submits a transaction with a JSON request (objects are JSON-encoded, strings sent as they are), endorsed as
 * the gateway plans unless the options name the organisations, and commits it in a block of its own.
 * @returns the decoded result, the transaction id and what it wrote
 * @throws {@link EndorsementError} when endorsement fails, {@link CommitFailure} when validation does
 */
export async function simulate<N extends TransactionName>(network: MemoryNetwork, who: TestIdentity, name: N, request: unknown, options: TransactionOptions = {}): Promise<Simulation<N>> {
  const { transaction, status } = await network.submit(who, name, proposalOptions(request, options));
  if (!status.successful) {
    throw new CommitFailure(transaction.transactionId, status.codeName);
  }
  return { result: decodeResult(transactions[name].result, transaction.result, name), txId: transaction.transactionId, rwset: transaction.rwset, event: transaction.event };
}

/** Submits a transaction and returns its decoded result (see {@link simulate}). */
export async function submit<N extends TransactionName>(network: MemoryNetwork, who: TestIdentity, name: N, request: unknown, options: TransactionOptions = {}): Promise<TransactionResult<N>> {
  return (await simulate(network, who, name, request, options)).result;
}

/** Evaluates a read-only transaction on the caller's own peer and returns its decoded result. */
export async function query<N extends TransactionName>(network: MemoryNetwork, who: TestIdentity, name: N, request: unknown): Promise<TransactionResult<N>> {
  const bytes = await network.evaluate(who, name, proposalOptions(request, {}));
  return decodeResult(transactions[name].result, bytes, name);
}
