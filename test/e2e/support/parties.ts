import { keccak256, toUtf8Bytes } from 'ethers';
import { connectOrganisation, type BatteryTraceClient, type RetryPolicy } from '../../../sdk/src/index';
import { networkDir } from './network';

/** Connects through the SDK as an identity of an organisation of the local network. */
export function party(org: string, identity = 'user1', retry?: RetryPolicy): BatteryTraceClient {
  return connectOrganisation({ org, identity, networkDir, ...(retry ? { retry } : {}) });
}

/** A shipping-documents hash for test transfers. */
export const documentsHash = (text: string): string => keccak256(toUtf8Bytes(text));

/** Settles a promise into its error, or undefined when it resolved. */
export function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

/** Every party the shared scenarios act through, connected to the local network. */
export function networkParties(): Record<'miningAdmin' | 'mining' | 'manufacturingAdmin' | 'manufacturing' | 'recyclingAdmin' | 'recycling' | 'audit', BatteryTraceClient> {
  return {
    miningAdmin: party('mining', 'admin'),
    mining: party('mining'),
    manufacturingAdmin: party('manufacturing', 'admin'),
    manufacturing: party('manufacturing'),
    recyclingAdmin: party('recycling', 'admin'),
    recycling: party('recycling'),
    audit: party('audit'),
  };
}

/** Closes every client of a scenario's parties. */
export function closeParties(parties: object): void {
  for (const client of Object.values<BatteryTraceClient>({ ...parties })) client.close();
}
