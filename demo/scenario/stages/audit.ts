import { formatMass } from '../../report/format';
import { facilities, type FacilityRole } from '../catalogue';
import { daysFrom, documentHash, facilityId, runScopedId, type ScenarioContext } from '../context';
import { certifiedCobaltBacking, certifiedCobaltSulfateKey } from '../plan';

/** Facilities whose claims the auditor attests: only attested claims count on the ledger. */
const AUDITED = (Object.keys(facilities) as FacilityRole[]).filter((role) => 'certification' in facilities[role]);

/**
 * The auditor organisation attests every certified facility for the claims its certificate covers: the mine
 * (IRMA), the refinery (RMI RMAP), the cathode plant (ISO 22095 chain of custody) and the recycler (UL 2809).
 */
export async function attestCertifications(ctx: ScenarioContext): Promise<void> {
  for (const role of AUDITED) {
    const spec = facilities[role];
    const certification = 'certification' in spec ? spec.certification : undefined;
    if (certification === undefined) continue;
    await ctx.as('audit').user.attest({
      id: runScopedId(ctx.input.runId, `ATT-${spec.key}`),
      scheme: certification.scheme,
      scope: certification.scope,
      subject: { type: 'Facility', id: facilityId(ctx.input, role) },
      result: 'PASS',
      validFrom: daysFrom(ctx.startedAt, -200),
      validUntil: daysFrom(ctx.startedAt, 530),
      evidenceHash: documentHash(`${certification.certificateId} audit report`),
      claims: [...certification.claims],
    });
    ctx.progress.note(`${certification.scheme} PASS for ${spec.name} (${spec.country}): ${certification.claims.join(', ')}`);
  }
}

/** Suffix of the refinery's certified-origin balancing period. */
export const certifiedCobaltPeriodKey = 'MB-KOK-CO-ORE-P1';

/** The refinery opens the balancing period of its certified-origin cobalt ore account before the ore arrives. */
export async function openCertifiedCobaltPeriod(ctx: ScenarioContext): Promise<void> {
  await ctx.as('mining').user.openPeriod({
    id: runScopedId(ctx.input.runId, certifiedCobaltPeriodKey),
    facilityId: facilityId(ctx.input, 'cobaltRefinery'),
    material: 'COBALT_ORE',
    claim: 'CERTIFIED_ORIGIN',
    startsAt: daysFrom(ctx.startedAt, -30),
    endsAt: daysFrom(ctx.startedAt, 60),
  });
  ctx.progress.note(`${facilities.cobaltRefinery.name}: period opened for certified-origin cobalt ore`);
}

/**
 * The refinery claims certified origin on the part of its cobalt sulfate that the certified ore backs by its
 * cobalt content, split off into a lot of its own, debiting the ore credited when the run consumed it.
 */
export async function claimCertifiedCobalt(ctx: ScenarioContext): Promise<void> {
  const backing = certifiedCobaltBacking();
  const { movement, lot } = await ctx.as('mining').user.claimOnOutput({
    id: runScopedId(ctx.input.runId, 'MB-CLAIM-COSO4-KOK'),
    processRunId: runScopedId(ctx.input.runId, 'RUN-LOT-COSO4-KOK'),
    outputLotId: runScopedId(ctx.input.runId, 'LOT-COSO4-KOK'),
    claimedLotId: runScopedId(ctx.input.runId, certifiedCobaltSulfateKey),
    claim: 'CERTIFIED_ORIGIN',
    sourceMaterial: 'COBALT_ORE',
    massGrams: backing.claimGrams,
    conversion: backing.cobaltFactor,
  });
  const yieldText = `${formatMass(backing.runYield.outputGrams)} of sulfate from ${formatMass(backing.runYield.inputGrams)} of ore`;
  ctx.progress.note(
    `${facilities.cobaltRefinery.name}: ${formatMass(backing.creditGrams)} of certified ore credited; the run's yield (${yieldText}) would let it back ` +
      `${formatMass(backing.byMassGrams)} of sulfate, but by cobalt content it backs ${formatMass(backing.claimGrams)}`,
  );
  ctx.progress.note(`certified origin claimed on ${formatMass(lot.massGrams)} split off as ${lot.id}, debiting ${formatMass(movement.massGrams)} of ore credit`);
}
