import type {
  Attestation,
  Battery,
  BatteryHandover,
  ByIdRequest,
  CustodyTransfer,
  Facility,
  GetStatementRequest,
  ListAttestationsBySubjectRequest,
  ListMovementsRequest,
  ListTransfersByLotRequest,
  MassBalanceMovement,
  MassBalanceStatement,
  MaterialLot,
  Page,
  PassportView,
  ProcessRun,
  RecordHistory,
  TraceRequest,
  TraceResult,
} from '../../chaincode/src/api';

/**
 * What the report reads from the ledger: the auditor-side queries of the battery-trace SDK client. The SDK's
 * client satisfies this interface; the report is built from these answers only.
 */
export interface LedgerReader {
  getFacility(request: ByIdRequest): Promise<Facility>;
  listAttestations(request: ListAttestationsBySubjectRequest): Promise<Page<Attestation>>;
  getLot(request: ByIdRequest): Promise<MaterialLot>;
  getProcessRun(request: ByIdRequest): Promise<ProcessRun>;
  traceUpstream(request: TraceRequest): Promise<TraceResult>;
  traceDownstream(request: TraceRequest): Promise<TraceResult>;
  listTransfers(request: ListTransfersByLotRequest): Promise<Page<CustodyTransfer>>;
  getBattery(request: ByIdRequest): Promise<Battery>;
  getBatteryHistory(request: ByIdRequest): Promise<RecordHistory<Battery>>;
  getHandover(request: ByIdRequest): Promise<BatteryHandover>;
  getPassport(request: ByIdRequest): Promise<PassportView>;
  getStatement(request: GetStatementRequest): Promise<MassBalanceStatement>;
  listMovements(request: ListMovementsRequest): Promise<Page<MassBalanceMovement>>;
}
