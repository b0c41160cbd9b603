import { X509Certificate } from 'node:crypto';
import { msp } from '@hyperledger/fabric-protos';

/** A valid identity of one of the channel's organisations, as the MSP sees it. */
export interface MspIdentity {
  readonly mspId: string;
  /** Unique within the MSP: the certificate's SHA-256 fingerprint. */
  readonly id: string;
  /** The certificate subject's OU values (NodeOUs: `admin`, `client`, `peer`, `orderer`). */
  readonly ous: readonly string[];
  /** The `msp.SerializedIdentity` it was read from. */
  readonly serialized: Uint8Array;
}

/** Thrown when an identity does not belong to the channel (unknown MSP, or a certificate its CA did not issue). */
export class MspError extends Error {
  override name = 'MspError';
}

const NODE_OUS: ReadonlySet<string> = new Set(['admin', 'client', 'peer', 'orderer']);

function decodeSerialized(bytes: Uint8Array): { mspId: string; pem: string } {
  try {
    const serialized = msp.SerializedIdentity.deserializeBinary(bytes);
    return { mspId: serialized.getMspid(), pem: new TextDecoder().decode(serialized.getIdBytes_asU8()) };
  } catch (error) {
    throw new MspError(`could not deserialize identity: ${String(error)}`);
  }
}

function parseCertificate(pem: string): X509Certificate {
  try {
    return new X509Certificate(pem);
  } catch (error) {
    throw new MspError(`identity is not an X.509 certificate: ${String(error)}`);
  }
}

/**
 * The channel's MSPs: one root CA per organisation, NodeOUs on. Deserializing an identity checks that its
 * organisation is on the channel and that its certificate was issued by that organisation's CA (and not by
 * another organisation's), as a Fabric MSP validates it. Validity dates are not checked: the test
 * certificates are valid until 2099.
 */
export class ChannelMsp {
  readonly #roots: ReadonlyMap<string, X509Certificate>;
  readonly #known = new Map<string, MspIdentity>();

  /**
   * @param roots - PEM root certificate of each organisation, by MSP id
   */
  constructor(roots: ReadonlyMap<string, string>) {
    this.#roots = new Map([...roots].map(([mspId, pem]) => [mspId, parseCertificate(pem)]));
  }

  /** The channel's organisations, in configuration order. */
  get mspIds(): readonly string[] {
    return [...this.#roots.keys()];
  }

  /**
   * Reads and validates a serialized identity.
   * @throws {@link MspError} when it is not a valid identity of a channel organisation
   */
  deserialize(serialized: Uint8Array): MspIdentity {
    const cacheKey = Buffer.from(serialized).toString('base64');
    const known = this.#known.get(cacheKey);
    if (known !== undefined) {
      return known;
    }
    const identity = this.#validate(serialized);
    this.#known.set(cacheKey, identity);
    return identity;
  }

  #validate(serialized: Uint8Array): MspIdentity {
    const { mspId, pem } = decodeSerialized(serialized);
    const root = this.#roots.get(mspId);
    if (root === undefined) {
      throw new MspError(`MSP ${mspId} is not defined on channel`);
    }
    const certificate = parseCertificate(pem);
    if (!certificate.checkIssued(root) || !certificate.verify(root.publicKey)) {
      throw new MspError(`the supplied identity is not valid: certificate not issued by the CA of ${mspId}`);
    }
    const ous = certificate.subject.split('\n').filter((line) => line.startsWith('OU=')).map((line) => line.slice(3));
    if (ous.filter((ou) => NODE_OUS.has(ou)).length !== 1) {
      throw new MspError(`the supplied identity is not valid: it must carry exactly one NodeOU of ${[...NODE_OUS].join(', ')}`);
    }
    return { mspId, id: certificate.fingerprint256, ous, serialized: Uint8Array.from(serialized) };
  }
}
