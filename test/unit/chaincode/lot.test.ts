import { expect } from 'chai';
import { MATERIAL_CHEMISTRY, verifyRecordHash, ZERO_HASH } from '../../../chaincode/src/api';
import { expectContractError, expectRejectedWithoutTrace } from '../../support/assertions';
import { identities } from '../../support/identities';
import type { MemoryNetwork } from '../../support/MemoryNetwork';
import { attest, deliver, FACILITIES, mint, query, standardWorld, submit } from './fixtures';

const mintLot = 'lot:MintLot';
const split = 'lot:SplitLot';
const merge = 'lot:MergeLots';
const getLot = 'lot:GetLot';
const request = { id: 'lot-1', facilityId: FACILITIES.mine.id, material: 'COBALT_HYDROXIDE', massGrams: 1_000_000 };
const declared = { scheme: 'IRMA', certificateId: 'IRMA-75', validFrom: '2024-01-01T00:00:00Z', validUntil: '2027-01-01T00:00:00Z', claims: ['CERTIFIED_ORIGIN'] };
const january = { from: '2025-01-01T00:00:00Z', until: '2025-02-01T00:00:00Z' };

describe('MintLot', () => {
  let network: MemoryNetwork;
  beforeEach(async () => {
    network = await standardWorld();
  });

  it('mints an active lot at the mine, mined there, with the declared assay and intensity, in the mining organisation\'s custody', async () => {
    const lot = await submit(network, identities.miningUser, mintLot, { ...request, assay: { contentBasisPoints: 3200 }, carbonIntensity: 5400 });
    expect(lot).to.include({ ownerMsp: 'MiningMSP', custodianFacilityId: 'mine-1', status: 'ACTIVE', massGrams: 1_000_000, initialMassGrams: 1_000_000, custodyModel: 'IDENTITY_PRESERVED' });
    expect(lot.origin).to.deep.equal({ kind: 'MINED', facilityId: 'mine-1', country: 'CD' });
    expect(lot.elementContent).to.deep.equal({ COBALT: 3200 });
    // g CO2e per kg as the mine declares it, stored as mg per kg
    expect(lot.carbonIntensityMgPerKg).to.equal(5400 * 1000);
    expect(lot.claims).to.deep.equal([]);
    expect(lot.previousHash).to.equal(ZERO_HASH);
    expect(verifyRecordHash(lot)).to.equal(true);
  });

  it('gives a lot without assay its material\'s reference composition and no intensity', async () => {
    const lot = await submit(network, identities.miningUser, mintLot, { ...request, material: 'NICKEL_MATTE' });
    expect(lot.elementContent).to.deep.equal(MATERIAL_CHEMISTRY.NICKEL_MATTE.reference);
    expect(lot.carbonIntensityMgPerKg).to.equal(undefined);
  });

  it('mints a claimed lot when an auditor attests the mine for the claim', async () => {
    await attest(network, 'mine-1', ['CERTIFIED_ORIGIN', 'CONFLICT_FREE']);
    const lot = await submit(network, identities.miningUser, mintLot, { ...request, claims: ['CERTIFIED_ORIGIN', 'CONFLICT_FREE'] });
    expect(lot.claims).to.deep.equal(['CERTIFIED_ORIGIN', 'CONFLICT_FREE']);
  });

  it('rejects a claim without an auditor\'s attestation', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, mintLot, { ...request, claims: ['CERTIFIED_ORIGIN'] }), 'ATTESTATION_REQUIRED');
  });

  it('rejects a claim the mine only certifies itself (self-declared certifications are informational)', async () => {
    await submit(network, identities.miningAdmin, 'facility:UpdateCertifications', { id: 'mine-1', certifications: [declared] });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, mintLot, { ...request, claims: ['CERTIFIED_ORIGIN'] }), 'ATTESTATION_REQUIRED');
  });

  it('rejects a claim once the attestation has expired', async () => {
    await attest(network, 'mine-1', ['CERTIFIED_ORIGIN'], { validUntil: '2026-01-01T00:00:00Z' });
    network.setTime('2026-01-01T00:00:00.000Z');
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, mintLot, { ...request, claims: ['CERTIFIED_ORIGIN'] }), 'ATTESTATION_REQUIRED');
  });

  it('rejects a claim an auditor\'s failing attestation in force denies, despite a passing one', async () => {
    await attest(network, 'mine-1', ['CERTIFIED_ORIGIN']);
    await attest(network, 'mine-1', ['CERTIFIED_ORIGIN'], { result: 'FAIL' });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, mintLot, { ...request, claims: ['CERTIFIED_ORIGIN'] }), 'ATTESTATION_REQUIRED');
  });

  it('rejects a claim attested for another facility or for other claims only', async () => {
    await attest(network, 'mine-2', ['CERTIFIED_ORIGIN']);
    await attest(network, 'mine-1', ['CONFLICT_FREE']);
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, mintLot, { ...request, claims: ['CERTIFIED_ORIGIN'] }), 'ATTESTATION_REQUIRED');
  });

  for (const claim of ['PRE_CONSUMER_RECYCLED', 'POST_CONSUMER_RECYCLED'] as const) {
    it(`rejects a recycled claim (${claim}) on mined material, even at an attested mine`, async () => {
      await attest(network, 'mine-1', [claim]);
      await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, mintLot, { ...request, claims: [claim] }), 'INVALID_ARGUMENT');
    });
  }

  for (const material of ['SCRAP', 'COBALT_SULFATE', 'RECOVERED_COBALT_SULFATE', 'BLACK_MASS', 'CATHODE_NMC']) {
    it(`rejects minting ${material}, which is not extracted material`, async () => {
      await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, mintLot, { ...request, material }), 'INVALID_ARGUMENT');
    });
  }

  it('rejects an assay above what the material\'s chemistry can hold', async () => {
    const richest = MATERIAL_CHEMISTRY.COBALT_HYDROXIDE.maximum.COBALT ?? 0;
    await submit(network, identities.miningUser, mintLot, { ...request, assay: { contentBasisPoints: richest } });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, mintLot, { ...request, id: 'lot-2', assay: { contentBasisPoints: richest + 1 } }), 'INVALID_ARGUMENT');
  });

  it('rejects an assay of an element the material cannot contain', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, mintLot, { ...request, assay: { elements: { LITHIUM: 1 } } }), 'INVALID_ARGUMENT');
  });

  it('rejects another organisation minting at the mine', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingUser, mintLot, request), 'FORBIDDEN');
  });

  it('rejects minting at a facility that is not a mine or concentrator', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, mintLot, { ...request, facilityId: FACILITIES.refinery.id }), 'INVALID_STATE');
  });

  it('rejects an unknown facility', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, mintLot, { ...request, facilityId: 'nowhere' }), 'FACILITY_NOT_FOUND');
  });

  it('rejects a duplicate id', async () => {
    await submit(network, identities.miningUser, mintLot, request);
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, mintLot, request), 'CONFLICT');
  });

  for (const [what, massGrams] of [
    ['a negative mass', -5],
    ['a zero mass', 0],
    ['a fractional mass', 10.5],
    ['a mass above 10^15 g', 1e15 + 1],
    ['an unsafe integer mass', 2 ** 53 + 2],
    ['a mass given as a string', '1000'],
  ] as const) {
    it(`rejects ${what}`, async () => {
      await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, mintLot, { ...request, massGrams }), 'INVALID_ARGUMENT');
    });
  }

  it('rejects an unknown material', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, mintLot, { ...request, material: 'UNOBTAINIUM' }), 'INVALID_ARGUMENT');
  });

  it('rejects a missing field', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, mintLot, { id: 'lot-1', facilityId: 'mine-1', massGrams: 5 }), 'INVALID_ARGUMENT');
  });

  it('rejects an over-long id', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, mintLot, { ...request, id: 'x'.repeat(129) }), 'INVALID_ARGUMENT');
  });

  it('rejects a request that is not an object', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, mintLot, '[1,2]'), 'INVALID_ARGUMENT');
  });

  it('rejects an extraction period that ends before it starts', async () => {
    const inverted = { ...request, extractedFrom: '2025-02-01T00:00:00Z', extractedUntil: '2025-01-01T00:00:00Z' };
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, mintLot, inverted), 'INVALID_ARGUMENT');
  });
});

describe('GetLot', () => {
  it('reads a lot', async () => {
    const network = await standardWorld();
    await mint(network, 'lot-1', 10);
    expect((await query(network, identities.auditorUser, getLot, { id: 'lot-1' })).massGrams).to.equal(10);
  });

  it('rejects an unknown lot', async () => {
    const network = await standardWorld();
    await expectContractError(query(network, identities.auditorUser, getLot, { id: 'none' }), 'LOT_NOT_FOUND');
  });
});

describe('GetLotHistory', () => {
  it('returns every version oldest first, each chained to the one before', async () => {
    const network = await standardWorld();
    await mint(network, 'lot-1', 1000);
    await submit(network, identities.miningUser, split, { lotId: 'lot-1', children: [{ id: 'c1', massGrams: 100 }] });
    await submit(network, identities.miningUser, split, { lotId: 'lot-1', children: [{ id: 'c2', massGrams: 100 }] });
    const history = await query(network, identities.auditorUser, 'lot:GetLotHistory', { id: 'lot-1' });
    const records = history.entries.map((entry) => entry.record);
    expect(records.map((r) => r?.massGrams)).to.deep.equal([1000, 900, 800]);
    let previous = ZERO_HASH;
    for (const record of records) {
      expect(record?.previousHash).to.equal(previous);
      expect(record && verifyRecordHash(record)).to.equal(true);
      previous = record?.recordHash ?? '';
    }
  });

  it('rejects an unknown lot', async () => {
    const network = await standardWorld();
    await expectContractError(query(network, identities.auditorUser, 'lot:GetLotHistory', { id: 'none' }), 'LOT_NOT_FOUND');
  });
});

describe('SplitLot', () => {
  let network: MemoryNetwork;
  beforeEach(async () => {
    network = await standardWorld();
    await mint(network, 'lot-1', 1000, { carbonIntensity: 70, assay: { contentBasisPoints: 3100 } });
  });

  it('splits children off the lot, keeping the rest in the parent and the mass conserved', async () => {
    const result = await submit(network, identities.miningUser, split, { lotId: 'lot-1', children: [{ id: 'c1', massGrams: 300 }, { id: 'c2', massGrams: 200 }] });
    expect(result.parent.massGrams).to.equal(500);
    expect(result.children.map((c) => [c.id, c.massGrams, c.custodianFacilityId, c.carbonIntensityMgPerKg, c.elementContent])).to.deep.equal([
      ['c1', 300, 'mine-1', 70_000, { COBALT: 3100 }],
      ['c2', 200, 'mine-1', 70_000, { COBALT: 3100 }],
    ]);
    expect(result.children[0]?.parents).to.deep.equal([{ lotId: 'lot-1', massGrams: 300 }]);
    expect(result.children[0]?.origin).to.deep.equal({ kind: 'SPLIT', parentLotId: 'lot-1' });
  });

  it('gives every child the parent\'s labels, each covering its own mass', async () => {
    await attest(network, 'mine-1', ['CERTIFIED_ORIGIN']);
    await mint(network, 'claimed', 1000, { claims: ['CERTIFIED_ORIGIN'] });
    const result = await submit(network, identities.miningUser, split, { lotId: 'claimed', children: [{ id: 'c1', massGrams: 300 }] });
    expect([result.parent, ...result.children].map((lot) => [lot.massGrams, lot.claims])).to.deep.equal([
      [700, ['CERTIFIED_ORIGIN']],
      [300, ['CERTIFIED_ORIGIN']],
    ]);
  });

  it('consumes the parent when the children take all of it', async () => {
    const result = await submit(network, identities.miningUser, split, { lotId: 'lot-1', children: [{ id: 'c1', massGrams: 1000 }] });
    expect(result.parent).to.include({ status: 'CONSUMED', massGrams: 0 });
  });

  it('rejects children heavier than the lot', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, split, { lotId: 'lot-1', children: [{ id: 'c1', massGrams: 600 }, { id: 'c2', massGrams: 401 }] }), 'INSUFFICIENT_MASS');
  });

  it('rejects another organisation', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, split, { lotId: 'lot-1', children: [{ id: 'c1', massGrams: 1 }] }), 'FORBIDDEN');
  });

  it('rejects a child id used twice', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, split, { lotId: 'lot-1', children: [{ id: 'c1', massGrams: 1 }, { id: 'c1', massGrams: 1 }] }), 'INVALID_ARGUMENT');
  });

  it('rejects a child id that already exists', async () => {
    await mint(network, 'taken', 5);
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, split, { lotId: 'lot-1', children: [{ id: 'taken', massGrams: 1 }] }), 'CONFLICT');
  });

  it('rejects splitting a consumed lot', async () => {
    await submit(network, identities.miningUser, split, { lotId: 'lot-1', children: [{ id: 'c1', massGrams: 1000 }] });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, split, { lotId: 'lot-1', children: [{ id: 'c2', massGrams: 1 }] }), 'INVALID_STATE');
  });

  it('rejects an empty list of children', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, split, { lotId: 'lot-1', children: [] }), 'INVALID_ARGUMENT');
  });

  it('rejects an unknown lot', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, split, { lotId: 'none', children: [{ id: 'c', massGrams: 1 }] }), 'LOT_NOT_FOUND');
  });
});

describe('MergeLots', () => {
  let network: MemoryNetwork;
  beforeEach(async () => {
    network = await standardWorld();
    await mint(network, 'a', 300, { carbonIntensity: 100, assay: { contentBasisPoints: 3001 } });
    await mint(network, 'b', 101, { carbonIntensity: 500, assay: { contentBasisPoints: 4000 } });
  });

  it('merges whole lots into a new lot, consuming the inputs, with mass-weighted content (rounded down) and intensity (rounded up)', async () => {
    const result = await submit(network, identities.miningUser, merge, { id: 'ab', lotIds: ['a', 'b'] });
    expect(result.lot).to.include({ massGrams: 401, custodyModel: 'SEGREGATED' });
    expect(result.lot.origin).to.deep.equal({ kind: 'MERGED' });
    // (300 × 3001 + 101 × 4000) / 401 = 3252.7…
    expect(result.lot.elementContent).to.deep.equal({ COBALT: Math.floor((300 * 3001 + 101 * 4000) / 401) });
    // (300 × 100 000 + 101 × 500 000) / 401 = 200 748.1… mg/kg
    expect(result.lot.carbonIntensityMgPerKg).to.equal(Math.ceil((300 * 100_000 + 101 * 500_000) / 401));
    expect(result.lot.parents).to.deep.equal([{ lotId: 'a', massGrams: 300 }, { lotId: 'b', massGrams: 101 }]);
    expect(result.inputs.map((lot) => [lot.status, lot.massGrams])).to.deep.equal([['CONSUMED', 0], ['CONSUMED', 0]]);
  });

  it('keeps on the merged lot the labels all inputs share, and credits nothing', async () => {
    await attest(network, 'mine-1', ['CERTIFIED_ORIGIN', 'CONFLICT_FREE']);
    await mint(network, 'c', 200, { claims: ['CERTIFIED_ORIGIN', 'CONFLICT_FREE'] });
    await mint(network, 'd', 100, { claims: ['CERTIFIED_ORIGIN'] });
    const result = await submit(network, identities.miningUser, merge, { id: 'cd', lotIds: ['c', 'd'] });
    expect(result.lot.claims).to.deep.equal(['CERTIFIED_ORIGIN']);
    const kept = await query(network, identities.auditorUser, 'massbalance:ListMovements', { facilityId: 'mine-1', material: 'COBALT_HYDROXIDE', claim: 'CERTIFIED_ORIGIN', ...january });
    expect(kept.items).to.deep.equal([]);
  });

  it('turns the labels not all inputs share into credit of the attested facility: the consumed mass, once per input and claim', async () => {
    await attest(network, 'mine-1', ['CERTIFIED_ORIGIN', 'CONFLICT_FREE']);
    await mint(network, 'c', 200, { claims: ['CERTIFIED_ORIGIN', 'CONFLICT_FREE'] });
    await mint(network, 'd', 100, { claims: ['CERTIFIED_ORIGIN'] });
    const result = await submit(network, identities.miningUser, merge, { id: 'acd', lotIds: ['a', 'c', 'd'] });
    expect(result.lot.claims).to.deep.equal([]);
    const account = { facilityId: 'mine-1', material: 'COBALT_HYDROXIDE', ...january } as const;
    const origin = await query(network, identities.auditorUser, 'massbalance:ListMovements', { ...account, claim: 'CERTIFIED_ORIGIN' });
    expect(origin.items.map((m) => [m.id, m.kind, m.massGrams, m.source])).to.deep.equal([
      ['consumed:acd:0:CERTIFIED_ORIGIN', 'CREDIT', 200, { kind: 'CONSUMPTION', lotId: 'c', consumedBy: { type: 'MaterialLot', id: 'acd' } }],
      ['consumed:acd:2:CERTIFIED_ORIGIN', 'CREDIT', 100, { kind: 'CONSUMPTION', lotId: 'd', consumedBy: { type: 'MaterialLot', id: 'acd' } }],
    ]);
    const conflictFree = await query(network, identities.auditorUser, 'massbalance:ListMovements', { ...account, claim: 'CONFLICT_FREE' });
    expect(conflictFree.items.map((m) => [m.id, m.massGrams])).to.deep.equal([['consumed:acd:1:CONFLICT_FREE', 200]]);
  });

  it('lets the labels lapse at a facility no auditor attests for them', async () => {
    await attest(network, 'mine-1', ['CERTIFIED_ORIGIN']);
    await mint(network, 'c', 200, { claims: ['CERTIFIED_ORIGIN'] });
    await deliver(network, 'a', 'refinery-1');
    await deliver(network, 'c', 'refinery-1');
    const result = await submit(network, identities.miningUser, merge, { id: 'ac', lotIds: ['a', 'c'] });
    expect(result.lot.claims).to.deep.equal([]);
    expect(network.ledger.entries().filter(([key]) => key.includes('bt.mbmovement'))).to.deep.equal([]);
  });

  it('rejects lots of different materials', async () => {
    await mint(network, 'c', 100, { material: 'LITHIUM_SPODUMENE_CONCENTRATE' });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, merge, { id: 'ac', lotIds: ['a', 'c'] }), 'INVALID_ARGUMENT');
  });

  it('rejects lots at different facilities', async () => {
    await submit(network, identities.miningUser, mintLot, { id: 'd', facilityId: FACILITIES.mine2.id, material: 'COBALT_HYDROXIDE', massGrams: 5 });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, merge, { id: 'ad', lotIds: ['a', 'd'] }), 'INVALID_ARGUMENT');
  });

  it('rejects the same lot twice', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, merge, { id: 'aa', lotIds: ['a', 'a'] }), 'INVALID_ARGUMENT');
  });

  it('rejects another organisation', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingUser, merge, { id: 'ab', lotIds: ['a', 'b'] }), 'FORBIDDEN');
  });

  it('rejects a consumed lot', async () => {
    await submit(network, identities.miningUser, split, { lotId: 'b', children: [{ id: 'b1', massGrams: 101 }] });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, merge, { id: 'ab', lotIds: ['a', 'b'] }), 'INVALID_STATE');
  });

  it('rejects an input\'s id for the merged lot', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, merge, { id: 'a', lotIds: ['a', 'b'] }), 'INVALID_ARGUMENT');
  });

  it('rejects an existing id for the merged lot', async () => {
    await mint(network, 'taken', 5);
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, merge, { id: 'taken', lotIds: ['a', 'b'] }), 'CONFLICT');
  });

  it('rejects a single lot', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, merge, { id: 'x', lotIds: ['a'] }), 'INVALID_ARGUMENT');
  });
});

describe('ListLotsByFacility', () => {
  it('lists the active lots a facility holds and drops consumed ones', async () => {
    const network = await standardWorld();
    await mint(network, 'a', 10);
    await mint(network, 'b', 10);
    await mint(network, 'c', 10);
    await submit(network, identities.miningUser, split, { lotId: 'b', children: [{ id: 'b1', massGrams: 10 }] });
    const list = 'lot:ListLotsByFacility';
    const first = await query(network, identities.auditorUser, list, { facilityId: 'mine-1', pageSize: 2 });
    expect(first.items.map((lot) => lot.id)).to.deep.equal(['a', 'b1']);
    const second = await query(network, identities.auditorUser, list, { facilityId: 'mine-1', pageSize: 2, bookmark: first.bookmark });
    expect(second.items.map((lot) => lot.id)).to.deep.equal(['c']);
  });

  it('rejects an invalid facility id', async () => {
    const network = await standardWorld();
    await expectContractError(query(network, identities.auditorUser, 'lot:ListLotsByFacility', { facilityId: '' }), 'INVALID_ARGUMENT');
  });
});

describe('TraceUpstream', () => {
  it('walks from a derived lot back to the mined lots, page by page', async () => {
    const network = await standardWorld();
    await mint(network, 'a', 300);
    await mint(network, 'b', 100);
    await submit(network, identities.miningUser, merge, { id: 'ab', lotIds: ['a', 'b'] });
    await submit(network, identities.miningUser, split, { lotId: 'ab', children: [{ id: 'ab1', massGrams: 50 }] });
    const trace = 'lot:TraceUpstream';
    const full = await query(network, identities.auditorUser, trace, { id: 'ab1' });
    expect(full.nodes.map((n) => [n.id, n.depth])).to.deep.equal([['ab1', 0], ['ab', 1], ['a', 2], ['b', 2]]);
    expect(full.edges.map((e) => `${e.parentId}->${e.childId}:${e.massGrams}`)).to.deep.equal(['ab->ab1:50', 'a->ab:300', 'b->ab:100']);
    expect(full.nodes[3]?.lot?.origin.kind).to.equal('MINED');
    const page1 = await query(network, identities.auditorUser, trace, { id: 'ab1', pageSize: 3 });
    const page2 = await query(network, identities.auditorUser, trace, { id: 'ab1', pageSize: 3, bookmark: page1.bookmark });
    expect([...page1.nodes, ...page2.nodes].map((n) => n.id)).to.deep.equal(['ab1', 'ab', 'a', 'b']);
    expect(page2.bookmark).to.equal('');
    const shallow = await query(network, identities.auditorUser, trace, { id: 'ab1', maxDepth: 1 });
    expect(shallow.nodes.map((n) => n.id)).to.deep.equal(['ab1', 'ab']);
    expect(shallow.depthLimited).to.equal(true);
  });

  it('rejects a malformed bookmark', async () => {
    const network = await standardWorld();
    await mint(network, 'x', 5);
    await expectContractError(query(network, identities.auditorUser, 'lot:TraceUpstream', { id: 'x', bookmark: 'zz' }), 'INVALID_ARGUMENT');
  });

  it('rejects an unknown lot', async () => {
    const network = await standardWorld();
    await expectContractError(query(network, identities.auditorUser, 'lot:TraceUpstream', { id: 'none' }), 'LOT_NOT_FOUND');
  });

  it('rejects a depth above the limit', async () => {
    const network = await standardWorld();
    await expectContractError(query(network, identities.auditorUser, 'lot:TraceUpstream', { id: 'x', maxDepth: 65 }), 'INVALID_ARGUMENT');
  });
});

describe('TraceDownstream', () => {
  it('walks from a mined lot to every lot it fed', async () => {
    const network = await standardWorld();
    await mint(network, 'a', 300);
    await mint(network, 'b', 100);
    await submit(network, identities.miningUser, split, { lotId: 'a', children: [{ id: 'a1', massGrams: 100 }] });
    await submit(network, identities.miningUser, merge, { id: 'm', lotIds: ['a1', 'b'] });
    const result = await query(network, identities.auditorUser, 'lot:TraceDownstream', { id: 'a' });
    expect(result.nodes.map((n) => n.id)).to.deep.equal(['a', 'a1', 'm']);
  });

  it('rejects a missing id', async () => {
    const network = await standardWorld();
    await expectContractError(query(network, identities.auditorUser, 'lot:TraceDownstream', {}), 'INVALID_ARGUMENT');
  });
});
