import { expect } from 'chai';
import { ConflictError, CommitError, isContractError, retryPolicies, type BatteryTraceClient } from '../../sdk/src/index';
import { runId } from './support/network';
import { documentsHash, party } from './support/parties';

describe('concurrent conflicting operations', function () {
  this.timeout(180_000);
  const id = (name: string): string => `${runId}-race-${name}`;
  let miningAdmin: BatteryTraceClient;
  let manufacturingAdmin: BatteryTraceClient;
  let miningA: BatteryTraceClient;
  let miningB: BatteryTraceClient;
  let manufacturingA: BatteryTraceClient;
  let manufacturingB: BatteryTraceClient;

  before(async () => {
    miningAdmin = party('mining', 'admin');
    manufacturingAdmin = party('manufacturing', 'admin');
    miningA = party('mining', 'user1');
    miningB = party('mining', 'user2');
    manufacturingA = party('manufacturing', 'user1');
    manufacturingB = party('manufacturing', 'user2');
    await miningAdmin.registerFacility({ id: id('mine'), kind: 'MINE', name: 'Mutanda', country: 'CD' });
    await manufacturingAdmin.registerFacility({ id: id('cam-a'), kind: 'CAM_PLANT', name: 'Cathode plant A', country: 'PL' });
    await manufacturingAdmin.registerFacility({ id: id('cam-b'), kind: 'CAM_PLANT', name: 'Cathode plant B', country: 'HU' });
  });

  after(() => {
    for (const client of [miningAdmin, manufacturingAdmin, miningA, miningB, manufacturingA, manufacturingB]) client.close();
  });

  /**
   * How the loser of a race learns it lost: at endorsement, when its peer already saw the winner's write (the lot
   * is in transit, the transfer accepted); or at commit, when both were endorsed on the same state. At commit it is
   * an MVCC read conflict, or — when the winner changed a key's state-based endorsement policy in the same block,
   * as an acceptance does when custody changes hands — ENDORSEMENT_POLICY_FAILURE, which Fabric's validator
   * reports before it checks read versions.
   */
  function isConflict(error: unknown): boolean {
    if (error instanceof ConflictError || isContractError(error, 'INVALID_STATE')) return true;
    return error instanceof CommitError && (error.isReadConflict || error.validationCodeName === 'ENDORSEMENT_POLICY_FAILURE');
  }

  it('lets exactly one of two racing proposals move the same lot', async () => {
    await miningA.mintLot({ id: id('lot-1'), facilityId: id('mine'), material: 'COBALT_HYDROXIDE', massGrams: 5_000_000 });
    const propose = (client: BatteryTraceClient, name: string, to: string): ReturnType<BatteryTraceClient['proposeTransfer']> =>
      client.proposeTransfer({ id: id(name), lotId: id('lot-1'), toFacilityId: id(to), declaredMassGrams: 5_000_000, shippingDocumentsHash: documentsHash(name) });
    const outcomes = await Promise.allSettled([propose(miningA, 'tr-a', 'cam-a'), propose(miningB, 'tr-b', 'cam-b')]);
    const winners = outcomes.filter((o) => o.status === 'fulfilled');
    const losers = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(winners, 'winners').to.have.length(1);
    expect(losers, 'losers').to.have.length(1);
    expect(isConflict(losers[0]!.reason), String(losers[0]!.reason)).to.equal(true);
    const lot = await miningA.getLot({ id: id('lot-1') });
    expect(lot.status).to.equal('IN_TRANSIT');
  });

  it('lets exactly one of two racing acceptances of the same transfer win', async () => {
    await miningA.mintLot({ id: id('lot-2'), facilityId: id('mine'), material: 'COBALT_HYDROXIDE', massGrams: 3_000_000 });
    await miningA.proposeTransfer({ id: id('tr-2'), lotId: id('lot-2'), toFacilityId: id('cam-a'), declaredMassGrams: 3_000_000, shippingDocumentsHash: documentsHash('tr-2') });
    const outcomes = await Promise.allSettled([
      manufacturingA.acceptTransfer({ transferId: id('tr-2'), receivedMassGrams: 3_000_000 }),
      manufacturingB.acceptTransfer({ transferId: id('tr-2'), receivedMassGrams: 2_999_000 }),
    ]);
    const losers = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(outcomes.filter((o) => o.status === 'fulfilled')).to.have.length(1);
    expect(losers).to.have.length(1);
    expect(isConflict(losers[0]!.reason), String(losers[0]!.reason)).to.equal(true);
    const lot = await manufacturingA.getLot({ id: id('lot-2') });
    expect(lot.custodianFacilityId).to.equal(id('cam-a'));
    expect([3_000_000, 2_999_000]).to.include(lot.massGrams);
  });

  it('commits every independent operation under load with the retry policy on', async () => {
    const retrying = party('mining', 'user1', retryPolicies.readConflicts);
    try {
      const lots = Array.from({ length: 12 }, (_, i) => id(`ind-${i}`));
      await Promise.all(lots.map((lotId) => retrying.mintLot({ id: lotId, facilityId: id('mine'), material: 'NICKEL_MHP', massGrams: 1_000_000 })));
      await Promise.all(lots.map((lotId, i) => retrying.splitLot({ lotId, children: [{ id: `${lotId}-c`, massGrams: 100_000 + i }] })));
      const results = await Promise.all(lots.map((lotId) => retrying.getLot({ id: lotId })));
      expect(results.map((lot) => lot.massGrams)).to.deep.equal(lots.map((_, i) => 1_000_000 - 100_000 - i));
    } finally {
      retrying.close();
    }
  });
});
