import type { OrgKey, RegisterFacilityRequest } from '../../../chaincode/src/api';
import { facilities, type FacilitySpec } from '../catalogue';
import { daysFrom, facilityId, type ScenarioContext } from '../context';
import type { FacilityRole } from '../catalogue';

/** The registration request of a facility of the story. */
export function registerFacilityRequest(ctx: Pick<ScenarioContext, 'input' | 'startedAt'>, role: FacilityRole): RegisterFacilityRequest {
  const spec: FacilitySpec = facilities[role];
  const certification = spec.certification;
  return {
    id: facilityId(ctx.input, role),
    kind: spec.kind,
    name: spec.name,
    country: spec.country,
    geolocation: { latitudeE6: Math.round(spec.latitude * 1e6), longitudeE6: Math.round(spec.longitude * 1e6) },
    certifications:
      certification === undefined
        ? []
        : [
            {
              scheme: certification.scheme,
              certificateId: certification.certificateId,
              scope: certification.scope,
              claims: [...certification.claims],
              validFrom: daysFrom(ctx.startedAt, -365),
              validUntil: daysFrom(ctx.startedAt, 365),
            },
          ],
  };
}

/** Each organisation's admin registers the facilities it owns. */
export async function registerFacilities(ctx: ScenarioContext): Promise<void> {
  const byOrg = new Map<OrgKey, FacilityRole[]>();
  for (const role of Object.keys(facilities) as FacilityRole[]) {
    const org = facilities[role].org;
    byOrg.set(org, [...(byOrg.get(org) ?? []), role]);
  }
  for (const [org, roles] of byOrg) {
    for (const role of roles) {
      await ctx.as(org).admin.registerFacility(registerFacilityRequest(ctx, role));
    }
    ctx.progress.note(`${org}: ${roles.map((r) => `${facilities[r].name} (${facilities[r].country})`).join(', ')}`);
  }
}
