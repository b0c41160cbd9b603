import { expect } from 'chai';
import fc from 'fast-check';
import { materialLotSchema, processRunSchema } from '../../../chaincode/src/api';
import { identities } from '../../support/identities';
import type { MemoryNetwork } from '../../support/MemoryNetwork';
import { attest, documentHash, mint, query, standardWorld, submit } from './fixtures';

const account = { facilityId: 'refinery-1', material: 'COBALT_HYDROXIDE', claim: 'CERTIFIED_ORIGIN' } as const;

/**
 * `credit`: a claimed lot shipped to the refinery (weighed within or beyond tolerance) and, if it arrives, `take`
 * ‰ of it consumed there; `claim`: an unclaimed lot refined there, then a claim on `claimed` g of the output,
 * split off when it is a part.
 */
type Op = { kind: 'credit'; mass: number; received: number; take: number } | { kind: 'claim'; input: number; output: number; claimed: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('credit' as const), mass: fc.integer({ min: 1, max: 5_000 }), received: fc.integer({ min: -20, max: 20 }), take: fc.integer({ min: 1, max: 1000 }) }),
  fc.record({ kind: fc.constant('claim' as const), input: fc.integer({ min: 1, max: 5_000 }), output: fc.integer({ min: 1, max: 5_000 }), claimed: fc.integer({ min: -10, max: 6_000 }) }),
);

async function ledgerWorld(): Promise<MemoryNetwork> {
  const network = await standardWorld();
  await attest(network, 'mine-1', ['CERTIFIED_ORIGIN']);
  await attest(network, 'refinery-1', ['CERTIFIED_ORIGIN']);
  await submit(network, identities.miningUser, 'massbalance:OpenPeriod', { id: 'p1', ...account, startsAt: '2025-01-01T00:00:00Z', endsAt: '2025-12-01T00:00:00Z' });
  return network;
}

async function ship(network: MemoryNetwork, lotId: string, transferId: string, declared: number, received: number): Promise<void> {
  const user = identities.miningUser;
  await submit(network, user, 'custody:ProposeTransfer', { id: transferId, lotId, toFacilityId: 'refinery-1', declaredMassGrams: declared, shippingDocumentsHash: documentHash(transferId) });
  await submit(network, user, 'custody:AcceptTransfer', { transferId, receivedMassGrams: received });
}

async function refine(network: MemoryNetwork, id: string, lotId: string, input: number, output: number): Promise<void> {
  await submit(network, identities.miningUser, 'process:Transform', {
    id,
    facilityId: 'refinery-1',
    processKind: 'REFINING',
    inputs: [{ lotId, massGrams: input }],
    outputs: [{ id: `s-${id}`, material: 'COBALT_SULFATE', massGrams: output }],
    lossGrams: input - output,
  });
}

async function credit(network: MemoryNetwork, op: Extract<Op, { kind: 'credit' }>, n: number): Promise<void> {
  await mint(network, `c${String(n)}`, op.mass, { claims: ['CERTIFIED_ORIGIN'] });
  await ship(network, `c${String(n)}`, `t${String(n)}`, op.mass, Math.max(0, op.mass + op.received));
  const lot = await query(network, identities.auditorUser, 'lot:GetLot', { id: `c${String(n)}` });
  if (lot.status === 'ACTIVE' && lot.custodianFacilityId === 'refinery-1') {
    const taken = Math.max(1, Math.floor((lot.massGrams * op.take) / 1000));
    await refine(network, `rc${String(n)}`, lot.id, taken, taken);
  }
}

async function claim(network: MemoryNetwork, op: Extract<Op, { kind: 'claim' }>, n: number): Promise<void> {
  await mint(network, `u${String(n)}`, op.input);
  await ship(network, `u${String(n)}`, `tu${String(n)}`, op.input, op.input);
  const output = Math.min(op.output, op.input);
  await refine(network, `r${String(n)}`, `u${String(n)}`, op.input, output);
  const before = network.snapshot();
  const part = op.claimed === output ? {} : { claimedLotId: `l${String(n)}` };
  try {
    await submit(network, identities.miningUser, 'massbalance:ClaimOnOutput', { id: `claim${String(n)}`, processRunId: `r${String(n)}`, outputLotId: `s-r${String(n)}`, claim: 'CERTIFIED_ORIGIN', sourceMaterial: 'COBALT_HYDROXIDE', massGrams: op.claimed, ...part });
  } catch {
    expect(network.snapshot()).to.equal(before);
  }
}

/** What the ledger says about the claim: minted labelled mass, labelled mass on lots, consumed labelled mass. */
function claimBook(network: MemoryNetwork): { minted: number; labelled: number; consumed: number } {
  const book = { minted: 0, labelled: 0, consumed: 0 };
  for (const [key, value] of network.ledger.entries()) {
    const json: unknown = JSON.parse(Buffer.from(value).toString('utf8'));
    if (key.startsWith('\u0000bt.lot\u0000')) {
      const lot = materialLotSchema.parse(json);
      const labelled = lot.claims.includes('CERTIFIED_ORIGIN');
      book.minted += labelled && lot.origin.kind === 'MINED' ? lot.initialMassGrams : 0;
      book.labelled += labelled ? lot.massGrams : 0;
    } else if (key.startsWith('\u0000bt.process\u0000')) {
      const run = processRunSchema.parse(json);
      book.consumed += [...run.credited, ...run.lapsed].reduce((sum, entry) => sum + entry.massGrams, 0);
    }
  }
  return book;
}

describe('mass-balance property', () => {
  it('random receipts, consumptions and claims keep the balance within the consumed labelled mass, debits within credits, and each credit used once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 8 }), async (ops) => {
        const network = await ledgerWorld();
        for (const [index, op] of ops.entries()) {
          await (op.kind === 'credit' ? credit(network, op, index) : claim(network, op, index));
          const s = await query(network, identities.auditorUser, 'massbalance:GetStatement', account);
          const book = claimBook(network);
          expect(s.balanceGrams).to.be.at.least(0);
          expect(s.balanceGrams).to.equal(s.creditedGrams - s.debitedGrams);
          expect(s.credits.reduce((sum, c) => sum + c.usedGrams, 0)).to.equal(s.debitedGrams);
          s.credits.forEach((c) => expect(c.usedGrams).to.be.at.most(c.massGrams));
          // every credit is consumed labelled mass (the refinery is attested, so none lapses), never received mass
          expect(s.creditedGrams).to.equal(book.consumed);
          // a gram is labelled on a lot or held as credit, never both, and never more than was minted labelled
          expect(book.labelled + s.balanceGrams).to.be.at.most(book.minted);
        }
      }),
      { numRuns: 25 },
    );
  });
});
