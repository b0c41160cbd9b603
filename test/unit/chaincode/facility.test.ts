import { expect } from 'chai';
import { EVENT_NAME, eventEnvelopeSchema, verifyRecordHash, ZERO_HASH } from '../../../chaincode/src/api';
import { expectContractError, expectRejectedWithoutTrace } from '../../support/assertions';
import { identities } from '../../support/identities';
import { MemoryNetwork } from '../../support/MemoryNetwork';
import { compositeKey, expectKeyPolicy, query, recordKeyOf, simulate, submit } from './fixtures';

const register = 'facility:RegisterFacility';
const mine = { id: 'mine-1', kind: 'MINE', name: 'Kolwezi mine', country: 'CD', geolocation: { latitudeE6: -10_716_667, longitudeE6: 25_466_667 } };
const certification = { scheme: 'IRMA', certificateId: 'IRMA-75', validFrom: '2024-01-01T00:00:00Z', validUntil: '2027-01-01T00:00:00Z', claims: ['CERTIFIED_ORIGIN'] };

describe('RegisterFacility', () => {
  let network: MemoryNetwork;
  beforeEach(() => {
    network = new MemoryNetwork();
  });

  it('registers a facility owned by the admin\'s organisation, hashed, endorsed by its owner and one other, with one event', async () => {
    const simulation = await simulate(network, identities.miningAdmin, 'facility:RegisterFacility', mine);
    const facility = simulation.result;
    expect(facility).to.include({ id: 'mine-1', ownerMsp: 'MiningMSP', kind: 'MINE', version: 1, previousHash: ZERO_HASH, createdAt: '2025-01-01T00:00:00.000Z' });
    expect(verifyRecordHash(facility)).to.equal(true);
    await expectKeyPolicy(network, recordKeyOf('Facility', 'mine-1'), ['MiningMSP']);
    await expectKeyPolicy(network, compositeKey('bt.idx.facility-org', 'MiningMSP', 'mine-1'), ['MiningMSP']);
    expect(simulation.event?.name).to.equal(EVENT_NAME);
    const envelope = eventEnvelopeSchema.parse(JSON.parse(Buffer.from(simulation.event?.payload ?? []).toString('utf8')));
    expect(envelope).to.deep.equal({ txId: simulation.txId, transaction: 'facility:RegisterFacility', timestamp: facility.createdAt, changes: [{ type: 'Facility', id: 'mine-1', action: 'CREATED' }] });
  });

  it('rejects a caller who is not an organisation admin', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, register, mine), 'FORBIDDEN');
  });

  it('rejects a duplicate id', async () => {
    await submit(network, identities.miningAdmin, register, mine);
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingAdmin, register, mine), 'CONFLICT');
  });

  it('rejects an unknown country code', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningAdmin, register, { ...mine, country: 'XX' }), 'INVALID_ARGUMENT');
  });

  it('rejects an unknown facility kind', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningAdmin, register, { ...mine, kind: 'SPACEPORT' }), 'INVALID_ARGUMENT');
  });

  it('rejects an over-long name', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningAdmin, register, { ...mine, name: 'x'.repeat(201) }), 'INVALID_ARGUMENT');
  });

  it('rejects an invalid id', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningAdmin, register, { ...mine, id: 'bad id\u0000' }), 'INVALID_ARGUMENT');
  });

  it('rejects a fractional geolocation', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningAdmin, register, { ...mine, geolocation: { latitudeE6: 1.5, longitudeE6: 0 } }), 'INVALID_ARGUMENT');
  });

  it('rejects unknown fields', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningAdmin, register, { ...mine, ownerMsp: 'RecyclingMSP' }), 'INVALID_ARGUMENT');
  });

  it('rejects malformed JSON', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningAdmin, register, '{"id": '), 'INVALID_ARGUMENT');
  });

  it('rejects a certification that ends before it starts', async () => {
    const inverted = { ...certification, validFrom: '2027-01-01T00:00:00Z', validUntil: '2024-01-01T00:00:00Z' };
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningAdmin, register, { ...mine, certifications: [inverted] }), 'INVALID_ARGUMENT');
  });
});

describe('GetFacility', () => {
  it('reads a facility', async () => {
    const network = new MemoryNetwork();
    await submit(network, identities.miningAdmin, register, mine);
    const facility = await query(network, identities.recyclingUser, 'facility:GetFacility', { id: 'mine-1' });
    expect(facility.name).to.equal('Kolwezi mine');
  });

  it('rejects an unknown id', async () => {
    const network = new MemoryNetwork();
    await expectContractError(query(network, identities.recyclingUser, 'facility:GetFacility', { id: 'nope' }), 'FACILITY_NOT_FOUND');
  });
});

describe('ListFacilitiesByOrg', () => {
  it('lists one organisation\'s facilities page by page', async () => {
    const network = new MemoryNetwork();
    for (const id of ['a', 'b', 'c']) {
      await submit(network, identities.miningAdmin, register, { ...mine, id });
    }
    await submit(network, identities.recyclingAdmin, register, { ...mine, id: 'r', kind: 'RECYCLER' });
    const list = 'facility:ListFacilitiesByOrg';
    const first = await query(network, identities.auditorUser, list, { ownerMsp: 'MiningMSP', pageSize: 2 });
    expect(first.items.map((f) => f.id)).to.deep.equal(['a', 'b']);
    const second = await query(network, identities.auditorUser, list, { ownerMsp: 'MiningMSP', pageSize: 2, bookmark: first.bookmark });
    expect(second.items.map((f) => f.id)).to.deep.equal(['c']);
    expect(second.bookmark).to.equal('');
  });

  it('rejects a page size above 100', async () => {
    const network = new MemoryNetwork();
    await expectContractError(query(network, identities.auditorUser, 'facility:ListFacilitiesByOrg', { ownerMsp: 'MiningMSP', pageSize: 101 }), 'INVALID_ARGUMENT');
  });
});

describe('UpdateCertifications', () => {
  it('replaces the certifications and chains the new version to the old one', async () => {
    const network = new MemoryNetwork();
    const first = await submit(network, identities.miningAdmin, register, mine);
    const updated = await submit(network, identities.miningAdmin, 'facility:UpdateCertifications', { id: 'mine-1', certifications: [certification] });
    expect(updated.version).to.equal(2);
    expect(updated.previousHash).to.equal(first.recordHash);
    expect(updated.certifications[0]?.validFrom).to.equal('2024-01-01T00:00:00.000Z');
    expect(verifyRecordHash(updated)).to.equal(true);
    await expectKeyPolicy(network, recordKeyOf('Facility', 'mine-1'), ['MiningMSP']);
  });

  it('rejects an admin of another organisation', async () => {
    const network = new MemoryNetwork();
    await submit(network, identities.miningAdmin, register, mine);
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingAdmin, 'facility:UpdateCertifications', { id: 'mine-1', certifications: [] }), 'FORBIDDEN');
  });

  it('rejects a non-admin of the owner organisation', async () => {
    const network = new MemoryNetwork();
    await submit(network, identities.miningAdmin, register, mine);
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, 'facility:UpdateCertifications', { id: 'mine-1', certifications: [] }), 'FORBIDDEN');
  });

  it('rejects an unknown facility', async () => {
    const network = new MemoryNetwork();
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningAdmin, 'facility:UpdateCertifications', { id: 'nope', certifications: [] }), 'FACILITY_NOT_FOUND');
  });
});
