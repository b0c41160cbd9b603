import { ORGS } from '../../../chaincode/src/api';
import { createCertificateAuthority, type CertificateAuthority } from './CertificateAuthority';

const domains = new Map<string, string>(Object.entries(ORGS).map(([key, mspId]) => [mspId, `${key}.batterytrace.local`]));
const authorities = new Map<string, Promise<CertificateAuthority>>();

/**
 * The domain of an organisation: `<key>.batterytrace.local` for the network's organisations (as cryptogen
 * names them), `<mspid>.example` for any other.
 */
export function domainOf(mspId: string): string {
  return domains.get(mspId) ?? `${mspId.toLowerCase()}.example`;
}

/**
 * The organisation's CA, created on first use and shared by every network of the test process (the
 * certificates are generated once, not per test).
 */
export function authorityOf(mspId: string): Promise<CertificateAuthority> {
  let authority = authorities.get(mspId);
  if (authority === undefined) {
    authority = createCertificateAuthority(domainOf(mspId));
    authorities.set(mspId, authority);
  }
  return authority;
}
