import type {
  AcceptHandoverRequest,
  AcceptTransferRequest,
  BatteryActionRequest,
  ClaimOnOutputRequest,
  ClaimOnOutputResult,
  DismantleBatteryRequest,
  IssueBatteryRequest,
  MintLotRequest,
  OpenPeriodRequest,
  ProposeHandoverRequest,
  ProposeTransferRequest,
  RecordAttestationRequest,
  RecordStateOfHealthRequest,
  RecoveryResult,
  RecycleBatteryRequest,
  RegisterFacilityRequest,
  RepurposeBatteryRequest,
  SplitLotRequest,
  TransformRequest,
  TransformResult,
} from '../../chaincode/src/api';

/**
 * What the scenario asks of the ledger as one organisation: the participant actions of the battery-trace SDK
 * client. The SDK's client satisfies this interface; the scenario never talks to Fabric any other way. Results
 * the story reports on (what a run credited, what a claim debited) are typed; the rest are not read.
 */
export interface ParticipantLedger {
  registerFacility(request: RegisterFacilityRequest): Promise<unknown>;
  mintLot(request: MintLotRequest): Promise<unknown>;
  splitLot(request: SplitLotRequest): Promise<unknown>;
  proposeTransfer(request: ProposeTransferRequest): Promise<unknown>;
  acceptTransfer(request: AcceptTransferRequest): Promise<unknown>;
  transform(request: TransformRequest): Promise<TransformResult>;
  attest(request: RecordAttestationRequest): Promise<unknown>;
  openPeriod(request: OpenPeriodRequest): Promise<unknown>;
  claimOnOutput(request: ClaimOnOutputRequest): Promise<ClaimOnOutputResult>;
  issueBattery(request: IssueBatteryRequest): Promise<unknown>;
  proposeHandover(request: ProposeHandoverRequest): Promise<unknown>;
  acceptHandover(request: AcceptHandoverRequest): Promise<unknown>;
  placeOnMarket(request: BatteryActionRequest): Promise<unknown>;
  recordUse(request: BatteryActionRequest): Promise<unknown>;
  recordStateOfHealth(request: RecordStateOfHealthRequest): Promise<unknown>;
  repurpose(request: RepurposeBatteryRequest): Promise<unknown>;
  dismantle(request: DismantleBatteryRequest): Promise<RecoveryResult>;
  recycle(request: RecycleBatteryRequest): Promise<RecoveryResult>;
}
