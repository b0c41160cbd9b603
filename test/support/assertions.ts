import { expect } from 'chai';
import { decodeErrorEnvelope, type ErrorCode } from '../../chaincode/src/api';
import { EndorsementError } from './EndorsementError';
import type { MemoryNetwork } from './MemoryNetwork';

/**
 * Asserts that a transaction fails with a contract error of the given code whose message carries the envelope.
 * @returns the decoded message
 */
export async function expectContractError(promise: Promise<unknown>, code: ErrorCode): Promise<string> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected ${code}, but the transaction succeeded`).to.be.instanceOf(Error);
  const envelope = decodeErrorEnvelope(caught instanceof Error ? caught.message : '');
  expect(envelope?.code, caught instanceof Error ? caught.message : '').to.equal(code);
  return envelope?.message ?? '';
}

/**
 * Asserts that the chaincode refuses a transaction at endorsement: every peer asked to endorse answered with
 * the error envelope of the given code, so no endorsed transaction came out to be ordered (no block was cut)
 * and the committed ledger, every peer's private data included, is exactly as it was.
 * @returns the decoded message
 */
export async function expectRejectedWithoutTrace(network: MemoryNetwork, run: () => Promise<unknown>, code: ErrorCode): Promise<string> {
  const before = network.snapshot();
  const height = network.height;
  let caught: unknown;
  try {
    await run();
  } catch (error) {
    caught = error;
  }
  if (!(caught instanceof EndorsementError)) {
    expect.fail(`expected every endorsing peer to refuse with ${code}, but got ${caught instanceof Error ? caught.message : 'a committed transaction'}`);
  }
  expect(caught.details, caught.message).not.to.be.empty;
  const envelopes = caught.details.map((detail) => decodeErrorEnvelope(detail.message));
  expect(envelopes.map((envelope) => envelope?.code), caught.message).to.deep.equal(caught.details.map(() => code));
  expect(network.height, 'a block was cut').to.equal(height);
  expect(network.snapshot()).to.equal(before);
  return envelopes[0]?.message ?? '';
}
