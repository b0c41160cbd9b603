import type {
  AcceptTransferRequest,
  BatteryActionRequest,
  ClaimOnOutputRequest,
  CollectBatteryRequest,
  DismantleBatteryRequest,
  IssueBatteryRequest,
  OpenPeriodRequest,
  RecordAttestationRequest,
  RecordStateOfHealthRequest,
  RecycleBatteryRequest,
  RepurposeBatteryRequest,
  TransferBatteryRequest,
  MintLotRequest,
  ProposeTransferRequest,
  RegisterFacilityRequest,
  SplitLotRequest,
  TransformRequest,
} from '../../chaincode/src/api';

/**
 * What the scenario asks of the ledger as one organisation: the participant actions of the battery-trace SDK
 * client. The SDK's client satisfies this interface; the scenario never talks to Fabric any other way.
 */
export interface ParticipantLedger {
  registerFacility(request: RegisterFacilityRequest): Promise<unknown>;
  mintLot(request: MintLotRequest): Promise<unknown>;
  splitLot(request: SplitLotRequest): Promise<unknown>;
  proposeTransfer(request: ProposeTransferRequest): Promise<unknown>;
  acceptTransfer(request: AcceptTransferRequest): Promise<unknown>;
  transform(request: TransformRequest): Promise<unknown>;
  attest(request: RecordAttestationRequest): Promise<unknown>;
  openPeriod(request: OpenPeriodRequest): Promise<unknown>;
  claimOnOutput(request: ClaimOnOutputRequest): Promise<unknown>;
  issueBattery(request: IssueBatteryRequest): Promise<unknown>;
  transferBattery(request: TransferBatteryRequest): Promise<unknown>;
  placeOnMarket(request: BatteryActionRequest): Promise<unknown>;
  recordUse(request: BatteryActionRequest): Promise<unknown>;
  recordStateOfHealth(request: RecordStateOfHealthRequest): Promise<unknown>;
  repurpose(request: RepurposeBatteryRequest): Promise<unknown>;
  collect(request: CollectBatteryRequest): Promise<unknown>;
  dismantle(request: DismantleBatteryRequest): Promise<unknown>;
  recycle(request: RecycleBatteryRequest): Promise<unknown>;
}
