import type { ClientIdentity } from 'fabric-shim-api';
import { AUDITOR_MSP, ContractError } from '../api';

/** Who submitted the transaction. */
export interface Caller {
  /** The submitter's MSP id. */
  readonly mspId: string;
  /** Whether the submitter is an administrator of its organisation (NodeOU `OU=admin`). */
  readonly isAdmin: boolean;
  /** Whether the submitter belongs to the auditor organisation. */
  readonly isAuditor: boolean;
}

/**
 * Tells whether an identity is an organisation admin. With cryptogen NodeOUs an admin's certificate carries
 * `OU=admin` in its subject; `getID()` reads `x509::<subject DN>::<issuer DN>`.
 */
export function isOrgAdmin(identity: Pick<ClientIdentity, 'getID'>): boolean {
  const subject = identity.getID().split('::')[1] ?? '';
  return subject.split(/(?<!\\)\//).some((part) => part.toUpperCase() === 'OU=ADMIN');
}

/** Describes the transaction's submitter. */
export function callerOf(identity: Pick<ClientIdentity, 'getID' | 'getMSPID'>): Caller {
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
