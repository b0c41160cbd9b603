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

/** Element content (basis points of mass) of the loop's lots, as their assays and the references give it. */
const CONTENT = {
  /** Battery-grade salts on an anhydrous basis: the ledger conserves mass without reagent inputs. */
  cobaltSulfate: 3_700,
  nickelSulfate: 3_700,
  lithiumHydroxide: 1_654,
  /** NCA cathode material, by its reference composition. */
  ncaNickel: 4_887,
  ncaCobalt: 920,
  ncaLithium: 722,
  /** Black mass of NCA cells: no manganese, unlike the material's reference (NMC) composition. */
  blackMass: { NICKEL: 2_500, COBALT: 470, MANGANESE: 0, LITHIUM: 360 },
} as const;

/** Masses of the loop, in grams. */
const M = {
  hydroxideMined: 10_000_000,
  hydroxideReceived: 9_980_000,
  spodumeneMined: 20_000_000,
  mhpMined: 3_000_000,
  cobaltSulfate: 9_000_000,
  lithiumHydroxide: 3_000_000,
  nickelSulfate: 2_900_000,
  cam1NickelSulfate: 1_870_000,
  cam1Sulfate: 352_000,
  cam1Hydroxide: 640_000,
  nca1: 1_400_000,
  cellMass: 700,
  cellCathode: 240,
  packMass: 2_000,
  dismantledScrap: 400,
  dismantlingLoss: 100,
  blackMass: 900,
  recoveredCobaltSulfate: 106,
  recoveredNickelSulfate: 575,
  recoveredLithiumHydroxide: 163,
  cam2VirginSulfate: 171,
  cam2NickelSulfate: 1_468,
  cam2Hydroxide: 500,
  nca2: 1_100,
  /** What the consumed recovered sulfate backs of the new cathode at the run's yield over all its inputs. */
  claimedNca2: 51,
} as const;

/** Carbon: mines' declared intensities (g CO2e/kg) and the processes' own emissions (g CO2e). */
const CO2 = {
  hydroxide: 6_500,
  spodumene: 350,
  mhp: 5_000,
  refineCobalt: 18_000_000,
  refineLithium: 36_000_000,
  refineNickel: 8_700_000,
  cam1: 5_600_000,
  cell: 2_200,
  pack: 1_000,
  dismantling: 200,
  shredding: 450,
  hydromet: 2_000,
  cam2: 4_400,
} as const;

const SCALE = 1_000_000_000n;

/** The intensity every output of a run gets: inputs' emissions plus the process's, over the outputs, rounded up (mg CO2e/kg). */
function allocatedIntensity(inputs: readonly { massGrams: number; intensity: number }[], processGrams: number, outputGrams: number): number {
  const micrograms = inputs.reduce((sum, input) => sum + BigInt(input.massGrams) * BigInt(input.intensity), 0n) + BigInt(processGrams) * 1_000_000n;
  return Number((micrograms + BigInt(outputGrams) - 1n) / BigInt(outputGrams));
}

/** The debit a claim on `outputGrams` needs at a run's yield: output × all inputs ÷ all outputs, rounded up. */
function debitFor(outputGrams: number, inputGrams: number, runOutputGrams: number): number {
  return Number((BigInt(outputGrams) * BigInt(inputGrams) + BigInt(runOutputGrams) - 1n) / BigInt(runOutputGrams));
}

/** The lots each second-generation cell consumes: the first takes the claimed part of the cathode. */
function secondCellLots(claimedLotId: string, cathodeLotId: string): { lotId: string; massGrams: number }[][] {
  return [
    [
      { lotId: claimedLotId, massGrams: M.claimedNca2 },
      { lotId: cathodeLotId, massGrams: M.cellCathode - M.claimedNca2 },
    ],
    [{ lotId: cathodeLotId, massGrams: M.cellCathode }],
  ];
}

/** A cell's cobalt share, following the chaincode's rule for the lots it consumed (each with the same share). */
function cellCobalt(lots: readonly { massGrams: number }[], share: bigint): ElementShare {
  const perLot = lots.map((lot) => BigInt(lot.massGrams) * BigInt(CONTENT.ncaCobalt));
  const units = perLot.reduce((sum, u) => sum + u, 0n);
  const postUnits = perLot.reduce((sum, u) => sum + (u * share) / SCALE, 0n);
  return {
    element: 'COBALT',
    massGrams: Number(units / 10_000n),
    preConsumerRecycledGrams: 0,
    postConsumerRecycledGrams: Number(postUnits / 10_000n),
    preConsumerRecycledBasisPoints: 0,
    postConsumerRecycledBasisPoints: Number((postUnits * 10_000n) / units),
  };
}

/**
 * The post-consumer recycled cobalt of the second-generation cells and pack, following the chaincode's rule
 * (domain/provenanceContent.ts): the cathode's share is the element-mass-weighted share of its parents (the
 * recovered sulfate 100 %, the virgin 0 %), in parts per billion, rounded down, and a part split off it keeps
 * it; a cell's grams are rounded down from gram-basis-points; a pack sums its cells' grams.
 */
function expectedCobalt(cells: readonly (readonly { massGrams: number }[])[]): { cells: ElementShare[]; pack: ElementShare } {
  const recovered = BigInt(M.recoveredCobaltSulfate) * BigInt(CONTENT.cobaltSulfate);
  const virgin = BigInt(M.cam2VirginSulfate) * BigInt(CONTENT.cobaltSulfate);
  const share = (recovered * SCALE) / (recovered + virgin);
  const each = cells.map((lots) => cellCobalt(lots, share));
  const mass = each.reduce((sum, cell) => sum + cell.massGrams, 0);
  const post = each.reduce((sum, cell) => sum + cell.postConsumerRecycledGrams, 0);
  const pack: ElementShare = {
    element: 'COBALT',
    massGrams: mass,
    preConsumerRecycledGrams: 0,
    postConsumerRecycledGrams: post,
    preConsumerRecycledBasisPoints: 0,
    postConsumerRecycledBasisPoints: Math.floor((post * 10_000) / mass),
  };
  return { cells: each, pack };
}

function element(shares: readonly ElementShare[], name: ElementShare['element']): ElementShare {
  const found = shares.find((share) => share.element === name);
  expect(found, `${name} in ${JSON.stringify(shares)}`).to.not.equal(undefined);
  return found as ElementShare;
}

/** Settles a promise into its error, or undefined when it resolved. */
function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
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
 * Registers the mocha tests of the full loop on any host: a mine mints cobalt hydroxide and spodumene and an
 * HPAL plant nickel precipitate, a refinery refines them into battery salts, the manufacturing organisation makes
 * NCA cathode material, cells and a pack with its passport, handing cells and packs over between its plants; the
 * OEM places the pack on the market and records its state of health; it goes to second life (a new passport), is
 * collected at the recycler as waste and recycled into black mass and recovered salts, all within what its
 * provenance holds; recovered cobalt sulfate goes back into cathode material and a new pack whose passport shows
 * the recycled cobalt computed from the ledger and whose upstream trace reaches both the mine and the recycled
 * battery. The auditor attests the recycler and the cell plant: the labelled black mass and sulfate they consume
 * become credit, on which they claim post-consumer recycled content by mass balance.
 */
export function describeFullLoop(host: FullLoopHost): void {
  describe('full loop: mine → refiner → cathode → cells → pack → use → second life → recycling → new battery', function () {
    this.timeout(300_000);
    let p: FullLoopParties;
    const id = (name: string): string => `${host.prefix}-loop-${name}`;
    const f = {
      mine: id('mine'),
      nickel: id('hpal'),
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
    let handovers = 0;

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

    /** Hands a battery over: the holder proposes, the receiving organisation accepts. */
    async function handOver(from: BatteryTraceClient, to: BatteryTraceClient, batteryId: string, toFacilityId: string, kind: 'OWNERSHIP' | 'COLLECTION'): Promise<Battery> {
      handovers += 1;
      const handoverId = id(`hnd-${handovers}`);
      const { battery: pending } = await from.proposeHandover({ id: handoverId, batteryId, toFacilityId, kind });
      expect(pending.pendingHandoverId).to.equal(handoverId);
      const { handover, battery } = await to.acceptHandover({ handoverId });
      expect(handover.status).to.equal('ACCEPTED');
      expect(battery.holderFacilityId).to.equal(toFacilityId);
      expect(battery.pendingHandoverId).to.equal(undefined);
      return battery;
    }

    /** Issues `generation`'s cells from the given lots, hands them to the pack plant and issues the pack. */
    async function makePack(generation: number, cellLots: readonly (readonly { lotId: string; massGrams: number }[])[], packId: string): Promise<Battery> {
      for (const [index, cellId] of cellsOf(generation).entries()) {
        const lots = cellLots[index] ?? [];
        const cell = await p.manufacturing.issueBattery({
          id: cellId,
          facilityId: f.cellPlant,
          level: 'CELL',
          category: 'EV',
          model: 'NCA prismatic 60 Ah',
          chemistry: 'NCA',
          massGrams: M.cellMass,
          ratedCapacityMilliampHours: 60_000,
          nominalVoltageMillivolts: 3_650,
          lots: [...lots],
          processEmissionsGramsCo2e: CO2.cell,
          hazardousSubstances: ['LiPF6 electrolyte'],
        });
        expect(cell.status).to.equal('MANUFACTURED');
        expect(cell.lots).to.deep.equal(lots.map((lot) => ({ ...lot, material: 'CATHODE_NCA' })));
        await handOver(p.manufacturing, p.manufacturing, cellId, f.packPlant, 'OWNERSHIP');
      }
      const pack = await p.manufacturing.issueBattery(
        {
          id: packId,
          facilityId: f.packPlant,
          level: 'PACK',
          category: 'EV',
          model: `EV pack generation ${generation}`,
          chemistry: 'NCA',
          massGrams: M.packMass,
          ratedCapacityMilliampHours: 60_000,
          nominalVoltageMillivolts: 7_300,
          expectedLifetimeCycles: 2_000,
          components: cellsOf(generation),
          processEmissionsGramsCo2e: CO2.pack,
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
        const cells = await Promise.all(cellsOf(generation).map((cellId) => p.audit.getBattery({ id: cellId })));
        for (const cell of cells) expect(cell.integratedInto).to.equal(packId);
        const footprints = cells.reduce((sum, cell) => sum + cell.carbonFootprint.totalGramsCo2e, 0);
        expect(pack.carbonFootprint.totalGramsCo2e, "the cells' footprints and the pack plant's own emissions").to.equal(footprints + CO2.pack);
      });
      return pack;
    }

    before(async () => {
      p = await host.setUp();
    });

    after(async () => {
      await host.tearDown(p);
    });

    it('registers the facilities of the four organisations; the auditor attests the recycler and the cell plant', async () => {
      await p.miningAdmin.registerFacility({ id: f.mine, kind: 'MINE', name: 'Katanga cobalt and lithium mine', country: 'CD' });
      await p.miningAdmin.registerFacility({ id: f.nickel, kind: 'CONCENTRATOR', name: 'Weda Bay HPAL plant (mixed hydroxide precipitate)', country: 'ID' });
      await p.miningAdmin.registerFacility({ id: f.refinery, kind: 'REFINERY', name: 'Kokkola refinery', country: 'FI' });
      await p.manufacturingAdmin.registerFacility({ id: f.cellPlant, kind: 'CELL_PLANT', name: 'Skellefteå cathode and cell plant', country: 'SE' });
      await p.manufacturingAdmin.registerFacility({ id: f.packPlant, kind: 'MODULE_PACK_PLANT', name: 'Gdańsk pack plant', country: 'PL' });
      await p.manufacturingAdmin.registerFacility({ id: f.oem, kind: 'OEM', name: 'Wolfsburg vehicle plant', country: 'DE' });
      await p.recyclingAdmin.registerFacility({ id: f.secondLife, kind: 'SECOND_LIFE', name: 'Lyon second-life storage', country: 'FR' });
      await p.recyclingAdmin.registerFacility({ id: f.recycler, kind: 'RECYCLER', name: 'Hoboken recycler', country: 'BE' });
      for (const [facilityId, scheme] of [
        [f.recycler, 'UL 2809 recycled content of recovered salts'],
        [f.cellPlant, 'ISO 22095 mass-balance chain of custody of recycled cathode feed'],
        [f.packPlant, 'ISO 22095 chain of custody of recycled-content cells'],
      ] as const) {
        const attestation = await p.audit.attest({
          id: id(`att-${facilityId}`),
          scheme: scheme.split(' ').slice(0, 2).join(' '),
          scope: scheme,
          subject: { type: 'Facility', id: facilityId },
          result: 'PASS',
          validFrom: at(-1),
          validUntil: at(365),
          evidenceHash: documents(`${scheme} audit report`),
          claims: ['POST_CONSUMER_RECYCLED'],
        });
        expect(attestation.ownerMsp).to.equal('AuditorMSP');
      }
      await settled(async () => {
        const { items } = await p.recycling.listAttestations({ subject: { type: 'Facility', id: f.recycler }, validOnly: true });
        expect(items.map((a) => a.id)).to.deep.equal([id(`att-${f.recycler}`)]);
      });
    });

    it('mints cobalt hydroxide, spodumene concentrate and nickel precipitate and ships them to the refinery', async () => {
      const hydroxide = await p.mining.mintLot({
        id: id('coh'),
        facilityId: f.mine,
        material: 'COBALT_HYDROXIDE',
        massGrams: M.hydroxideMined,
        assay: { contentBasisPoints: 3_500 },
        carbonIntensity: CO2.hydroxide,
      });
      expect(hydroxide.origin).to.deep.include({ kind: 'MINED', facilityId: f.mine });
      expect(hydroxide.elementContent).to.deep.equal({ COBALT: 3_500 });
      await p.mining.mintLot({ id: id('spod'), facilityId: f.mine, material: 'LITHIUM_SPODUMENE_CONCENTRATE', massGrams: M.spodumeneMined, assay: { contentBasisPoints: 279 }, carbonIntensity: CO2.spodumene });
      const mhp = await p.mining.mintLot({ id: id('mhp'), facilityId: f.nickel, material: 'NICKEL_MHP', massGrams: M.mhpMined, carbonIntensity: CO2.mhp });
      expect(mhp.elementContent, 'the reference composition of MHP').to.deep.equal({ COBALT: 400, NICKEL: 3_900, MANGANESE: 300 });
      await ship(p.mining, p.mining, id('coh'), f.refinery, M.hydroxideMined, M.hydroxideReceived);
      await ship(p.mining, p.mining, id('spod'), f.refinery, M.spodumeneMined, M.spodumeneMined);
      await ship(p.mining, p.mining, id('mhp'), f.refinery, M.mhpMined, M.mhpMined);
    });

    it('refines them into salts, conserving mass and every element, carrying the emissions on', async () => {
      const tooRich: unknown = await failure(
        p.mining.transform({
          id: id('run-refine-over'),
          facilityId: f.refinery,
          processKind: 'REFINING',
          inputs: [{ lotId: id('coh'), massGrams: M.hydroxideReceived }],
          outputs: [{ id: id('coso4-over'), material: 'COBALT_SULFATE', massGrams: 9_500_000, assay: { contentBasisPoints: CONTENT.cobaltSulfate } }],
          lossGrams: M.hydroxideReceived - 9_500_000,
        }),
      );
      expect(isContractError(tooRich, 'ELEMENT_NOT_CONSERVED'), `sulfate holding more cobalt than the hydroxide: ${String(tooRich)}`).to.equal(true);
      const cobalt = await p.mining.transform({
        id: id('run-refine-co'),
        facilityId: f.refinery,
        processKind: 'REFINING',
        inputs: [{ lotId: id('coh'), massGrams: M.hydroxideReceived }],
        outputs: [{ id: id('coso4'), material: 'COBALT_SULFATE', massGrams: M.cobaltSulfate, assay: { contentBasisPoints: CONTENT.cobaltSulfate } }],
        lossGrams: M.hydroxideReceived - M.cobaltSulfate,
        processEmissionsGramsCo2e: CO2.refineCobalt,
      });
      expect(cobalt.run.inputMassGrams).to.equal(cobalt.run.outputs.reduce((sum, o) => sum + o.massGrams, 0) + cobalt.run.lossGrams);
      expect(cobalt.outputs[0]?.carbonIntensityMgPerKg).to.equal(allocatedIntensity([{ massGrams: M.hydroxideReceived, intensity: CO2.hydroxide * 1000 }], CO2.refineCobalt, M.cobaltSulfate));
      const lithium = await p.mining.transform({
        id: id('run-refine-li'),
        facilityId: f.refinery,
        processKind: 'REFINING',
        inputs: [{ lotId: id('spod'), massGrams: M.spodumeneMined }],
        outputs: [{ id: id('lioh'), material: 'LITHIUM_HYDROXIDE', massGrams: M.lithiumHydroxide, assay: { contentBasisPoints: CONTENT.lithiumHydroxide } }],
        lossGrams: M.spodumeneMined - M.lithiumHydroxide,
        processEmissionsGramsCo2e: CO2.refineLithium,
      });
      expect(lithium.run.lossGrams).to.equal(M.spodumeneMined - M.lithiumHydroxide);
      const nickel = await p.mining.transform({
        id: id('run-refine-ni'),
        facilityId: f.refinery,
        processKind: 'REFINING',
        inputs: [{ lotId: id('mhp'), massGrams: M.mhpMined }],
        outputs: [{ id: id('niso4'), material: 'NICKEL_SULFATE', massGrams: M.nickelSulfate, assay: { contentBasisPoints: CONTENT.nickelSulfate } }],
        lossGrams: M.mhpMined - M.nickelSulfate,
        processEmissionsGramsCo2e: CO2.refineNickel,
      });
      expect(nickel.outputs[0]?.elementContent, 'the sulfate holds the nickel it was assayed for, not the precipitate’s cobalt').to.deep.equal({ NICKEL: CONTENT.nickelSulfate });
      await settled(async () => {
        for (const mined of [id('coh'), id('spod'), id('mhp')]) {
          const lot = await p.audit.getLot({ id: mined });
          expect(lot.status).to.equal('CONSUMED');
          expect(lot.massGrams).to.equal(0);
        }
      });
    });

    it('ships the salts to the manufacturing organisation, which makes NCA cathode material without a label', async () => {
      await ship(p.mining, p.manufacturing, id('coso4'), f.cellPlant, M.cobaltSulfate, M.cobaltSulfate);
      await ship(p.mining, p.manufacturing, id('lioh'), f.cellPlant, M.lithiumHydroxide, M.lithiumHydroxide);
      await ship(p.mining, p.manufacturing, id('niso4'), f.cellPlant, M.nickelSulfate, M.nickelSulfate);
      const inputs = [
        { lotId: id('niso4'), massGrams: M.cam1NickelSulfate },
        { lotId: id('coso4'), massGrams: M.cam1Sulfate },
        { lotId: id('lioh'), massGrams: M.cam1Hydroxide },
      ];
      const { outputs, inputs: after } = await p.manufacturing.transform({
        id: id('run-cam-1'),
        facilityId: f.cellPlant,
        processKind: 'CATHODE_SYNTHESIS',
        inputs,
        outputs: [{ id: id('nca-1'), material: 'CATHODE_NCA', massGrams: M.nca1 }],
        lossGrams: M.cam1NickelSulfate + M.cam1Sulfate + M.cam1Hydroxide - M.nca1,
        processEmissionsGramsCo2e: CO2.cam1,
      });
      const cathode = outputs[0];
      expect(cathode?.ownerMsp).to.equal('ManufacturingMSP');
      expect(cathode?.elementContent).to.deep.equal({ COBALT: CONTENT.ncaCobalt, LITHIUM: CONTENT.ncaLithium, NICKEL: CONTENT.ncaNickel });
      expect(cathode?.claims).to.deep.equal([]);
      const intensities = after.map((lot, index) => ({ massGrams: inputs[index]?.massGrams ?? 0, intensity: lot.carbonIntensityMgPerKg ?? -1 }));
      expect(cathode?.carbonIntensityMgPerKg).to.equal(allocatedIntensity(intensities, CO2.cam1, M.nca1));
      await settled(async () => {
        expect((await p.audit.getLot({ id: id('coso4') })).massGrams).to.equal(M.cobaltSulfate - M.cam1Sulfate);
        expect((await p.audit.getLot({ id: id('lioh') })).massGrams).to.equal(M.lithiumHydroxide - M.cam1Hydroxide);
      });
    });

    it('makes cells (battery level CELL), hands them to the pack plant and issues a pack built from them, all virgin material', async () => {
      const pack = await makePack(1, cellsOf(1).map(() => [{ lotId: id('nca-1'), massGrams: M.cellCathode }]), pack1);
      expect((await p.audit.getLot({ id: id('nca-1') })).massGrams).to.equal(M.nca1 - 2 * M.cellCathode);
      const cobalt = element(pack.elements, 'COBALT');
      expect(cobalt.massGrams).to.equal(2 * Math.floor((M.cellCathode * CONTENT.ncaCobalt) / 10_000));
      expect(cobalt.postConsumerRecycledGrams).to.equal(0);
      expect(cobalt.preConsumerRecycledGrams).to.equal(0);
      expect(element(pack.elements, 'NICKEL').massGrams).to.equal(2 * Math.floor((M.cellCathode * CONTENT.ncaNickel) / 10_000));
      expect(element(pack.elements, 'LITHIUM').massGrams).to.equal(2 * Math.floor((M.cellCathode * CONTENT.ncaLithium) / 10_000));
      expect(pack.elements.map((e) => e.element), 'NCA holds no manganese').to.deep.equal(['COBALT', 'LITHIUM', 'NICKEL']);
      expect(pack.materials).to.deep.equal([{ material: 'CATHODE_NCA', massGrams: 2 * M.cellCathode, critical: true }]);
      expect(pack.claims).to.deep.equal([]);
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
      const { handover } = await p.manufacturing.proposeHandover({ id: id('hnd-oem'), batteryId: pack1, toFacilityId: f.oem, kind: 'OWNERSHIP' });
      expect(handover).to.deep.include({ status: 'PROPOSED', senderMsp: 'ManufacturingMSP', receiverMsp: 'ManufacturingMSP', fromFacilityId: f.packPlant });
      const meanwhile = await failure(p.manufacturing.placeOnMarket({ batteryId: pack1 }));
      expect(isContractError(meanwhile, 'INVALID_STATE'), `changing a battery with an open handover: ${String(meanwhile)}`).to.equal(true);
      const stranger = await failure(p.recycling.acceptHandover({ handoverId: id('hnd-oem') }));
      expect(isContractError(stranger, 'FORBIDDEN'), `accepting a handover addressed to another organisation: ${String(stranger)}`).to.equal(true);
      const { battery: atOem } = await p.manufacturing.acceptHandover({ handoverId: id('hnd-oem') });
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
      const error: unknown = await failure(p.recycling.recordStateOfHealth({ batteryId: pack1, stateOfCertifiedEnergyBasisPoints: 1, remainingCapacityBasisPoints: 1, fullCycles: 1 }));
      expect(isContractError(error, 'FORBIDDEN'), `a non-holder recording state of health: ${String(error)}`).to.equal(true);
    });

    it('collects the pack for second life (not as waste) and repurposes it: a new passport linked to its predecessor', async () => {
      const collected = await handOver(p.manufacturing, p.recycling, pack1, f.secondLife, 'COLLECTION');
      expect(collected.status).to.equal('COLLECTED');
      expect(collected.passportStatus, 'a second-life operator is no waste handler').to.equal('ORIGINAL');
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
        expect(statuses.indexOf('COLLECTED')).to.be.greaterThan(statuses.indexOf('IN_USE'));
        expect(statuses[statuses.length - 1]).to.equal('REPURPOSED');
        const view = await p.audit.getPassport({ id: ess });
        expect(view.generalProductInformation).to.deep.include({ predecessorId: pack1, passportStatus: 'REPURPOSED' });
      });
    });

    it('uses the second-life battery, then collects it at the recycler as waste; only waste is dismantled', async () => {
      await p.recycling.placeOnMarket({ batteryId: ess });
      await p.recycling.recordUse({ batteryId: ess });
      await p.recycling.recordStateOfHealth({ batteryId: ess, stateOfCertifiedEnergyBasisPoints: 6_000, remainingCapacityBasisPoints: 6_200, fullCycles: 2_900 });
      const early = await failure(p.recycling.dismantle({ batteryId: ess, outputs: [], lossGrams: 0 }));
      expect(isContractError(early, 'INVALID_STATE'), `dismantling a battery in use at a second-life site: ${String(early)}`).to.equal(true);
      const collected = await handOver(p.recycling, p.recycling, ess, f.recycler, 'COLLECTION');
      expect(collected.status).to.equal('COLLECTED');
      expect(collected.passportStatus).to.equal('WASTE');
    });

    it('dismantles its housing and recycles the rest into black mass holding no more of any element than its provenance, labelled post-consumer recycled', async () => {
      const dismantled = await p.recycling.dismantle({
        batteryId: ess,
        outputs: [{ id: id('scrap'), material: 'SCRAP', massGrams: M.dismantledScrap, assay: { elements: { NICKEL: 0, COBALT: 0, LITHIUM: 0 } } }],
        lossGrams: M.dismantlingLoss,
        processEmissionsGramsCo2e: CO2.dismantling,
      });
      expect(dismantled.battery.status).to.equal('DISMANTLED');
      expect(dismantled.lots[0]?.claims, 'housing scrap holds no conserved element, so no recycled claim').to.deep.equal([]);
      const remaining = M.packMass - M.dismantledScrap - M.dismantlingLoss;
      const tooMuch: unknown = await failure(p.recycling.recycle({ batteryId: ess, outputs: [{ id: id('bm-wrong'), material: 'BLACK_MASS', massGrams: remaining + 1 }], lossGrams: 0 }));
      expect(isContractError(tooMuch, 'MASS_NOT_CONSERVED'), `recovering more than is left of the battery: ${String(tooMuch)}`).to.equal(true);
      // black mass of the reference composition (7 % cobalt) would hold 63 g of cobalt; the pack's cells held 44 g
      const richer: unknown = await failure(p.recycling.recycle({ batteryId: ess, outputs: [{ id: id('bm-wrong'), material: 'BLACK_MASS', massGrams: M.blackMass }], lossGrams: remaining - M.blackMass }));
      expect(isContractError(richer, 'ELEMENT_NOT_CONSERVED'), `recovering more cobalt than the battery held: ${String(richer)}`).to.equal(true);
      const recycled = await p.recycling.recycle({
        batteryId: ess,
        outputs: [{ id: id('bm'), material: 'BLACK_MASS', massGrams: M.blackMass, assay: { elements: { ...CONTENT.blackMass } } }],
        lossGrams: remaining - M.blackMass,
        processEmissionsGramsCo2e: CO2.shredding,
      });
      expect(recycled.battery.status).to.equal('RECYCLED');
      const units = (bp: number): number => Math.ceil((M.blackMass * bp) / 10_000);
      expect(recycled.battery.recovery).to.deep.equal({
        recoveredLotIds: [id('scrap'), id('bm')],
        recoveredGrams: M.dismantledScrap + M.blackMass,
        lossGrams: M.packMass - M.dismantledScrap - M.blackMass,
        elements: [
          { element: 'COBALT', massGrams: units(CONTENT.blackMass.COBALT) },
          { element: 'LITHIUM', massGrams: units(CONTENT.blackMass.LITHIUM) },
          { element: 'NICKEL', massGrams: units(CONTENT.blackMass.NICKEL) },
        ],
      });
      const blackMass = recycled.lots[0];
      expect(blackMass?.origin).to.deep.equal({ kind: 'RECOVERED', sourceType: 'Battery', sourceId: ess });
      expect(blackMass?.claims).to.deep.equal(['POST_CONSUMER_RECYCLED']);
      expect(blackMass?.carbonIntensityMgPerKg, "the recovery's emissions only (cut-off)").to.equal(allocatedIntensity([], CO2.shredding, M.blackMass));
    });

    it('recovers metal salts, unlabelled, crediting the black mass consumed; claims post-consumer recycled on the cobalt sulfate', async () => {
      await p.recycling.openPeriod({ id: id('mb-bm'), facilityId: f.recycler, material: 'BLACK_MASS', claim: 'POST_CONSUMER_RECYCLED', startsAt: at(-1), endsAt: at(30) });
      const salts = M.recoveredCobaltSulfate + M.recoveredNickelSulfate + M.recoveredLithiumHydroxide;
      const { run, outputs } = await p.recycling.transform({
        id: id('run-hydromet'),
        facilityId: f.recycler,
        processKind: 'HYDROMETALLURGY',
        inputs: [{ lotId: id('bm'), massGrams: M.blackMass }],
        outputs: [
          { id: id('rcoso4'), material: 'RECOVERED_COBALT_SULFATE', massGrams: M.recoveredCobaltSulfate, assay: { contentBasisPoints: CONTENT.cobaltSulfate } },
          { id: id('rniso4'), material: 'RECOVERED_NICKEL_SULFATE', massGrams: M.recoveredNickelSulfate, assay: { contentBasisPoints: CONTENT.nickelSulfate } },
          { id: id('rlioh'), material: 'RECOVERED_LITHIUM_HYDROXIDE', massGrams: M.recoveredLithiumHydroxide, assay: { contentBasisPoints: CONTENT.lithiumHydroxide } },
        ],
        lossGrams: M.blackMass - salts,
        processEmissionsGramsCo2e: CO2.hydromet,
      });
      expect(run.credited).to.deep.equal([{ lotId: id('bm'), claim: 'POST_CONSUMER_RECYCLED', massGrams: M.blackMass }]);
      for (const salt of outputs) {
        expect(salt.claims, 'a transformation output carries no label').to.deep.equal([]);
        expect(salt.parents).to.deep.equal([{ lotId: id('bm'), massGrams: M.blackMass }]);
      }
      const { movement, lot } = await p.recycling.claimOnOutput({
        id: id('mb-claim-rcoso4'),
        processRunId: id('run-hydromet'),
        outputLotId: id('rcoso4'),
        claim: 'POST_CONSUMER_RECYCLED',
        sourceMaterial: 'BLACK_MASS',
        massGrams: M.recoveredCobaltSulfate,
      });
      expect(movement.massGrams, 'the whole lot, at the run’s yield over all its outputs').to.equal(debitFor(M.recoveredCobaltSulfate, M.blackMass, salts));
      expect(lot.claims).to.deep.equal(['POST_CONSUMER_RECYCLED']);
    });

    it('ships the labelled recovered cobalt sulfate back to the cathode maker, which books no credit on receipt', async () => {
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
        const received = await p.audit.getLot({ id: id('rcoso4') });
        expect(received.claims, 'the label travels with the lot').to.deep.equal(['POST_CONSUMER_RECYCLED']);
        const statement = await p.audit.getStatement({ facilityId: f.cellPlant, material: 'RECOVERED_COBALT_SULFATE', claim: 'POST_CONSUMER_RECYCLED' });
        expect(statement.creditedGrams).to.equal(0);
      });
    });

    it('makes second-generation cathode material from virgin and recovered sulfate, crediting the labelled sulfate it consumes, and claims what that backs', async () => {
      const inputGrams = M.cam2NickelSulfate + M.cam2VirginSulfate + M.recoveredCobaltSulfate + M.cam2Hydroxide;
      const { run, outputs } = await p.manufacturing.transform({
        id: id('run-cam-2'),
        facilityId: f.cellPlant,
        processKind: 'CATHODE_SYNTHESIS',
        inputs: [
          { lotId: id('niso4'), massGrams: M.cam2NickelSulfate },
          { lotId: id('coso4'), massGrams: M.cam2VirginSulfate },
          { lotId: id('rcoso4'), massGrams: M.recoveredCobaltSulfate },
          { lotId: id('lioh'), massGrams: M.cam2Hydroxide },
        ],
        outputs: [{ id: id('nca-2'), material: 'CATHODE_NCA', massGrams: M.nca2 }],
        lossGrams: inputGrams - M.nca2,
        processEmissionsGramsCo2e: CO2.cam2,
      });
      expect(run.inputMassGrams).to.equal(inputGrams);
      expect(run.credited).to.deep.equal([{ lotId: id('rcoso4'), claim: 'POST_CONSUMER_RECYCLED', massGrams: M.recoveredCobaltSulfate }]);
      expect(outputs[0]?.claims, 'a transformation output carries no label').to.deep.equal([]);
      const claim = { processRunId: id('run-cam-2'), outputLotId: id('nca-2'), claim: 'POST_CONSUMER_RECYCLED' as const, sourceMaterial: 'RECOVERED_COBALT_SULFATE' as const, claimedLotId: id('nca-2-pcr') };
      // the 106 g of recovered sulfate are 4.7 % of the run's inputs: they back 51 g of its 1,100 g of cathode
      const tooMuch = await failure(p.manufacturing.claimOnOutput({ ...claim, id: id('mb-claim-over'), massGrams: M.claimedNca2 + 1 }));
      expect(isContractError(tooMuch, 'INSUFFICIENT_CREDIT'), `claiming more than the recovered sulfate backs: ${String(tooMuch)}`).to.equal(true);
      const whole = await failure(p.manufacturing.claimOnOutput({ ...claim, id: id('mb-claim-part'), claimedLotId: undefined, massGrams: M.claimedNca2 }));
      expect(isContractError(whole, 'INVALID_ARGUMENT'), `labelling part of a lot without splitting it off: ${String(whole)}`).to.equal(true);
      const { movement, lot, remainder } = await p.manufacturing.claimOnOutput({ ...claim, id: id('mb-claim'), massGrams: M.claimedNca2 });
      const debit = debitFor(M.claimedNca2, inputGrams, M.nca2);
      expect(movement.kind).to.equal('DEBIT');
      expect(movement.massGrams).to.equal(debit);
      expect(lot).to.deep.include({ id: id('nca-2-pcr'), massGrams: M.claimedNca2, claims: ['POST_CONSUMER_RECYCLED'], custodyModel: 'MASS_BALANCE' });
      expect(remainder).to.deep.include({ id: id('nca-2'), massGrams: M.nca2 - M.claimedNca2, claims: [] });
      await settled(async () => {
        const statement = await p.audit.getStatement({ facilityId: f.cellPlant, material: 'RECOVERED_COBALT_SULFATE', claim: 'POST_CONSUMER_RECYCLED' });
        expect(statement.openingBalanceGrams).to.equal(0);
        expect(statement.creditedGrams, 'credited when consumed, not when received').to.equal(M.recoveredCobaltSulfate);
        expect(statement.debitedGrams).to.equal(debit);
        expect(statement.balanceGrams).to.equal(M.recoveredCobaltSulfate - debit);
        expect(statement.credits).to.deep.equal([{ movementId: `consumed:${id('run-cam-2')}:0:POST_CONSUMER_RECYCLED`, massGrams: M.recoveredCobaltSulfate, usedGrams: debit }]);
      });
    });

    it('makes new cells and a new pack whose passport shows recycled cobalt computed from the ledger, and the label it carries', async () => {
      const cellLots = secondCellLots(id('nca-2-pcr'), id('nca-2'));
      const expected = expectedCobalt(cellLots);
      const pack = await makePack(2, cellLots, pack2);
      for (const [index, cellId] of cellsOf(2).entries()) {
        const cell = await p.manufacturing.getBattery({ id: cellId });
        expect(element(cell.elements, 'COBALT')).to.deep.equal(expected.cells[index]);
      }
      const cobalt = element(pack.elements, 'COBALT');
      expect(cobalt).to.deep.equal(expected.pack);
      expect(cobalt.postConsumerRecycledGrams).to.be.greaterThan(0);
      expect(cobalt.postConsumerRecycledBasisPoints).to.be.greaterThan(0);
      expect(cobalt.postConsumerRecycledBasisPoints).to.be.lessThan(10_000);
      expect(pack.claims, 'the claimed part of the cathode went into the first cell').to.deep.equal([{ claim: 'POST_CONSUMER_RECYCLED', massGrams: M.claimedNca2 }]);
      const lithium = element(pack.elements, 'LITHIUM');
      expect(lithium.massGrams).to.equal(2 * Math.floor((M.cellCathode * CONTENT.ncaLithium) / 10_000));
      expect(lithium.postConsumerRecycledGrams, 'the new cathode used only virgin lithium').to.equal(0);
      expect(element(pack.elements, 'NICKEL').postConsumerRecycledGrams, 'and only virgin nickel').to.equal(0);
      await settled(async () => {
        const passport = await p.recycling.getPassport({ id: pack2 });
        expect(passport.tier).to.equal('LEGITIMATE_INTEREST');
        expect(element(passport.circularity.recycledContent, 'COBALT')).to.deep.equal(expected.pack);
      });
    });

    it('traces the new pack upstream to the original mines and to the recycled battery', async () => {
      const { nodes, edges } = await fullTrace(p.manufacturing, 'Battery', pack2);
      const ids = new Set(nodes.map((node) => node.id));
      for (const expected of [...cellsOf(2), id('nca-2'), id('nca-2-pcr'), id('rcoso4'), id('bm'), ess, pack1, ...cellsOf(1), id('nca-1'), id('coso4'), id('coh'), id('spod'), id('mhp')]) {
        expect(ids.has(expected), `${expected} in the trace`).to.equal(true);
      }
      expect(nodes.find((node) => node.id === ess)?.type).to.equal('Battery');
      const mine = nodes.find((node) => node.id === id('coh'));
      expect(mine?.lot?.origin).to.deep.include({ kind: 'MINED', facilityId: f.mine });
      expect(reaches(edges, pack2, ess), 'new pack → recycled battery').to.equal(true);
      expect(reaches(edges, ess, id('coh')), 'recycled battery → mined cobalt').to.equal(true);
      expect(reaches(edges, ess, id('spod')), 'recycled battery → mined spodumene').to.equal(true);
      expect(reaches(edges, ess, id('mhp')), 'recycled battery → nickel precipitate').to.equal(true);
      expect(reaches(edges, id('rcoso4'), ess), 'recovered sulfate → recycled battery').to.equal(true);
      const edge = (parentId: string, childId: string): number | undefined => edges.find((e) => e.parentId === parentId && e.childId === childId)?.massGrams;
      expect(edge(ess, id('bm'))).to.equal(M.blackMass);
      expect(edge(pack1, ess)).to.equal(M.packMass);
      expect(edge(id('rcoso4'), id('run-cam-2'))).to.equal(M.recoveredCobaltSulfate);
      expect(edge(id('nca-2'), id('nca-2-pcr')), 'the claimed part, split off its output').to.equal(M.claimedNca2);
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
      const cells = secondCellLots(id('nca-2-pcr'), id('nca-2'));
      expect(element(publicView.circularity.recycledContent, 'COBALT').postConsumerRecycledBasisPoints).to.equal(expectedCobalt(cells).pack.postConsumerRecycledBasisPoints);
    });
  });
}
