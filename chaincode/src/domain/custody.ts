import { ContractError, type CustodyTransfer, type Draft, type Facility, type MaterialLot, type TransferStatus } from '../api';
import { requireActive } from './lots';

/** A proposal as the custody domain needs it (already validated). */
export interface ProposalInput {
  readonly id: string;
  readonly declaredMassGrams: number;
  readonly shippingDocumentsHash: string;
  readonly toleranceBasisPoints: number;
  readonly commercialTermsHash?: string;
}

/** A transfer and its lot after a custody step. */
export interface CustodyStep {
  readonly transfer: CustodyTransfer;
  readonly lot: MaterialLot;
}

/** A new transfer and its lot after a proposal. */
export interface ProposalPlan {
  readonly transfer: Draft<CustodyTransfer>;
  readonly lot: MaterialLot;
}

/**
 * Proposes to send a whole active lot to another facility; the lot goes in transit.
 * @throws {@link ContractError} `INVALID_STATE` when the lot is not active, `INVALID_ARGUMENT` when the destination
 * is the lot's own facility or the declared mass is not the lot's mass (split first to send part of a lot)
 */
export function planProposal(input: ProposalInput, lot: MaterialLot, to: Facility): ProposalPlan {
  requireActive(lot, 'move');
  if (to.id === lot.custodianFacilityId) {
    throw new ContractError('INVALID_ARGUMENT', `lot ${lot.id} is already at facility ${to.id}`);
  }
  if (input.declaredMassGrams !== lot.massGrams) {
    throw new ContractError('INVALID_ARGUMENT', `lot ${lot.id} holds ${lot.massGrams} g, not ${input.declaredMassGrams} g; split it to send part of it`);
  }
  const transfer: Draft<CustodyTransfer> = {
    id: input.id,
    ownerMsp: lot.ownerMsp,
    lotId: lot.id,
    material: lot.material,
    fromFacilityId: lot.custodianFacilityId,
    toFacilityId: to.id,
    senderMsp: lot.ownerMsp,
    receiverMsp: to.ownerMsp,
    declaredMassGrams: input.declaredMassGrams,
    toleranceBasisPoints: input.toleranceBasisPoints,
    shippingDocumentsHash: input.shippingDocumentsHash,
    commercialTermsHash: input.commercialTermsHash,
    status: 'PROPOSED',
  };
  return { transfer, lot: { ...lot, status: 'IN_TRANSIT', pendingTransferId: input.id } };
}

/**
 * Requires a transfer in one of the given statuses and its lot waiting on it.
 * @throws {@link ContractError} `INVALID_STATE`
 */
export function requireStatus(transfer: CustodyTransfer, lot: MaterialLot, statuses: readonly TransferStatus[]): void {
  if (!statuses.includes(transfer.status)) {
    throw new ContractError('INVALID_STATE', `transfer ${transfer.id} is ${transfer.status}`);
  }
  if (lot.status !== 'IN_TRANSIT' || lot.pendingTransferId !== transfer.id) {
    throw new ContractError('INVALID_STATE', `lot ${lot.id} is not in transit under transfer ${transfer.id}`);
  }
}

/** Whether a weighed mass is within the transfer's tolerance of the declared mass. */
export function withinTolerance(declaredGrams: number, receivedGrams: number, toleranceBasisPoints: number): boolean {
  const difference = BigInt(Math.abs(declaredGrams - receivedGrams));
  return difference * 10_000n <= BigInt(declaredGrams) * BigInt(toleranceBasisPoints);
}

/** The lot in the receiver's custody, holding `massGrams`. */
function delivered(lot: MaterialLot, transfer: CustodyTransfer, massGrams: number): MaterialLot {
  return { ...lot, ownerMsp: transfer.receiverMsp, custodianFacilityId: transfer.toFacilityId, status: 'ACTIVE', massGrams, pendingTransferId: undefined };
}

/**
 * The receiver reports the weighed mass. Within tolerance, custody moves: a shortfall is recorded as loss and
 * leaves the lot; a surplus is recorded but never adds mass. Beyond tolerance the transfer is disputed and
 * the lot stays in transit.
 * @throws {@link ContractError} `INVALID_STATE` unless the transfer is proposed
 */
export function planAcceptance(transfer: CustodyTransfer, lot: MaterialLot, receivedGrams: number): CustodyStep {
  requireStatus(transfer, lot, ['PROPOSED']);
  if (!withinTolerance(transfer.declaredMassGrams, receivedGrams, transfer.toleranceBasisPoints)) {
    return { transfer: { ...transfer, status: 'DISPUTED', receivedMassGrams: receivedGrams }, lot };
  }
  const lossGrams = Math.max(0, transfer.declaredMassGrams - receivedGrams);
  const surplusGrams = Math.max(0, receivedGrams - transfer.declaredMassGrams);
  const accepted: CustodyTransfer = { ...transfer, status: 'ACCEPTED', receivedMassGrams: receivedGrams, lossGrams, surplusGrams };
  return { transfer: accepted, lot: delivered(lot, transfer, transfer.declaredMassGrams - lossGrams) };
}

/**
 * Ends a proposed transfer without moving custody (rejected by the receiver or cancelled by the sender).
 * @throws {@link ContractError} `INVALID_STATE` unless the transfer is proposed
 */
export function planReturn(transfer: CustodyTransfer, lot: MaterialLot, status: 'REJECTED' | 'CANCELLED', reason: string | undefined): CustodyStep {
  requireStatus(transfer, lot, ['PROPOSED']);
  return { transfer: { ...transfer, status, reason }, lot: { ...lot, status: 'ACTIVE', pendingTransferId: undefined } };
}

/** Who settles a dispute. */
export interface Resolver {
  readonly mspId: string;
  readonly isAuditor: boolean;
}

function settled(transfer: CustodyTransfer, lot: MaterialLot, massGrams: number, resolvedBy: 'PARTIES' | 'AUDITOR', note: string | undefined): CustodyStep {
  const settlement = { ...transfer.settlement, settledMassGrams: massGrams, resolvedBy };
  const lossGrams = transfer.declaredMassGrams - massGrams;
  return { transfer: { ...transfer, status: 'SETTLED', settlement, lossGrams, surplusGrams: 0, reason: note ?? transfer.reason }, lot: delivered(lot, transfer, massGrams) };
}

function proposalField(transfer: CustodyTransfer, resolver: Resolver): 'senderProposalGrams' | 'receiverProposalGrams' {
  if (resolver.mspId === transfer.senderMsp) {
    return 'senderProposalGrams';
  }
  if (resolver.mspId === transfer.receiverMsp) {
    return 'receiverProposalGrams';
  }
  throw new ContractError('FORBIDDEN', `${resolver.mspId} is neither party to transfer ${transfer.id} nor an auditor`);
}

/**
 * Resolves a disputed transfer: an auditor settles at once; otherwise each party proposes a mass and equal
 * proposals settle. Settling delivers the lot with the settled mass; the rest of the declared mass is loss.
 * @throws {@link ContractError} `INVALID_STATE` unless disputed, `INVALID_ARGUMENT` for a mass above the declared one,
 * `FORBIDDEN` for anyone else
 */
export function planResolution(transfer: CustodyTransfer, lot: MaterialLot, resolver: Resolver, massGrams: number, note: string | undefined): CustodyStep {
  requireStatus(transfer, lot, ['DISPUTED']);
  if (massGrams > transfer.declaredMassGrams) {
    throw new ContractError('INVALID_ARGUMENT', `a settlement cannot exceed the declared ${transfer.declaredMassGrams} g`);
  }
  if (resolver.isAuditor) {
    return settled(transfer, lot, massGrams, 'AUDITOR', note);
  }
  const settlement = { ...transfer.settlement, [proposalField(transfer, resolver)]: massGrams };
  if (settlement.senderProposalGrams === settlement.receiverProposalGrams) {
    return settled({ ...transfer, settlement }, lot, massGrams, 'PARTIES', note);
  }
  return { transfer: { ...transfer, settlement }, lot };
}
