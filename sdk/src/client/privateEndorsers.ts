import { ConfigurationError } from '../errors/ConfigurationError';

/**
 * The organisations that endorse a transaction carrying private (transient) data. Every write needs two
 * organisations' endorsements (docs/TRUST.md), and each endorsing peer sees the transient data, so the second
 * endorser is the first organisation in `entitled`, in order of preference, other than the caller's: the
 * counterparty of a deal, or a member of the private data collection.
 * @param own - the caller's MSP id
 * @param entitled - organisations entitled to see the data, most preferred first
 * @param what - the transaction, for the error message
 * @returns two distinct MSP ids, the caller's first
 * @throws {@link ConfigurationError} when the caller's organisation is unknown or nobody else is entitled
 */
export function privateEndorsers(own: string | undefined, entitled: readonly string[], what: string): string[] {
  if (own === undefined) {
    throw new ConfigurationError(`${what} carries private data: name the endorsing organisations`, { transactionName: what });
  }
  const partner = entitled.find((mspId) => mspId !== own);
  if (partner === undefined) {
    throw new ConfigurationError(`${what} carries private data and no organisation besides ${own} may see it: name the endorsing organisations`, { transactionName: what });
  }
  return [own, partner];
}
