import { expect } from 'chai';
import { decodeErrorEnvelope, type ErrorCode } from '../../chaincode/src/api';
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
 * Asserts that a transaction fails with the given code and leaves the committed ledger exactly as it was.
 */
export async function expectRejectedWithoutTrace(network: MemoryNetwork, run: () => Promise<unknown>, code: ErrorCode): Promise<string> {
  const before = network.snapshot();
  const message = await expectContractError(run(), code);
  expect(network.snapshot()).to.equal(before);
  return message;
}
