import { expect } from 'chai';
import { z } from 'zod';
import {
  CommitError,
  ConfigurationError,
  DecodeError,
  defineTransaction,
  EndorsementError,
  NetworkError,
  retryPolicies,
  ValidationError,
  createTransactor,
  type RetryPolicy,
} from '../../../sdk/src/index';
import { endorseError, FakeContract, serviceError } from './support/fakeGateway';
import { EndorseError, GatewayError, StatusCode } from '@hyperledger/fabric-gateway';
import { SubmitError } from '@hyperledger/fabric-gateway/dist/submiterror';
import * as grpc from '@grpc/grpc-js';

const lotSchema = z.object({ id: z.string(), massGrams: z.number().int() });
const mintLot = defineTransaction('lot', 'MintLot', 'submit', z.object({ id: z.string().min(1), massGrams: z.number().int().positive() }), lotSchema);
const getLot = defineTransaction('lot', 'GetLot', 'evaluate', z.object({ id: z.string() }), lotSchema);
const utf8 = new TextDecoder();
const fastRetry: RetryPolicy = { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 4, multiplier: 2, jitter: false };

function setup(retry?: RetryPolicy, transientRetry?: RetryPolicy): { contract: FakeContract; client: ReturnType<typeof createTransactor>; sleeps: number[] } {
  const contract = new FakeContract();
  const sleeps: number[] = [];
  const client = createTransactor({
    contract,
    mspId: 'MiningMSP',
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    ...(retry ? { retry } : {}),
    ...(transientRetry ? { transientRetry } : {}),
  });
  return { contract, client, sleeps };
}

function argumentOf(contract: FakeContract, index = 0): unknown {
  const arg = contract.calls[index]?.options.arguments?.[0];
  return JSON.parse(typeof arg === 'string' ? arg : utf8.decode(arg)) as unknown;
}

describe('SDK transactions', () => {
  describe('submit', () => {
    it('sends the validated request as one JSON argument under the qualified name and decodes the result', async () => {
      const { contract, client } = setup();
      contract.answer({ result: { id: 'L1', massGrams: 1000 } });
      const lot = await client.submit(mintLot, { id: 'L1', massGrams: 1000 });
      expect(lot).to.deep.equal({ id: 'L1', massGrams: 1000 });
      expect(contract.calls).to.have.length(1);
      expect(contract.calls[0]?.name).to.equal('lot:MintLot');
      expect(contract.calls[0]?.kind).to.equal('submitAsync');
      expect(contract.calls[0]?.options.arguments).to.have.length(1);
      expect(argumentOf(contract)).to.deep.equal({ id: 'L1', massGrams: 1000 });
    });

    it('strips fields the schema does not know before sending', async () => {
      const { contract, client } = setup();
      contract.answer({ result: { id: 'L1', massGrams: 1 } });
      await client.submit(mintLot, { id: 'L1', massGrams: 1, extra: true } as unknown as { id: string; massGrams: number });
      expect(argumentOf(contract)).to.deep.equal({ id: 'L1', massGrams: 1 });
    });

    it('rejects an invalid request with a ValidationError and sends nothing', async () => {
      const { contract, client } = setup();
      const error = await client.submit(mintLot, { id: '', massGrams: -5 }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(ValidationError);
      expect((error as ValidationError).code).to.equal('INVALID_ARGUMENT');
      expect((error as ValidationError).shortMessage).to.contain('massGrams');
      expect(contract.calls).to.have.length(0);
    });

    it('rejects a result that does not match the schema with a DecodeError', async () => {
      const { contract, client } = setup();
      contract.answer({ result: { id: 'L1', massGrams: 'heavy' } });
      const error = await client.submit(mintLot, { id: 'L1', massGrams: 1 }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(DecodeError);
    });

    it('rejects result bytes that are not JSON with a DecodeError', async () => {
      const { contract, client } = setup();
      contract.answer({ result: new TextEncoder().encode('not json') });
      const error = await client.submit(mintLot, { id: 'L1', massGrams: 1 }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(DecodeError);
    });

    it('throws a CommitError with the validation code when the transaction is invalidated', async () => {
      const { contract, client } = setup();
      contract.answer({ result: { id: 'L1', massGrams: 1 }, status: StatusCode.ENDORSEMENT_POLICY_FAILURE, blockNumber: 12n });
      const error = await client.submit(mintLot, { id: 'L1', massGrams: 1 }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(CommitError);
      const commit = error as CommitError;
      expect(commit.validationCodeName).to.equal('ENDORSEMENT_POLICY_FAILURE');
      expect(commit.blockNumber).to.equal(12n);
      expect(commit.transactionId).to.match(/^tx/);
      expect(commit.isReadConflict).to.equal(false);
    });

    it('maps a failure to read the commit status to a NetworkError keeping the transaction id', async () => {
      const { contract, client } = setup();
      contract.answer({ result: { id: 'L1', massGrams: 1 }, statusThrows: serviceError(grpc.status.DEADLINE_EXCEEDED, 'deadline') });
      const error = await client.submit(mintLot, { id: 'L1', massGrams: 1 }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(NetworkError);
      expect((error as NetworkError).transactionId).to.match(/^tx/);
    });
  });

  describe('submitAsync', () => {
    it('returns the endorsed result and a commit handle', async () => {
      const { contract, client } = setup();
      contract.answer({ result: { id: 'L1', massGrams: 1 }, blockNumber: 9n });
      const submitted = await client.submitAsync(mintLot, { id: 'L1', massGrams: 1 });
      expect(submitted.result).to.deep.equal({ id: 'L1', massGrams: 1 });
      expect(submitted.commit.transactionId).to.equal(submitted.transactionId);
      expect(await submitted.commit.wait()).to.deep.equal({ transactionId: submitted.transactionId, blockNumber: 9n });
    });

    it('rejects commit.wait() with a CommitError on a read conflict, without retrying', async () => {
      const { contract, client } = setup(fastRetry);
      contract.answer({ result: { id: 'L1', massGrams: 1 }, status: StatusCode.MVCC_READ_CONFLICT });
      const submitted = await client.submitAsync(mintLot, { id: 'L1', massGrams: 1 });
      const error = await submitted.commit.wait().catch((e: unknown) => e);
      expect(error).to.be.instanceOf(CommitError);
      expect((error as CommitError).isReadConflict).to.equal(true);
      expect(contract.calls).to.have.length(1);
    });
  });

  describe('evaluate', () => {
    it('evaluates without submitting and decodes the result', async () => {
      const { contract, client } = setup();
      contract.answer({ result: { id: 'L1', massGrams: 5 } });
      expect(await client.evaluate(getLot, { id: 'L1' })).to.deep.equal({ id: 'L1', massGrams: 5 });
      expect(contract.calls[0]?.kind).to.equal('evaluate');
      expect(contract.calls[0]?.name).to.equal('lot:GetLot');
    });
  });

  describe('private data', () => {
    it('sends transient fields as JSON with the caller organisation as the explicit endorser', async () => {
      const { contract, client } = setup();
      contract.answer({ result: { id: 'L1', massGrams: 1 } });
      await client.submit(mintLot, { id: 'L1', massGrams: 1 }, { transient: { price: { amount: 12, currency: 'EUR' } } });
      const options = contract.calls[0]?.options;
      expect(options?.endorsingOrganizations).to.deep.equal(['MiningMSP']);
      const price = options?.transientData?.price;
      expect(price).to.be.instanceOf(Uint8Array);
      expect(JSON.parse(utf8.decode(price as Uint8Array))).to.deep.equal({ amount: 12, currency: 'EUR' });
      expect(argumentOf(contract)).to.deep.equal({ id: 'L1', massGrams: 1 });
    });

    it('uses the endorsing organisations the caller names', async () => {
      const { contract, client } = setup();
      contract.answer({ result: { id: 'L1', massGrams: 1 } });
      await client.submit(mintLot, { id: 'L1', massGrams: 1 }, { transient: { price: 1 }, endorsingOrganizations: ['MiningMSP', 'ManufacturingMSP'] });
      expect(contract.calls[0]?.options.endorsingOrganizations).to.deep.equal(['MiningMSP', 'ManufacturingMSP']);
    });

    it('sends no transient data and lets the gateway plan endorsement when there are no private fields', async () => {
      const { contract, client } = setup();
      contract.answer({ result: { id: 'L1', massGrams: 1 } });
      await client.submit(mintLot, { id: 'L1', massGrams: 1 });
      expect(contract.calls[0]?.options.transientData).to.equal(undefined);
      expect(contract.calls[0]?.options.endorsingOrganizations).to.equal(undefined);
    });

    it('rejects private data when no endorsing organisation is known', async () => {
      const contract = new FakeContract();
      const client = createTransactor({ contract });
      const error = await client.submit(mintLot, { id: 'L1', massGrams: 1 }, { transient: { price: 1 } }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(ConfigurationError);
      expect(contract.calls).to.have.length(0);
    });
  });

  describe('retry policy', () => {
    it('resubmits after an MVCC read conflict and returns the committed result', async () => {
      const { contract, client, sleeps } = setup(fastRetry);
      contract.answer(
        { result: { id: 'L1', massGrams: 1 }, status: StatusCode.MVCC_READ_CONFLICT },
        { result: { id: 'L1', massGrams: 2 }, status: StatusCode.PHANTOM_READ_CONFLICT },
        { result: { id: 'L1', massGrams: 3 } },
      );
      expect(await client.submit(mintLot, { id: 'L1', massGrams: 1 })).to.deep.equal({ id: 'L1', massGrams: 3 });
      expect(contract.calls).to.have.length(3);
      expect(sleeps).to.deep.equal([1, 2]);
    });

    it('gives up after maxAttempts with a CommitError that counts the attempts', async () => {
      const { contract, client } = setup(fastRetry);
      const conflict = { result: { id: 'L1', massGrams: 1 }, status: StatusCode.MVCC_READ_CONFLICT };
      contract.answer(conflict, conflict, conflict, conflict);
      const error = await client.submit(mintLot, { id: 'L1', massGrams: 1 }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(CommitError);
      expect((error as CommitError).attempts).to.equal(3);
      expect((error as CommitError).validationCodeName).to.equal('MVCC_READ_CONFLICT');
      expect(contract.calls).to.have.length(3);
    });

    it('never retries a contract error', async () => {
      const { contract, client } = setup(fastRetry);
      contract.answer({ throws: endorseError(['lot L1 is in transit']) }, { result: { id: 'L1', massGrams: 1 } });
      const error = await client.submit(mintLot, { id: 'L1', massGrams: 1 }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(EndorsementError);
      expect(contract.calls).to.have.length(1);
    });

    it('never retries other commit failures', async () => {
      const { contract, client } = setup(fastRetry);
      contract.answer({ result: { id: 'L1', massGrams: 1 }, status: StatusCode.ENDORSEMENT_POLICY_FAILURE }, { result: { id: 'L1', massGrams: 1 } });
      const error = await client.submit(mintLot, { id: 'L1', massGrams: 1 }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(CommitError);
      expect(contract.calls).to.have.length(1);
    });

    it('does not retry without a policy, and a per-call policy overrides the client', async () => {
      const { contract, client } = setup();
      const conflict = { result: { id: 'L1', massGrams: 1 }, status: StatusCode.MVCC_READ_CONFLICT };
      contract.answer(conflict, conflict, { result: { id: 'L1', massGrams: 1 } });
      expect(await client.submit(mintLot, { id: 'L1', massGrams: 1 }).catch((e: unknown) => e)).to.be.instanceOf(CommitError);
      expect(await client.submit(mintLot, { id: 'L1', massGrams: 1 }, { retry: fastRetry })).to.deep.equal({ id: 'L1', massGrams: 1 });
      expect(contract.calls).to.have.length(3);
    });

    it('rejects a nonsensical policy', () => {
      expect(() => createTransactor({ contract: new FakeContract(), retry: { ...retryPolicies.readConflicts, maxAttempts: 0 } })).to.throw(RangeError);
    });
  });

  describe('transient unavailability', () => {
    const noEndorser = (): EndorseError =>
      new EndorseError({
        code: grpc.status.UNAVAILABLE,
        details: [],
        cause: serviceError(grpc.status.UNAVAILABLE, 'failed to select a set of endorsers'),
        transactionId: 'txUnavailable',
        message: '14 UNAVAILABLE: failed to select a set of endorsers that satisfy the endorsement policy due to unavailability of peers',
      });
    const endorsementDeadline = (): EndorseError =>
      new EndorseError({ code: grpc.status.DEADLINE_EXCEEDED, details: [], cause: serviceError(grpc.status.DEADLINE_EXCEEDED, 'deadline'), transactionId: 'txSlow', message: '4 DEADLINE_EXCEEDED: deadline' });
    const noEvaluator = (): GatewayError =>
      new GatewayError({ code: grpc.status.UNAVAILABLE, details: [], cause: serviceError(grpc.status.UNAVAILABLE, 'no peers'), message: '14 UNAVAILABLE: no peers available to evaluate chaincode' });

    it('repeats an endorsement that found no peer, with backoff, separately from the read-conflict policy', async () => {
      const { contract, client, sleeps } = setup(undefined, fastRetry);
      contract.answer({ throws: noEndorser() }, { throws: endorsementDeadline() }, { result: { id: 'L1', massGrams: 5 } });
      expect(await client.submit(mintLot, { id: 'L1', massGrams: 5 })).to.deep.equal({ id: 'L1', massGrams: 5 });
      expect(contract.calls.map((call) => call.kind)).to.deep.equal(['submitAsync', 'submitAsync', 'submitAsync']);
      expect(sleeps).to.deep.equal([1, 2]);
    });

    it('repeats an evaluation that found no peer', async () => {
      const { contract, client, sleeps } = setup(undefined, fastRetry);
      contract.answer({ throws: noEvaluator() }, { result: { id: 'L1', massGrams: 2 } });
      expect(await client.evaluate(getLot, { id: 'L1' })).to.deep.equal({ id: 'L1', massGrams: 2 });
      expect(contract.calls).to.have.length(2);
      expect(sleeps).to.deep.equal([1]);
    });

    it('gives up after maxAttempts with a NetworkError that says how many attempts it made', async () => {
      const { contract, client } = setup(undefined, fastRetry);
      contract.answer({ throws: noEndorser() }, { throws: noEndorser() }, { throws: noEndorser() }, { result: { id: 'L1', massGrams: 1 } });
      const error = await client.submit(mintLot, { id: 'L1', massGrams: 1 }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(NetworkError);
      expect((error as NetworkError).grpcCode).to.equal(grpc.status.UNAVAILABLE);
      expect((error as NetworkError).shortMessage).to.match(/gave up after 3 attempts over \d+ ms of transient unavailability/);
      expect((error as NetworkError).transactionName).to.equal('lot:MintLot');
      expect(contract.calls).to.have.length(3);
    });

    it('never repeats a failure to submit for ordering, where the transaction may already be ordered', async () => {
      const { contract, client } = setup(undefined, fastRetry);
      const ordering = new SubmitError({ code: grpc.status.UNAVAILABLE, details: [], cause: serviceError(grpc.status.UNAVAILABLE, 'orderer'), transactionId: 'txOrder', message: '14 UNAVAILABLE: orderer' });
      contract.answer({ throws: ordering }, { result: { id: 'L1', massGrams: 1 } });
      const error = await client.submit(mintLot, { id: 'L1', massGrams: 1 }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(NetworkError);
      expect((error as NetworkError).shortMessage).not.to.contain('gave up');
      expect(contract.calls).to.have.length(1);
    });

    it('never repeats an endorsement the chaincode refused', async () => {
      const { contract, client } = setup(undefined, fastRetry);
      contract.answer({ throws: endorseError(['lot L1 is in transit']) }, { result: { id: 'L1', massGrams: 1 } });
      expect(await client.submit(mintLot, { id: 'L1', massGrams: 1 }).catch((e: unknown) => e)).to.be.instanceOf(EndorsementError);
      expect(contract.calls).to.have.length(1);
    });

    it('retries by default and can be turned off per call', async () => {
      const { contract, client, sleeps } = setup();
      contract.answer({ throws: noEndorser() }, { result: { id: 'L1', massGrams: 1 } }, { throws: noEndorser() });
      expect(await client.submit(mintLot, { id: 'L1', massGrams: 1 })).to.deep.equal({ id: 'L1', massGrams: 1 });
      expect(sleeps).to.have.length(1);
      expect(sleeps[0]).to.be.within(retryPolicies.transient.initialDelayMs / 2, retryPolicies.transient.initialDelayMs);
      const error = await client.submit(mintLot, { id: 'L1', massGrams: 1 }, { transientRetry: retryPolicies.none }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(NetworkError);
      expect(contract.calls).to.have.length(3);
    });
  });

  it('rejects a contract obtained with a contract name', () => {
    expect(() => createTransactor({ contract: new FakeContract('lot') })).to.throw(ConfigurationError);
  });
});
