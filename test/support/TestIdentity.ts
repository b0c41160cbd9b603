import { msp } from '@hyperledger/fabric-protos';
import type { NodeRole } from './pki/CertificateAuthority';
import { authorityOf, domainOf } from './pki/organisations';

/** How a test identity is described. */
export interface TestIdentityOptions {
  readonly mspId: string;
  /** NodeOU role; default `client`. */
  readonly role?: NodeRole;
  /** Subject common name; default `Admin@<domain>`, `User1@<domain>` or `peer0.<domain>` by role. */
  readonly commonName?: string;
  /** Fabric CA attributes (`ClientIdentity.getAttributeValue` reads them). */
  readonly attributes?: Readonly<Record<string, string>>;
}

/** An identity's certificate and its serialized form, as a client or peer sends it. */
export interface Credentials {
  readonly certificatePem: string;
  /** A `msp.SerializedIdentity` (MSP id + PEM), the proposal's creator or an endorsement's endorser. */
  readonly serialized: Uint8Array;
}

function defaultName(role: NodeRole, domain: string): string {
  switch (role) {
    case 'admin':
      return `Admin@${domain}`;
    case 'peer':
      return `peer0.${domain}`;
    case 'client':
      return `User1@${domain}`;
  }
}

/**
 * A member of an organisation with a real X.509 certificate from the organisation's CA, generated on first
 * use. The chaincode sees it through fabric-shim's own `ClientIdentity`, exactly as on a peer.
 * @example
 * ```ts
 * const auditor = new TestIdentity({ mspId: 'AuditorMSP', attributes: { 'bt.role': 'inspector' } });
 * ```
 */
export class TestIdentity {
  readonly mspId: string;
  readonly role: NodeRole;
  readonly commonName: string;
  readonly attributes: Readonly<Record<string, string>> | undefined;
  #credentials: Promise<Credentials> | undefined;

  constructor(options: TestIdentityOptions) {
    this.mspId = options.mspId;
    this.role = options.role ?? 'client';
    this.commonName = options.commonName ?? defaultName(this.role, domainOf(options.mspId));
    this.attributes = options.attributes;
  }

  /** The MSP id (named as on fabric-shim's `ClientIdentity`, so scenario set-ups read the same). */
  getMSPID(): string {
    return this.mspId;
  }

  /** The certificate and serialized identity, issued once. */
  credentials(): Promise<Credentials> {
    this.#credentials ??= this.#issue();
    return this.#credentials;
  }

  async #issue(): Promise<Credentials> {
    const authority = await authorityOf(this.mspId);
    const certificatePem = await authority.issue({ commonName: this.commonName, role: this.role, ...(this.attributes ? { attributes: this.attributes } : {}) });
    const serialized = new msp.SerializedIdentity();
    serialized.setMspid(this.mspId);
    serialized.setIdBytes(new TextEncoder().encode(certificatePem));
    return { certificatePem, serialized: serialized.serializeBinary() };
  }
}
