import { expect } from 'chai';
import type { Contract, Proposal, ProposalOptions, SubmittedTransaction, Transaction } from '@hyperledger/fabric-gateway';
import { common, gateway, peer } from '@hyperledger/fabric-protos';
import 'reflect-metadata';
import { ORGS } from '../../../chaincode/src/api';
import { contracts } from '../../../chaincode/src/index';
import { newGate } from '../../../bench/src/driver/Gate';
import { runBatch } from '../../../bench/src/driver/rounds';
import type { Workload } from '../../../bench/src/driver/Workload';
import type { Connections, Identity } from '../../../bench/src/fabric/connections';
import { endorsementCount } from '../../../bench/src/fabric/endorsements';
import type { TxOutcome, TxRequest } from '../../../bench/src/fabric/transaction';
import { quickProfile } from '../../../bench/src/options';
import type { BenchContext } from '../../../bench/src/suites/context';
import { newZipfSampler } from '../../../bench/src/stats/zipf';
import { seededRandom } from '../../../bench/src/stats/random';
import { baselineWorkload, oneOrgBaselineWorkload } from '../../../bench/src/workloads/baseline';
import { operationWorkloads } from '../../../bench/src/workloads/catalog';
import { conservingAssay, mintedContent } from '../../../bench/src/workloads/elementContent';
import { newIdSource } from '../../../bench/src/workloads/ids';
import { buildTree, planTree } from '../../../bench/src/workloads/provenanceTree';
import { concentration } from '../../../bench/src/workloads/transform';
import { MemoryGatewayContract } from '../../support/MemoryGateway';
import { MemoryNetwork } from '../../support/MemoryNetwork';
import { TestIdentity } from '../../support/TestIdentity';

/**
 * A gateway contract on the in-memory ledger that also offers the proposal flow the benchmark uses
 * (`newProposal` → `endorse` → `submit` → `getStatus`): endorsing runs and commits the transaction.
 */
class ProposingContract implements Contract {
  readonly #inner: MemoryGatewayContract;

  constructor(inner: MemoryGatewayContract) {
    this.#inner = inner;
  }

  getChaincodeName(): string {
    return this.#inner.getChaincodeName();
  }

  getContractName(): string | undefined {
    return this.#inner.getContractName();
  }

  evaluateTransaction(name: string, ...args: (string | Uint8Array)[]): Promise<Uint8Array> {
    return this.#inner.evaluateTransaction(name, ...args);
  }

  submitTransaction(name: string, ...args: (string | Uint8Array)[]): Promise<Uint8Array> {
    return this.#inner.submitTransaction(name, ...args);
  }

  evaluate(name: string, options?: ProposalOptions): Promise<Uint8Array> {
    return this.#inner.evaluate(name, options);
  }

  submit(name: string, options?: ProposalOptions): Promise<Uint8Array> {
    return this.#inner.submit(name, options);
  }

  submitAsync(name: string, options?: ProposalOptions): Promise<SubmittedTransaction> {
    return this.#inner.submitAsync(name, options);
  }

  newProposal(name: string, options: ProposalOptions = {}): Proposal {
    const signable = { getBytes: () => new Uint8Array(), getDigest: () => new Uint8Array(), getTransactionId: () => 'memory' };
    return {
      ...signable,
      evaluate: () => this.#inner.evaluate(name, options),
      endorse: async (): Promise<Transaction> => {
        const submitted = await this.#inner.submitAsync(name, options);
        return { ...signable, getResult: () => submitted.getResult(), submit: () => Promise.resolve(submitted) };
      },
    };
  }
}

function memoryConnections(network: MemoryNetwork): Connections {
  const mspId = (org: string): string => {
    const id = (ORGS as Readonly<Record<string, string>>)[org];
    if (id === undefined) throw new Error(`unknown organisation ${org}`);
    return id;
  };
  const contract = (identity: Identity): Contract => {
    const client = new TestIdentity({ mspId: mspId(identity.org), role: identity.user === 'admin' ? 'admin' : 'client' });
    return new ProposingContract(new MemoryGatewayContract(network, client));
  };
  return { contract, mspId, close: () => undefined };
}

/** `namespace:Name` of every transaction of the chaincode, as `GetMetadata` lists them. */
function deployedNames(): Set<string> {
  return new Set(
    contracts.flatMap((Contract) => {
      const instance = new Contract();
      const metadata = (Reflect.getMetadata('fabric:transactions', Object.getPrototypeOf(instance) as object) ?? []) as { name: string }[];
      return metadata.map((transaction) => `${instance.getName()}:${transaction.name}`);
    }),
  );
}

function memoryBench(): BenchContext {
  const background = newGate();
  return {
    connections: memoryConnections(new MemoryNetwork()),
    probe: { networkDir: '/nonexistent', orderer: 'orderer0', channel: 'batterytrace', background },
    ids: newIdSource('t'),
    log: () => undefined,
    background,
  };
}

/** Prepares `count` transactions of `workload`, submits them one at a time and returns the failures. */
async function failuresOf(context: BenchContext, workload: Workload, count: number): Promise<(string | undefined)[]> {
  await workload.prepare(count);
  const requests: TxRequest[] = [];
  for (let next = workload.next(); next !== undefined; next = requests.length < count ? workload.next() : undefined) {
    requests.push(next);
  }
  expect(requests, `${workload.name} prepared`).to.have.length(count);
  const outcomes: TxOutcome[] = await runBatch(context.connections, requests, 1);
  return outcomes.filter((outcome) => !outcome.valid).map((outcome) => outcome.failure);
}

describe('bench workloads on the in-memory ledger', () => {
  it('commits every throughput workload under the chaincode rules', async () => {
    const context = memoryBench();
    const catalog = operationWorkloads(context, deployedNames(), quickProfile);
    expect(catalog.missing).to.deep.equal([]);
    const workloads = await catalog.throughput();
    expect(workloads.map((workload) => workload.name)).to.deep.equal(['ProposeTransfer', 'AcceptTransfer', 'Transform', 'IssueBattery']);
    for (const workload of [baselineWorkload(context.ids, { org: 'mining' }), ...workloads]) {
      expect(await failuresOf(context, workload, 6), workload.name).to.deep.equal([]);
    }
  });

  it('commits the contention variants at Zipf-drawn facilities', async () => {
    const context = memoryBench();
    const catalog = operationWorkloads(context, deployedNames(), quickProfile);
    const variants = await catalog.contention(() => newZipfSampler(quickProfile.contention.facilities, 1.1, seededRandom(6)));
    for (const { workload } of variants) {
      expect(await failuresOf(context, workload, 6), workload.name).to.deep.equal([]);
    }
  });

  it('builds provenance trees whose transformations conserve every element', async () => {
    const context = memoryBench();
    const { concentrator } = await operationWorkloads(context, deployedNames(), quickProfile).facilities();
    const root = await buildTree(context, concentrator, concentration, planTree(120));
    expect(root).to.match(/^t-out-\d+$/);
  });

  it('addresses the one-organisation baseline to its own chaincode definition', () => {
    const request = oneOrgBaselineWorkload(newIdSource('t'), { org: 'mining' }, 'battery-trace-one-org').next();
    expect(request).to.include({ name: 'baseline:Write', chaincode: 'battery-trace-one-org' });
    expect(baselineWorkload(newIdSource('t'), { org: 'mining' }).next()?.chaincode).to.equal(undefined);
  });
});

describe('conservingAssay', () => {
  it('spreads the inputs’ cobalt over the output mass, rounded down', () => {
    const ore = mintedContent('COBALT_ORE');
    const assay = conservingAssay('COBALT_HYDROXIDE', [1, 2, 3].map(() => ({ massGrams: 1_000_000, content: ore })), 2_700_000);
    expect(assay).to.deep.equal({ elements: { COBALT: Math.floor((3_000_000 * (ore.COBALT ?? 0)) / 2_700_000) } });
  });

  it('declares zero for reference elements the inputs lack and caps at what the material holds', () => {
    expect(conservingAssay('COBALT_HYDROXIDE', [{ massGrams: 10, content: {} }], 10)).to.deep.equal({ elements: { COBALT: 0 } });
    expect(conservingAssay('COBALT_HYDROXIDE', [{ massGrams: 100, content: { COBALT: 9000 } }], 10).elements.COBALT).to.equal(6342);
  });
});

describe('endorsementCount', () => {
  function prepared(endorsements: number): Uint8Array {
    const endorsed = new peer.ChaincodeEndorsedAction();
    endorsed.setEndorsementsList(Array.from({ length: endorsements }, () => new peer.Endorsement()));
    const actionPayload = new peer.ChaincodeActionPayload();
    actionPayload.setAction(endorsed);
    const action = new peer.TransactionAction();
    action.setPayload(actionPayload.serializeBinary());
    const transaction = new peer.Transaction();
    transaction.setActionsList([action]);
    const payload = new common.Payload();
    payload.setData(transaction.serializeBinary());
    const envelope = new common.Envelope();
    envelope.setPayload(payload.serializeBinary());
    const preparedTransaction = new gateway.PreparedTransaction();
    preparedTransaction.setEnvelope(envelope);
    return preparedTransaction.serializeBinary();
  }

  it('counts the endorsements of a prepared transaction', () => {
    expect(endorsementCount(prepared(2))).to.equal(2);
    expect(endorsementCount(prepared(1))).to.equal(1);
  });

  it('counts none in an empty transaction', () => {
    expect(endorsementCount(new Uint8Array())).to.equal(0);
  });
});
