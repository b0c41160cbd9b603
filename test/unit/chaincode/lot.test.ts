import { expect } from 'chai';
import { verifyRecordHash, ZERO_HASH } from '../../../chaincode/src/api';
import { expectContractError, expectRejectedWithoutTrace } from '../../support/assertions';
import { identities } from '../../support/identities';
import type { MemoryNetwork } from '../../support/MemoryNetwork';
import { FACILITIES, mint, query, standardWorld, submit } from './fixtures';

const mintLot = 'lot:MintLot';
const split = 'lot:SplitLot';
const merge = 'lot:MergeLots';
const getLot = 'lot:GetLot';
const request = { id: 'lot-1', facilityId: FACILITIES.mine.id, material: 'COBALT_HYDROXIDE', massGrams: 1_000_000 };
const irma = { scheme: 'IRMA', certificateId: 'IRMA-75', validFrom: '2024-01-01T00:00:00Z', validUntil: '2026-01-01T00:00:00Z', claims: ['CERTIFIED_ORIGIN'] };

describe('MintLot', () => {
  let network: MemoryNetwork;
  beforeEach(async () => {
    network = await standardWorld();
  });

  it('mints an active lot at the mine, mined there, in the mining organisation\'s custody', async () => {
    const lot = await submit(network, identities.miningUser, mintLot, { ...request, assay: { contentBasisPoints: 3200 }, carbonIntensity: 5400 });
    expect(lot).to.include({ ownerMsp: 'MiningMSP', custodianFacilityId: 'mine-1', status: 'ACTIVE', massGrams: 1_000_000, initialMassGrams: 1_000_000, custodyModel: 'IDENTITY_PRESERVED' });
    expect(lot.origin).to.deep.equal({ kind: 'MINED', facilityId: 'mine-1', country: 'CD' });
    expect(lot.previousHash).to.equal(ZERO_HASH);
    expect(verifyRecordHash(lot)).to.equal(true);
  });

  it('mints a claimed lot when the mine holds a valid certification for the claim', async () => {
    await submit(network, identities.miningAdmin, 'facility:UpdateCertifications', { id: 'mine-1', certifications: [irma] });
    const lot = await submit(network, identities.miningUser, mintLot, { ...request, claims: ['CERTIFIED_ORIGIN'] });
    expect(lot.claims).to.deep.equal(['CERTIFIED_ORIGIN']);
  });

  it('rejects a claim without a valid certification', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, mintLot, { ...request, claims: ['CERTIFIED_ORIGIN'] }), 'ATTESTATION_REQUIRED');
  });

  it('rejects a claim once the certification has expired', async () => {
    await submit(network, identities.miningAdmin, 'facility:UpdateCertifications', { id: 'mine-1', certifications: [irma] });
    network.setTime('2026-06-01T00:00:00.000Z');
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, mintLot, { ...request, claims: ['CERTIFIED_ORIGIN'] }), 'ATTESTATION_REQUIRED');
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
    await mint(network, 'lot-1', 1000, { carbonIntensity: 70 });
  });

  it('splits children off the lot, keeping the rest in the parent and the mass conserved', async () => {
    const result = await submit(network, identities.miningUser, split, { lotId: 'lot-1', children: [{ id: 'c1', massGrams: 300 }, { id: 'c2', massGrams: 200 }] });
    expect(result.parent.massGrams).to.equal(500);
    expect(result.children.map((c) => [c.id, c.massGrams, c.custodianFacilityId, c.carbonIntensity])).to.deep.equal([
      ['c1', 300, 'mine-1', 70],
      ['c2', 200, 'mine-1', 70],
    ]);
    expect(result.children[0]?.parents).to.deep.equal([{ lotId: 'lot-1', massGrams: 300 }]);
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
    await mint(network, 'a', 300, { carbonIntensity: 100 });
    await mint(network, 'b', 100, { carbonIntensity: 500 });
  });

  it('merges whole lots into a new lot, consuming the inputs', async () => {
    const result = await submit(network, identities.miningUser, merge, { id: 'ab', lotIds: ['a', 'b'] });
    expect(result.lot).to.include({ massGrams: 400, custodyModel: 'SEGREGATED', carbonIntensity: 200 });
    expect(result.lot.parents).to.deep.equal([{ lotId: 'a', massGrams: 300 }, { lotId: 'b', massGrams: 100 }]);
    expect(result.inputs.map((lot) => [lot.status, lot.massGrams])).to.deep.equal([['CONSUMED', 0], ['CONSUMED', 0]]);
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
    await submit(network, identities.miningUser, split, { lotId: 'b', children: [{ id: 'b1', massGrams: 100 }] });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, merge, { id: 'ab', lotIds: ['a', 'b'] }), 'INVALID_STATE');
  });

  it('rejects an existing id for the merged lot', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, merge, { id: 'a', lotIds: ['a', 'b'] }), 'INVALID_ARGUMENT');
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
