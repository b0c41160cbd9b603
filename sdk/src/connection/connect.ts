import * as grpc from '@grpc/grpc-js';
import { connect, hash, signers, type Gateway, type Hash, type Signer } from '@hyperledger/fabric-gateway';
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigurationError } from '../errors/ConfigurationError';
import type { Logger } from '../logger';
import type { RetryPolicy } from '../client/retry';
import { chainHeightReader } from './chainHeight';
import { defaultNetworkDir, readConnectionMaterial } from './ConnectionMaterial';
import { deadlineOptions, defaultDeadlines, type Deadlines } from './deadlines';

/** Options shared by the connect helpers. */
export interface CommonConnectOptions {
  /** Retry policy for commit-time read conflicts; none by default. */
  readonly retry?: RetryPolicy;
  /**
   * Retry policy for transient unavailability (no endorsing peer available, no answer within the endorsement
   * deadline); {@link retryPolicies.transient} by default, {@link retryPolicies.none} to turn it off.
   */
  readonly transientRetry?: RetryPolicy;
  /** Receives the SDK's diagnostics. */
  readonly logger?: Logger;
  /** Per-call deadlines; defaults in {@link defaultDeadlines}. */
  readonly deadlines?: Partial<Deadlines>;
}

/** How the client signs: a private key (PEM text, PEM bytes or a `KeyObject`) or your own signer (HSM, KMS…). */
export type SigningOptions =
  | { readonly privateKey: string | Uint8Array | KeyObject; readonly signer?: never; readonly hash?: Hash }
  | { readonly signer: Signer; readonly privateKey?: never; readonly hash?: Hash };

/** Options of {@link connectGateway}: everything explicit. */
export type GatewayConnectOptions = CommonConnectOptions &
  SigningOptions & {
    /** Gateway peer address, `host:port`. */
    readonly endpoint: string;
    /** PEM of the CA that issued the peer's TLS certificate. */
    readonly tlsRootCert: string | Uint8Array;
    /** TLS server name to expect when it differs from the endpoint's host. */
    readonly hostnameOverride?: string;
    /** MSP id of the client identity. */
    readonly mspId: string;
    /** PEM of the client's X.509 certificate. */
    readonly certificate: string | Uint8Array;
    readonly channel: string;
    /** Default `battery-trace`. */
    readonly chaincode?: string;
  };

/** A gateway connection, the channel and the chaincode name, plus how to release them. */
export interface GatewayConnection {
  readonly gateway: Gateway;
  readonly mspId: string;
  readonly channel: string;
  readonly chaincode: string;
  readonly chainHeight: () => Promise<bigint>;
  close(): void;
}

const bytes = (value: string | Uint8Array): Uint8Array => (typeof value === 'string' ? Buffer.from(value) : value);

function signerOf(options: SigningOptions): Signer {
  if (options.signer !== undefined) {
    return options.signer;
  }
  const key = options.privateKey;
  try {
    return signers.newPrivateKeySigner(typeof key === 'string' || key instanceof Uint8Array ? createPrivateKey(Buffer.from(bytes(key))) : key);
  } catch (cause) {
    throw new ConfigurationError('The private key cannot be used for signing', { cause });
  }
}

/**
 * Opens a gateway connection from explicit material: endpoint, TLS CA, identity and key or signer.
 * One gRPC connection over TLS; deadlines on every call.
 * @throws {@link ConfigurationError} when the key is unusable
 */
export function openGateway(options: GatewayConnectOptions): GatewayConnection {
  const signer = signerOf(options);
  const channelOptions = options.hostnameOverride ? { 'grpc.ssl_target_name_override': options.hostnameOverride } : {};
  const client = new grpc.Client(options.endpoint, grpc.credentials.createSsl(Buffer.from(bytes(options.tlsRootCert))), channelOptions);
  const gateway = connect({
    client,
    identity: { mspId: options.mspId, credentials: bytes(options.certificate) },
    signer,
    hash: options.hash ?? hash.sha256,
    ...deadlineOptions({ ...defaultDeadlines, ...options.deadlines }),
  });
  const network = gateway.getNetwork(options.channel);
  return {
    gateway,
    mspId: options.mspId,
    channel: options.channel,
    chaincode: options.chaincode ?? 'battery-trace',
    chainHeight: chainHeightReader(network),
    close: () => {
      gateway.close();
      client.close();
    },
  };
}

/** Options of {@link connectOrganisation}. */
export interface OrganisationConnectOptions extends CommonConnectOptions {
  /** Organisation key: `mining`, `manufacturing`, `recycling` or `audit`. */
  readonly org: string;
  /** Identity name in the connection material; default `user1` (also `admin`, `user2`). */
  readonly identity?: string;
  /** The network state folder; default {@link defaultNetworkDir}. */
  readonly networkDir?: string;
  /** Sign with this signer instead of the identity's key file. */
  readonly signer?: Signer;
}

/**
 * Resolves an organisation's connection material (`<networkDir>/connection/<org>.json`) into explicit options.
 * @throws {@link ConfigurationError} when the material, the identity or its files are missing
 */
export function organisationGatewayOptions(options: OrganisationConnectOptions): GatewayConnectOptions {
  const material = readConnectionMaterial(options.org, options.networkDir ?? defaultNetworkDir());
  const name = options.identity ?? 'user1';
  const identity = material.identities[name];
  if (identity === undefined) {
    const known = Object.keys(material.identities).join(', ');
    throw new ConfigurationError(`No identity '${name}' in the connection material of ${options.org} (known: ${known})`);
  }
  const common = {
    endpoint: material.peer.endpoint,
    tlsRootCert: readFile(material.peer.tlsRootCertPath),
    mspId: material.mspId,
    certificate: readFile(identity.certPath),
    channel: material.channel,
    chaincode: material.chaincode,
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.transientRetry ? { transientRetry: options.transientRetry } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.deadlines ? { deadlines: options.deadlines } : {}),
  };
  return options.signer ? { ...common, signer: options.signer } : { ...common, privateKey: readFile(identity.keyPath) };
}

function readFile(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (cause) {
    throw new ConfigurationError(`Cannot read ${file}`, { cause });
  }
}
