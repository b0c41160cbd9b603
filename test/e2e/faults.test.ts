import { expect } from 'chai';
import type { Contract } from '@hyperledger/fabric-gateway';
import { connectGateway, runId, type TestGateway } from './support/network';
import { eventually, startNode, stopNode } from './support/nodes';

const utf8 = new TextDecoder();

function contractOf(connection: TestGateway): Contract {
  return connection.gateway.getNetwork(connection.material.channel).getContract(connection.material.chaincode);
}

async function readValue(contract: Contract, key: string): Promise<string> {
  const result = JSON.parse(utf8.decode(await contract.evaluateTransaction('baseline:Read', key))) as { value: string };
  return result.value;
}

/**
 * Waits until every organisation's gateway gets a write endorsed together with `mspId`'s peer: after a restart
 * the other gateways' discovery learns of the peer again by gossip, and writes that need it fail until then.
 */
async function everyGatewayReaches(mspId: string): Promise<number> {
  const started = Date.now();
  for (const org of ['mining', 'manufacturing', 'recycling', 'audit']) {
    const connection = connectGateway(org);
    try {
      const contract = contractOf(connection);
      // every write needs two organisations: the restarted one's own gateway pairs it with another
      const endorsingOrganizations = connection.material.mspId === mspId ? [mspId, 'AuditorMSP'] : [connection.material.mspId, mspId];
      await eventually(() => contract.submit('baseline:Write', { arguments: [`${runId}-reach-${org}`, 'ok'], endorsingOrganizations }), 120_000);
    } finally {
      connection.close();
    }
  }
  return Date.now() - started;
}

describe('fault tolerance', function () {
  this.timeout(240_000);

  it('keeps committing while one of the three Raft orderers is down', async () => {
    const manufacturing = connectGateway('manufacturing');
    try {
      await stopNode('orderer-orderer1');
      const contract = contractOf(manufacturing);
      const keys = [1, 2, 3, 4, 5].map((i) => `${runId}-raft-${i}`);
      await Promise.all(keys.map((key) => contract.submitTransaction('baseline:Write', key, `v-${key}`)));
      for (const key of keys) {
        expect(await readValue(contract, key)).to.equal(`v-${key}`);
      }
    } finally {
      await startNode('orderer-orderer1');
      manufacturing.close();
    }
  });

  it('loses no committed transaction when a peer restarts', async () => {
    const keys = Array.from({ length: 10 }, (_, i) => `${runId}-restart-${i}`);
    const writer = connectGateway('mining');
    try {
      const contract = contractOf(writer);
      await Promise.all(keys.map((key) => contract.submitTransaction('baseline:Write', key, `v-${key}`)));
    } finally {
      writer.close();
    }

    await stopNode('peer-mining');
    await startNode('peer-mining');

    const reader = connectGateway('mining');
    try {
      const contract = contractOf(reader);
      // the restarted peer launches its chaincode again on the first request
      await eventually(() => readValue(contract, keys[0]!), 120_000);
      for (const key of keys) {
        expect(await readValue(contract, key)).to.equal(`v-${key}`);
      }
      const after = `${runId}-after-restart`;
      await eventually(() => contract.submitTransaction('baseline:Write', after, 'ok'), 60_000);
      expect(await readValue(contract, after)).to.equal('ok');
    } finally {
      reader.close();
    }
    const recoveryMs = await everyGatewayReaches('MiningMSP');
    console.log(`      every organisation endorsed with the restarted peer again after ${recoveryMs} ms`);
  });
});
