import { X509Certificate } from 'node:crypto';
import type { ClientIdentity } from 'fabric-shim-api';
import { AUDITOR_MSP, ContractError } from '../api';

/** Who submitted the transaction. */
export interface Caller {
  /** The submitter's MSP id. */
  readonly mspId: string;
  /** Whether the submitter is an administrator of its organisation (NodeOU `OU=admin` in its certificate). */
  readonly isAdmin: boolean;
  /** Whether the submitter belongs to the auditor organisation. */
  readonly isAuditor: boolean;
}

/**
 * The organisational units of the submitter's certificate subject, read from the certificate itself (never by
 * splitting the identity string, whose escaping rules would let a crafted subject pass for another).
 */
export function organisationalUnits(identity: Pick<ClientIdentity, 'getIDBytes'>): string[] {
  let subject: string;
  try {
    subject = new X509Certificate(identity.getIDBytes()).subject;
  } catch {
    return [];
  }
  return subject
    .split('\n')
    .filter((line) => line.startsWith('OU='))
    .map((line) => line.slice(3));
}

/**
 * Tells whether an identity is an organisation admin: with NodeOUs (cryptogen, Fabric CA) an admin's
 * certificate carries the organisational unit `admin`.
 */
export function isOrgAdmin(identity: Pick<ClientIdentity, 'getIDBytes'>): boolean {
  return organisationalUnits(identity).some((unit) => unit.toLowerCase() === 'admin');
}

/** Describes the transaction's submitter from its certificate. */
export function callerOf(identity: Pick<ClientIdentity, 'getIDBytes' | 'getMSPID'>): Caller {
  const mspId = identity.getMSPID();
  return { mspId, isAdmin: isOrgAdmin(identity), isAuditor: mspId === AUDITOR_MSP };
}

/**
 * Requires the caller to belong to one of the given organisations.
 * @throws {@link ContractError} `FORBIDDEN` otherwise
 */
export function requireOrg(caller: Caller, mspIds: readonly string[], action: string): void {
  if (!mspIds.includes(caller.mspId)) {
    throw new ContractError('FORBIDDEN', `${caller.mspId} may not ${action}`);
  }
}

/**
 * Requires the caller to be an admin of the given organisation.
 * @throws {@link ContractError} `FORBIDDEN` otherwise
 */
export function requireOrgAdmin(caller: Caller, mspId: string, action: string): void {
  requireOrg(caller, [mspId], action);
  if (!caller.isAdmin) {
    throw new ContractError('FORBIDDEN', `only an admin of ${mspId} may ${action}`);
  }
}
