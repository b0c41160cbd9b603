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

/** The intensity every output of a run gets: inputs' emissions plus the process's, over the outputs, rounded up (mg CO2e/kg). */
function allocatedIntensity(inputs: readonly { massGrams: number; intensity: number }[], processGrams: number, outputGrams: number): number {
  const micrograms = inputs.reduce((sum, input) => sum + BigInt(input.massGrams) * BigInt(input.intensity), 0n) + BigInt(processGrams) * 1_000_000n;
  return Number((micrograms + BigInt(outputGrams) - 1n) / BigInt(outputGrams));
}

/**
 * Registers the mocha tests of the short value chain — a cobalt mine ships hydroxide to a refinery, which
 * refines it into sulfate and ships it to another organisation's precursor plant, which precipitates cobalt
 * hydroxide precursor for LCO cathodes from it — on any host. Mass, cobalt and emissions are conserved at every
 * step. The same scenario runs on the in-memory ledger (unit) and on the real peers (end to end).
 */
export function describeMineToCellMaker(host: ScenarioHost): void {
  describe('mine → refiner → precursor maker', function () {
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
      await p.manufacturingAdmin.registerFacility({ id: id('precursor-plant'), kind: 'PRECURSOR_PLANT', name: 'Harjavalta precursor plant', country: 'FI' });
      const mine = await settled(() => p.audit.getFacility({ id: id('mine-kcc') }));
      expect(mine.country).to.equal('CD');
      expect(mine.ownerMsp).to.equal('MiningMSP');
    });

    it('mints a cobalt hydroxide lot at the mine with its assay and carbon intensity', async () => {
      const lot = await p.mining.mintLot({
        id: id('coh-1'),
        facilityId: id('mine-kcc'),
        material: 'COBALT_HYDROXIDE',
        massGrams: 12_000_000,
        assay: { contentBasisPoints: 3_500 },
        carbonIntensity: 6_500,
      });
      expect(lot.massGrams).to.equal(12_000_000);
      expect(lot.status).to.equal('ACTIVE');
      expect(lot.elementContent).to.deep.equal({ COBALT: 3_500 });
      expect(lot.carbonIntensityMgPerKg, 'g CO2e/kg as mg CO2e/kg').to.equal(6_500_000);
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
          toFacilityId: id('precursor-plant'),
          declaredMassGrams: 1_000,
          shippingDocumentsHash: documents('forged'),
        })
        .then(() => undefined, (e: unknown) => e);
      expect(isContractError(error, 'FORBIDDEN'), String(error)).to.equal(true);
      const lot = await p.mining.getLot({ id: id('coh-1') });
      expect(lot.status).to.equal('ACTIVE');
    });

    it('refuses a refining that would put more cobalt into the sulfate than the hydroxide held', async () => {
      // 11.5 t of anhydrous sulfate at 37 % would hold 4,255 kg of cobalt; 11.97 t of hydroxide at 35 % hold 4,189.5 kg
      const error: unknown = await p.mining
        .transform({
          id: id('refine-over'),
          facilityId: id('refinery-fi'),
          processKind: 'REFINING',
          inputs: [{ lotId: id('coh-1'), massGrams: 11_970_000 }],
          outputs: [{ id: id('coso4-over'), material: 'COBALT_SULFATE', massGrams: 11_500_000, assay: { contentBasisPoints: 3_700 } }],
          lossGrams: 470_000,
        })
        .then(() => undefined, (e: unknown) => e);
      expect(isContractError(error, 'ELEMENT_NOT_CONSERVED'), String(error)).to.equal(true);
      expect((await p.mining.getLot({ id: id('coh-1') })).massGrams).to.equal(11_970_000);
    });

    it('refines hydroxide into sulfate with the losses recorded, mass and cobalt conserved, emissions carried on', async () => {
      const { run, outputs } = await p.mining.transform({
        id: id('refine-1'),
        facilityId: id('refinery-fi'),
        processKind: 'REFINING',
        inputs: [{ lotId: id('coh-1'), massGrams: 11_970_000 }],
        outputs: [{ id: id('coso4-1'), material: 'COBALT_SULFATE', massGrams: 10_800_000, assay: { contentBasisPoints: 3_700, method: 'ICP-OES (anhydrous)' } }],
        lossGrams: 1_170_000,
        processEmissionsGramsCo2e: 21_600_000,
      });
      expect(run.inputMassGrams).to.equal(run.outputs.reduce((sum, o) => sum + o.massGrams, 0) + run.lossGrams);
      const sulfate = outputs[0];
      expect(sulfate?.elementContent).to.deep.equal({ COBALT: 3_700 });
      expect(sulfate?.carbonIntensityMgPerKg).to.equal(allocatedIntensity([{ massGrams: 11_970_000, intensity: 6_500_000 }], 21_600_000, 10_800_000));
      const consumed = await p.mining.getLot({ id: id('coh-1') });
      expect(consumed.status).to.equal('CONSUMED');
    });

    it("ships the sulfate to another organisation's precursor plant, which precipitates precursor from part of it", async () => {
      await p.mining.proposeTransfer({
        id: id('tr-2'),
        lotId: id('coso4-1'),
        toFacilityId: id('precursor-plant'),
        declaredMassGrams: 10_800_000,
        shippingDocumentsHash: documents('CMR KOK-HJV-88'),
      });
      await p.manufacturing.acceptTransfer({ transferId: id('tr-2'), receivedMassGrams: 10_800_000 });
      const { outputs } = await p.manufacturing.transform({
        id: id('pcam-run-1'),
        facilityId: id('precursor-plant'),
        processKind: 'PRECURSOR_SYNTHESIS',
        inputs: [{ lotId: id('coso4-1'), massGrams: 4_000_000 }],
        // cobalt hydroxide precursor for LCO: 62 % cobalt, none of the nickel or manganese of NMC precursor
        outputs: [{ id: id('pcam-1'), material: 'PRECURSOR_PCAM', massGrams: 2_350_000, assay: { elements: { COBALT: 6_200, NICKEL: 0, MANGANESE: 0 } } }],
        lossGrams: 1_650_000,
        processEmissionsGramsCo2e: 3_525_000,
      });
      expect(outputs[0]?.elementContent).to.deep.equal({ COBALT: 6_200 });
      expect(outputs[0]?.claims).to.deep.equal([]);
      const rest = await p.manufacturing.getLot({ id: id('coso4-1') });
      expect(rest.massGrams).to.equal(6_800_000);
      expect(rest.status).to.equal('ACTIVE');
    });

    it('traces the precursor upstream to the mine with the mass at each hop', async () => {
      const trace = await settled(() => p.audit.traceUpstream({ id: id('pcam-1') }), (t) => t.nodes.some((n) => n.id === id('pcam-1')));
      const lotIds = trace.nodes.filter((n) => n.lot !== undefined).map((n) => n.id);
      expect(lotIds).to.include.members([id('pcam-1'), id('coso4-1'), id('coh-1')]);
      const root = trace.nodes.find((n) => n.id === id('coh-1'));
      expect(root?.lot?.origin).to.deep.include({ facilityId: id('mine-kcc') });
      const edge = (parentId: string, childId: string): number | undefined =>
        trace.edges.find((e) => e.parentId === parentId && e.childId === childId)?.massGrams;
      // a transformation is two hops: input lot → process run → output lot
      expect(edge(id('coso4-1'), id('pcam-run-1'))).to.equal(4_000_000);
      expect(edge(id('pcam-run-1'), id('pcam-1'))).to.equal(2_350_000);
      expect(edge(id('coh-1'), id('refine-1'))).to.equal(11_970_000);
    });
  });
}
