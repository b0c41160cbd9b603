import { expect } from 'chai';
import fc from 'fast-check';
import { identities } from '../../support/identities';
import type { MemoryNetwork } from '../../support/MemoryNetwork';
import { documentHash, mint, query, standardWorld, submit } from './fixtures';

const account = { facilityId: 'refinery-1', material: 'COBALT_HYDROXIDE', claim: 'CERTIFIED_ORIGIN' } as const;
const irma = { scheme: 'IRMA', certificateId: 'IRMA-75', validFrom: '2024-01-01T00:00:00Z', validUntil: '2027-01-01T00:00:00Z', claims: ['CERTIFIED_ORIGIN'] };

type Op = { kind: 'credit'; mass: number; received: number } | { kind: 'claim'; input: number; output: number; claimed: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('credit' as const), mass: fc.integer({ min: 1, max: 5_000 }), received: fc.integer({ min: -20, max: 20 }) }),
  fc.record({ kind: fc.constant('claim' as const), input: fc.integer({ min: 1, max: 5_000 }), output: fc.integer({ min: 1, max: 5_000 }), claimed: fc.integer({ min: -10, max: 6_000 }) }),
);

async function ledgerWorld(): Promise<MemoryNetwork> {
  const network = await standardWorld();
  await submit(network, identities.miningAdmin, 'facility:UpdateCertifications', { id: 'mine-1', certifications: [irma] });
  await submit(network, identities.miningUser, 'massbalance:OpenPeriod', { id: 'p1', ...account, startsAt: '2025-01-01T00:00:00Z', endsAt: '2025-12-01T00:00:00Z' });
  return network;
}

async function apply(network: MemoryNetwork, op: Op, n: number): Promise<void> {
  const user = identities.miningUser;
  if (op.kind === 'credit') {
    await mint(network, `c${n}`, op.mass, { claims: ['CERTIFIED_ORIGIN'] });
    await submit(network, user, 'custody:ProposeTransfer', { id: `t${n}`, lotId: `c${n}`, toFacilityId: 'refinery-1', declaredMassGrams: op.mass, shippingDocumentsHash: documentHash(`t${n}`) });
    await submit(network, user, 'custody:AcceptTransfer', { transferId: `t${n}`, receivedMassGrams: Math.max(0, op.mass + op.received) });
    return;
  }
  await mint(network, `u${n}`, op.input);
  await submit(network, user, 'custody:ProposeTransfer', { id: `tu${n}`, lotId: `u${n}`, toFacilityId: 'refinery-1', declaredMassGrams: op.input, shippingDocumentsHash: documentHash(`tu${n}`) });
  await submit(network, user, 'custody:AcceptTransfer', { transferId: `tu${n}`, receivedMassGrams: op.input });
  const output = Math.min(op.output, op.input);
  await submit(network, user, 'process:Transform', {
    id: `r${n}`, facilityId: 'refinery-1', processKind: 'REFINING', inputs: [{ lotId: `u${n}`, massGrams: op.input }],
    outputs: [{ id: `s${n}`, material: 'COBALT_SULFATE', massGrams: output }], lossGrams: op.input - output,
  });
  const before = network.snapshot();
  try {
    await submit(network, user, 'massbalance:ClaimOnOutput', { id: `claim${n}`, processRunId: `r${n}`, outputLotId: `s${n}`, claim: 'CERTIFIED_ORIGIN', sourceMaterial: 'COBALT_HYDROXIDE', massGrams: op.claimed });
  } catch {
    expect(network.snapshot()).to.equal(before);
  }
}

describe('mass-balance property', () => {
  it('random receipts and claims keep the balance non-negative, debits within credits, and each credit used once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 8 }), async (ops) => {
        const network = await ledgerWorld();
        for (const [index, op] of ops.entries()) {
          await apply(network, op, index);
          const s = await query(network, identities.auditorUser, 'massbalance:GetStatement', account);
          expect(s.balanceGrams).to.be.at.least(0);
          expect(s.balanceGrams).to.equal(s.creditedGrams - s.debitedGrams);
          expect(s.credits.reduce((sum, c) => sum + c.usedGrams, 0)).to.equal(s.debitedGrams);
          s.credits.forEach((c) => expect(c.usedGrams).to.be.at.most(c.massGrams));
        }
      }),
      { numRuns: 25 },
    );
  });
});
