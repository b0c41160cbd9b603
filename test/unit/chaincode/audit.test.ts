import { expect } from 'chai';
import { expectContractError, expectRejectedWithoutTrace } from '../../support/assertions';
import { identities } from '../../support/identities';
import type { MemoryNetwork } from '../../support/MemoryNetwork';
import { compositeKey, documentHash, expectKeyPolicy, mint, query, recordKeyOf, standardWorld, submit } from './fixtures';

const record = 'audit:RecordAttestation';
const list = 'audit:ListAttestationsBySubject';
const attestation = {
  id: 'att-1',
  scheme: 'IRMA',
  scope: 'IRMA 75 at the Kolwezi mine',
  subject: { type: 'Facility', id: 'mine-1' },
  result: 'PASS',
  validFrom: '2024-01-01T00:00:00Z',
  validUntil: '2025-06-01T00:00:00Z',
  evidenceHash: documentHash('audit report'),
  claims: ['CERTIFIED_ORIGIN'],
};

describe('RecordAttestation', () => {
  let network: MemoryNetwork;
  beforeEach(async () => {
    network = await standardWorld();
  });

  it('records an auditor\'s attestation, owned and endorsed by the auditor organisation', async () => {
    const result = await submit(network, identities.auditorUser, record, attestation);
    expect(result).to.include({ ownerMsp: 'AuditorMSP', result: 'PASS', validUntil: '2025-06-01T00:00:00.000Z' });
    expect((await query(network, identities.miningUser, 'audit:GetAttestation', { id: 'att-1' })).scheme).to.equal('IRMA');
    await expectKeyPolicy(network, recordKeyOf('Attestation', 'att-1'), ['AuditorMSP']);
    await expectKeyPolicy(network, compositeKey('bt.idx.attestation-subject', 'Facility', 'mine-1', 'att-1'), ['AuditorMSP']);
  });

  for (const who of ['miningAdmin', 'manufacturingUser', 'recyclingUser'] as const) {
    it(`rejects ${who}`, async () => {
      await expectRejectedWithoutTrace(network, () => submit(network, identities[who], record, attestation), 'FORBIDDEN');
    });
  }

  it('rejects an unknown subject', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.auditorUser, record, { ...attestation, subject: { type: 'Facility', id: 'nowhere' } }), 'FACILITY_NOT_FOUND');
    await expectRejectedWithoutTrace(network, () => submit(network, identities.auditorUser, record, { ...attestation, subject: { type: 'Battery', id: 'nowhere' } }), 'BATTERY_NOT_FOUND');
    await expectRejectedWithoutTrace(network, () => submit(network, identities.auditorUser, record, { ...attestation, subject: { type: 'MaterialLot', id: 'nowhere' } }), 'LOT_NOT_FOUND');
    await expectRejectedWithoutTrace(network, () => submit(network, identities.auditorUser, record, { ...attestation, subject: { type: 'MassBalancePeriod', id: 'nowhere' } }), 'PERIOD_NOT_FOUND');
  });

  for (const [what, change] of [
    ['an inverted validity', { validFrom: '2026-01-01T00:00:00Z', validUntil: '2025-01-01T00:00:00Z' }],
    ['an unknown result', { result: 'MAYBE' }],
    ['an unknown subject type', { subject: { type: 'Planet', id: 'x' } }],
    ['a malformed evidence hash', { evidenceHash: '0x1234' }],
    ['an unknown claim', { claims: ['GREEN'] }],
  ] as const) {
    it(`rejects ${what}`, async () => {
      await expectRejectedWithoutTrace(network, () => submit(network, identities.auditorUser, record, { ...attestation, ...change }), 'INVALID_ARGUMENT');
    });
  }

  it('rejects a duplicate id', async () => {
    await submit(network, identities.auditorUser, record, attestation);
    await expectRejectedWithoutTrace(network, () => submit(network, identities.auditorUser, record, attestation), 'CONFLICT');
  });
});

describe('ListAttestationsBySubject', () => {
  it('lists a subject\'s attestations; expired ones drop out of the valid ones', async () => {
    const network = await standardWorld();
    await submit(network, identities.auditorUser, record, attestation);
    await submit(network, identities.auditorUser, record, { ...attestation, id: 'att-2', validUntil: '2027-01-01T00:00:00Z' });
    await submit(network, identities.auditorUser, record, { ...attestation, id: 'att-3', subject: { type: 'Facility', id: 'mine-2' } });
    const all = await query(network, identities.miningUser, list, { subject: attestation.subject });
    expect(all.items.map((a) => a.id)).to.deep.equal(['att-1', 'att-2']);
    network.setTime('2025-07-01T00:00:00.000Z');
    const valid = await query(network, identities.miningUser, list, { subject: attestation.subject, validOnly: true });
    expect(valid.items.map((a) => a.id)).to.deep.equal(['att-2']);
  });

  it('rejects an unknown attestation id', async () => {
    const network = await standardWorld();
    await expectContractError(query(network, identities.miningUser, 'audit:GetAttestation', { id: 'none' }), 'ATTESTATION_NOT_FOUND');
  });
});

describe('certification gate with attestations', () => {
  it('lets a mine attested by an auditor mint claimed lots until the attestation expires', async () => {
    const network = await standardWorld();
    await submit(network, identities.auditorUser, record, attestation);
    await mint(network, 'lot-1', 100, { claims: ['CERTIFIED_ORIGIN'] });
    network.setTime('2025-06-01T00:00:00.000Z');
    await expectRejectedWithoutTrace(network, () => mint(network, 'lot-2', 100, { claims: ['CERTIFIED_ORIGIN'] }), 'ATTESTATION_REQUIRED');
  });

  it('lets an auditor\'s failed attestation in force block sending a claimed lot, despite a passing one and a declared certification', async () => {
    const network = await standardWorld();
    const irma = { scheme: 'IRMA', certificateId: 'IRMA-75', validFrom: '2024-01-01T00:00:00Z', validUntil: '2027-01-01T00:00:00Z', claims: ['CERTIFIED_ORIGIN'] };
    await submit(network, identities.miningAdmin, 'facility:UpdateCertifications', { id: 'mine-1', certifications: [irma] });
    await submit(network, identities.auditorUser, record, attestation);
    await mint(network, 'lot-1', 100, { claims: ['CERTIFIED_ORIGIN'] });
    await submit(network, identities.auditorUser, record, { ...attestation, id: 'fail-1', result: 'FAIL' });
    const propose = { id: 't1', lotId: 'lot-1', toFacilityId: 'refinery-1', declaredMassGrams: 100, shippingDocumentsHash: documentHash('t1') };
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, 'custody:ProposeTransfer', propose), 'ATTESTATION_REQUIRED');
  });

  it('lets a failed attestation stop counting once it expires', async () => {
    const network = await standardWorld();
    await submit(network, identities.auditorUser, record, { ...attestation, validUntil: '2027-01-01T00:00:00Z' });
    await submit(network, identities.auditorUser, record, { ...attestation, id: 'fail-1', result: 'FAIL', validUntil: '2025-03-01T00:00:00Z' });
    await expectRejectedWithoutTrace(network, () => mint(network, 'lot-1', 100, { claims: ['CERTIFIED_ORIGIN'] }), 'ATTESTATION_REQUIRED');
    network.setTime('2025-03-01T00:00:00.000Z');
    expect((await mint(network, 'lot-1', 100, { claims: ['CERTIFIED_ORIGIN'] })).claims).to.deep.equal(['CERTIFIED_ORIGIN']);
  });
});
