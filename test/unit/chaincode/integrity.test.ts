/**
 * The ledger against a dishonest participant: one regression per finding of the adversarial review (docs/TRUST.md,
 * docs/MASS_BALANCE_AND_PASSPORTS.md). Forgeries come from a modified chaincode on Mining's own peer (the forge
 * contract of test/support/tampered, the same the end-to-end test mounts on the real network); every other attack
 * goes through the honest chaincode as any organisation may send it.
 */
import { expect } from 'chai';
import { canonicalJson, CONSORTIUM_MSPS, ORGS, type Claim, type MaterialLot, type TransformRequest } from '../../../chaincode/src/api';
import { contracts } from '../../../chaincode/src/index';
import { LotContract } from '../../../chaincode/src/contracts/LotContract';
import {
  attestationBySubjectKey,
  attestationsBySubjectPrefix,
  lotByFacilityKey,
  massBalanceMovementKey,
  recordKey,
  type CompositeKeySpec,
} from '../../../chaincode/src/state/keys';
import { expectContractError, expectRejectedWithoutTrace } from '../../support/assertions';
import { EndorsementError } from '../../support/EndorsementError';
import { decodeSignaturePolicy, evaluatePolicy } from '../../support/fabric/SignaturePolicy';
import { identities } from '../../support/identities';
import type { MemoryNetwork } from '../../support/MemoryNetwork';
import { ForgeContract } from '../../support/tampered/ForgeContract';
import type { ForgeWriteRequest } from '../../support/tampered/forgeApi';
import { UncheckedLotContract } from '../../support/tampered/UncheckedLotContract';
import { TestIdentity } from '../../support/TestIdentity';
import { documentHash, FACILITIES, query, standardWorld, submit } from './fixtures';

const KOLWEZI = FACILITIES.mine.id;
const KOKKOLA = FACILITIES.refinery.id;
const CELL_PLANT = FACILITIES.cellPlant.id;
const RECYCLER = FACILITIES.recycler.id;
const tampered = [...contracts.map((contract) => (contract === LotContract ? UncheckedLotContract : contract)), ForgeContract];

/** The auditor organisation attests a facility for claims (or fails it). */
function attest(network: MemoryNetwork, id: string, facilityId: string, claims: Claim[], result: 'PASS' | 'FAIL' = 'PASS'): Promise<unknown> {
  return submit(network, identities.auditorUser, 'audit:RecordAttestation', {
    id,
    scheme: 'IRMA 75',
    scope: 'chain of custody',
    subject: { type: 'Facility', id: facilityId },
    result,
    validFrom: '2024-01-01T00:00:00Z',
    validUntil: '2030-01-01T00:00:00Z',
    evidenceHash: documentHash(`audit ${id}`),
    claims,
  });
}

function mintAt(network: MemoryNetwork, id: string, massGrams: number, extra: Record<string, unknown> = {}): Promise<MaterialLot> {
  return submit(network, identities.miningUser, 'lot:MintLot', { id, facilityId: KOLWEZI, material: 'COBALT_HYDROXIDE', massGrams, ...extra });
}

async function ship(network: MemoryNetwork, id: string, lot: MaterialLot, to: string, sender: TestIdentity, receiver: TestIdentity): Promise<MaterialLot> {
  await submit(network, sender, 'custody:ProposeTransfer', { id, lotId: lot.id, toFacilityId: to, declaredMassGrams: lot.massGrams, shippingDocumentsHash: documentHash(id) });
  return (await submit(network, receiver, 'custody:AcceptTransfer', { transferId: id, receivedMassGrams: lot.massGrams })).lot;
}

function movementCount(network: MemoryNetwork): number {
  return network.ledger.entries().filter(([key]) => key.includes('bt.mbmovement')).length;
}

/** The ledger key of a key spec, as the chaincode builds it. */
function ledgerKey(spec: CompositeKeySpec): string {
  return `\u0000${spec.objectType}\u0000${spec.attributes.map((part) => `${part}\u0000`).join('')}`;
}

const forgery = (network: MemoryNetwork, request: ForgeWriteRequest, endorsingOrganizations?: string[]): ReturnType<MemoryNetwork['submit']> =>
  network.submit(identities.miningAdmin, 'forge:Write', { arguments: [JSON.stringify(request)], ...(endorsingOrganizations ? { endorsingOrganizations } : {}) });

/** A forgery endorsed by the tampered peer alone fails validation and changes nothing; asking an honest peer fails at endorsement. */
async function expectForgeryRefused(network: MemoryNetwork, request: ForgeWriteRequest): Promise<void> {
  const before = network.snapshot();
  const { status } = await forgery(network, request, [ORGS.mining]);
  expect(status.codeName).to.equal('ENDORSEMENT_POLICY_FAILURE');
  expect(network.snapshot(), 'an invalid transaction changed the ledger').to.equal(before);
  const withHonest = await forgery(network, request, [ORGS.mining, ORGS.manufacturing]).catch((error: unknown) => error);
  expect(withHonest).to.be.instanceOf(EndorsementError);
  expect(network.snapshot()).to.equal(before);
}

const put = (spec: CompositeKeySpec, value: unknown): NonNullable<ForgeWriteRequest['puts']> => [{ key: { objectType: spec.objectType, attributes: [...spec.attributes] }, value: canonicalJson(value) }];

describe('integrity against a dishonest participant', () => {
  let network: MemoryNetwork;
  beforeEach(async () => {
    network = await standardWorld();
  });

  describe('1. creation in another organisation\'s name', () => {
    beforeEach(() => {
      network.install(ORGS.mining, tampered);
    });

    it('refuses a lot minted at another organisation\'s facility by a modified MintLot', async () => {
      const request = JSON.stringify({ id: 'forged-lot', facilityId: CELL_PLANT, material: 'COBALT_HYDROXIDE', massGrams: 1_000_000 });
      const before = network.snapshot();
      const alone = await network.submit(identities.miningUser, 'lot:MintLot', { arguments: [request], endorsingOrganizations: [ORGS.mining] });
      expect(alone.status.codeName).to.equal('ENDORSEMENT_POLICY_FAILURE');
      const planned = await network.submit(identities.miningUser, 'lot:MintLot', { arguments: [request] }).catch((error: unknown) => error);
      expect(planned).to.be.instanceOf(EndorsementError);
      expect(network.snapshot()).to.equal(before);
    });

    it('refuses raw writes of a lot, an attestation "by the auditor" and their index entries', async () => {
      await expectForgeryRefused(network, { puts: [...put(recordKey('MaterialLot', 'forged-lot'), { id: 'forged-lot' }), ...put(lotByFacilityKey(CELL_PLANT, 'forged-lot'), {})] });
      await expectForgeryRefused(network, {
        puts: [...put(recordKey('Attestation', 'forged-pass'), { id: 'forged-pass', ownerMsp: ORGS.audit }), ...put(attestationBySubjectKey('Facility', KOLWEZI, 'forged-pass'), {})],
      });
    });

    it('refuses a forged credit of 1,000,000,000 g and the deletion of another account\'s movements', async () => {
      network.install(ORGS.mining, contracts);
      await attest(network, 'att-mine', KOLWEZI, ['CERTIFIED_ORIGIN']);
      await attest(network, 'att-cell', CELL_PLANT, ['CERTIFIED_ORIGIN']);
      const lot = await ship(network, 'to-cell', await mintAt(network, 'lot-1', 10_000, { claims: ['CERTIFIED_ORIGIN'] }), CELL_PLANT, identities.miningUser, identities.manufacturingUser);
      await submit(network, identities.manufacturingUser, 'process:Transform', {
        id: 'run-1', facilityId: CELL_PLANT, processKind: 'REFINING', inputs: [{ lotId: lot.id, massGrams: 10_000 }],
        outputs: [{ id: 'out-1', material: 'COBALT_SULFATE', massGrams: 9_000, assay: { contentBasisPoints: 3000 } }], lossGrams: 1_000,
      });
      const [movementKey] = network.ledger.entries().map(([key]) => key).filter((key) => key.includes('bt.idx.mb-movement'));
      network.install(ORGS.mining, tampered);
      const account = { facilityId: CELL_PLANT, material: 'COBALT_HYDROXIDE', claim: 'CERTIFIED_ORIGIN' };
      const forgedCredit = massBalanceMovementKey(account, '2025-01', '2025-01-01T00:00:59.000Z', 'consumed:forged:0:CERTIFIED_ORIGIN');
      await expectForgeryRefused(network, { puts: put(forgedCredit, { kind: 'CREDIT', massGrams: 1_000_000_000 }) });
      const [, ...attributes] = (movementKey ?? '').split('\u0000').filter((part) => part !== '');
      await expectForgeryRefused(network, { deletes: [{ objectType: 'bt.idx.mb-movement', attributes }] });
    });

    it('refuses the deletion of the index entry of an auditor\'s FAIL verdict', async () => {
      network.install(ORGS.mining, contracts);
      await attest(network, 'att-fail', KOLWEZI, ['CERTIFIED_ORIGIN'], 'FAIL');
      network.install(ORGS.mining, tampered);
      const entry = attestationBySubjectKey('Facility', KOLWEZI, 'att-fail');
      await expectForgeryRefused(network, { deletes: [{ objectType: entry.objectType, attributes: [...entry.attributes] }] });
      const listed = await query(network, identities.miningUser, 'audit:ListAttestationsBySubject', { subject: { type: 'Facility', id: KOLWEZI } });
      expect(listed.items.map((a) => [a.id, a.result])).to.deep.equal([['att-fail', 'FAIL']]);
    });

    it('leaves no key without a policy that needs two organisations and names its owners', async () => {
      network.install(ORGS.mining, contracts);
      await attest(network, 'att-mine', KOLWEZI, ['CERTIFIED_ORIGIN']);
      await ship(network, 'to-cell', await mintAt(network, 'lot-1', 10_000, { claims: ['CERTIFIED_ORIGIN'] }), CELL_PLANT, identities.miningUser, identities.manufacturingUser);
      const peers = await Promise.all(CONSORTIUM_MSPS.map((mspId) => network.peerIdentity(mspId)));
      for (const [key] of network.ledger.entries()) {
        const parameter = network.ledger.validationParameter(key);
        expect(parameter, `key ${JSON.stringify(key)} has no key-level policy`).to.not.equal(undefined);
        const policy = decodeSignaturePolicy(parameter ?? new Uint8Array());
        for (const peer of peers) {
          expect(evaluatePolicy(policy, [peer]), `${peer.mspId} alone may write ${JSON.stringify(key)}`).to.equal(false);
        }
        expect(peers.some((a) => peers.some((b) => evaluatePolicy(policy, [a, b]))), `nobody may write ${JSON.stringify(key)}`).to.equal(true);
      }
    });
  });

  describe('2. rewriting the past after a handover', () => {
    it('refuses the receiver\'s rewrite of a lot it received (origin, parents, claims, mass)', async () => {
      await attest(network, 'att-mine', KOLWEZI, ['CERTIFIED_ORIGIN']);
      const atCell = await ship(network, 'out', await mintAt(network, 'lot-1', 10_000), CELL_PLANT, identities.miningUser, identities.manufacturingUser);
      const back = await ship(network, 'back', atCell, KOKKOLA, identities.manufacturingUser, identities.miningUser);
      network.install(ORGS.mining, tampered);
      const rewritten = { ...back, origin: { kind: 'MINED', facilityId: KOLWEZI, country: 'AU' }, massGrams: 100_000, claims: ['CERTIFIED_ORIGIN'] };
      await expectForgeryRefused(network, { puts: put(recordKey('MaterialLot', back.id), rewritten) });
    });

    it('refuses the holder\'s rewrite of a battery handed over to it (composition, footprint)', async () => {
      await cellAtPlant(network, 'cell', 5_000, 6_000);
      await submit(network, identities.manufacturingUser, 'battery:ProposeHandover', { id: 'h-1', batteryId: 'cell', toFacilityId: KOKKOLA });
      const { battery } = await submit(network, identities.miningUser, 'battery:AcceptHandover', { handoverId: 'h-1' });
      expect(battery.ownerMsp).to.equal(ORGS.mining);
      network.install(ORGS.mining, tampered);
      const rewritten = { ...battery, materials: [], elements: [], carbonFootprint: { ...battery.carbonFootprint, totalGramsCo2e: 1 } };
      await expectForgeryRefused(network, { puts: put(recordKey('Battery', 'cell'), rewritten) });
    });
  });

  describe('3. credit multiplication in mass balance', () => {
    beforeEach(async () => {
      await attest(network, 'att-mine', KOLWEZI, ['CERTIFIED_ORIGIN']);
      await attest(network, 'att-refinery', KOKKOLA, ['CERTIFIED_ORIGIN']);
      await submit(network, identities.miningUser, 'massbalance:OpenPeriod', { id: 'p1', facilityId: KOKKOLA, material: 'COBALT_HYDROXIDE', claim: 'CERTIFIED_ORIGIN', startsAt: '2024-12-01T00:00:00Z', endsAt: '2025-06-01T00:00:00Z' });
    });

    it('(a) credits nothing for a labelled lot shipped back and forth, and its mass once when it is consumed', async () => {
      let lot = await mintAt(network, 'lot-1', 10_000, { claims: ['CERTIFIED_ORIGIN'] });
      for (const leg of [1, 2, 3]) {
        lot = await ship(network, `to-${leg}`, lot, KOKKOLA, identities.miningUser, identities.miningUser);
        lot = await ship(network, `back-${leg}`, lot, KOLWEZI, identities.miningUser, identities.miningUser);
      }
      expect(movementCount(network), 'credits from shipping').to.equal(0);
      lot = await ship(network, 'final', lot, KOKKOLA, identities.miningUser, identities.miningUser);
      const { result } = await consume(network, [{ lotId: lot.id, massGrams: 10_000 }], 8_000);
      expect(result.run.credited).to.deep.equal([{ lotId: 'lot-1', claim: 'CERTIFIED_ORIGIN', massGrams: 10_000 }]);
      const statement = await query(network, identities.auditorUser, 'massbalance:GetStatement', { facilityId: KOKKOLA, material: 'COBALT_HYDROXIDE', claim: 'CERTIFIED_ORIGIN' });
      expect(statement.creditedGrams).to.equal(10_000);
    });

    it('(b) labels exactly the claimed part of an output, split off, and credits only that part downstream', async () => {
      await consume(network, [{ lotId: (await labelledAtRefinery(network, 'lot-1', 10_000)).id, massGrams: 10_000 }], 10_000);
      const claim = { id: 'c-1', processRunId: 'run', outputLotId: 'sulfate', claim: 'CERTIFIED_ORIGIN', sourceMaterial: 'COBALT_HYDROXIDE', massGrams: 6_000 };
      await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, 'massbalance:ClaimOnOutput', claim), 'INVALID_ARGUMENT');
      const claimed = await submit(network, identities.miningUser, 'massbalance:ClaimOnOutput', { ...claim, claimedLotId: 'sulfate-claimed' });
      expect(claimed.lot).to.include({ id: 'sulfate-claimed', massGrams: 6_000 });
      expect(claimed.lot.claims).to.deep.equal(['CERTIFIED_ORIGIN']);
      expect(claimed.remainder).to.include({ id: 'sulfate', massGrams: 4_000 });
      expect(claimed.remainder?.claims).to.deep.equal([]);
      expect(claimed.movement.massGrams, 'the debit at the run\'s yield of 1').to.equal(6_000);
    });

    it('(c) lets a gram of certified input mixed into 9,999 g back only its own share of the output', async () => {
      const certified = await labelledAtRefinery(network, 'certified', 1);
      const minted = await submit(network, identities.miningUser, 'lot:MintLot', { id: 'other', facilityId: FACILITIES.mine2.id, material: 'COBALT_HYDROXIDE', massGrams: 9_999 });
      const other = await ship(network, 'other-in', minted, KOKKOLA, identities.miningUser, identities.miningUser);
      await consume(network, [{ lotId: certified.id, massGrams: 1 }, { lotId: other.id, massGrams: 9_999 }], 10_000);
      const claim = { id: 'c-1', processRunId: 'run', outputLotId: 'sulfate', claim: 'CERTIFIED_ORIGIN', sourceMaterial: 'COBALT_HYDROXIDE', massGrams: 10_000 };
      await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, 'massbalance:ClaimOnOutput', claim), 'INSUFFICIENT_CREDIT');
      const small = await submit(network, identities.miningUser, 'massbalance:ClaimOnOutput', { ...claim, massGrams: 1, claimedLotId: 'gram' });
      expect(small.movement.massGrams).to.equal(1);
    });

    it('(d) passes no label through a transformation, so the credit backs its claims once', async () => {
      const { result } = await consume(network, [{ lotId: (await labelledAtRefinery(network, 'lot-1', 10_000)).id, massGrams: 10_000 }], 8_000);
      expect(result.outputs.map((output) => output.claims)).to.deep.equal([[]]);
      const claim = { id: 'c-1', processRunId: 'run', outputLotId: 'sulfate', claim: 'CERTIFIED_ORIGIN', sourceMaterial: 'COBALT_HYDROXIDE', massGrams: 8_000 };
      const claimed = await submit(network, identities.miningUser, 'massbalance:ClaimOnOutput', claim);
      expect(claimed.movement.massGrams, '8 t at a yield of 0.8 takes the 10 t credit').to.equal(10_000);
      const statement = await query(network, identities.auditorUser, 'massbalance:GetStatement', { facilityId: KOKKOLA, material: 'COBALT_HYDROXIDE', claim: 'CERTIFIED_ORIGIN' });
      expect(statement.balanceGrams).to.equal(0);
    });
  });

  describe('4. element mass from nothing', () => {
    it('refuses 1 t of claimed cobalt ore (3 kg Co) becoming 1 t of cobalt sulfate', async () => {
      await attest(network, 'att-mine', KOLWEZI, ['CERTIFIED_ORIGIN']);
      await submit(network, identities.miningUser, 'lot:MintLot', { id: 'ore', facilityId: KOLWEZI, material: 'COBALT_ORE', massGrams: 1_000_000, assay: { contentBasisPoints: 30 }, claims: ['CERTIFIED_ORIGIN'] });
      const run = (assay: number, massGrams: number): TransformRequest => ({
        id: `run-${assay}-${massGrams}`, facilityId: KOLWEZI, processKind: 'REFINING', inputs: [{ lotId: 'ore', massGrams: 1_000_000 }],
        outputs: [{ id: `so4-${assay}-${massGrams}`, material: 'COBALT_SULFATE', massGrams, assay: { contentBasisPoints: assay } }], lossGrams: 1_000_000 - massGrams,
      });
      await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, 'process:Transform', run(10_000, 1_000_000)), 'INVALID_ARGUMENT');
      await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, 'process:Transform', run(2_096, 1_000_000)), 'ELEMENT_NOT_CONSERVED');
      const made = await submit(network, identities.miningUser, 'process:Transform', run(2_096, 14_000));
      expect(made.outputs[0]?.elementContent).to.deep.equal({ COBALT: 2_096 });
    });
  });

  describe('5. laundered recycled content', () => {
    it('refuses minting scrap, recovered material or recycled claims', async () => {
      await expectRejectedWithoutTrace(network, () => mintAt(network, 'scrap', 1_000, { material: 'SCRAP' }), 'INVALID_ARGUMENT');
      await expectRejectedWithoutTrace(network, () => mintAt(network, 'salt', 1_000, { material: 'RECOVERED_COBALT_SULFATE' }), 'INVALID_ARGUMENT');
      await expectRejectedWithoutTrace(network, () => mintAt(network, 'recycled', 1_000, { claims: ['POST_CONSUMER_RECYCLED'] }), 'INVALID_ARGUMENT');
    });

    it('refuses a manufacturer\'s own unattested recycler, and 1,000 kg of black mass from a battery holding 1 g of tracked material', async () => {
      await submit(network, identities.manufacturingAdmin, 'facility:RegisterFacility', { id: 'own-recycler', kind: 'RECYCLER', name: 'In-house recycling', country: 'SE' });
      await cellAtPlant(network, 'heavy', 1, 1_000_000);
      await submit(network, identities.manufacturingUser, 'battery:PlaceOnMarket', { batteryId: 'heavy' });
      await submit(network, identities.manufacturingUser, 'battery:ProposeHandover', { id: 'h', batteryId: 'heavy', toFacilityId: 'own-recycler', kind: 'COLLECTION' });
      await submit(network, identities.manufacturingUser, 'battery:AcceptHandover', { handoverId: 'h' });
      const nothingTracked = { batteryId: 'heavy', outputs: [{ id: 'bm', material: 'BLACK_MASS', massGrams: 1_000_000, assay: { elements: { NICKEL: 0, COBALT: 0, MANGANESE: 0, LITHIUM: 0 } } }], lossGrams: 0 };
      await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, 'battery:Recycle', nothingTracked), 'ATTESTATION_REQUIRED');
      await attest(network, 'att-own', 'own-recycler', ['POST_CONSUMER_RECYCLED']);
      const blackMass = { ...nothingTracked, outputs: [{ id: 'bm', material: 'BLACK_MASS', massGrams: 1_000_000 }] };
      expect(await expectRejectedWithoutTrace(network, () => submit(network, identities.manufacturingUser, 'battery:Recycle', blackMass), 'ELEMENT_NOT_CONSERVED')).to.match(/holds 0 g of COBALT/);
    });

    it('treats scrap as pre-consumer only from a manufacturing process at a facility attested for it', async () => {
      const feed = await ship(network, 'feed', await mintAt(network, 'nmc-feed', 2_000, { material: 'NICKEL_MHP' }), CELL_PLANT, identities.miningUser, identities.manufacturingUser);
      const scrapRun = (id: string, massGrams: number): TransformRequest => ({
        id, facilityId: CELL_PLANT, processKind: 'CELL_MANUFACTURING', inputs: [{ lotId: feed.id, massGrams }],
        outputs: [{ id: `${id}-scrap`, material: 'SCRAP', massGrams, assay: { elements: { NICKEL: 1000 } } }], lossGrams: 0,
      });
      const unattested = await submit(network, identities.manufacturingUser, 'process:Transform', scrapRun('run-a', 1_000));
      expect(unattested.outputs[0]?.claims).to.deep.equal([]);
      await attest(network, 'att-cell', CELL_PLANT, ['PRE_CONSUMER_RECYCLED']);
      const attested = await submit(network, identities.manufacturingUser, 'process:Transform', scrapRun('run-b', 1_000));
      expect(attested.outputs[0]?.claims).to.deep.equal(['PRE_CONSUMER_RECYCLED']);
      expect(attested.outputs[0]?.origin).to.include({ productionScrap: true });
    });
  });

  describe('6. self-declared certification', () => {
    it('lets only an auditor\'s attestation in force certify a facility, and a FAIL in force deny it', async () => {
      const declared = [{ scheme: 'IRMA 75', certificateId: 'self', validFrom: '2024-01-01T00:00:00Z', validUntil: '2030-01-01T00:00:00Z', claims: ['CERTIFIED_ORIGIN'] }];
      await submit(network, identities.miningAdmin, 'facility:UpdateCertifications', { id: KOLWEZI, certifications: declared });
      await expectRejectedWithoutTrace(network, () => mintAt(network, 'lot-1', 1_000, { claims: ['CERTIFIED_ORIGIN'] }), 'ATTESTATION_REQUIRED');
      await attest(network, 'att-pass', KOLWEZI, ['CERTIFIED_ORIGIN']);
      expect((await mintAt(network, 'lot-1', 1_000, { claims: ['CERTIFIED_ORIGIN'] })).claims).to.deep.equal(['CERTIFIED_ORIGIN']);
      await attest(network, 'att-fail', KOLWEZI, ['CERTIFIED_ORIGIN'], 'FAIL');
      await expectRejectedWithoutTrace(network, () => mintAt(network, 'lot-2', 1_000, { claims: ['CERTIFIED_ORIGIN'] }), 'ATTESTATION_REQUIRED');
    });
  });

  describe('7. custody of batteries without consent', () => {
    beforeEach(async () => {
      await cellAtPlant(network, 'cell', 1_000, 2_000);
      await submit(network, identities.manufacturingUser, 'battery:PlaceOnMarket', { batteryId: 'cell' });
    });

    it('has no way for a collector to take a battery in: the holder proposes, the receiver accepts', async () => {
      await expectContractError(submit(network, identities.recyclingUser, 'battery:ProposeHandover', { id: 'grab', batteryId: 'cell', toFacilityId: RECYCLER, kind: 'COLLECTION' }), 'FORBIDDEN');
      const before = network.snapshot();
      const unknown = await network.submit(identities.recyclingUser, 'battery:Collect', { arguments: [JSON.stringify({ batteryId: 'cell', facilityId: RECYCLER })] }).catch((error: unknown) => error);
      if (!(unknown instanceof EndorsementError)) expect.fail(`expected an endorsement error, got ${String(unknown)}`);
      expect(JSON.stringify(unknown.details)).to.contain('UNKNOWN_TRANSACTION');
      expect(network.snapshot()).to.equal(before);
    });

    it('pushes no battery onto an organisation: it stays with the holder until the receiver accepts', async () => {
      const { battery } = await submit(network, identities.manufacturingUser, 'battery:ProposeHandover', { id: 'push', batteryId: 'cell', toFacilityId: KOKKOLA });
      expect(battery).to.include({ ownerMsp: ORGS.manufacturing, holderFacilityId: CELL_PLANT, pendingHandoverId: 'push' });
      await expectContractError(submit(network, identities.recyclingUser, 'battery:AcceptHandover', { handoverId: 'push' }), 'FORBIDDEN');
      const rejected = await submit(network, identities.miningUser, 'battery:RejectHandover', { handoverId: 'push', reason: 'not ordered' });
      expect(rejected.battery).to.include({ ownerMsp: ORGS.manufacturing, holderFacilityId: CELL_PLANT });
    });
  });

  describe('8. carbon footprint that loses emissions', () => {
    it('keeps the emissions of lost material with the concentrate, splits them by mass, and accepts no declared intensity', async () => {
      await submit(network, identities.miningUser, 'lot:MintLot', { id: 'ore', facilityId: KOLWEZI, material: 'COBALT_ORE', massGrams: 1_000_000, assay: { contentBasisPoints: 30 }, carbonIntensity: 100_000 });
      const transform = { id: 'conc', facilityId: KOLWEZI, processKind: 'CONCENTRATION', inputs: [{ lotId: 'ore', massGrams: 1_000_000 }], outputs: [{ id: 'concentrate', material: 'COBALT_ORE', massGrams: 100_000, assay: { contentBasisPoints: 300 } }], lossGrams: 900_000 };
      await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, 'process:Transform', { ...transform, outputs: [{ ...transform.outputs[0], carbonIntensity: 10 }] }), 'INVALID_ARGUMENT');
      await submit(network, identities.miningUser, 'process:Transform', transform);
      const { children } = await submit(network, identities.miningUser, 'lot:SplitLot', { lotId: 'concentrate', children: [{ id: 'half', massGrams: 50_000 }] });
      const parent = await query(network, identities.miningUser, 'lot:GetLot', { id: 'concentrate' });
      const tonnes = (lot: MaterialLot): number => (lot.massGrams * (lot.carbonIntensityMgPerKg ?? 0)) / 1e12;
      expect([parent, ...children].map(tonnes)).to.deep.equal([50, 50]);
    });
  });

  describe('9. input that got through', () => {
    it('refuses a bookmark that escapes its index prefix', async () => {
      await attest(network, 'att-other', FACILITIES.mine2.id, ['CERTIFIED_ORIGIN']);
      const otherEntry = ledgerKey(attestationBySubjectKey('Facility', FACILITIES.mine2.id, 'att-other'));
      expect(ledgerKey(attestationsBySubjectPrefix('Facility', 'mine-1')) < otherEntry, 'the crafted bookmark lies after the prefix').to.equal(true);
      const crafted = { subject: { type: 'Facility', id: 'mine-1' }, bookmark: ledgerKey(attestationBySubjectKey('Facility', 'mine-0', 'x')) };
      await expectContractError(query(network, identities.miningUser, 'audit:ListAttestationsBySubject', crafted), 'INVALID_ARGUMENT');
      await expectContractError(query(network, identities.miningUser, 'lot:ListLotsByFacility', { facilityId: CELL_PLANT, bookmark: ledgerKey(lotByFacilityKey('a', 'b')) }), 'INVALID_ARGUMENT');
    });

    it('refuses duplicate keys, impossible dates and lone surrogates, with the envelope', async () => {
      const duplicate = '{"id":"bad id!","facilityId":"mine-1","material":"COBALT_HYDROXIDE","massGrams":1,"id":"X"}';
      await expectRejectedWithoutTrace(network, () => submit(network, identities.miningUser, 'lot:MintLot', duplicate), 'INVALID_ARGUMENT');
      await expectRejectedWithoutTrace(network, () => mintAt(network, 'dated', 1, { extractedFrom: '2026-02-30T00:00:00Z' }), 'INVALID_ARGUMENT');
      await expectRejectedWithoutTrace(network, () => submit(network, identities.miningAdmin, 'facility:RegisterFacility', '{"id":"f-x","kind":"MINE","name":"\\ud800","country":"CD"}'), 'INVALID_ARGUMENT');
    });

    it('answers wrong arity and unknown transactions with the envelope', async () => {
      const detailsOf = async (name: string, args: string[]): Promise<string> => {
        const error = await network.evaluate(identities.miningUser, name, { arguments: args }).catch((caught: unknown) => caught);
        if (!(error instanceof EndorsementError)) expect.fail(`expected an endorsement error, got ${String(error)}`);
        return JSON.stringify(error.details);
      };
      expect(await detailsOf('lot:GetLot', ['{"id":"x"}', 'extra'])).to.contain('WRONG_ARGUMENT_COUNT');
      expect(await detailsOf('lot:Nothing', ['{}'])).to.contain('UNKNOWN_TRANSACTION');
    });
  });

  describe('10. smaller ones', () => {
    it('keeps client debit ids out of the namespace of derived credits', async () => {
      await attest(network, 'att-mine', KOLWEZI, ['CERTIFIED_ORIGIN']);
      await attest(network, 'att-refinery', KOKKOLA, ['CERTIFIED_ORIGIN']);
      await submit(network, identities.miningUser, 'massbalance:OpenPeriod', { id: 'p1', facilityId: KOKKOLA, material: 'COBALT_HYDROXIDE', claim: 'CERTIFIED_ORIGIN', startsAt: '2024-12-01T00:00:00Z', endsAt: '2025-06-01T00:00:00Z' });
      await consume(network, [{ lotId: (await labelledAtRefinery(network, 'first', 1_000)).id, massGrams: 1_000 }], 1_000);
      await submit(network, identities.miningUser, 'massbalance:ClaimOnOutput', { id: 'consumed:run-2:0:CERTIFIED_ORIGIN', processRunId: 'run', outputLotId: 'sulfate', claim: 'CERTIFIED_ORIGIN', sourceMaterial: 'COBALT_HYDROXIDE', massGrams: 1_000 });
      const second = await labelledAtRefinery(network, 'second', 500);
      const { result } = await consume(network, [{ lotId: second.id, massGrams: 500 }], 500, 'run-2');
      expect(result.run.credited, 'the consumption credit of run-2 is booked').to.have.length(1);
    });

    it('reads the admin role from the certificate, not from a subject that spells it', async () => {
      const impostor = new TestIdentity({ mspId: ORGS.mining, commonName: 'User9/OU=admin' });
      await expectRejectedWithoutTrace(network, () => submit(network, impostor, 'facility:RegisterFacility', { id: 'f-new', kind: 'MINE', name: 'Impostor mine', country: 'CD' }), 'FORBIDDEN');
    });
  });
});

/** A cell issued at the cell plant from `trackedGrams` of hydroxide minted at the mine and shipped there. */
async function cellAtPlant(network: MemoryNetwork, id: string, trackedGrams: number, massGrams: number): Promise<void> {
  const feed = await ship(network, `${id}-feed`, await mintAt(network, `${id}-lot`, trackedGrams), CELL_PLANT, identities.miningUser, identities.manufacturingUser);
  await submit(network, identities.manufacturingUser, 'battery:IssueBattery', {
    id, facilityId: CELL_PLANT, level: 'CELL', category: 'EV', model: 'C1', chemistry: 'NMC', massGrams,
    ratedCapacityMilliampHours: 50_000, nominalVoltageMillivolts: 3_700, lots: [{ lotId: feed.id, massGrams: trackedGrams }],
  });
}

/** A lot labelled CERTIFIED_ORIGIN minted at the attested mine and received at the refinery. */
async function labelledAtRefinery(network: MemoryNetwork, id: string, massGrams: number): Promise<MaterialLot> {
  const lot = await mintAt(network, id, massGrams, { claims: ['CERTIFIED_ORIGIN'] });
  return ship(network, `${id}-in`, lot, KOKKOLA, identities.miningUser, identities.miningUser);
}

/** Refines inputs at the refinery into one cobalt sulfate output (`sulfate`, or `<runId>-sulfate`). */
function consume(network: MemoryNetwork, inputs: { lotId: string; massGrams: number }[], outputGrams: number, runId = 'run'): ReturnType<typeof submitTransform> {
  const total = inputs.reduce((sum, input) => sum + input.massGrams, 0);
  return submitTransform(network, {
    id: runId, facilityId: KOKKOLA, processKind: 'REFINING', inputs,
    outputs: [{ id: runId === 'run' ? 'sulfate' : `${runId}-sulfate`, material: 'COBALT_SULFATE', massGrams: outputGrams, assay: { contentBasisPoints: 1 } }],
    lossGrams: total - outputGrams,
  });
}

async function submitTransform(network: MemoryNetwork, request: Record<string, unknown>): Promise<{ result: Awaited<ReturnType<typeof submit<'process:Transform'>>> }> {
  return { result: await submit(network, identities.miningUser, 'process:Transform', request) };
}
