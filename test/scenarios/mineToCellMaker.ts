import { expect } from 'chai';
import { keccak256, toUtf8Bytes } from 'ethers';
import type { BatteryTraceClient } from '../../sdk/src/index';
import { isContractError } from '../../sdk/src/index';

/** The clients a scenario acts through: each organisation's admin (registers facilities) and user. */
export interface ScenarioParties {
  readonly miningAdmin: BatteryTraceClient;
  readonly mining: BatteryTraceClient;
  readonly manufacturingAdmin: BatteryTraceClient;
  readonly manufacturing: BatteryTraceClient;
  readonly recycling: BatteryTraceClient;
  readonly audit: BatteryTraceClient;
}

/** How a test file provides the parties: on the in-memory ledger or on the running network. */
export interface ScenarioHost {
  /** Creates the parties; called once before the scenario. */
  setUp(): Promise<ScenarioParties> | ScenarioParties;
  /** Releases them. */
  tearDown(parties: ScenarioParties): Promise<void> | void;
  /** A prefix that keeps this run's ids apart from other runs on the same ledger. */
  readonly prefix: string;
}

const documents = (text: string): string => keccak256(toUtf8Bytes(text));

/**
 * Reads through another organisation's peer until it has committed what the writer's peer already has: on a real
 * network each peer commits a block on its own schedule (at most a few seconds apart here).
 */
async function settled<T>(read: () => Promise<T>, ready: (value: T) => boolean = () => true, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await read();
      if (ready(value) || Date.now() > deadline) return value;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Registers the mocha tests of the short value chain — a cobalt mine ships hydroxide to a refinery, which
 * refines it into sulfate and ships it to a cell plant, which makes cathode material from it — on any host.
 * The same scenario runs on the in-memory ledger (unit) and on the real peers (end to end).
 */
export function describeMineToCellMaker(host: ScenarioHost): void {
  describe('mine → refiner → cell maker', function () {
    this.timeout(120_000);
    let p: ScenarioParties;
    const id = (name: string): string => `${host.prefix}-${name}`;

    before(async () => {
      p = await host.setUp();
    });

    after(async () => {
      await host.tearDown(p);
    });

    it('registers the facilities of each organisation', async () => {
      await p.miningAdmin.registerFacility({ id: id('mine-kcc'), kind: 'MINE', name: 'Kolwezi cobalt mine', country: 'CD' });
      await p.miningAdmin.registerFacility({ id: id('refinery-fi'), kind: 'REFINERY', name: 'Kokkola cobalt refinery', country: 'FI' });
      await p.manufacturingAdmin.registerFacility({ id: id('cell-plant'), kind: 'CELL_PLANT', name: 'Skellefteå cell plant', country: 'SE' });
      const mine = await settled(() => p.audit.getFacility({ id: id('mine-kcc') }));
      expect(mine.country).to.equal('CD');
      expect(mine.ownerMsp).to.equal('MiningMSP');
    });

    it('mints a cobalt hydroxide lot at the mine', async () => {
      const lot = await p.mining.mintLot({
        id: id('coh-1'),
        facilityId: id('mine-kcc'),
        material: 'COBALT_HYDROXIDE',
        massGrams: 12_000_000,
        assay: { contentBasisPoints: 3_500 },
        carbonIntensity: 9_100,
      });
      expect(lot.massGrams).to.equal(12_000_000);
      expect(lot.status).to.equal('ACTIVE');
    });

    it('moves custody from the mine to the refinery, recording the weighing loss', async () => {
      await p.mining.proposeTransfer({
        id: id('tr-1'),
        lotId: id('coh-1'),
        toFacilityId: id('refinery-fi'),
        declaredMassGrams: 12_000_000,
        shippingDocumentsHash: documents('bill of lading KCC-2026-0117'),
      });
      const inTransit = await p.mining.getLot({ id: id('coh-1') });
      expect(inTransit.status).to.equal('IN_TRANSIT');
      await p.mining.acceptTransfer({ transferId: id('tr-1'), receivedMassGrams: 11_970_000 });
      const received = await p.mining.getLot({ id: id('coh-1') });
      expect(received.custodianFacilityId).to.equal(id('refinery-fi'));
      expect(received.massGrams).to.equal(11_970_000);
    });

    it('refuses to let the recycling organisation move a lot it does not hold', async () => {
      const error: unknown = await p.recycling
        .proposeTransfer({
          id: id('tr-theft'),
          lotId: id('coh-1'),
          toFacilityId: id('cell-plant'),
          declaredMassGrams: 1_000,
          shippingDocumentsHash: documents('forged'),
        })
        .then(() => undefined, (e: unknown) => e);
      expect(isContractError(error, 'FORBIDDEN'), String(error)).to.equal(true);
      const lot = await p.mining.getLot({ id: id('coh-1') });
      expect(lot.status).to.equal('ACTIVE');
    });

    it('refines hydroxide into sulfate with the losses recorded and mass conserved', async () => {
      const { run } = await p.mining.transform({
        id: id('refine-1'),
        facilityId: id('refinery-fi'),
        processKind: 'REFINING',
        inputs: [{ lotId: id('coh-1'), massGrams: 11_970_000 }],
        outputs: [{ id: id('coso4-1'), material: 'COBALT_SULFATE', massGrams: 9_500_000, assay: { contentBasisPoints: 2_090 } }],
        lossGrams: 2_470_000,
      });
      expect(run.inputMassGrams).to.equal(run.outputs.reduce((sum, o) => sum + o.massGrams, 0) + run.lossGrams);
      const consumed = await p.mining.getLot({ id: id('coh-1') });
      expect(consumed.status).to.equal('CONSUMED');
    });

    it('ships the sulfate to another organisation\'s cell plant, which makes cathode material from it', async () => {
      await p.mining.proposeTransfer({
        id: id('tr-2'),
        lotId: id('coso4-1'),
        toFacilityId: id('cell-plant'),
        declaredMassGrams: 9_500_000,
        shippingDocumentsHash: documents('CMR KOK-SKE-88'),
      });
      await p.manufacturing.acceptTransfer({ transferId: id('tr-2'), receivedMassGrams: 9_500_000 });
      await p.manufacturing.transform({
        id: id('cam-1'),
        facilityId: id('cell-plant'),
        processKind: 'CATHODE_SYNTHESIS',
        inputs: [{ lotId: id('coso4-1'), massGrams: 4_000_000 }],
        outputs: [{ id: id('nmc-1'), material: 'CATHODE_NMC', massGrams: 3_600_000 }],
        lossGrams: 400_000,
      });
      const rest = await p.manufacturing.getLot({ id: id('coso4-1') });
      expect(rest.massGrams).to.equal(5_500_000);
      expect(rest.status).to.equal('ACTIVE');
    });

    it('traces the cathode material upstream to the mine with the mass at each hop', async () => {
      const trace = await settled(() => p.audit.traceUpstream({ id: id('nmc-1') }), (t) => t.nodes.some((n) => n.id === id('nmc-1')));
      const lotIds = trace.nodes.filter((n) => n.lot !== undefined).map((n) => n.id);
      expect(lotIds).to.include.members([id('nmc-1'), id('coso4-1'), id('coh-1')]);
      const root = trace.nodes.find((n) => n.id === id('coh-1'));
      expect(root?.lot?.origin).to.deep.include({ facilityId: id('mine-kcc') });
      const edge = (parentId: string, childId: string): number | undefined =>
        trace.edges.find((e) => e.parentId === parentId && e.childId === childId)?.massGrams;
      // a transformation is two hops: input lot → process run → output lot
      expect(edge(id('coso4-1'), id('cam-1'))).to.equal(4_000_000);
      expect(edge(id('cam-1'), id('nmc-1'))).to.equal(3_600_000);
      expect(edge(id('coh-1'), id('refine-1'))).to.equal(11_970_000);
    });
  });
}
