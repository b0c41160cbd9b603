// Writes one organisation's connection material (see docs/ARCHITECTURE.md) as JSON.
// Args: FILE ORG MSP_ID CHANNEL CHAINCODE PEER_NAME ENDPOINT TLS_CA OPS_URL OPS_CERT OPS_KEY NAME=CERT=KEY...
import { writeFileSync } from 'node:fs';

const [file, org, mspId, channel, chaincode, peerName, endpoint, tlsRootCertPath, opsUrl, opsCert, opsKey, ...identityArgs] =
  process.argv.slice(2);
const identities = Object.fromEntries(
  identityArgs.map((arg) => {
    const [name, certPath, keyPath] = arg.split('=');
    return [name, { certPath, keyPath }];
  }),
);
const material = {
  org,
  mspId,
  channel,
  chaincode,
  peer: { name: peerName, endpoint, tlsRootCertPath },
  operations: { url: opsUrl, clientCertPath: opsCert, clientKeyPath: opsKey },
  identities,
};
writeFileSync(file, `${JSON.stringify(material, null, 2)}\n`);
