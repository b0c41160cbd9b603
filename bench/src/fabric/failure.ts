import { EndorseError, type GatewayError } from '@hyperledger/fabric-gateway';
import { peer } from '@hyperledger/fabric-protos';
import * as grpc from '@grpc/grpc-js';
import { decodeErrorEnvelope } from '../../../chaincode/src/api/errors';

/**
 * Why a transaction did not commit as valid. Commit-time validation codes keep Fabric's names
 * (`MVCC_READ_CONFLICT`, `PHANTOM_READ_CONFLICT`, `ENDORSEMENT_POLICY_FAILURE`, …); client-side phases are
 * `ENDORSEMENT_ERROR` (the chaincode or a peer refused the proposal), `SUBMIT_ERROR` (the orderer refused the
 * envelope), `COMMIT_STATUS_ERROR` (the status could not be read) and `TIMEOUT` (a deadline passed in any phase).
 */
export type FailureReason = string;

/** The phase of the transaction flow in which an error was raised. */
export type Phase = 'endorse' | 'submit' | 'commit';

const phaseReason: Record<Phase, FailureReason> = {
  endorse: 'ENDORSEMENT_ERROR',
  submit: 'SUBMIT_ERROR',
  commit: 'COMMIT_STATUS_ERROR',
};

/**
 * Classifies an error thrown by fabric-gateway in `phase`. Deadline expiry is `TIMEOUT` whatever the phase; an
 * endorsement error carries the chaincode's error code when the message holds the battery-trace envelope
 * (`ENDORSEMENT_ERROR:LOT_NOT_FOUND`), so set-up mistakes are told apart from contention.
 */
export function classifyError(error: unknown, phase: Phase): FailureReason {
  const code = (error as Partial<GatewayError> | undefined)?.code;
  if (code === grpc.status.DEADLINE_EXCEEDED) {
    return 'TIMEOUT';
  }
  if (error instanceof EndorseError) {
    const chaincodeCode = chaincodeErrorCode(error);
    return chaincodeCode === undefined ? phaseReason.endorse : `${phaseReason.endorse}:${chaincodeCode}`;
  }
  return phaseReason[phase];
}

/** The name of a commit validation code, e.g. 11 → `MVCC_READ_CONFLICT`. */
export function validationCodeName(code: number): FailureReason {
  return validationCodeNames.get(code) ?? `VALIDATION_CODE_${code}`;
}

const validationCodeNames = new Map<number, string>(Object.entries(peer.TxValidationCode).map(([name, value]) => [value, name]));

function chaincodeErrorCode(error: EndorseError): string | undefined {
  const messages = [error.message, ...error.details.map((detail) => detail.message)];
  return messages.map(decodeErrorEnvelope).find((envelope) => envelope !== undefined)?.code;
}
