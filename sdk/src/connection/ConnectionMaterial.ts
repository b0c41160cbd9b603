import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ConfigurationError } from '../errors/ConfigurationError';

const identityFilesSchema = z.object({ certPath: z.string().min(1), keyPath: z.string().min(1) });

/** Schema of `.network/connection/<org>.json` as written by `network up` (see docs/ARCHITECTURE.md). */
export const connectionMaterialSchema = z.object({
  org: z.string().min(1),
  mspId: z.string().min(1),
  channel: z.string().min(1),
  chaincode: z.string().min(1),
  peer: z.object({ name: z.string().min(1), endpoint: z.string().min(1), tlsRootCertPath: z.string().min(1) }),
  identities: z.record(identityFilesSchema),
});

/** One organisation's connection material: its peer, channel, chaincode and identities (certificate and key files). */
export type ConnectionMaterial = z.infer<typeof connectionMaterialSchema>;

/** The organisations of the local network. */
export const organisations = ['mining', 'manufacturing', 'recycling', 'audit'] as const;
/** An organisation key of the local network. */
export type Organisation = (typeof organisations)[number];

/**
 * The network state folder: `BT_NETWORK_DIR`, else the nearest `.network` folder holding connection material in
 * the working directory or one of its parents, else `./.network`.
 */
export function defaultNetworkDir(cwd: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.BT_NETWORK_DIR;
  if (configured !== undefined && configured !== '') {
    return path.resolve(configured);
  }
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, '.network');
    if (existsSync(path.join(candidate, 'connection'))) {
      return candidate;
    }
    if (path.dirname(dir) === dir) {
      return path.resolve(cwd, '.network');
    }
  }
}

/**
 * Reads and validates an organisation's connection material.
 * @param org - organisation key, e.g. `mining`
 * @param networkDir - the network state folder; {@link defaultNetworkDir} when omitted
 * @throws {@link ConfigurationError} when the file is missing or malformed
 */
export function readConnectionMaterial(org: string, networkDir: string = defaultNetworkDir()): ConnectionMaterial {
  const file = path.join(networkDir, 'connection', `${org}.json`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (cause) {
    throw new ConfigurationError(`Cannot read the connection material of '${org}' at ${file} (is the network up?)`, { cause });
  }
  const parsed = connectionMaterialSchema.safeParse(json);
  if (!parsed.success) {
    throw new ConfigurationError(`Malformed connection material at ${file}`, { cause: parsed.error });
  }
  return parsed.data;
}
