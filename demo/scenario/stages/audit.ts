import { facilities, type FacilityRole } from '../catalogue';
import { daysFrom, documentHash, facilityId, runScopedId, type ScenarioContext } from '../context';
import { certifiedCobaltSulfateClaimGrams } from '../plan';

const AUDITED: readonly FacilityRole[] = ['cobaltMineCertified', 'cobaltRefinery', 'recycler'];

/** The auditor organisation attests the certified mine (IRMA), the refinery (RMI RMAP) and the recycler (UL 2809). */
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
    ctx.progress.note(`${certification.scheme} PASS for ${spec.name} (${spec.country})`);
  }
}

/** The refinery opens the balancing period of its certified-origin cobalt ore account before the ore arrives. */
export async function openCertifiedCobaltPeriod(ctx: ScenarioContext): Promise<void> {
  await ctx.as('mining').user.openPeriod({
    id: runScopedId(ctx.input.runId, 'MB-KOK-CO-ORE-P1'),
    facilityId: facilityId(ctx.input, 'cobaltRefinery'),
    material: 'COBALT_ORE',
    claim: 'CERTIFIED_ORIGIN',
    startsAt: daysFrom(ctx.startedAt, -30),
    endsAt: daysFrom(ctx.startedAt, 60),
  });
  ctx.progress.note(`${facilities.cobaltRefinery.name}: period opened for certified-origin cobalt ore`);
}

/** The refinery claims certified origin on part of its cobalt sulfate, against the ore credit (mass balance). */
export async function claimCertifiedCobalt(ctx: ScenarioContext): Promise<void> {
  await ctx.as('mining').user.claimOnOutput({
    id: runScopedId(ctx.input.runId, 'MB-CLAIM-COSO4-KOK'),
    processRunId: runScopedId(ctx.input.runId, 'RUN-LOT-COSO4-KOK'),
    outputLotId: runScopedId(ctx.input.runId, 'LOT-COSO4-KOK'),
    claim: 'CERTIFIED_ORIGIN',
    sourceMaterial: 'COBALT_ORE',
    massGrams: certifiedCobaltSulfateClaimGrams,
  });
  ctx.progress.note(`${facilities.cobaltRefinery.name}: certified origin claimed on ${certifiedCobaltSulfateClaimGrams / 1000} kg of cobalt sulfate`);
}
