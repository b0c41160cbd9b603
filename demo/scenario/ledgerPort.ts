import type {
  AcceptTransferRequest,
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
}
