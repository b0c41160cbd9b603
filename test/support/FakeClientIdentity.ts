import type { ClientIdentity } from 'fabric-shim-api';

/** How a fake identity is described. */
export interface FakeIdentityOptions {
  /** Common name; default `User1@<msp>`. */
  readonly name?: string;
  /** NodeOU role: `admin` or `client` (default). */
  readonly ou?: 'admin' | 'client' | 'peer';
  /** Certificate attributes (`hf.*` and custom ones). */
  readonly attributes?: Readonly<Record<string, string>>;
}

/** A client identity fake: MSP id, an X.509-style id string with the NodeOU in its subject, attributes. */
export class FakeClientIdentity implements ClientIdentity {
  readonly #mspId: string;
  readonly #id: string;
  readonly #attributes: Readonly<Record<string, string>>;

  constructor(mspId: string, options: FakeIdentityOptions = {}) {
    const ou = options.ou ?? 'client';
    const name = options.name ?? `${ou === 'admin' ? 'Admin' : 'User1'}@${mspId}`;
    this.#mspId = mspId;
    this.#id = `x509::/C=US/ST=California/L=San Francisco/OU=${ou}/CN=${name}::/C=US/ST=California/L=San Francisco/O=${mspId}/CN=ca.${mspId}`;
    this.#attributes = options.attributes ?? {};
  }

  assertAttributeValue(attrName: string, attrValue: string): boolean {
    return this.#attributes[attrName] === attrValue;
  }
  getAttributeValue(attrName: string): string | null {
    return this.#attributes[attrName] ?? null;
  }
  getID(): string {
    return this.#id;
  }
  getIDBytes(): Uint8Array {
    return Buffer.from(this.#id, 'utf8');
  }
  getMSPID(): string {
    return this.#mspId;
  }
}
