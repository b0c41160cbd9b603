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
