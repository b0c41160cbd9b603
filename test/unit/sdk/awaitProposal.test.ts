import { expect } from 'chai';
import { awaitProposal, NotFoundError } from '../../../sdk/src/index';

const notFound = (): NotFoundError => new NotFoundError('CustodyTransfer T-1 does not exist', { code: 'TRANSFER_NOT_FOUND' });

describe('awaitProposal', () => {
  it('tries again while the record is not on the caller\'s peer yet, then returns the result', async () => {
    let calls = 0;
    const result = await awaitProposal(() => {
      calls += 1;
      return calls < 3 ? Promise.reject(notFound()) : Promise.resolve('accepted');
    }, 5_000);
    expect(result).to.equal('accepted');
    expect(calls).to.equal(3);
  });

  it('gives up with the last NotFoundError once the wait is over', async () => {
    let calls = 0;
    const error = await awaitProposal(() => {
      calls += 1;
      return Promise.reject(notFound());
    }, 0).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(NotFoundError);
    expect(calls).to.equal(1);
  });

  it('never retries any other error', async () => {
    let calls = 0;
    const error = await awaitProposal(() => {
      calls += 1;
      return Promise.reject(new Error('forbidden'));
    }, 5_000).catch((e: unknown) => e);
    expect(error).to.have.property('message', 'forbidden');
    expect(calls).to.equal(1);
  });
});
