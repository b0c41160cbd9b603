import { formatMass } from '../../report/format';
import { facilities } from '../catalogue';
import { daysFrom, facilityId, runScopedId, type ScenarioContext } from '../context';
import { cellsPerPack, cellSpec, packSpec, recoveredKeys, recovery, secondCathodeBatch, secondCathodeInputs } from '../plan';
import { batteryIds, makePacks, shipCathode } from './batteries';
import { handOver } from './handover';
import { ship } from './shipping';
import { describeReleasedClaims } from './upstream';

/**
 * The worn first pack is handed in at the take-back centre (collected as waste), passed on to the recycler,
 * dismantled and shredded to black mass: recovered lots, labelled post-consumer recycled.
 */
export async function collectAndRecycle(ctx: ScenarioContext): Promise<void> {
  const run = ctx.input.runId;
  const pack = batteryIds.pack(run, 1, 1);
  await handOver(ctx, { batteryId: pack, from: 'manufacturing', to: 'collector', kind: 'COLLECTION' });
  await handOver(ctx, { batteryId: pack, from: 'recycling', to: 'recycler', kind: 'OWNERSHIP' });
  await ctx.as('recycling').user.dismantle({
    batteryId: pack,
    outputs: [
      {
        id: runScopedId(run, recoveredKeys.scrap),
        material: 'SCRAP',
        massGrams: recovery.scrapGrams,
        assay: { elements: { NICKEL: 0, COBALT: 0, LITHIUM: 0 }, method: 'sorted: aluminium housing, copper busbars, electronics' },
      },
    ],
    lossGrams: recovery.dismantlingLossGrams,
    processEmissionsGramsCo2e: recovery.dismantlingEmissionsGramsCo2e,
  });
  const remaining = packSpec.massGrams - recovery.scrapGrams - recovery.dismantlingLossGrams;
  const { lots } = await ctx.as('recycling').user.recycle({
    batteryId: pack,
    outputs: [{ id: runScopedId(run, recoveredKeys.blackMass), material: 'BLACK_MASS', massGrams: recovery.blackMassGrams, assay: { elements: { ...recovery.blackMassAssay }, method: 'ICP-OES' } }],
    lossGrams: remaining - recovery.blackMassGrams,
    processEmissionsGramsCo2e: recovery.shreddingEmissionsGramsCo2e,
  });
  ctx.progress.note(
    `${pack}: collected at ${facilities.collector.name}, handed over to ${facilities.recycler.name}, dismantled and shredded → ` +
      `black mass ${formatMass(recovery.blackMassGrams)} [${lots.flatMap((lot) => lot.claims).join(', ')}]`,
  );
}

/** Suffix of the recycler's post-consumer balancing period of black mass. */
export const blackMassPeriodKey = 'MB-HOB-BM-P1';

const recoveredSalts = [
  { key: recoveredKeys.cobalt, material: 'RECOVERED_COBALT_SULFATE', grams: recovery.recoveredCobaltSulfateGrams, assay: recovery.recoveredCobaltSulfateAssay },
  { key: recoveredKeys.nickel, material: 'RECOVERED_NICKEL_SULFATE', grams: recovery.recoveredNickelSulfateGrams, assay: recovery.recoveredNickelSulfateAssay },
  { key: recoveredKeys.lithium, material: 'RECOVERED_LITHIUM_CARBONATE', grams: recovery.recoveredLithiumCarbonateGrams, assay: recovery.recoveredLithiumCarbonateAssay },
] as const;

/**
 * Hydrometallurgy turns the black mass into recovered metal salts; the black mass it consumes becomes the
 * recycler's post-consumer credit, which it claims on each salt it sells.
 */
export async function refineBlackMass(ctx: ScenarioContext): Promise<void> {
  const run = ctx.input.runId;
  const recycler = ctx.as('recycling').user;
  await recycler.openPeriod({
    id: runScopedId(run, blackMassPeriodKey),
    facilityId: facilityId(ctx.input, 'recycler'),
    material: 'BLACK_MASS',
    claim: 'POST_CONSUMER_RECYCLED',
    startsAt: daysFrom(ctx.startedAt, -30),
    endsAt: daysFrom(ctx.startedAt, 60),
  });
  const outputGrams = recoveredSalts.reduce((sum, o) => sum + o.grams, 0);
  const processRunId = runScopedId(run, 'RUN-HYDROMET-HOB');
  const { run: hydromet } = await recycler.transform({
    id: processRunId,
    facilityId: facilityId(ctx.input, 'recycler'),
    processKind: 'HYDROMETALLURGY',
    inputs: [{ lotId: runScopedId(run, recoveredKeys.blackMass), massGrams: recovery.blackMassGrams }],
    outputs: recoveredSalts.map((o) => ({ id: runScopedId(run, o.key), material: o.material, massGrams: o.grams, assay: { contentBasisPoints: o.assay, method: 'ICP-OES (anhydrous basis)' } })),
    lossGrams: recovery.blackMassGrams - outputGrams,
    processEmissionsGramsCo2e: recovery.hydrometallurgyEmissionsGramsCo2e,
    description: 'Leaching, solvent extraction and crystallisation of black mass',
  });
  ctx.progress.note(`black mass → ${recoveredSalts.map((o) => `${o.material} ${formatMass(o.grams)}`).join(', ')}; ${describeReleasedClaims(hydromet, run).join(', ')}`);
  let debited = 0;
  for (const salt of recoveredSalts) {
    const { movement } = await recycler.claimOnOutput({
      id: runScopedId(run, `MB-CLAIM-${salt.key}`),
      processRunId,
      outputLotId: runScopedId(run, salt.key),
      claim: 'POST_CONSUMER_RECYCLED',
      sourceMaterial: 'BLACK_MASS',
      massGrams: salt.grams,
    });
    debited += movement.massGrams;
  }
  ctx.progress.note(`post-consumer recycled claimed on all ${recoveredSalts.length} salts, debiting ${formatMass(debited)} of black-mass credit`);
}

/** The recycler ships the recovered salts that feed the new cells to the cathode plant. */
export async function shipRecoveredSalts(ctx: ScenarioContext): Promise<void> {
  const shipped = recoveredSalts.filter((salt) => salt.key !== recoveredKeys.nickel || ctx.input.recycledNickelFeed === 'recovered');
  for (const salt of shipped) {
    await ship(ctx, { lotId: runScopedId(ctx.input.runId, salt.key), from: 'recycling', to: 'manufacturing', toFacilityId: facilityId(ctx.input, 'cathodePlant'), declaredGrams: salt.grams, receivedGrams: salt.grams, documents: `waste shipment note ${salt.key}` });
  }
  ctx.progress.note(`${shipped.length} recovered salts received at ${facilities.cathodePlant.name}`);
}

/** The inputs of the second-generation cathode batch as ledger requests: recovered salts as the run feeds them, virgin top-ups. */
export function secondCathodeRequestInputs(ctx: Pick<ScenarioContext, 'input'>): { lotId: string; massGrams: number }[] {
  const inputs = secondCathodeInputs({ recycledCobaltSulfateGrams: ctx.input.recycledCobaltSulfateGrams, recycledNickel: ctx.input.recycledNickelFeed === 'recovered' });
  return inputs.map(({ key, grams }) => ({ lotId: runScopedId(ctx.input.runId, key), massGrams: grams }));
}

/** Cathode synthesis from recovered and virgin salts, then new cells and a new pack whose passport shows recycled content. */
export async function makeSecondGeneration(ctx: ScenarioContext): Promise<void> {
  const run = ctx.input.runId;
  const inputs = secondCathodeRequestInputs(ctx);
  const inputGrams = inputs.reduce((sum, i) => sum + i.massGrams, 0);
  const { run: synthesis } = await ctx.as('manufacturing').user.transform({
    id: runScopedId(run, `RUN-${secondCathodeBatch.key}`),
    facilityId: facilityId(ctx.input, 'cathodePlant'),
    processKind: 'CATHODE_SYNTHESIS',
    inputs,
    outputs: [{ id: runScopedId(run, secondCathodeBatch.key), material: 'CATHODE_NMC', massGrams: secondCathodeBatch.massGrams, assay: { elements: { ...secondCathodeBatch.assay }, method: 'ICP-OES' } }],
    lossGrams: inputGrams - secondCathodeBatch.massGrams,
    processEmissionsGramsCo2e: secondCathodeBatch.processEmissionsGramsCo2e,
    description: 'NMC811 from recovered and virgin salts',
  });
  ctx.progress.note(`NMC811 batch ${formatMass(secondCathodeBatch.massGrams)} from ${formatMass(inputGrams)} of salts, ${formatMass(ctx.input.recycledCobaltSulfateGrams)} of it recovered cobalt sulfate`);
  for (const line of describeReleasedClaims(synthesis, run)) ctx.progress.note(line);
  await shipCathode(ctx, secondCathodeBatch.key, secondCathodeBatch.massGrams);
  await makePacks(ctx, 2, secondCathodeBatch.key, [1]);
  await ctx.as('manufacturing').user.placeOnMarket({ batteryId: batteryIds.pack(run, 2, 1) });
  ctx.progress.note(`${batteryIds.pack(run, 2, 1)}: ${cellsPerPack} cells × ${formatMass(cellSpec.cathodeGrams)} cathode, placed on the market`);
}
