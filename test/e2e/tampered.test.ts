/**
 * A dishonest organisation runs a modified build of the chaincode on its own peer: can it forge records?
 *
 * How the attack is mounted, on the real network:
 * 1. The honest organisations set up records through the SDK (fresh ids per run): the auditor attests a Mining
 *    mine and a Manufacturing plant; Mining mints a labelled lot and ships it to the plant, which splits a part
 *    off and ships it back to a Mining refinery, refines another part (a credit in its mass-balance account) and
 *    hands a pack it issued over to the mine; the auditor records a FAIL verdict on the mine.
 * 2. The test builds a tampered chaincode from test/e2e/support/tampered/: the product contracts with
 *    `lot:MintLot` stripped of its organisation check, plus a `forge` contract (raw put/delete of any key,
 *    optionally claiming each written key for chosen organisations with `setStateValidationParameter`, and a
 *    raw read). It is bundled like the product (scripts/bundle-chaincode.mjs --entry) and packaged in the same
 *    format (scripts/org-package.sh package), so the peers' external builder runs it.
 * 3. scripts/org-package.sh use mining: `peer lifecycle chaincode install` on Mining's peer only, then
 *    `approveformyorg` by Mining only with the tampered package id for the committed definition (same name,
 *    version, sequence, policy, collections; Fabric accepts a new package id for the committed sequence when
 *    every other parameter is equal). Mining's peer stops the honest chaincode and runs the tampered one; the
 *    other three peers keep the honest chaincode. The peer binaries stay honest: only the chaincode is modified.
 * 4. Each attack is submitted by Mining's admin through Mining's gateway twice: endorsed by Mining's tampered
 *    peer only (`endorsingOrganizations: ['MiningMSP']`), and by Mining plus the honest organisation it wrongs.
 *    The trust rule must refuse both: the honest peer refuses to endorse (it has no `forge` contract; its
 *    MintLot checks the organisation), and a Mining-only endorsement fails validation with
 *    ENDORSEMENT_POLICY_FAILURE (chaincode policy 2 of 4 organisations; key-level policies "owner AND one
 *    other organisation"). Every touched key is then read raw on Mining's peer (forge:ReadKey) and through an
 *    honest peer's queries, and must be unchanged; the chain may grow only by the blocks holding the
 *    invalidated attack transactions.
 * 5. The after hook approves the deployed honest package for Mining again (scripts/org-package.sh restore
 *    mining), also when a test failed; `scripts/network.sh up` does the same for a network a crashed run left
 *    tampered.
 */
import { expect } from 'chai';
import type { Contract, Network } from '@hyperledger/fabric-gateway';
import {
  attestationSchema,
  batterySchema,
  canonicalJson,
  massBalanceMovementSchema,
  materialLotSchema,
  type Attestation,
  type Battery,
  type MassBalanceMovement,
  type MaterialLot,
} from '../../chaincode/src/api';
import { monthOf, movementIds } from '../../chaincode/src/domain/massBalance';
import {
  attestationBySubjectKey,
  downstreamLinkKey,
  lotByFacilityKey,
  massBalanceMovementKey,
  recordKey,
  upstreamLinkKey,
  type CompositeKeySpec,
} from '../../chaincode/src/state/keys';
import { chainHeightReader } from '../../sdk/src/connection/chainHeight';
import { isContractError, retryPolicies, type BatteryTraceClient } from '../../sdk/src/index';
import { describeOutcome, forgedNextVersion, forgedRecord, forgeWrite, readRaw, submitAttempt, type Attempt } from './support/forgery';
import { connectGateway, runId, type TestGateway } from './support/network';
import { eventually } from './support/nodes';
import { documentsHash, failure, party } from './support/parties';
import { approvedPackage, buildTamperedPackage, restoreDeployedPackage, runPackageOn, tamperedLabel } from './support/tamper';
import { FORGE } from '../support/tampered/forgeApi';

const MINING = 'MiningMSP';
const MANUFACTURING = 'ManufacturingMSP';
const AUDITOR = 'AuditorMSP';
const FORGE_WRITE = `${FORGE.contract}:${FORGE.Write}`;
const DAY_MS = 86_400_000;
const at = (offsetDays: number): string => new Date(Date.now() + offsetDays * DAY_MS).toISOString();
const lotNode = (id: string): { type: string; id: string } => ({ type: 'MaterialLot', id });

/** What an attack writes and which keys it touches. */
interface Attack {
  readonly name: string;
  readonly transaction: string;
  readonly request: unknown;
  /** The honest organisation asked to endorse alongside Mining in the second submission. */
  readonly coEndorser: string;
  /** Keys the attack would create: absent before. */
  readonly creates?: readonly CompositeKeySpec[];
  /** Keys the attack would change or delete: present before. */
  readonly changes?: readonly CompositeKeySpec[];
}

describe('a tampered chaincode on one organisation\'s peer', function () {
  this.timeout(300_000);
  const id = (name: string): string => `${runId}-tamper-${name}`;
  const f = { mine: id('mine'), refinery: id('refinery'), plant: id('plant') };
  const claimed = ['CERTIFIED_ORIGIN'] as const;
  const attempts: Attempt[] = [];
  let miningAdmin: BatteryTraceClient;
  let mining: BatteryTraceClient;
  let manufacturingAdmin: BatteryTraceClient;
  let manufacturing: BatteryTraceClient;
  let audit: BatteryTraceClient;
  let attacker: TestGateway;
  let auditPeer: TestGateway;
  let forger: Contract;
  let shipped: MaterialLot;
  let received: MaterialLot;
  let held: Battery;
  let failVerdict: Attestation;
  let credit: MassBalanceMovement;
  let passVerdict: Attestation;
  let heightBefore: bigint;

  const plantAccount = { facilityId: f.plant, material: 'COBALT_HYDROXIDE' as const, claim: 'CERTIFIED_ORIGIN' as const };
  const heightOf = (network: Network): Promise<bigint> => chainHeightReader(network)();
  const channelOf = (connection: TestGateway): Network => connection.gateway.getNetwork(connection.material.channel);

  /**
   * Waits until the caller's own peer has committed another organisation's proposal: the SDK reads a transfer's or
   * handover's parties there before accepting it.
   */
  const seen = (read: () => Promise<unknown>): Promise<unknown> => eventually(read, 15_000, 100);

  /** Waits until the auditor's (honest) peer has committed every block Mining's peer has. */
  async function honestPeerCaughtUp(): Promise<void> {
    const target = await heightOf(channelOf(attacker));
    await eventually(async () => {
      const height = await heightOf(channelOf(auditPeer));
      expect(height >= target, `the auditor's peer is at height ${height}, Mining's at ${target}`).to.equal(true);
    }, 30_000, 200);
  }

  /** Submits an attack twice (Mining alone; Mining and the wronged organisation), then checks refusal and state. */
  async function mount(attack: Attack): Promise<void> {
    const keys = [...(attack.creates ?? []), ...(attack.changes ?? [])];
    const before = await readRaw(forger, MINING, keys);
    expect(before.map((entry) => entry.exists), 'which touched keys exist before the attack').to.deep.equal(keys.map((_, i) => i >= (attack.creates ?? []).length));
    const mine: Attempt[] = [];
    for (const endorsers of [[MINING], [MINING, attack.coEndorser]]) {
      const attempt = { attack: attack.name, endorsers, outcome: await submitAttempt(forger, attack.transaction, attack.request, endorsers) };
      attempts.push(attempt);
      mine.push(attempt);
    }
    await honestPeerCaughtUp();
    for (const attempt of mine) expectRefused(attempt);
    expect(await readRaw(forger, MINING, keys), 'raw state of every touched key on Mining\'s peer').to.deep.equal(before);
  }

  function expectRefused({ attack, endorsers, outcome }: Attempt): void {
    const label = `${attack}, endorsed by ${endorsers.join(' + ')}: ${describeOutcome(outcome)}`;
    if (outcome.stage === 'endorsement') {
      expect(outcome.refusedBy, `${label} — the tampered peer itself refused, so the forged request is malformed`).to.not.include(MINING);
      expect(outcome.refusedBy, label).to.not.be.empty;
      return;
    }
    expect(outcome.codeName, label).to.equal('ENDORSEMENT_POLICY_FAILURE');
  }

  async function expectNoLot(lotId: string): Promise<void> {
    expect(await failure(audit.getLot({ id: lotId }))).to.satisfy((e: unknown) => isContractError(e, 'LOT_NOT_FOUND'), `lot ${lotId} exists on the auditor's peer`);
    const { items } = await audit.listLots({ facilityId: f.plant, pageSize: 100 });
    expect(items.map((lot) => lot.id)).to.not.include(lotId);
  }

  async function plantMovements(): Promise<string[]> {
    const { items } = await manufacturing.listMovements({ ...plantAccount, from: at(-2), until: at(2), pageSize: 100 });
    return items.map((movement) => movement.id);
  }

  async function mineAttestations(): Promise<string[]> {
    const { items } = await audit.listAttestations({ subject: { type: 'Facility', id: f.mine }, pageSize: 100 });
    return items.map((attestation) => attestation.id);
  }

  /**
   * The honest organisations' records: the auditor attests the mine and the plant for certified origin; a
   * labelled lot goes from the mine to the plant, which splits a part off and ships it back to a Mining refinery,
   * refines another part (its label becomes credit of the plant's account) and issues a pack that Mining's mine
   * site accepts; the auditor records a FAIL verdict on the mine.
   */
  async function setUpRecords(): Promise<void> {
    await Promise.all([
      miningAdmin.registerFacility({ id: f.mine, kind: 'MINE', name: 'Kolwezi cobalt mine', country: 'CD' }),
      miningAdmin.registerFacility({ id: f.refinery, kind: 'REFINERY', name: 'Kokkola refinery', country: 'FI' }),
      manufacturingAdmin.registerFacility({ id: f.plant, kind: 'MODULE_PACK_PLANT', name: 'Gdańsk pack plant', country: 'PL' }),
    ]);
    const attested = (facilityId: string): Promise<Attestation> =>
      audit.attest({
        id: id(`pass-${facilityId}`), scheme: 'RMI RMAP', scope: 'responsible sourcing', subject: { type: 'Facility', id: facilityId }, result: 'PASS',
        validFrom: at(-30), validUntil: at(365), evidenceHash: documentsHash(id(`rmap-${facilityId}`)), claims: [...claimed],
      });
    passVerdict = await attested(f.mine);
    await attested(f.plant);
    shipped = await mining.mintLot({ id: id('lot'), facilityId: f.mine, material: 'COBALT_HYDROXIDE', massGrams: 10_000_000, carbonIntensity: 4_000, claims: [...claimed] });
    await mining.proposeTransfer({ id: id('to-plant'), lotId: shipped.id, toFacilityId: f.plant, declaredMassGrams: 10_000_000, shippingDocumentsHash: documentsHash(id('cmr-1')) });
    await seen(() => manufacturing.getTransfer({ id: id('to-plant') }));
    await manufacturing.acceptTransfer({ transferId: id('to-plant'), receivedMassGrams: 10_000_000 });
    await manufacturing.splitLot({ lotId: shipped.id, children: [{ id: id('returned'), massGrams: 2_000_000 }] });
    await Promise.all([
      (async () => {
        await manufacturing.proposeTransfer({ id: id('to-refinery'), lotId: id('returned'), toFacilityId: f.refinery, declaredMassGrams: 2_000_000, shippingDocumentsHash: documentsHash(id('cmr-2')) });
        await seen(() => mining.getTransfer({ id: id('to-refinery') }));
        received = (await mining.acceptTransfer({ transferId: id('to-refinery'), receivedMassGrams: 2_000_000 })).lot;
      })(),
      (async () => {
        await manufacturing.transform({
          id: id('refining'), facilityId: f.plant, processKind: 'REFINING', inputs: [{ lotId: shipped.id, massGrams: 1_000_000 }],
          outputs: [{ id: id('sulfate'), material: 'COBALT_SULFATE', massGrams: 1_000_000 }], lossGrams: 0,
        });
        await manufacturing.issueBattery({
          id: id('pack'), facilityId: f.plant, level: 'PACK', category: 'INDUSTRIAL', model: 'Haul truck pack 300 kWh', chemistry: 'NMC',
          massGrams: 2_000_000, ratedCapacityMilliampHours: 400_000_000, nominalVoltageMillivolts: 750_000, lots: [{ lotId: shipped.id, massGrams: 300_000 }],
        });
        await manufacturing.proposeHandover({ id: id('handover'), batteryId: id('pack'), toFacilityId: f.mine });
        await seen(() => mining.getHandover({ id: id('handover') }));
        held = (await mining.acceptHandover({ handoverId: id('handover') })).battery;
      })(),
    ]);
    failVerdict = await audit.attest({
      id: id('fail'), scheme: 'OECD due diligence', scope: 'artisanal sourcing at the mine', subject: { type: 'Facility', id: f.mine }, result: 'FAIL',
      validFrom: at(-1), validUntil: at(365), evidenceHash: documentsHash(id('audit-report')), claims: ['CONFLICT_FREE'],
    });
    const { items } = await manufacturing.listMovements({ ...plantAccount, from: at(-2), until: at(2), pageSize: 100 });
    const found = items.find((movement) => movement.source.kind === 'CONSUMPTION');
    expect(found, 'the plant\'s credit for the labelled cobalt hydroxide it refined').to.not.equal(undefined);
    credit = found!;
  }

  /** Mining's peer runs the tampered package once forge:ReadKey answers there. */
  async function mountTamperedChaincode(): Promise<void> {
    const packageFile = await buildTamperedPackage();
    const packageId = await runPackageOn('mining', packageFile);
    expect(packageId.startsWith(`${tamperedLabel}_`), packageId).to.equal(true);
    await eventually(() => readRaw(forger, MINING, [recordKey('MaterialLot', shipped.id)]), 60_000);
  }

  before(async function () {
    this.timeout(300_000);
    const retry = retryPolicies.readConflicts;
    miningAdmin = party('mining', 'admin', retry);
    mining = party('mining', 'user1', retry);
    manufacturingAdmin = party('manufacturing', 'admin', retry);
    manufacturing = party('manufacturing', 'user1', retry);
    audit = party('audit', 'user1', retry);
    attacker = connectGateway('mining', 'admin');
    auditPeer = connectGateway('audit');
    forger = channelOf(attacker).getContract(attacker.material.chaincode);
    await setUpRecords();
    await mountTamperedChaincode();
    heightBefore = await heightOf(channelOf(attacker));
  });

  after(async function () {
    this.timeout(300_000);
    for (const attempt of attempts) {
      console.log(`      ${attempt.attack} [${attempt.endorsers.join(' + ')}]: ${describeOutcome(attempt.outcome)}`);
    }
    try {
      await eventually(() => restoreDeployedPackage('mining'), 60_000, 3_000);
      expect(await approvedPackage('mining')).to.not.match(new RegExp(`^${tamperedLabel}_`));
      // the honest chaincode answers on Mining's peer again: it has no forge contract
      await eventually(async () => {
        expect(await failure(readRaw(forger, MINING, [recordKey('MaterialLot', id('lot'))]))).to.not.equal(undefined);
      }, 60_000);
    } finally {
      for (const client of [miningAdmin, mining, manufacturingAdmin, manufacturing, audit]) client.close();
      attacker.close();
      auditPeer.close();
    }
  });

  it('refuses minting a lot at a Manufacturing plant by a raw put of the lot and its index entry', async () => {
    const lotId = id('forged-lot');
    const keys = [recordKey('MaterialLot', lotId), lotByFacilityKey(f.plant, lotId)];
    const lot = forgedRecord(materialLotSchema, shipped, {
      id: lotId, ownerMsp: MANUFACTURING, custodianFacilityId: f.plant, origin: { kind: 'MINED', facilityId: f.plant, country: 'PL' },
      massGrams: 50_000_000, initialMassGrams: 50_000_000,
    }, 'forged');
    await mount({ name: 'a. raw put of a lot at a Manufacturing plant', transaction: FORGE_WRITE, coEndorser: MANUFACTURING, creates: keys,
      request: forgeWrite([{ key: keys[0]!, value: lot }, { key: keys[1]!, value: '{}' }], [], [MINING]) });
    await expectNoLot(lotId);
  });

  it('refuses minting a lot at a Manufacturing plant by the unchecked MintLot', async () => {
    const lotId = id('unchecked-lot');
    await mount({ name: 'a. unchecked lot:MintLot at a Manufacturing plant', transaction: 'lot:MintLot', coEndorser: MANUFACTURING,
      creates: [recordKey('MaterialLot', lotId), lotByFacilityKey(f.plant, lotId)],
      request: { id: lotId, facilityId: f.plant, material: 'COBALT_HYDROXIDE', massGrams: 50_000_000 } });
    await expectNoLot(lotId);
  });

  it('refuses an attestation owned by the auditor organisation and its index entry under the mine', async () => {
    const attestationId = id('forged-pass');
    const keys = [recordKey('Attestation', attestationId), attestationBySubjectKey('Facility', f.mine, attestationId)];
    const attestation = forgedRecord(attestationSchema, failVerdict, {
      id: attestationId, result: 'PASS', scheme: 'RMI RMAP', scope: 'conflict-free sourcing', claims: ['CONFLICT_FREE', 'CERTIFIED_ORIGIN'], evidenceHash: documentsHash('no audit'),
    }, 'forged');
    await mount({ name: 'b. attestation owned by AuditorMSP + index entry', transaction: FORGE_WRITE, coEndorser: AUDITOR, creates: keys,
      request: forgeWrite([{ key: keys[0]!, value: attestation }, { key: keys[1]!, value: '{}' }], [], [MINING]) });
    expect(await failure(audit.getAttestation({ id: attestationId }))).to.satisfy((e: unknown) => isContractError(e, 'ATTESTATION_NOT_FOUND'));
    expect(await mineAttestations()).to.have.members([passVerdict.id, failVerdict.id]);
  });

  it('refuses a forged credit of 1,000,000,000 g and its index entry in Manufacturing\'s mass-balance account', async () => {
    const bookedAt = new Date().toISOString();
    const forgedRun = id('no-such-run');
    const movementId = movementIds.consumption(forgedRun, 0, 'CERTIFIED_ORIGIN');
    const keys = [recordKey('MassBalanceMovement', movementId), massBalanceMovementKey(plantAccount, monthOf(bookedAt), bookedAt, movementId)];
    const movement = forgedRecord(massBalanceMovementSchema, credit, {
      id: movementId, massGrams: 1_000_000_000, bookedAt, source: { kind: 'CONSUMPTION', lotId: shipped.id, consumedBy: { type: 'ProcessRun', id: forgedRun } },
    }, 'forged');
    await mount({ name: 'c. forged 1e9 g credit + index entry in Manufacturing\'s account', transaction: FORGE_WRITE, coEndorser: MANUFACTURING, creates: keys,
      request: forgeWrite([{ key: keys[0]!, value: movement }, { key: keys[1]!, value: canonicalJson({ kind: 'CREDIT', massGrams: 1_000_000_000 }) }], [], [MINING]) });
    expect(await plantMovements()).to.deep.equal([credit.id]);
  });

  it('refuses deleting the index entry of another organisation\'s movement', async () => {
    const key = massBalanceMovementKey(plantAccount, monthOf(credit.bookedAt), credit.bookedAt, credit.id);
    await mount({ name: 'c. delete Manufacturing\'s movement index entry', transaction: FORGE_WRITE, coEndorser: MANUFACTURING, changes: [key],
      request: forgeWrite([], [key], []) });
    expect(await plantMovements()).to.deep.equal([credit.id]);
  });

  it('refuses deleting the index entry of the auditor\'s FAIL verdict', async () => {
    const key = attestationBySubjectKey('Facility', f.mine, failVerdict.id);
    await mount({ name: 'd. delete the index entry of the auditor\'s FAIL verdict', transaction: FORGE_WRITE, coEndorser: AUDITOR, changes: [key],
      request: forgeWrite([], [key], []) });
    expect(await mineAttestations()).to.have.members([passVerdict.id, failVerdict.id]);
  });

  it('refuses rewriting the origin, parents, claims and mass of a lot Mining received', async () => {
    const committed = await audit.getLot({ id: received.id });
    const history = await audit.getLotHistory({ id: received.id });
    const links = [upstreamLinkKey(lotNode(received.id), lotNode(shipped.id)), downstreamLinkKey(lotNode(shipped.id), lotNode(received.id))];
    const rewritten = forgedNextVersion(materialLotSchema, committed, {
      origin: { kind: 'MINED', facilityId: f.mine, country: 'CD' }, parents: [], claims: ['CERTIFIED_ORIGIN', 'CONFLICT_FREE'],
      massGrams: committed.massGrams * 10, initialMassGrams: committed.initialMassGrams * 10,
    }, 'forged');
    const key = recordKey('MaterialLot', received.id);
    await mount({ name: 'e. rewrite a lot received from Manufacturing', transaction: FORGE_WRITE, coEndorser: MANUFACTURING, changes: [key, ...links],
      request: forgeWrite([{ key, value: rewritten }], links, [MINING]) });
    expect(await audit.getLot({ id: received.id })).to.deep.equal(committed);
    expect((await audit.getLotHistory({ id: received.id })).entries).to.have.length(history.entries.length);
    const trace = await audit.traceUpstream({ id: received.id });
    expect(trace.edges.map((edge) => edge.parentId)).to.include(shipped.id);
  });

  it('refuses rewriting the composition and carbon footprint of a battery Mining holds', async () => {
    const committed = await audit.getBattery({ id: held.id });
    expect(committed.ownerMsp).to.equal(MINING);
    const rewritten = forgedNextVersion(batterySchema, committed, {
      lots: [], materials: committed.materials.map((m) => ({ ...m, critical: false })),
      elements: committed.elements.map((e) => ({ ...e, postConsumerRecycledGrams: e.massGrams, postConsumerRecycledBasisPoints: 10_000 })),
      carbonFootprint: { ...committed.carbonFootprint, totalGramsCo2e: 1, rawMaterialsGramsCo2e: 1, perKwhGramsCo2e: 0 },
    }, 'forged');
    const key = recordKey('Battery', held.id);
    await mount({ name: 'e. rewrite a battery held after a handover', transaction: FORGE_WRITE, coEndorser: MANUFACTURING, changes: [key],
      request: forgeWrite([{ key, value: rewritten }], [], [MINING]) });
    expect(await audit.getBattery({ id: held.id })).to.deep.equal(committed);
  });

  it('grows the chain only by the blocks holding the invalidated attack transactions', async () => {
    const blocks = new Set(attempts.flatMap(({ outcome }) => (outcome.stage === 'validation' ? [outcome.blockNumber] : [])));
    for (const block of blocks) expect(block >= heightBefore, `block ${block} predates the attacks`).to.equal(true);
    await honestPeerCaughtUp();
    const heights = [await heightOf(channelOf(attacker)), await heightOf(channelOf(auditPeer))];
    expect(heights).to.deep.equal([heightBefore + BigInt(blocks.size), heightBefore + BigInt(blocks.size)]);
  });
});
