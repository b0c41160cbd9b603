import * as grpc from '@grpc/grpc-js';
import { connect, type Gateway, hash, signers } from '@hyperledger/fabric-gateway';
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** Where `scripts/network.sh up` writes its state; the same default as the scripts. */
export const networkDir = process.env.BT_NETWORK_DIR ?? path.resolve(__dirname, '../../../../.network');

const identitySchema = z.object({ certPath: z.string(), keyPath: z.string() });
const connectionMaterialSchema = z.object({
  org: z.string(),
  mspId: z.string(),
  channel: z.string(),
  chaincode: z.string(),
  peer: z.object({ name: z.string(), endpoint: z.string(), tlsRootCertPath: z.string() }),
  operations: z.object({ url: z.string(), clientCertPath: z.string(), clientKeyPath: z.string() }),
  identities: z.record(identitySchema),
});

/** One organisation's connection material as written by `network up`. */
export type ConnectionMaterial = z.infer<typeof connectionMaterialSchema>;

/** Reads and validates the connection material of `org`. */
export function connectionMaterial(org: string): ConnectionMaterial {
  const file = path.join(networkDir, 'connection', `${org}.json`);
  return connectionMaterialSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** A gateway connection together with the gRPC client it owns. */
export interface TestGateway {
  gateway: Gateway;
  material: ConnectionMaterial;
  close(): void;
}

/** Connects to `org`'s peer gateway as `identity` with plain fabric-gateway (no battery-trace SDK). */
export function connectGateway(org: string, identity = 'user1'): TestGateway {
  const material = connectionMaterial(org);
  const id = material.identities[identity];
  if (id === undefined) {
    throw new Error(`no identity '${identity}' in the connection material of ${org}`);
  }
  const client = new grpc.Client(
    material.peer.endpoint,
    grpc.credentials.createSsl(readFileSync(material.peer.tlsRootCertPath)),
  );
  const gateway = connect({
    client,
    identity: { mspId: material.mspId, credentials: readFileSync(id.certPath) },
    signer: signers.newPrivateKeySigner(createPrivateKey(readFileSync(id.keyPath))),
    hash: hash.sha256,
    evaluateOptions: () => ({ deadline: Date.now() + 10_000 }),
    endorseOptions: () => ({ deadline: Date.now() + 30_000 }),
    submitOptions: () => ({ deadline: Date.now() + 10_000 }),
    commitStatusOptions: () => ({ deadline: Date.now() + 60_000 }),
  });
  return {
    gateway,
    material,
    close: () => {
      gateway.close();
      client.close();
    },
  };
}

/** A prefix that makes this run's record ids unique on a long-lived network. */
export const runId = `t${Date.now().toString(36)}`;
