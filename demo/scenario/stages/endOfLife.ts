import { formatMass } from '../../report/format';
import { facilities } from '../catalogue';
import { facilityId, runScopedId, type ScenarioContext } from '../context';
import { cellsPerPack, cellSpec, packSpec, recovery, secondCathodeBatch, secondCathodeVirginInputs } from '../plan';
import { batteryIds, makePacks, shipCathode } from './batteries';
import { ship } from './shipping';

/** Suffixes of the recycler's lots. */
export const recoveredKeys = {
  scrap: 'LOT-SCRAP-HOB',
  blackMass: 'LOT-BM-HOB',
  cobalt: 'LOT-RCOSO4-HOB',
  nickel: 'LOT-RNISO4-HOB',
  lithium: 'LOT-RLI2CO3-HOB',
} as const;

/** The worn first pack is handed in at the take-back centre, collected as waste by the recycler, dismantled and shredded to black mass. */
export async function collectAndRecycle(ctx: ScenarioContext): Promise<void> {
  const run = ctx.input.runId;
  const pack = batteryIds.pack(run, 1, 1);
  await ctx.as('manufacturing').user.transferBattery({ batteryId: pack, toFacilityId: facilityId(ctx.input, 'collector') });
  await ctx.as('recycling').user.collect({ batteryId: pack, facilityId: facilityId(ctx.input, 'recycler') });
  await ctx.as('recycling').user.dismantle({
    batteryId: pack,
    outputs: [{ id: runScopedId(run, recoveredKeys.scrap), material: 'SCRAP', massGrams: recovery.scrapGrams }],
    lossGrams: recovery.dismantlingLossGrams,
  });
  const remaining = packSpec.massGrams - recovery.scrapGrams - recovery.dismantlingLossGrams;
  await ctx.as('recycling').user.recycle({
    batteryId: pack,
    outputs: [{ id: runScopedId(run, recoveredKeys.blackMass), material: 'BLACK_MASS', massGrams: recovery.blackMassGrams, carbonIntensity: 900 }],
    lossGrams: remaining - recovery.blackMassGrams,
  });
  ctx.progress.note(`${pack}: handed in at ${facilities.collector.name}, collected, dismantled and shredded at ${facilities.recycler.name} → black mass ${formatMass(recovery.blackMassGrams)}`);
}

/** Hydrometallurgy turns the black mass into recovered metal salts. */
export async function refineBlackMass(ctx: ScenarioContext): Promise<void> {
  const run = ctx.input.runId;
  const outputs = [
    { key: recoveredKeys.cobalt, material: 'RECOVERED_COBALT_SULFATE', grams: recovery.recoveredCobaltSulfateGrams, assay: 2100 },
    { key: recoveredKeys.nickel, material: 'RECOVERED_NICKEL_SULFATE', grams: recovery.recoveredNickelSulfateGrams, assay: 2230 },
    { key: recoveredKeys.lithium, material: 'RECOVERED_LITHIUM_CARBONATE', grams: recovery.recoveredLithiumCarbonateGrams, assay: 1879 },
  ] as const;
  const outputGrams = outputs.reduce((sum, o) => sum + o.grams, 0);
  await ctx.as('recycling').user.transform({
    id: runScopedId(run, 'RUN-HYDROMET-HOB'),
    facilityId: facilityId(ctx.input, 'recycler'),
    processKind: 'HYDROMETALLURGY',
    inputs: [{ lotId: runScopedId(run, recoveredKeys.blackMass), massGrams: recovery.blackMassGrams }],
    outputs: outputs.map((o) => ({ id: runScopedId(run, o.key), material: o.material, massGrams: o.grams, assay: { contentBasisPoints: o.assay, method: 'ICP-OES' }, carbonIntensity: 2_500 })),
    lossGrams: recovery.blackMassGrams - outputGrams,
    description: 'Leaching, solvent extraction and crystallisation of black mass',
  });
  ctx.progress.note(`black mass → ${outputs.map((o) => `${o.material} ${formatMass(o.grams)}`).join(', ')}`);
}

/** The recycler ships the recovered salts that feed the new cells to the cathode plant. */
export async function shipRecoveredSalts(ctx: ScenarioContext): Promise<void> {
  const keys = [recoveredKeys.cobalt, recoveredKeys.lithium, ...(ctx.input.recycledNickelFeed === 'recovered' ? [recoveredKeys.nickel] : [])];
  const grams: Readonly<Record<string, number>> = {
    [recoveredKeys.cobalt]: recovery.recoveredCobaltSulfateGrams,
    [recoveredKeys.nickel]: recovery.recoveredNickelSulfateGrams,
    [recoveredKeys.lithium]: recovery.recoveredLithiumCarbonateGrams,
  };
  for (const key of keys) {
    const mass = grams[key] ?? 0;
    await ship(ctx, { lotId: runScopedId(ctx.input.runId, key), from: 'recycling', to: 'manufacturing', toFacilityId: facilityId(ctx.input, 'cathodePlant'), declaredGrams: mass, receivedGrams: mass, documents: `waste shipment note ${key}` });
  }
  ctx.progress.note(`${keys.length} recovered salts received at ${facilities.cathodePlant.name}`);
}

/** The inputs of the second-generation cathode batch: virgin stock plus the recovered salts the run feeds in. */
export function secondCathodeInputs(ctx: ScenarioContext): { lotId: string; massGrams: number }[] {
  const run = ctx.input.runId;
  const recovered = [
    ...(ctx.input.recycledCobaltSulfateGrams > 0 ? [{ lotId: runScopedId(run, recoveredKeys.cobalt), massGrams: ctx.input.recycledCobaltSulfateGrams }] : []),
    ...(ctx.input.recycledNickelFeed === 'recovered' ? [{ lotId: runScopedId(run, recoveredKeys.nickel), massGrams: recovery.recoveredNickelSulfateGrams }] : []),
    { lotId: runScopedId(run, recoveredKeys.lithium), massGrams: recovery.recoveredLithiumCarbonateGrams },
  ];
  const virgin = Object.entries(secondCathodeVirginInputs).map(([key, massGrams]) => ({ lotId: runScopedId(run, key), massGrams }));
  return [...virgin, ...recovered];
}

/** Cathode synthesis from recovered and virgin salts, then new cells and a new pack whose passport shows recycled content. */
export async function makeSecondGeneration(ctx: ScenarioContext): Promise<void> {
  const run = ctx.input.runId;
  const inputs = secondCathodeInputs(ctx);
  const inputGrams = inputs.reduce((sum, i) => sum + i.massGrams, 0);
  const outputGrams = Math.floor((inputGrams * secondCathodeBatch.yieldBasisPoints) / 10_000);
  await ctx.as('manufacturing').user.transform({
    id: runScopedId(run, `RUN-${secondCathodeBatch.key}`),
    facilityId: facilityId(ctx.input, 'cathodePlant'),
    processKind: 'CATHODE_SYNTHESIS',
    inputs,
    outputs: [
      {
        id: runScopedId(run, secondCathodeBatch.key),
        material: 'CATHODE_NMC',
        massGrams: outputGrams,
        assay: { contentBasisPoints: secondCathodeBatch.assayBasisPoints, method: 'ICP-OES (Ni)' },
        carbonIntensity: secondCathodeBatch.carbonIntensity,
      },
    ],
    lossGrams: inputGrams - outputGrams,
    description: 'NMC811 from recovered and virgin salts',
  });
  ctx.progress.note(`NMC811 batch ${formatMass(outputGrams)} with ${formatMass(ctx.input.recycledCobaltSulfateGrams)} recovered cobalt sulfate`);
  await shipCathode(ctx, secondCathodeBatch.key, outputGrams);
  await makePacks(ctx, 2, secondCathodeBatch.key, [1]);
  await ctx.as('manufacturing').user.placeOnMarket({ batteryId: batteryIds.pack(run, 2, 1) });
  ctx.progress.note(`${batteryIds.pack(run, 2, 1)}: ${cellsPerPack} cells × ${formatMass(cellSpec.cathodeGrams)} cathode, placed on the market`);
}
