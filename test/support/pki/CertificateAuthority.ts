// tsyringe, which @peculiar/x509 loads, refuses to start without the Reflect metadata polyfill
import 'reflect-metadata';
import { createHash, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

/** The NodeOU role a certificate carries in its subject (`OU=admin`, `OU=client`, `OU=peer`). */
export type NodeRole = 'admin' | 'client' | 'peer';

/** What a certificate is issued for. */
export interface CertificateRequest {
  /** Subject common name, e.g. `User1@mining.batterytrace.local`. */
  readonly commonName: string;
  readonly role: NodeRole;
  /** Fabric CA attributes, written to the `1.2.3.4.5.6.7.8.1` extension as `{"attrs":{...}}`. */
  readonly attributes?: Readonly<Record<string, string>>;
}

/** An organisation's certificate authority: a self-signed root that issues the organisation's identities. */
export interface CertificateAuthority {
  /** The organisation's domain, e.g. `mining.batterytrace.local`. */
  readonly domain: string;
  /** The root certificate, PEM. */
  readonly certificatePem: string;
  /**
   * Issues an ECDSA P-256 certificate laid out as cryptogen lays it out.
   * @returns the certificate, PEM
   */
  issue(request: CertificateRequest): Promise<string>;
}

/** The OID under which Fabric CA writes enrolment attributes. */
export const FABRIC_ATTRIBUTES_OID = '1.2.3.4.5.6.7.8.1';

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const LOCALITY = 'C=US, ST=California, L=San Francisco';
// fixed validity: the MSP of the in-memory network never looks at the wall clock
const NOT_BEFORE = new Date('2020-01-01T00:00:00Z');
const NOT_AFTER = new Date('2099-12-31T23:59:59Z');
x509.cryptoProvider.set(webcrypto);

/** Serial numbers follow from the subject, so a certificate's content does not depend on issuing order. */
function serialOf(subject: string): string {
  return `01${createHash('sha256').update(subject).digest('hex').slice(0, 30)}`;
}

function newKeys(): Promise<webcrypto.CryptoKeyPair> {
  return webcrypto.subtle.generateKey(ALGORITHM, false, ['sign', 'verify']);
}

function attributeExtension(attributes: Readonly<Record<string, string>>): x509.Extension {
  return new x509.Extension(FABRIC_ATTRIBUTES_OID, false, new TextEncoder().encode(JSON.stringify({ attrs: attributes })));
}

/**
 * Creates an organisation's root CA (`O=<domain>, CN=ca.<domain>`), as cryptogen does.
 * @param domain - the organisation's domain
 * @example
 * ```ts
 * const ca = await createCertificateAuthority('mining.batterytrace.local');
 * const pem = await ca.issue({ commonName: 'User1@mining.batterytrace.local', role: 'client' });
 * ```
 */
export async function createCertificateAuthority(domain: string): Promise<CertificateAuthority> {
  const keys = await newKeys();
  const name = `${LOCALITY}, O=${domain}, CN=ca.${domain}`;
  const root = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialOf(name),
    name,
    notBefore: NOT_BEFORE,
    notAfter: NOT_AFTER,
    keys,
    signingAlgorithm: ALGORITHM,
    extensions: [new x509.BasicConstraintsExtension(true, undefined, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true)],
  });
  return {
    domain,
    certificatePem: root.toString('pem'),
    issue: async (request) => {
      const subject = `${LOCALITY}, OU=${request.role}, CN=${request.commonName}`;
      const attributes = request.attributes === undefined ? [] : [attributeExtension(request.attributes)];
      const certificate = await x509.X509CertificateGenerator.create({
        serialNumber: serialOf(subject),
        subject,
        issuer: root.subject,
        notBefore: NOT_BEFORE,
        notAfter: NOT_AFTER,
        signingKey: keys.privateKey,
        publicKey: (await newKeys()).publicKey,
        signingAlgorithm: ALGORITHM,
        extensions: [new x509.BasicConstraintsExtension(false, undefined, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true), ...attributes],
      });
      return certificate.toString('pem');
    },
  };
}
