import type { OrgKey } from '../../../chaincode/src/api';
import { formatMass } from '../../report/format';
import { facilities } from '../catalogue';
import { documentHash, facilityId, runScopedId, type ScenarioContext } from '../context';
import { cellSpec, cellsPerPack, firstCathodeBatch, packSpec } from '../plan';
import { handOver } from './handover';
import { ship } from './shipping';

/** Ids of the batteries of a run. */
export const batteryIds = {
  cell: (runId: string, generation: number, pack: number, cell: number): string => runScopedId(runId, `CELL-G${generation}-P${pack}-${cell}`),
  pack: (runId: string, generation: number, pack: number): string => runScopedId(runId, `PACK-G${generation}-${pack}`),
  secondLife: (runId: string): string => runScopedId(runId, 'ESS-SL-1'),
};

/** The cathode plant ships a cathode lot to the cell plant. */
export async function shipCathode(ctx: ScenarioContext, lotKey: string, grams: number): Promise<void> {
  await ship(ctx, {
    lotId: runScopedId(ctx.input.runId, lotKey),
    from: 'manufacturing',
    to: 'manufacturing',
    toFacilityId: facilityId(ctx.input, 'cellPlant'),
    declaredGrams: grams,
    receivedGrams: grams,
    documents: `delivery note ${lotKey}`,
  });
}

/**
 * The cell plant makes the cells of `packs` packs from a cathode lot and hands them over to the pack plant; the pack
 * plant assembles each pack from its cells and issues its passport.
 */
export async function makePacks(ctx: ScenarioContext, generation: number, cathodeKey: string, packs: readonly number[]): Promise<void> {
  const run = ctx.input.runId;
  for (const pack of packs) {
    const cells: string[] = [];
    for (let cell = 1; cell <= cellsPerPack; cell += 1) {
      const id = batteryIds.cell(run, generation, pack, cell);
      await ctx.as('manufacturing').user.issueBattery({
        id,
        facilityId: facilityId(ctx.input, 'cellPlant'),
        level: 'CELL',
        category: 'EV',
        model: cellSpec.model,
        chemistry: 'NMC',
        massGrams: cellSpec.massGrams,
        ratedCapacityMilliampHours: cellSpec.ratedCapacityMilliampHours,
        nominalVoltageMillivolts: cellSpec.nominalVoltageMillivolts,
        expectedLifetimeCycles: cellSpec.expectedLifetimeCycles,
        lots: [{ lotId: runScopedId(run, cathodeKey), massGrams: cellSpec.cathodeGrams }],
        processEmissionsGramsCo2e: cellSpec.processEmissionsGramsCo2e,
        hazardousSubstances: ['LiPF6 electrolyte'],
      });
      await handOver(ctx, { batteryId: id, from: 'manufacturing', to: 'packPlant', kind: 'OWNERSHIP' });
      cells.push(id);
    }
    await ctx.as('manufacturing').user.issueBattery({
      id: batteryIds.pack(run, generation, pack),
      facilityId: facilityId(ctx.input, 'packPlant'),
      level: 'PACK',
      category: 'EV',
      model: packSpec.model,
      chemistry: 'NMC',
      massGrams: packSpec.massGrams,
      ratedCapacityMilliampHours: packSpec.ratedCapacityMilliampHours,
      nominalVoltageMillivolts: packSpec.nominalVoltageMillivolts,
      expectedLifetimeCycles: packSpec.expectedLifetimeCycles,
      components: cells,
      processEmissionsGramsCo2e: packSpec.processEmissionsGramsCo2e,
      hazardousSubstances: ['LiPF6 electrolyte'],
      labels: ['CE', 'separate collection (crossed-out wheeled bin)'],
      declarationOfConformityHash: documentHash(`EU declaration of conformity ${packSpec.model}`),
      dueDiligenceReportHash: documentHash(`supply-chain due-diligence report ${run} G${generation}`),
      endOfLifeInformation: 'Return to any authorised take-back point; high-voltage pack, discharge before dismantling.',
    });
    ctx.progress.note(`${batteryIds.pack(run, generation, pack)}: ${cellsPerPack} cells of ${formatMass(cellSpec.massGrams)} handed over to the pack plant, pack ${formatMass(packSpec.massGrams)}`);
  }
}

/** First-generation cells and packs from the first cathode batch. */
export async function makeFirstPacks(ctx: ScenarioContext): Promise<void> {
  await shipCathode(ctx, firstCathodeBatch.key, firstCathodeBatch.massGrams);
  await makePacks(ctx, 1, firstCathodeBatch.key, [1, 2]);
}

async function readings(ctx: ScenarioContext, org: OrgKey, batteryId: string, soh: readonly [number, number, number][]): Promise<void> {
  for (const [energy, capacity, cycles] of soh) {
    await ctx.as(org).user.recordStateOfHealth({
      batteryId,
      stateOfCertifiedEnergyBasisPoints: energy,
      remainingCapacityBasisPoints: capacity,
      fullCycles: cycles,
      negativeEvents: 0,
      evidenceHash: documentHash(`BMS log ${batteryId} ${cycles}`),
    });
  }
}

/** The OEM places both packs on the market; they go into use and report their state of health. */
export async function useFirstPacks(ctx: ScenarioContext): Promise<void> {
  for (const pack of [1, 2]) {
    const id = batteryIds.pack(ctx.input.runId, 1, pack);
    await ctx.as('manufacturing').user.placeOnMarket({ batteryId: id });
    await ctx.as('manufacturing').user.recordUse({ batteryId: id });
    await readings(ctx, 'manufacturing', id, [
      [9_800, 9_850, 150],
      [9_100, 9_200, 900],
      [pack === 1 ? 7_400 : 8_100, pack === 1 ? 7_600 : 8_300, 1_750],
    ]);
    ctx.progress.note(`${id}: in use, state of health ${pack === 1 ? '74 %' : '81 %'} after 1,750 cycles`);
  }
}

/**
 * At the end of its first life the second pack is collected by the second-life operator (not waste: it goes on
 * as stationary storage) and repurposed, with a new passport linked to the old one.
 */
export async function repurposeSecondPack(ctx: ScenarioContext): Promise<void> {
  const id = batteryIds.pack(ctx.input.runId, 1, 2);
  await handOver(ctx, { batteryId: id, from: 'manufacturing', to: 'secondLife', kind: 'COLLECTION' });
  await ctx.as('recycling').user.repurpose({
    batteryId: id,
    newBatteryId: batteryIds.secondLife(ctx.input.runId),
    facilityId: facilityId(ctx.input, 'secondLife'),
    category: 'STATIONARY',
    model: 'AMS-ESS-7 home storage unit',
    massGrams: packSpec.massGrams,
    ratedCapacityMilliampHours: 280_000,
    nominalVoltageMillivolts: packSpec.nominalVoltageMillivolts,
    expectedLifetimeCycles: 3_000,
    labels: ['CE'],
  });
  ctx.progress.note(`${id} → ${batteryIds.secondLife(ctx.input.runId)} at ${facilities.secondLife.name}`);
}
