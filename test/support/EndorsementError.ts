/** One peer's failure, as the gateway reports it in an error's details. */
export interface EndorsementFailureDetail {
  readonly address: string;
  readonly mspId: string;
  readonly message: string;
}

/** gRPC status codes the gateway answers endorsement and evaluation failures with. */
export const GRPC_CODES = { UNKNOWN: 2, FAILED_PRECONDITION: 9, ABORTED: 10, UNAVAILABLE: 14 } as const;

const CODE_NAMES = new Map<number, string>(Object.entries(GRPC_CODES).map(([name, code]) => [code, name]));

/**
 * A proposal the in-memory gateway could not turn into an endorsed transaction (or evaluate): a chaincode
 * error on a peer, mismatched endorsements, or no plan that satisfies the policies. Nothing was ordered.
 * Its `message` carries every peer's message, so a chaincode error envelope can be found in it.
 */
export class EndorsementError extends Error {
  override name = 'EndorsementError';
  /** The gRPC status code the gateway would answer with. */
  readonly grpcCode: number;
  /** The gateway's own message, e.g. `failed to endorse transaction, see attached details for more info`. */
  readonly reason: string;
  readonly details: readonly EndorsementFailureDetail[];
  readonly transactionId: string;

  constructor(grpcCode: number, reason: string, details: readonly EndorsementFailureDetail[], transactionId: string) {
    super([`${String(grpcCode)} ${CODE_NAMES.get(grpcCode) ?? 'UNKNOWN'}: ${reason}`, ...details.map((detail) => `${detail.mspId}: ${detail.message}`)].join('\n'));
    this.grpcCode = grpcCode;
    this.reason = reason;
    this.details = details;
    this.transactionId = transactionId;
  }
}
