import { expect } from 'chai';
import { COMMERCIAL_TERMS_TRANSIENT_KEY, hashCanonical } from '../../../chaincode/src/api';
import { expectContractError, expectRejectedWithoutTrace } from '../../support/assertions';
import { identities } from '../../support/identities';
import type { MemoryNetwork } from '../../support/MemoryNetwork';
import { attest, compositeKey, documentHash, expectKeyPolicy, FACILITIES, mint, query, recordKeyOf, simulate, standardWorld, submit } from './fixtures';

const propose = 'custody:ProposeTransfer';
const accept = 'custody:AcceptTransfer';
const reject = 'custody:RejectTransfer';
const cancel = 'custody:CancelTransfer';
const resolve = 'custody:ResolveDispute';
const shipping = documentHash('bill of lading 42');
const toCellPlant = { id: 't1', lotId: 'lot-1', toFacilityId: FACILITIES.cellPlant.id, declaredMassGrams: 100_000, shippingDocumentsHash: shipping };
const terms = { priceMinorUnits: 1_250_000, currency: 'EUR', contractReference: 'FRAME-2025-7', salt: 'a7f3c9e1d2b4f6a8' };
// New keys need two organisations' endorsement; with transient data the gateway will not pick the second one
// itself (only members of the sender's implicit collection may see the terms), so the sender names the receiver.
const withTerms = { transient: { [COMMERCIAL_TERMS_TRANSIENT_KEY]: terms }, endorsingOrganizations: ['MiningMSP', 'ManufacturingMSP'] };

async function proposed(network: MemoryNetwork): Promise<void> {
  await submit(network, identities.miningUser, propose, toCellPlant);
}

describe('ProposeTransfer', () => {
  let network: MemoryNetwork;
  beforeEach(async () => {
    network = await standardWorld();
    await mint(network, 'lot-1', 100_000);
  });

  it('puts the lot in transit and records a transfer and its index entry owned by both organisations', async () => {
    const { transfer, lot } = await submit(network, identities.miningUser, propose, toCellPlant);
    expect(transfer).to.include({ status: 'PROPOSED', senderMsp: 'MiningMSP', receiverMsp: 'ManufacturingMSP', fromFacilityId: 'mine-1', toleranceBasisPoints: 50 });
    expect(lot).to.include({ status: 'IN_TRANSIT', pendingTransferId: 't1', ownerMsp: 'MiningMSP' });
    await expectKeyPolicy(network, recordKeyOf('CustodyTransfer', 't1'), ['MiningMSP', 'ManufacturingMSP']);
    await expectKeyPolicy(network, compositeKey('bt.idx.transfer-lot', 'lot-1', 't1'), ['MiningMSP', 'ManufacturingMSP']);
    await expectKeyPolicy(network, recordKeyOf('MaterialLot', 'lot-1'), ['MiningMSP']);
  });

  it('sends a claimed lot of an attested sender with its label', async () => {
    await attest(network, 'mine-1', ['CERTIFIED_ORIGIN']);
    await mint(network, 'claimed', 10, { claims: ['CERTIFIED_ORIGIN'] });
    const { lot } = await submit(network, identities.miningUser, propose, { ...toCellPlant, lotId: 'claimed', declaredMassGrams: 10 });
    expect(lot).to.include({ status: 'IN_TRANSIT' });
    expect(lot.claims).to.deep.equal(['CERTIFIED_ORIGIN']);
  });

  it('keeps commercial terms in the sender\'s implicit collection and only their hash on the ledger', async () => {
    const simulation = await simulate(network, identities.miningUser, propose, toCellPlant, withTerms);
    expect(simulation.result.transfer.commercialTermsHash).to.equal(hashCanonical(terms));
    expect([...simulation.rwset.collections.keys()]).to.deep.equal(['_implicit_org_MiningMSP']);
    expect(network.snapshot()).not.to.include('FRAME-2025-7');
    const read = await query(network, identities.miningUser, 'custody:GetCommercialTerms', { id: 't1' });
    expect(read).to.deep.equal(terms);
  });

  it('rejects malformed commercial terms', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, propose, toCellPlant, { transient: { [COMMERCIAL_TERMS_TRANSIENT_KEY]: { ...terms, priceMinorUnits: 1.5 } } }), 'INVALID_ARGUMENT');
  });

  it('rejects transient bytes that are not JSON', async () => {
    const rawTransient = new Map([[COMMERCIAL_TERMS_TRANSIENT_KEY, Buffer.from('{oops')]]);
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, propose, toCellPlant, { rawTransient }), 'INVALID_ARGUMENT');
  });

  it('rejects an organisation that is not the custodian', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingUser, propose, toCellPlant), 'FORBIDDEN');
  });

  it('rejects a lot already in transit', async () => {
    await proposed(network);
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, propose, { ...toCellPlant, id: 't2' }), 'INVALID_STATE');
  });

  it('rejects a declared mass that is not the lot\'s mass', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, propose, { ...toCellPlant, declaredMassGrams: 99_999 }), 'INVALID_ARGUMENT');
  });

  it('rejects sending a lot to its own facility', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, propose, { ...toCellPlant, toFacilityId: 'mine-1' }), 'INVALID_ARGUMENT');
  });

  it('rejects an unknown destination', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, propose, { ...toCellPlant, toFacilityId: 'nowhere' }), 'FACILITY_NOT_FOUND');
  });

  it('rejects a malformed shipping documents hash', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, propose, { ...toCellPlant, shippingDocumentsHash: '0x1234' }), 'INVALID_ARGUMENT');
  });

  it('rejects a tolerance above 10 %', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, propose, { ...toCellPlant, toleranceBasisPoints: 1001 }), 'INVALID_ARGUMENT');
  });

  it('rejects a duplicate transfer id', async () => {
    await proposed(network);
    await mint(network, 'lot-2', 5);
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, propose, { ...toCellPlant, lotId: 'lot-2', declaredMassGrams: 5 }), 'CONFLICT');
  });

  it('rejects sending a claimed lot once the sender\'s attestation has expired, whatever it declares itself', async () => {
    await attest(network, 'mine-1', ['CERTIFIED_ORIGIN'], { validUntil: '2025-02-01T00:00:00Z' });
    await mint(network, 'claimed', 10, { claims: ['CERTIFIED_ORIGIN'] });
    const declared = { scheme: 'IRMA', certificateId: 'IRMA-75', validFrom: '2024-01-01T00:00:00Z', validUntil: '2027-01-01T00:00:00Z', claims: ['CERTIFIED_ORIGIN'] };
    await submit(network, identities.miningAdmin, 'facility:UpdateCertifications', { id: 'mine-1', certifications: [declared] });
    network.setTime('2025-03-01T00:00:00.000Z');
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, propose, { ...toCellPlant, lotId: 'claimed', declaredMassGrams: 10 }), 'ATTESTATION_REQUIRED');
  });
});

describe('AcceptTransfer', () => {
  let network: MemoryNetwork;
  beforeEach(async () => {
    network = await standardWorld();
    await mint(network, 'lot-1', 100_000);
    await proposed(network);
  });

  it('moves custody to the receiver, recording the shortfall within tolerance as loss', async () => {
    const { transfer, lot } = await submit(network, identities.manufacturingUser, accept, { transferId: 't1', receivedMassGrams: 99_600 });
    expect(transfer).to.include({ status: 'ACCEPTED', receivedMassGrams: 99_600, lossGrams: 400, surplusGrams: 0 });
    expect(lot).to.include({ status: 'ACTIVE', ownerMsp: 'ManufacturingMSP', custodianFacilityId: 'cell-1', massGrams: 99_600 });
    expect(lot.pendingTransferId).to.equal(undefined);
    const held = await query(network, identities.auditorUser, 'lot:ListLotsByFacility', { facilityId: 'cell-1' });
    expect(held.items.map((l) => l.id)).to.deep.equal(['lot-1']);
    const left = await query(network, identities.auditorUser, 'lot:ListLotsByFacility', { facilityId: 'mine-1' });
    expect(left.items).to.deep.equal([]);
  });

  it('hands the lot key and its facility index entry to the receiver organisation', async () => {
    await submit(network, identities.manufacturingUser, accept, { transferId: 't1', receivedMassGrams: 100_000 });
    await expectKeyPolicy(network, recordKeyOf('MaterialLot', 'lot-1'), ['ManufacturingMSP']);
    await expectKeyPolicy(network, compositeKey('bt.idx.lot-facility', 'cell-1', 'lot-1'), ['ManufacturingMSP']);
    expect(network.ledger.value(compositeKey('bt.idx.lot-facility', 'mine-1', 'lot-1'))).to.equal(undefined);
    await expectKeyPolicy(network, recordKeyOf('CustodyTransfer', 't1'), ['MiningMSP', 'ManufacturingMSP']);
  });

  it('moves a claimed lot\'s label with it, reduced with the weighed mass, and credits nothing on receipt', async () => {
    await attest(network, 'mine-1', ['CERTIFIED_ORIGIN']);
    await attest(network, 'cell-1', ['CERTIFIED_ORIGIN']);
    await mint(network, 'claimed', 10_000, { claims: ['CERTIFIED_ORIGIN'] });
    await submit(network, identities.miningUser, propose, { ...toCellPlant, id: 't2', lotId: 'claimed', declaredMassGrams: 10_000 });
    const simulation = await simulate(network, identities.manufacturingUser, accept, { transferId: 't2', receivedMassGrams: 9_990 });
    expect(simulation.result.lot).to.deep.include({ massGrams: 9_990, claims: ['CERTIFIED_ORIGIN'], ownerMsp: 'ManufacturingMSP' });
    expect([...simulation.rwset.writes.keys()].filter((key) => key.includes('bt.mb') || key.includes('bt.idx.mb-'))).to.deep.equal([]);
  });

  it('records a surplus without adding mass', async () => {
    const { transfer, lot } = await submit(network, identities.manufacturingUser, accept, { transferId: 't1', receivedMassGrams: 100_300 });
    expect(transfer).to.include({ lossGrams: 0, surplusGrams: 300 });
    expect(lot.massGrams).to.equal(100_000);
  });

  it('puts the transfer in dispute beyond tolerance and keeps the lot in transit', async () => {
    const { transfer, lot } = await submit(network, identities.manufacturingUser, accept, { transferId: 't1', receivedMassGrams: 99_000 });
    expect(transfer.status).to.equal('DISPUTED');
    expect(lot).to.include({ status: 'IN_TRANSIT', ownerMsp: 'MiningMSP' });
  });

  it('rejects the sender accepting its own transfer', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, accept, { transferId: 't1', receivedMassGrams: 100_000 }), 'FORBIDDEN');
  });

  it('rejects a third organisation', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingUser, accept, { transferId: 't1', receivedMassGrams: 100_000 }), 'FORBIDDEN');
  });

  it('rejects accepting twice', async () => {
    await submit(network, identities.manufacturingUser, accept, { transferId: 't1', receivedMassGrams: 100_000 });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, accept, { transferId: 't1', receivedMassGrams: 100_000 }), 'INVALID_STATE');
  });

  it('rejects a negative received mass', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, accept, { transferId: 't1', receivedMassGrams: -1 }), 'INVALID_ARGUMENT');
  });

  it('rejects an unknown transfer', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, accept, { transferId: 'nope', receivedMassGrams: 1 }), 'TRANSFER_NOT_FOUND');
  });
});

describe('RejectTransfer', () => {
  let network: MemoryNetwork;
  beforeEach(async () => {
    network = await standardWorld();
    await mint(network, 'lot-1', 100_000);
    await proposed(network);
  });

  it('returns the lot to the sender', async () => {
    const { transfer, lot } = await submit(network, identities.manufacturingUser, reject, { transferId: 't1', reason: 'wrong grade' });
    expect(transfer).to.include({ status: 'REJECTED', reason: 'wrong grade' });
    expect(lot).to.include({ status: 'ACTIVE', custodianFacilityId: 'mine-1' });
  });

  it('rejects the sender', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, reject, { transferId: 't1' }), 'FORBIDDEN');
  });

  it('rejects a transfer that is no longer proposed', async () => {
    await submit(network, identities.manufacturingUser, reject, { transferId: 't1' });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, reject, { transferId: 't1' }), 'INVALID_STATE');
  });

  it('rejects an over-long reason', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, reject, { transferId: 't1', reason: 'x'.repeat(2001) }), 'INVALID_ARGUMENT');
  });
});

describe('CancelTransfer', () => {
  let network: MemoryNetwork;
  beforeEach(async () => {
    network = await standardWorld();
    await mint(network, 'lot-1', 100_000);
    await proposed(network);
  });

  it('cancels a pending transfer and frees the lot', async () => {
    const { transfer, lot } = await submit(network, identities.miningUser, cancel, { transferId: 't1' });
    expect(transfer.status).to.equal('CANCELLED');
    expect(lot.status).to.equal('ACTIVE');
  });

  it('rejects the receiver', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, cancel, { transferId: 't1' }), 'FORBIDDEN');
  });

  it('rejects cancelling an accepted transfer', async () => {
    await submit(network, identities.manufacturingUser, accept, { transferId: 't1', receivedMassGrams: 100_000 });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, cancel, { transferId: 't1' }), 'INVALID_STATE');
  });
});

describe('ResolveDispute', () => {
  let network: MemoryNetwork;
  beforeEach(async () => {
    network = await standardWorld();
    await mint(network, 'lot-1', 100_000);
    await proposed(network);
    await submit(network, identities.manufacturingUser, accept, { transferId: 't1', receivedMassGrams: 90_000 });
  });

  it('settles when both parties propose the same mass', async () => {
    const first = await submit(network, identities.miningUser, resolve, { transferId: 't1', settledMassGrams: 95_000 });
    expect(first.transfer.status).to.equal('DISPUTED');
    const { transfer, lot } = await submit(network, identities.manufacturingUser, resolve, { transferId: 't1', settledMassGrams: 95_000 });
    expect(transfer).to.include({ status: 'SETTLED', lossGrams: 5000 });
    expect(transfer.settlement).to.include({ settledMassGrams: 95_000, resolvedBy: 'PARTIES' });
    expect(lot).to.include({ massGrams: 95_000, ownerMsp: 'ManufacturingMSP', status: 'ACTIVE' });
  });

  it('settles at once when an auditor decides', async () => {
    const { transfer, lot } = await submit(network, identities.auditorUser, resolve, { transferId: 't1', settledMassGrams: 92_000 });
    expect(transfer.settlement?.resolvedBy).to.equal('AUDITOR');
    expect(lot.massGrams).to.equal(92_000);
  });

  it('keeps the dispute open while the parties disagree', async () => {
    await submit(network, identities.miningUser, resolve, { transferId: 't1', settledMassGrams: 99_000 });
    const { transfer } = await submit(network, identities.manufacturingUser, resolve, { transferId: 't1', settledMassGrams: 90_000 });
    expect(transfer.status).to.equal('DISPUTED');
  });

  it('rejects an organisation that is neither party nor auditor', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.recyclingUser, resolve, { transferId: 't1', settledMassGrams: 95_000 }), 'FORBIDDEN');
  });

  it('rejects a settlement above the declared mass', async () => {
    await expectRejectedWithoutTrace(network, () => submit(network, identities.auditorUser, resolve, { transferId: 't1', settledMassGrams: 100_001 }), 'INVALID_ARGUMENT');
  });

  it('rejects a transfer that is not disputed', async () => {
    await submit(network, identities.auditorUser, resolve, { transferId: 't1', settledMassGrams: 95_000 });
    await expectRejectedWithoutTrace(network, () => submit(network, identities.auditorUser, resolve, { transferId: 't1', settledMassGrams: 95_000 }), 'INVALID_STATE');
  });
});

describe('GetTransfer', () => {
  it('reads a transfer', async () => {
    const network = await standardWorld();
    await mint(network, 'lot-1', 100_000);
    await proposed(network);
    expect((await query(network, identities.auditorUser, 'custody:GetTransfer', { id: 't1' })).status).to.equal('PROPOSED');
  });

  it('rejects an unknown transfer', async () => {
    const network = await standardWorld();
    await expectContractError(query(network, identities.auditorUser, 'custody:GetTransfer', { id: 'nope' }), 'TRANSFER_NOT_FOUND');
  });
});

describe('ListTransfersByLot', () => {
  it('lists a lot\'s transfers', async () => {
    const network = await standardWorld();
    await mint(network, 'lot-1', 100_000);
    await proposed(network);
    await submit(network, identities.miningUser, cancel, { transferId: 't1' });
    await submit(network, identities.miningUser, propose, { ...toCellPlant, id: 't2' });
    const page = await query(network, identities.auditorUser, 'custody:ListTransfersByLot', { lotId: 'lot-1' });
    expect(page.items.map((t) => [t.id, t.status])).to.deep.equal([['t1', 'CANCELLED'], ['t2', 'PROPOSED']]);
  });

  it('rejects a malformed lot id', async () => {
    const network = await standardWorld();
    await expectContractError(query(network, identities.auditorUser, 'custody:ListTransfersByLot', { lotId: '-x' }), 'INVALID_ARGUMENT');
  });
});

describe('GetCommercialTerms', () => {
  it('rejects the receiver (the terms live in the sender\'s collection)', async () => {
    const network = await standardWorld();
    await mint(network, 'lot-1', 100_000);
    await submit(network, identities.miningUser, propose, toCellPlant, withTerms);
    await expectContractError(query(network, identities.manufacturingUser, 'custody:GetCommercialTerms', { id: 't1' }), 'FORBIDDEN');
  });

  it('rejects a transfer without terms', async () => {
    const network = await standardWorld();
    await mint(network, 'lot-1', 100_000);
    await proposed(network);
    await expectContractError(query(network, identities.miningUser, 'custody:GetCommercialTerms', { id: 't1' }), 'NOT_FOUND');
  });
});
