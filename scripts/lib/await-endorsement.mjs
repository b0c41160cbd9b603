// Waits until every organisation's gateway can have a write endorsed as the chaincode's policies need and
// committed: the gateway plans endorsement by discovery, which learns the other organisations' peers by gossip
// some time after they joined; until then a write that needs two organisations fails with "no combination of
// peers can be derived which satisfy the endorsement policy".
// Args: CONNECTION_DIR TIMEOUT_SECONDS ORG...  (reads CONNECTION_DIR/<org>.json, written by network up)
import { connect, hash, signers } from '@hyperledger/fabric-gateway';
import * as grpc from '@grpc/grpc-js';
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const [connectionDir, timeoutSeconds, ...orgs] = process.argv.slice(2);
const deadline = Date.now() + Number(timeoutSeconds) * 1000;

async function writeOnce(org) {
  const material = JSON.parse(readFileSync(path.join(connectionDir, `${org}.json`), 'utf8'));
  const identity = material.identities.user1;
  const client = new grpc.Client(material.peer.endpoint, grpc.credentials.createSsl(readFileSync(material.peer.tlsRootCertPath)));
  const gateway = connect({
    client,
    identity: { mspId: material.mspId, credentials: readFileSync(identity.certPath) },
    signer: signers.newPrivateKeySigner(createPrivateKey(readFileSync(identity.keyPath))),
    hash: hash.sha256,
    endorseOptions: () => ({ deadline: Date.now() + 15_000 }),
    commitStatusOptions: () => ({ deadline: Date.now() + 30_000 }),
  });
  try {
    const contract = gateway.getNetwork(material.channel).getContract(material.chaincode);
    const submitted = await contract.submitAsync('baseline:Write', { arguments: [`ready-${org}-${Date.now()}`, 'ready'] });
    const status = await submitted.getStatus();
    if (!status.successful) throw new Error(`commit status ${status.code}`);
  } finally {
    gateway.close();
    client.close();
  }
}

let pending = [...orgs];
let lastError = '';
while (pending.length > 0) {
  const outcomes = await Promise.allSettled(pending.map(writeOnce));
  lastError = outcomes.map((o) => (o.status === 'rejected' ? String(o.reason?.details?.[0]?.message ?? o.reason?.message ?? o.reason) : '')).find((m) => m !== '') ?? lastError;
  pending = pending.filter((_, index) => outcomes[index].status === 'rejected');
  if (pending.length === 0) break;
  if (Date.now() > deadline) {
    process.stderr.write(`no write through the gateway of ${pending.join(', ')} committed within ${timeoutSeconds} s: ${lastError}\n`);
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
}
