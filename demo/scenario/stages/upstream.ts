import { facilities } from '../catalogue';
import { daysFrom, facilityId, runScopedId, type ScenarioContext } from '../context';
import { formatMass } from '../../report/format';
import { firstCathodeBatch, firstCathodeBatchInputs, minedLots, refinedLots } from '../plan';
import { ship } from './shipping';

/** Each mine mints the lot it extracted, with assay, carbon intensity and (where certified) its claim. */
export async function mineMaterial(ctx: ScenarioContext): Promise<void> {
  for (const lot of minedLots) {
    await ctx.as('mining').user.mintLot({
      id: runScopedId(ctx.input.runId, lot.key),
      facilityId: facilityId(ctx.input, lot.site),
      material: lot.material,
      massGrams: lot.massGrams,
      custodyModel: lot.claims.length > 0 ? 'MASS_BALANCE' : 'SEGREGATED',
      assay: { contentBasisPoints: lot.assayBasisPoints, method: 'XRF' },
      carbonIntensity: lot.carbonIntensity,
      extractedFrom: daysFrom(ctx.startedAt, -lot.extractedDaysAgo),
      extractedUntil: daysFrom(ctx.startedAt, -lot.extractedDaysAgo + 14),
      claims: [...lot.claims],
    });
    const site = facilities[lot.site];
    ctx.progress.note(`${site.name} (${site.country}): ${lot.material} ${formatMass(lot.massGrams)}${lot.claims.length > 0 ? ` [${lot.claims.join(', ')}]` : ''}`);
  }
}

/** Mines ship their lots to the refineries, which weigh them on receipt. */
export async function shipToRefineries(ctx: ScenarioContext): Promise<void> {
  for (const lot of minedLots) {
    await ship(ctx, {
      lotId: runScopedId(ctx.input.runId, lot.key),
      from: 'mining',
      to: 'mining',
      toFacilityId: facilityId(ctx.input, lot.refinery),
      declaredGrams: lot.massGrams,
      receivedGrams: lot.receivedGrams,
      documents: `bill of lading ${lot.key}`,
    });
    ctx.progress.note(`${lot.key} → ${facilities[lot.refinery].name}: declared ${formatMass(lot.massGrams)}, weighed ${formatMass(lot.receivedGrams)}`);
  }
}

/** The refineries turn ore, concentrate and brine into battery-grade salts. */
export async function refine(ctx: ScenarioContext): Promise<void> {
  for (const product of refinedLots) {
    const inputs = product.from.map((key) => {
      const mined = minedLots.find((m) => m.key === key);
      if (mined === undefined) throw new RangeError(`plan: refined lot ${product.key} names unknown mined lot ${key}`);
      return { lotId: runScopedId(ctx.input.runId, key), massGrams: mined.receivedGrams };
    });
    const inputGrams = inputs.reduce((sum, i) => sum + i.massGrams, 0);
    await ctx.as('mining').user.transform({
      id: runScopedId(ctx.input.runId, `RUN-${product.key}`),
      facilityId: facilityId(ctx.input, product.refinery),
      processKind: 'REFINING',
      inputs,
      outputs: [
        {
          id: runScopedId(ctx.input.runId, product.key),
          material: product.material,
          massGrams: product.massGrams,
          assay: { contentBasisPoints: product.assayBasisPoints, method: 'ICP-OES' },
          carbonIntensity: product.carbonIntensity,
        },
      ],
      lossGrams: inputGrams - product.massGrams,
      description: `${facilities[product.refinery].name}: ${product.material} from ${product.from.join(', ')}`,
    });
    ctx.progress.note(`${facilities[product.refinery].name}: ${formatMass(inputGrams)} → ${product.material} ${formatMass(product.massGrams)}`);
  }
}

/** The refineries ship their salts to the cathode plant. */
export async function shipToCathodePlant(ctx: ScenarioContext): Promise<void> {
  for (const product of refinedLots) {
    await ship(ctx, {
      lotId: runScopedId(ctx.input.runId, product.key),
      from: 'mining',
      to: 'manufacturing',
      toFacilityId: facilityId(ctx.input, 'cathodePlant'),
      declaredGrams: product.massGrams,
      receivedGrams: product.receivedAtCathodePlantGrams,
      documents: `CMR consignment note ${product.key}`,
    });
  }
  ctx.progress.note(`${refinedLots.length} salts received at ${facilities.cathodePlant.name}`);
}

/** The cathode plant synthesises the first NMC811 batch from part of each salt. */
export async function synthesiseFirstCathode(ctx: ScenarioContext): Promise<void> {
  const inputs = Object.entries(firstCathodeBatchInputs).map(([key, massGrams]) => ({ lotId: runScopedId(ctx.input.runId, key), massGrams }));
  const inputGrams = inputs.reduce((sum, i) => sum + i.massGrams, 0);
  await ctx.as('manufacturing').user.transform({
    id: runScopedId(ctx.input.runId, `RUN-${firstCathodeBatch.key}`),
    facilityId: facilityId(ctx.input, 'cathodePlant'),
    processKind: 'CATHODE_SYNTHESIS',
    inputs,
    outputs: [
      {
        id: runScopedId(ctx.input.runId, firstCathodeBatch.key),
        material: 'CATHODE_NMC',
        massGrams: firstCathodeBatch.massGrams,
        assay: { contentBasisPoints: firstCathodeBatch.assayBasisPoints, method: 'ICP-OES (Ni)' },
        carbonIntensity: firstCathodeBatch.carbonIntensity,
      },
    ],
    lossGrams: inputGrams - firstCathodeBatch.massGrams,
    description: 'Co-precipitation of NMC811 precursor and lithiation (calcination)',
  });
  ctx.progress.note(`NMC811 batch ${formatMass(firstCathodeBatch.massGrams)} from ${formatMass(inputGrams)} of salts`);
}
