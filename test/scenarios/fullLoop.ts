import { expect } from 'chai';
import { keccak256, toUtf8Bytes } from 'ethers';
import type { Battery, ElementShare, TraceResult } from '../../chaincode/src/api';
import { isContractError, type BatteryTraceClient } from '../../sdk/src/index';
import type { ScenarioParties } from './mineToCellMaker';

/** The parties of the full loop: those of the short scenario plus the recycling organisation's admin. */
export interface FullLoopParties extends ScenarioParties {
  readonly recyclingAdmin: BatteryTraceClient;
}

/** How a test file provides the parties of the full loop: on the in-memory ledger or on the running network. */
export interface FullLoopHost {
  /** Creates the parties; called once before the scenario. */
  setUp(): Promise<FullLoopParties> | FullLoopParties;
  /** Releases them. */
  tearDown(parties: FullLoopParties): Promise<void> | void;
  /** A prefix that keeps this run's ids apart from other runs on the same ledger. */
  readonly prefix: string;
}

const documents = (text: string): string => keccak256(toUtf8Bytes(text));
const DAY_MS = 86_400_000;
const at = (offsetDays: number): string => new Date(Date.now() + offsetDays * DAY_MS).toISOString();

/** Element content (basis points of mass) used below, as `ELEMENT_CONTENT` and the assays give it. */
const CONTENT = {
  cobaltSulfateAssay: 2_090,
  recoveredCobaltSulfateAssay: 2_050,
  nmcCobalt: 610,
  nmcLithium: 710,
} as const;

/** Masses of the loop, in grams. */
const M = {
  hydroxideMined: 10_000_000,
  hydroxideReceived: 9_980_000,
  spodumeneMined: 20_000_000,
  cobaltSulfate: 9_000_000,
  lithiumHydroxide: 3_000_000,
  cam1Sulfate: 1_000_000,
  cam1Hydroxide: 500_000,
  nmc1: 1_400_000,
  cellMass: 700,
  cellCathode: 500,
  packMass: 2_000,
  dismantledScrap: 400,
  dismantlingLoss: 100,
  blackMass: 900,
  recoveredCobaltSulfate: 300,
  recoveredLithiumHydroxide: 120,
  cam2VirginSulfate: 600,
  cam2Hydroxide: 300,
  nmc2: 1_100,
  claimedNmc2: 550,
} as const;

const SCALE = 1_000_000_000n;

/**
 * The post-consumer recycled cobalt of a cell made of `cathodeGrams` of cathode synthesised from virgin and
 * recovered cobalt sulfate, then of a pack of `cells` such cells, following the chaincode's rule
 * (domain/provenanceContent.ts): a derived lot's share is the element-mass-weighted share of its parents, in
 * parts per billion, rounded down; a battery's element grams are rounded down from gram-basis-points; a pack sums
 * its components' grams.
 */
function expectedCobalt(cells: number): { cell: ElementShare; pack: ElementShare } {
  const virgin = BigInt(M.cam2VirginSulfate) * BigInt(CONTENT.cobaltSulfateAssay);
  const recovered = BigInt(M.recoveredCobaltSulfate) * BigInt(CONTENT.recoveredCobaltSulfateAssay);
  const cathodeShare = (recovered * SCALE) / (virgin + recovered);
  const units = BigInt(M.cellCathode) * BigInt(CONTENT.nmcCobalt);
  const postUnits = (units * cathodeShare) / SCALE;
  const cell: ElementShare = {
    element: 'COBALT',
    massGrams: Number(units / 10_000n),
    preConsumerRecycledGrams: 0,
    postConsumerRecycledGrams: Number(postUnits / 10_000n),
    preConsumerRecycledBasisPoints: 0,
    postConsumerRecycledBasisPoints: Number((postUnits * 10_000n) / units),
  };
  const packMass = BigInt(cell.massGrams * cells);
  const packPost = BigInt(cell.postConsumerRecycledGrams * cells);
  const pack: ElementShare = {
    ...cell,
    massGrams: Number(packMass),
    postConsumerRecycledGrams: Number(packPost),
    postConsumerRecycledBasisPoints: Number((packPost * 10_000n) / packMass),
  };
  return { cell, pack };
}

function element(shares: readonly ElementShare[], name: ElementShare['element']): ElementShare {
  const found = shares.find((share) => share.element === name);
  expect(found, `${name} in ${JSON.stringify(shares)}`).to.not.equal(undefined);
  return found as ElementShare;
}

/**
 * Runs a check until it passes: a read through another organisation's peer may briefly lag behind the block the
 * writer's peer has committed. On the in-memory ledger it passes at once.
 */
async function settled(check: () => Promise<void>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** Every page of an upstream trace, as one node list and one edge list. */
async function fullTrace(client: BatteryTraceClient, type: string, id: string): Promise<Pick<TraceResult, 'nodes' | 'edges'>> {
  const nodes: TraceResult['nodes'] = [];
  const edges: TraceResult['edges'] = [];
  let bookmark = '';
  for (let page = 0; page < 20; page += 1) {
    const result = await client.traceUpstream({ type, id, maxDepth: 32, pageSize: 100, bookmark });
    expect(result.depthLimited).to.equal(false);
    nodes.push(...result.nodes);
    edges.push(...result.edges);
    bookmark = result.bookmark;
    if (bookmark === '') return { nodes, edges };
  }
  throw new Error(`the trace of ${id} did not end`);
}

/** Whether `ancestor` is reachable upstream from `from` through the trace's edges. */
function reaches(edges: TraceResult['edges'], from: string, ancestor: string): boolean {
  const seen = new Set<string>([from]);
  const queue = [from];
  while (queue.length > 0) {
    const child = queue.shift() as string;
    for (const edge of edges.filter((e) => e.childId === child)) {
      if (edge.parentId === ancestor) return true;
      if (!seen.has(edge.parentId)) {
        seen.add(edge.parentId);
        queue.push(edge.parentId);
      }
    }
  }
  return false;
}

/**
 * Registers the mocha tests of the full loop on any host: a mine mints cobalt hydroxide and spodumene, a
 * refinery refines them into cobalt sulfate and lithium hydroxide, the manufacturing organisation makes NMC
 * cathode material, cells and a pack with its passport; the OEM places it on the market and records its state
 * of health; it goes to second life (a new passport), is collected and recycled into black mass and recovered
 * salts; recovered cobalt sulfate goes back into cathode material and a new pack whose passport shows the
 * recycled cobalt computed from the ledger and whose upstream trace reaches both the mine and the recycled
 * battery. An auditor attests the recycler and the new pack; the cell plant claims post-consumer recycled
 * content on the new cathode material by mass balance.
 */
export function describeFullLoop(host: FullLoopHost): void {
  describe('full loop: mine → refiner → cathode → cells → pack → use → second life → recycling → new battery', function () {
    this.timeout(300_000);
    let p: FullLoopParties;
    const id = (name: string): string => `${host.prefix}-loop-${name}`;
    const f = {
      mine: id('mine'),
      refinery: id('refinery'),
      cellPlant: id('cell-plant'),
      packPlant: id('pack-plant'),
      oem: id('oem'),
      secondLife: id('second-life'),
      recycler: id('recycler'),
    };
    const cellsOf = (generation: number): string[] => [id(`cell-g${generation}-1`), id(`cell-g${generation}-2`)];
    const pack1 = id('pack-g1');
    const ess = id('ess-g1');
    const pack2 = id('pack-g2');

    /** Ships a whole lot and has the receiver accept it at the weighed mass. */
    async function ship(from: BatteryTraceClient, to: BatteryTraceClient, lotId: string, toFacilityId: string, declared: number, received: number): Promise<void> {
      await from.proposeTransfer({
        id: id(`tr-${lotId}`),
        lotId,
        toFacilityId,
        declaredMassGrams: declared,
        shippingDocumentsHash: documents(`consignment note ${lotId}`),
      });
      const { transfer, lot } = await to.acceptTransfer({ transferId: id(`tr-${lotId}`), receivedMassGrams: received });
      expect(transfer.status).to.equal('ACCEPTED');
      expect(transfer.lossGrams ?? 0).to.equal(declared - received);
      expect(lot.custodianFacilityId).to.equal(toFacilityId);
      expect(lot.massGrams).to.equal(received);
    }

    /** Issues `generation`'s two cells from a cathode lot, moves them to the pack plant and issues the pack. */
    async function makePack(generation: number, cathodeLotId: string, packId: string): Promise<Battery> {
      for (const cellId of cellsOf(generation)) {
        const cell = await p.manufacturing.issueBattery({
          id: cellId,
          facilityId: f.cellPlant,
          level: 'CELL',
          category: 'EV',
          model: 'NMC811 prismatic 60 Ah',
          chemistry: 'NMC',
          massGrams: M.cellMass,
          ratedCapacityMilliampHours: 60_000,
          nominalVoltageMillivolts: 3_650,
          lots: [{ lotId: cathodeLotId, massGrams: M.cellCathode }],
          hazardousSubstances: ['LiPF6 electrolyte'],
        });
        expect(cell.status).to.equal('MANUFACTURED');
        expect(cell.lots).to.deep.equal([{ lotId: cathodeLotId, material: 'CATHODE_NMC', massGrams: M.cellCathode }]);
        await p.manufacturing.transferBattery({ batteryId: cellId, toFacilityId: f.packPlant });
      }
      const pack = await p.manufacturing.issueBattery(
        {
          id: packId,
          facilityId: f.packPlant,
          level: 'PACK',
          category: 'EV',
          model: `EV pack generation ${generation}`,
          chemistry: 'NMC',
          massGrams: M.packMass,
          ratedCapacityMilliampHours: 60_000,
          nominalVoltageMillivolts: 7_300,
          expectedLifetimeCycles: 2_000,
          components: cellsOf(generation),
          labels: ['CE'],
          dueDiligenceReportHash: documents(`due diligence ${packId}`),
          endOfLifeInformation: 'Return to an authorised take-back point.',
        },
        { restricted: { safetyMeasures: 'Discharge before dismantling.' } },
      );
      expect(pack.level).to.equal('PACK');
      expect(pack.components).to.deep.equal(cellsOf(generation));
      expect(pack.passportStatus).to.equal('ORIGINAL');
      await settled(async () => {
        for (const cellId of cellsOf(generation)) {
          const cell = await p.audit.getBattery({ id: cellId });
          expect(cell.integratedInto).to.equal(packId);
        }
      });
      return pack;
    }

    before(async () => {
      p = await host.setUp();
    });

    after(async () => {
      await host.tearDown(p);
    });

    it('registers the facilities of the four organisations and attests the recycler', async () => {
      await p.miningAdmin.registerFacility({ id: f.mine, kind: 'MINE', name: 'Katanga cobalt and lithium mine', country: 'CD' });
      await p.miningAdmin.registerFacility({ id: f.refinery, kind: 'REFINERY', name: 'Kokkola refinery', country: 'FI' });
      await p.manufacturingAdmin.registerFacility({ id: f.cellPlant, kind: 'CELL_PLANT', name: 'Skellefteå cathode and cell plant', country: 'SE' });
      await p.manufacturingAdmin.registerFacility({ id: f.packPlant, kind: 'MODULE_PACK_PLANT', name: 'Gdańsk pack plant', country: 'PL' });
      await p.manufacturingAdmin.registerFacility({ id: f.oem, kind: 'OEM', name: 'Wolfsburg vehicle plant', country: 'DE' });
      await p.recyclingAdmin.registerFacility({ id: f.secondLife, kind: 'SECOND_LIFE', name: 'Lyon second-life storage', country: 'FR' });
      await p.recyclingAdmin.registerFacility({ id: f.recycler, kind: 'RECYCLER', name: 'Hoboken recycler', country: 'BE' });
      const attestation = await p.audit.attest({
        id: id('att-recycler'),
        scheme: 'UL 2809',
        scope: 'post-consumer recycled content of recovered salts',
        subject: { type: 'Facility', id: f.recycler },
        result: 'PASS',
        validFrom: at(-1),
        validUntil: at(365),
        evidenceHash: documents('UL 2809 audit report'),
        claims: ['POST_CONSUMER_RECYCLED'],
      });
      expect(attestation.ownerMsp).to.equal('AuditorMSP');
      await settled(async () => {
        const { items } = await p.recycling.listAttestations({ subject: { type: 'Facility', id: f.recycler }, validOnly: true });
        expect(items.map((a) => a.id)).to.deep.equal([id('att-recycler')]);
      });
    });

    it('mints cobalt hydroxide and spodumene concentrate at the mine and ships them to the refinery', async () => {
      const hydroxide = await p.mining.mintLot({
        id: id('coh'),
        facilityId: f.mine,
        material: 'COBALT_HYDROXIDE',
        massGrams: M.hydroxideMined,
        assay: { contentBasisPoints: 3_500 },
        carbonIntensity: 9_100,
      });
      expect(hydroxide.origin).to.deep.include({ kind: 'MINED', facilityId: f.mine });
      await p.mining.mintLot({
        id: id('spod'),
        facilityId: f.mine,
        material: 'LITHIUM_SPODUMENE_CONCENTRATE',
        massGrams: M.spodumeneMined,
        assay: { contentBasisPoints: 279 },
        carbonIntensity: 1_200,
      });
      await ship(p.mining, p.mining, id('coh'), f.refinery, M.hydroxideMined, M.hydroxideReceived);
      await ship(p.mining, p.mining, id('spod'), f.refinery, M.spodumeneMined, M.spodumeneMined);
    });

    it('refines them into cobalt sulfate and lithium hydroxide, conserving mass', async () => {
      const cobalt = await p.mining.transform({
        id: id('run-refine-co'),
        facilityId: f.refinery,
        processKind: 'REFINING',
        inputs: [{ lotId: id('coh'), massGrams: M.hydroxideReceived }],
        outputs: [{ id: id('coso4'), material: 'COBALT_SULFATE', massGrams: M.cobaltSulfate, assay: { contentBasisPoints: CONTENT.cobaltSulfateAssay } }],
        lossGrams: M.hydroxideReceived - M.cobaltSulfate,
      });
      expect(cobalt.run.inputMassGrams).to.equal(cobalt.run.outputs.reduce((sum, o) => sum + o.massGrams, 0) + cobalt.run.lossGrams);
      const lithium = await p.mining.transform({
        id: id('run-refine-li'),
        facilityId: f.refinery,
        processKind: 'REFINING',
        inputs: [{ lotId: id('spod'), massGrams: M.spodumeneMined }],
        outputs: [{ id: id('lioh'), material: 'LITHIUM_HYDROXIDE', massGrams: M.lithiumHydroxide, assay: { contentBasisPoints: 1_654 } }],
        lossGrams: M.spodumeneMined - M.lithiumHydroxide,
      });
      expect(lithium.run.lossGrams).to.equal(M.spodumeneMined - M.lithiumHydroxide);
      await settled(async () => {
        for (const mined of [id('coh'), id('spod')]) {
          const lot = await p.audit.getLot({ id: mined });
          expect(lot.status).to.equal('CONSUMED');
          expect(lot.massGrams).to.equal(0);
        }
      });
    });

    it('ships the salts to the manufacturing organisation, which makes NMC cathode material', async () => {
      await ship(p.mining, p.manufacturing, id('coso4'), f.cellPlant, M.cobaltSulfate, M.cobaltSulfate);
      await ship(p.mining, p.manufacturing, id('lioh'), f.cellPlant, M.lithiumHydroxide, M.lithiumHydroxide);
      const { outputs } = await p.manufacturing.transform({
        id: id('run-cam-1'),
        facilityId: f.cellPlant,
        processKind: 'CATHODE_SYNTHESIS',
        inputs: [
          { lotId: id('coso4'), massGrams: M.cam1Sulfate },
          { lotId: id('lioh'), massGrams: M.cam1Hydroxide },
        ],
        outputs: [{ id: id('nmc-1'), material: 'CATHODE_NMC', massGrams: M.nmc1 }],
        lossGrams: M.cam1Sulfate + M.cam1Hydroxide - M.nmc1,
      });
      expect(outputs[0]?.ownerMsp).to.equal('ManufacturingMSP');
      await settled(async () => {
        expect((await p.audit.getLot({ id: id('coso4') })).massGrams).to.equal(M.cobaltSulfate - M.cam1Sulfate);
        expect((await p.audit.getLot({ id: id('lioh') })).massGrams).to.equal(M.lithiumHydroxide - M.cam1Hydroxide);
      });
    });

    it('makes cells (battery level CELL) and a pack whose passport is built from them, all virgin material', async () => {
      const pack = await makePack(1, id('nmc-1'), pack1);
      expect((await p.audit.getLot({ id: id('nmc-1') })).massGrams).to.equal(M.nmc1 - 2 * M.cellCathode);
      const cobalt = element(pack.elements, 'COBALT');
      const cellCobalt = Math.floor((M.cellCathode * CONTENT.nmcCobalt) / 10_000);
      expect(cobalt.massGrams).to.equal(2 * cellCobalt);
      expect(cobalt.postConsumerRecycledGrams).to.equal(0);
      expect(cobalt.preConsumerRecycledGrams).to.equal(0);
      expect(element(pack.elements, 'LITHIUM').massGrams).to.equal(2 * Math.floor((M.cellCathode * CONTENT.nmcLithium) / 10_000));
      expect(pack.materials).to.deep.equal([{ material: 'CATHODE_NMC', massGrams: 2 * M.cellCathode, critical: true }]);
      const passport = await p.manufacturing.getPassport({ id: pack1 });
      expect(passport.tier).to.equal('MANUFACTURER');
      expect(passport.materialComposition.components).to.deep.equal(cellsOf(1));
      expect(passport.circularity.safetyMeasures).to.equal('Discharge before dismantling.');
      await settled(async () => {
        const publicView = await p.mining.getPassport({ id: pack1 });
        expect(publicView.tier).to.equal('PUBLIC');
        expect(publicView.circularity.safetyMeasures).to.equal(undefined);
      });
    });

    it('hands the pack to the OEM, which places it on the market, puts it into use and records its state of health', async () => {
      const atOem = await p.manufacturing.transferBattery({ batteryId: pack1, toFacilityId: f.oem });
      expect(atOem.holderFacilityId).to.equal(f.oem);
      const placed = await p.manufacturing.placeOnMarket({ batteryId: pack1 });
      expect(placed.status).to.equal('PLACED_ON_MARKET');
      expect(placed.placedOnMarketAt).to.be.a('string');
      expect((await p.manufacturing.recordUse({ batteryId: pack1 })).status).to.equal('IN_USE');
      await p.manufacturing.recordStateOfHealth({ batteryId: pack1, stateOfCertifiedEnergyBasisPoints: 9_500, remainingCapacityBasisPoints: 9_600, fullCycles: 400 });
      const worn = await p.manufacturing.recordStateOfHealth({
        batteryId: pack1,
        stateOfCertifiedEnergyBasisPoints: 7_800,
        remainingCapacityBasisPoints: 8_000,
        fullCycles: 1_600,
        negativeEvents: 1,
        evidenceHash: documents(`BMS log ${pack1}`),
      });
      expect(worn.stateOfHealth).to.deep.include({ stateOfCertifiedEnergyBasisPoints: 7_800, fullCycles: 1_600, recordedBy: 'ManufacturingMSP' });
      const error: unknown = await p.recycling.recordStateOfHealth({ batteryId: pack1, stateOfCertifiedEnergyBasisPoints: 1, remainingCapacityBasisPoints: 1, fullCycles: 1 }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isContractError(error, 'FORBIDDEN'), `a non-holder recording state of health: ${String(error)}`).to.equal(true);
    });

    it('repurposes the pack for second life: a new passport linked to its predecessor', async () => {
      await p.manufacturing.transferBattery({ batteryId: pack1, toFacilityId: f.secondLife });
      const { predecessor, battery } = await p.recycling.repurpose({
        batteryId: pack1,
        newBatteryId: ess,
        facilityId: f.secondLife,
        category: 'STATIONARY',
        model: 'Home storage from EV pack',
        ratedCapacityMilliampHours: 48_000,
        nominalVoltageMillivolts: 7_300,
        expectedLifetimeCycles: 3_000,
      });
      expect(predecessor.status).to.equal('REPURPOSED');
      expect(predecessor.successorId).to.equal(ess);
      expect(battery.predecessorId).to.equal(pack1);
      expect(battery.passportStatus).to.equal('REPURPOSED');
      expect(battery.manufacturerMsp).to.equal('RecyclingMSP');
      expect(battery.massGrams).to.equal(M.packMass);
      expect(battery.elements).to.deep.equal(predecessor.elements);
      await settled(async () => {
        const history = await p.audit.getBatteryHistory({ id: pack1 });
        const statuses = history.entries.map((entry) => entry.record?.status);
        expect(statuses.indexOf('PLACED_ON_MARKET')).to.be.greaterThan(statuses.indexOf('MANUFACTURED'));
        expect(statuses.indexOf('IN_USE')).to.be.greaterThan(statuses.indexOf('PLACED_ON_MARKET'));
        expect(statuses[statuses.length - 1]).to.equal('REPURPOSED');
        const view = await p.audit.getPassport({ id: ess });
        expect(view.generalProductInformation).to.deep.include({ predecessorId: pack1, passportStatus: 'REPURPOSED' });
      });
    });

    it('uses the second-life battery, then collects it at the recycler as waste', async () => {
      await p.recycling.placeOnMarket({ batteryId: ess });
      await p.recycling.recordUse({ batteryId: ess });
      await p.recycling.recordStateOfHealth({ batteryId: ess, stateOfCertifiedEnergyBasisPoints: 6_000, remainingCapacityBasisPoints: 6_200, fullCycles: 2_900 });
      const collected = await p.recycling.collect({ batteryId: ess, facilityId: f.recycler });
      expect(collected.status).to.equal('COLLECTED');
      expect(collected.passportStatus).to.equal('WASTE');
      expect(collected.holderFacilityId).to.equal(f.recycler);
    });

    it('dismantles and recycles it into black mass, then recovers metal salts, all post-consumer recycled', async () => {
      const dismantled = await p.recycling.dismantle({
        batteryId: ess,
        outputs: [{ id: id('scrap'), material: 'SCRAP', massGrams: M.dismantledScrap }],
        lossGrams: M.dismantlingLoss,
      });
      expect(dismantled.battery.status).to.equal('DISMANTLED');
      const remaining = M.packMass - M.dismantledScrap - M.dismantlingLoss;
      const tooMuch: unknown = await p.recycling
        .recycle({ batteryId: ess, outputs: [{ id: id('bm-wrong'), material: 'BLACK_MASS', massGrams: remaining + 1 }], lossGrams: 0 })
        .then(() => undefined, (e: unknown) => e);
      expect(isContractError(tooMuch, 'MASS_NOT_CONSERVED'), `recovering more than is left of the battery: ${String(tooMuch)}`).to.equal(true);
      const recycled = await p.recycling.recycle({
        batteryId: ess,
        outputs: [{ id: id('bm'), material: 'BLACK_MASS', massGrams: M.blackMass }],
        lossGrams: remaining - M.blackMass,
      });
      expect(recycled.battery.status).to.equal('RECYCLED');
      expect(recycled.battery.recovery).to.deep.equal({
        recoveredLotIds: [id('scrap'), id('bm')],
        recoveredGrams: M.dismantledScrap + M.blackMass,
        lossGrams: M.packMass - M.dismantledScrap - M.blackMass,
      });
      const blackMass = recycled.lots[0];
      expect(blackMass?.origin).to.deep.equal({ kind: 'RECOVERED', sourceType: 'Battery', sourceId: ess });
      expect(blackMass?.claims).to.deep.equal(['POST_CONSUMER_RECYCLED']);
      const { outputs } = await p.recycling.transform({
        id: id('run-hydromet'),
        facilityId: f.recycler,
        processKind: 'HYDROMETALLURGY',
        inputs: [{ lotId: id('bm'), massGrams: M.blackMass }],
        outputs: [
          { id: id('rcoso4'), material: 'RECOVERED_COBALT_SULFATE', massGrams: M.recoveredCobaltSulfate, assay: { contentBasisPoints: CONTENT.recoveredCobaltSulfateAssay } },
          { id: id('rlioh'), material: 'RECOVERED_LITHIUM_HYDROXIDE', massGrams: M.recoveredLithiumHydroxide },
        ],
        lossGrams: M.blackMass - M.recoveredCobaltSulfate - M.recoveredLithiumHydroxide,
      });
      for (const salt of outputs) {
        expect(salt.claims).to.deep.equal(['POST_CONSUMER_RECYCLED']);
        expect(salt.parents).to.deep.equal([{ lotId: id('bm'), massGrams: M.blackMass }]);
      }
    });

    it('ships recovered cobalt sulfate back to the cathode maker, crediting its mass-balance account on receipt', async () => {
      await p.manufacturing.openPeriod({
        id: id('mb-period'),
        facilityId: f.cellPlant,
        material: 'RECOVERED_COBALT_SULFATE',
        claim: 'POST_CONSUMER_RECYCLED',
        startsAt: at(-1),
        endsAt: at(30),
      });
      await ship(p.recycling, p.manufacturing, id('rcoso4'), f.cellPlant, M.recoveredCobaltSulfate, M.recoveredCobaltSulfate);
      await settled(async () => {
        const statement = await p.audit.getStatement({ facilityId: f.cellPlant, material: 'RECOVERED_COBALT_SULFATE', claim: 'POST_CONSUMER_RECYCLED' });
        expect(statement.creditedGrams).to.equal(M.recoveredCobaltSulfate);
        expect(statement.debitedGrams).to.equal(0);
      });
    });

    it('makes second-generation cathode material from virgin and recovered sulfate and claims recycled content by mass balance', async () => {
      const { run } = await p.manufacturing.transform({
        id: id('run-cam-2'),
        facilityId: f.cellPlant,
        processKind: 'CATHODE_SYNTHESIS',
        inputs: [
          { lotId: id('coso4'), massGrams: M.cam2VirginSulfate },
          { lotId: id('rcoso4'), massGrams: M.recoveredCobaltSulfate },
          { lotId: id('lioh'), massGrams: M.cam2Hydroxide },
        ],
        outputs: [{ id: id('nmc-2'), material: 'CATHODE_NMC', massGrams: M.nmc2 }],
        lossGrams: M.cam2VirginSulfate + M.recoveredCobaltSulfate + M.cam2Hydroxide - M.nmc2,
      });
      expect(run.inputMassGrams).to.equal(M.cam2VirginSulfate + M.recoveredCobaltSulfate + M.cam2Hydroxide);
      const mixed = await p.manufacturing.getLot({ id: id('nmc-2') });
      expect(mixed.claims, 'virgin inputs carry no claim, so the output inherits none').to.deep.equal([]);
      const { movement } = await p.manufacturing.claimOnOutput({
        id: id('mb-claim'),
        processRunId: id('run-cam-2'),
        outputLotId: id('nmc-2'),
        claim: 'POST_CONSUMER_RECYCLED',
        sourceMaterial: 'RECOVERED_COBALT_SULFATE',
        massGrams: M.claimedNmc2,
      });
      // output ÷ the run's conversion factor (recovered sulfate in ÷ cathode out), rounded up
      const debit = Math.ceil((M.claimedNmc2 * M.recoveredCobaltSulfate) / M.nmc2);
      expect(movement.kind).to.equal('DEBIT');
      expect(movement.massGrams).to.equal(debit);
      await settled(async () => {
      const statement = await p.audit.getStatement({ facilityId: f.cellPlant, material: 'RECOVERED_COBALT_SULFATE', claim: 'POST_CONSUMER_RECYCLED' });
      expect(statement.openingBalanceGrams).to.equal(0);
      expect(statement.creditedGrams).to.equal(M.recoveredCobaltSulfate);
      expect(statement.debitedGrams).to.equal(debit);
      expect(statement.balanceGrams).to.equal(M.recoveredCobaltSulfate - debit);
      expect(statement.credits).to.deep.equal([{ movementId: statement.credits[0]?.movementId, massGrams: M.recoveredCobaltSulfate, usedGrams: debit }]);
      const claimed = await p.audit.getLot({ id: id('nmc-2') });
      expect(claimed.claims).to.deep.equal(['POST_CONSUMER_RECYCLED']);
      expect(claimed.custodyModel).to.equal('MASS_BALANCE');
      });
    });

    it('makes new cells and a new pack whose passport shows recycled cobalt computed from the ledger', async () => {
      const expected = expectedCobalt(2);
      const pack = await makePack(2, id('nmc-2'), pack2);
      for (const cellId of cellsOf(2)) {
        const cell = await p.manufacturing.getBattery({ id: cellId });
        expect(element(cell.elements, 'COBALT')).to.deep.equal(expected.cell);
      }
      const cobalt = element(pack.elements, 'COBALT');
      expect(cobalt).to.deep.equal(expected.pack);
      expect(cobalt.postConsumerRecycledGrams).to.be.greaterThan(0);
      expect(cobalt.postConsumerRecycledBasisPoints).to.be.greaterThan(0);
      expect(cobalt.postConsumerRecycledBasisPoints).to.be.lessThan(10_000);
      const lithium = element(pack.elements, 'LITHIUM');
      expect(lithium.massGrams).to.equal(2 * Math.floor((M.cellCathode * CONTENT.nmcLithium) / 10_000));
      expect(lithium.postConsumerRecycledGrams, 'the new cathode used only virgin lithium').to.equal(0);
      await settled(async () => {
        const passport = await p.recycling.getPassport({ id: pack2 });
        expect(passport.tier).to.equal('LEGITIMATE_INTEREST');
        expect(element(passport.circularity.recycledContent, 'COBALT')).to.deep.equal(expected.pack);
      });
    });

    it('traces the new pack upstream to the original mine and to the recycled battery', async () => {
      const { nodes, edges } = await fullTrace(p.manufacturing, 'Battery', pack2);
      const ids = new Set(nodes.map((node) => node.id));
      for (const expected of [...cellsOf(2), id('nmc-2'), id('rcoso4'), id('bm'), ess, pack1, ...cellsOf(1), id('nmc-1'), id('coso4'), id('coh'), id('spod')]) {
        expect(ids.has(expected), `${expected} in the trace`).to.equal(true);
      }
      expect(nodes.find((node) => node.id === ess)?.type).to.equal('Battery');
      const mine = nodes.find((node) => node.id === id('coh'));
      expect(mine?.lot?.origin).to.deep.include({ kind: 'MINED', facilityId: f.mine });
      expect(reaches(edges, pack2, ess), 'new pack → recycled battery').to.equal(true);
      expect(reaches(edges, ess, id('coh')), 'recycled battery → mined cobalt').to.equal(true);
      expect(reaches(edges, ess, id('spod')), 'recycled battery → mined spodumene').to.equal(true);
      expect(reaches(edges, id('rcoso4'), ess), 'recovered sulfate → recycled battery').to.equal(true);
      const edge = (parentId: string, childId: string): number | undefined => edges.find((e) => e.parentId === parentId && e.childId === childId)?.massGrams;
      expect(edge(ess, id('bm'))).to.equal(M.blackMass);
      expect(edge(pack1, ess)).to.equal(M.packMass);
      expect(edge(id('rcoso4'), id('run-cam-2'))).to.equal(M.recoveredCobaltSulfate);
      expect(edge(id('coh'), id('run-refine-co'))).to.equal(M.hydroxideReceived);
    });

    it('lets the auditor attest the new pack, which its passport then lists for authorities only', async () => {
      await p.audit.attest({
        id: id('att-pack-2'),
        scheme: 'EU Battery Regulation Art. 48 due diligence',
        scope: 'supply-chain due diligence and recycled content of the pack',
        subject: { type: 'Battery', id: pack2 },
        result: 'PASS',
        validFrom: at(-1),
        validUntil: at(365),
        evidenceHash: documents(`due diligence verification ${pack2}`),
      });
      const authorities = await p.audit.getPassport({ id: pack2 });
      expect(authorities.tier).to.equal('AUTHORITIES');
      expect(authorities.supplyChainDueDiligence.thirdPartyAssurances?.map((a) => a.id)).to.deep.equal([id('att-pack-2')]);
      const publicView = await p.mining.getPassport({ id: pack2 });
      expect(publicView.tier).to.equal('PUBLIC');
      expect(publicView.supplyChainDueDiligence.thirdPartyAssurances).to.equal(undefined);
      expect(element(publicView.circularity.recycledContent, 'COBALT').postConsumerRecycledBasisPoints).to.equal(expectedCobalt(2).pack.postConsumerRecycledBasisPoints);
    });
  });
}
