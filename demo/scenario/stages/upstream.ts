import type { ProcessRun } from '../../../chaincode/src/api';
import { claimLabel, formatMass } from '../../report/format';
import { facilities } from '../catalogue';
import { daysFrom, facilityId, runScopedId, type ScenarioContext } from '../context';
import { certifiedCobaltBacking, certifiedCobaltSulfateKey, firstCathodeBatch, firstCathodeInputs, minedLots, refinedLots } from '../plan';
import { ship } from './shipping';

/** Each mine mints the lot it extracted, with assay, carbon intensity and (where attested) its claim. */
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

/** What a run did with its inputs' claim labels, for progress output. */
export function describeReleasedClaims(run: Pick<ProcessRun, 'credited' | 'lapsed'>, prefix: string): string[] {
  const line = (verb: string, entries: ProcessRun['credited']): string[] =>
    entries.map((entry) => `${verb} ${formatMass(entry.massGrams)} ${claimLabel(entry.claim)} (${entry.lotId.slice(prefix.length + 1)})`);
  return [...line('credited', run.credited), ...line('lapsed', run.lapsed)];
}

/** The refineries turn ore, concentrate and brine into battery-grade salts, declaring their process emissions. */
export async function refine(ctx: ScenarioContext): Promise<void> {
  for (const product of refinedLots) {
    const inputs = product.from.map((key) => {
      const mined = minedLots.find((m) => m.key === key);
      if (mined === undefined) throw new RangeError(`plan: refined lot ${product.key} names unknown mined lot ${key}`);
      return { lotId: runScopedId(ctx.input.runId, key), massGrams: mined.receivedGrams };
    });
    const inputGrams = inputs.reduce((sum, i) => sum + i.massGrams, 0);
    const { run, outputs } = await ctx.as('mining').user.transform({
      id: runScopedId(ctx.input.runId, `RUN-${product.key}`),
      facilityId: facilityId(ctx.input, product.refinery),
      processKind: 'REFINING',
      inputs,
      outputs: [{ id: runScopedId(ctx.input.runId, product.key), material: product.material, massGrams: product.massGrams, assay: { contentBasisPoints: product.assayBasisPoints, method: 'ICP-OES' } }],
      lossGrams: inputGrams - product.massGrams,
      processEmissionsGramsCo2e: product.processEmissionsGramsCo2e,
      description: `${facilities[product.refinery].name}: ${product.material} from ${product.from.join(', ')}`,
    });
    const intensity = outputs[0]?.carbonIntensityMgPerKg;
    const claims = describeReleasedClaims(run, ctx.input.runId);
    ctx.progress.note(
      `${facilities[product.refinery].name}: ${formatMass(inputGrams)} → ${product.material} ${formatMass(product.massGrams)}` +
        `${intensity === undefined ? '' : `, ${(intensity / 1_000_000).toFixed(2)} kg CO2e/kg`}${claims.length > 0 ? `; ${claims.join(', ')}` : ''}`,
    );
  }
}

/** The refineries ship their salts, the certified-origin part of the cobalt sulfate included, to the cathode plant. */
export async function shipToCathodePlant(ctx: ScenarioContext): Promise<void> {
  const claimed = { key: certifiedCobaltSulfateKey, grams: 0 };
  for (const product of refinedLots) {
    const parts = product.key === 'LOT-COSO4-KOK' ? cobaltSulfateParts(product.massGrams) : [{ key: product.key, grams: product.massGrams, received: product.receivedAtCathodePlantGrams }];
    for (const part of parts) {
      await ship(ctx, {
        lotId: runScopedId(ctx.input.runId, part.key),
        from: 'mining',
        to: 'manufacturing',
        toFacilityId: facilityId(ctx.input, 'cathodePlant'),
        declaredGrams: part.grams,
        receivedGrams: part.received,
        documents: `CMR consignment note ${part.key}`,
      });
      if (part.key === claimed.key) claimed.grams = part.grams;
    }
  }
  ctx.progress.note(`${refinedLots.length + 1} salt lots received at ${facilities.cathodePlant.name}, ${formatMass(claimed.grams)} of cobalt sulfate labelled certified origin`);
}

function cobaltSulfateParts(totalGrams: number): { key: string; grams: number; received: number }[] {
  const claimed = certifiedCobaltBacking().claimGrams;
  return [
    { key: certifiedCobaltSulfateKey, grams: claimed, received: claimed },
    { key: 'LOT-COSO4-KOK', grams: totalGrams - claimed, received: totalGrams - claimed },
  ];
}

/** The cathode plant synthesises the first NMC811 batch; the certified-origin sulfate it consumes becomes its credit. */
export async function synthesiseFirstCathode(ctx: ScenarioContext): Promise<void> {
  const inputs = firstCathodeInputs().map(({ key, grams }) => ({ lotId: runScopedId(ctx.input.runId, key), massGrams: grams }));
  const inputGrams = inputs.reduce((sum, i) => sum + i.massGrams, 0);
  const { run, outputs } = await ctx.as('manufacturing').user.transform({
    id: runScopedId(ctx.input.runId, `RUN-${firstCathodeBatch.key}`),
    facilityId: facilityId(ctx.input, 'cathodePlant'),
    processKind: 'CATHODE_SYNTHESIS',
    inputs,
    outputs: [{ id: runScopedId(ctx.input.runId, firstCathodeBatch.key), material: 'CATHODE_NMC', massGrams: firstCathodeBatch.massGrams, assay: { elements: { ...firstCathodeBatch.assay }, method: 'ICP-OES' } }],
    lossGrams: inputGrams - firstCathodeBatch.massGrams,
    processEmissionsGramsCo2e: firstCathodeBatch.processEmissionsGramsCo2e,
    description: 'Co-precipitation of NMC811 precursor and lithiation (calcination)',
  });
  ctx.progress.note(`NMC811 batch ${formatMass(firstCathodeBatch.massGrams)} from ${formatMass(inputGrams)} of salts, ${((outputs[0]?.carbonIntensityMgPerKg ?? 0) / 1_000_000).toFixed(2)} kg CO2e/kg`);
  for (const line of describeReleasedClaims(run, ctx.input.runId)) ctx.progress.note(line);
}
