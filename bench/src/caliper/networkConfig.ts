/**
 * Writes a Hyperledger Caliper network configuration (v2.0.0, for the `fabric:fabric-gateway` binding) and one
 * common connection profile per organisation from a running network's connection material, into
 * `<network-dir>/caliper/`. Run after `network up`; see bench/caliper/README.md.
 */
import { Command } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { organisations, readConnectionMaterial, type ConnectionMaterial } from '../../../sdk/src/index';

/** One organisation entry of a Caliper network configuration. */
export interface CaliperOrganization {
  readonly mspid: string;
  readonly identities: { readonly certificates: readonly { name: string; clientPrivateKey: { path: string }; clientSignedCert: { path: string } }[] };
  readonly connectionProfile: { readonly path: string };
}

/**
 * The Caliper network configuration for the organisations' material.
 * @param extraChaincodes - further chaincode definitions on the channel that rounds call (e.g. `battery-trace-one-org`)
 */
export function caliperNetwork(materials: readonly ConnectionMaterial[], profilePath: (org: string) => string, extraChaincodes: readonly string[] = []): object {
  const first = materials[0];
  if (first === undefined) {
    throw new Error('no connection material');
  }
  return {
    name: 'battery-trace',
    version: '2.0.0',
    caliper: { blockchain: 'fabric' },
    channels: [{ channelName: first.channel, contracts: [first.chaincode, ...extraChaincodes].map((id) => ({ id })) }],
    organizations: materials.map(
      (material): CaliperOrganization => ({
        mspid: material.mspId,
        identities: {
          certificates: Object.entries(material.identities).map(([name, files]) => ({
            name,
            clientPrivateKey: { path: files.keyPath },
            clientSignedCert: { path: files.certPath },
          })),
        },
        connectionProfile: { path: profilePath(material.org) },
      }),
    ),
  };
}

/** A common connection profile naming the organisation's one peer (the gateway it connects to). */
export function connectionProfile(material: ConnectionMaterial): object {
  return {
    name: `battery-trace-${material.org}`,
    version: '1.0.0',
    client: { organization: material.org },
    organizations: { [material.org]: { mspid: material.mspId, peers: [material.peer.name] } },
    peers: { [material.peer.name]: { url: `grpcs://${material.peer.endpoint}`, tlsCACerts: { path: material.peer.tlsRootCertPath } } },
  };
}

function write(networkDir: string, extraChaincodes: readonly string[]): string {
  const outDir = path.join(networkDir, 'caliper');
  mkdirSync(outDir, { recursive: true });
  const materials = organisations.map((org) => readConnectionMaterial(org, networkDir));
  const profilePath = (org: string): string => path.join(outDir, `ccp-${org}.json`);
  for (const material of materials) {
    writeFileSync(profilePath(material.org), `${JSON.stringify(connectionProfile(material), null, 2)}\n`);
  }
  const network = path.join(outDir, 'network.json');
  writeFileSync(network, `${JSON.stringify(caliperNetwork(materials, profilePath, extraChaincodes), null, 2)}\n`);
  return network;
}

if (require.main === module) {
  const program = new Command()
    .name('caliper-network')
    .description('write a Caliper network configuration for a running battery-trace network')
    .option('--network-dir <dir>', 'network state folder', process.env.BT_NETWORK_DIR ?? 'bench/.network')
    .option('--extra-chaincodes <list>', 'further chaincode definitions the rounds call, comma-separated', (value: string) => value.split(',').filter((name) => name !== ''), [])
    .action((options: { networkDir: string; extraChaincodes: string[] }) => {
      process.stdout.write(`${write(path.resolve(options.networkDir), options.extraChaincodes)}\n`);
    });
  program.parse();
}
