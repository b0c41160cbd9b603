import { expect } from 'chai';
import { EndorseError } from '@hyperledger/fabric-gateway';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import { connectGateway, connectionMaterial, runId, type TestGateway } from './support/network';

const ORGS = ['mining', 'manufacturing', 'recycling', 'audit'] as const;
const utf8 = new TextDecoder();

interface TlsOptions {
  ca: Buffer;
  cert?: Buffer;
  key?: Buffer;
}

function httpsGet(url: string, tls: TlsOptions): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, tls, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => {
          body += chunk.toString('utf8');
        });
        res.on('end', () => { resolve({ status: res.statusCode ?? 0, body }); });
      })
      .on('error', reject);
  });
}

describe('network pipeline', () => {
  let mining: TestGateway;
  let recycling: TestGateway;

  before(() => {
    mining = connectGateway('mining');
    recycling = connectGateway('recycling');
  });

  after(() => {
    mining.close();
    recycling.close();
  });

  describe('baseline:Write', () => {
    it('commits on the channel and is readable from another organisation', async () => {
      const key = `${runId}-pipe`;
      const contract = mining.gateway.getNetwork(mining.material.channel).getContract(mining.material.chaincode);
      const submitted = await contract.submitAsync('baseline:Write', { arguments: [key, 'hello from MiningMSP'] });
      const status = await submitted.getStatus();
      expect(status.successful, `commit status ${status.code}`).to.equal(true);
      expect(status.blockNumber > 0n).to.equal(true);
      expect(JSON.parse(utf8.decode(submitted.getResult()))).to.deep.equal({ key, value: 'hello from MiningMSP' });

      const other = recycling.gateway.getNetwork(recycling.material.channel).getContract(recycling.material.chaincode);
      const read = JSON.parse(utf8.decode(await other.evaluateTransaction('baseline:Read', key))) as unknown;
      expect(read).to.deep.equal({ key, value: 'hello from MiningMSP' });
    });

    it('rejects an invalid key at endorsement', async () => {
      const contract = mining.gateway.getNetwork(mining.material.channel).getContract(mining.material.chaincode);
      const error: unknown = await contract.submitTransaction('baseline:Write', 'bad key/with slash', 'x').then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(EndorseError);
      expect((error as EndorseError).details.map((d) => d.message).join(' ')).to.contain('baseline key must match');
    });
  });

  describe('operations endpoints', () => {
    for (const org of ORGS) {
      it(`peer of ${org} answers /healthz and serves Prometheus metrics to its organisation over TLS`, async () => {
        const material = connectionMaterial(org);
        const ca = readFileSync(material.peer.tlsRootCertPath);
        const health = await httpsGet(`${material.operations.url}/healthz`, { ca });
        expect(health.status).to.equal(200);
        expect(JSON.parse(health.body)).to.have.property('status', 'OK');

        const anonymous = await httpsGet(`${material.operations.url}/metrics`, { ca });
        expect(anonymous.status).to.equal(401);
        const cert = readFileSync(material.operations.clientCertPath);
        const key = readFileSync(material.operations.clientKeyPath);
        const metrics = await httpsGet(`${material.operations.url}/metrics`, { ca, cert, key });
        expect(metrics.status).to.equal(200);
        expect(metrics.body).to.match(/^ledger_blockchain_height\{channel="batterytrace"\} [1-9]/m);
      });
    }
  });
});
