import type { HandoverKind, OrgKey } from '../../../chaincode/src/api';
import { facilities, type FacilityRole } from '../catalogue';
import { facilityId, runScopedId, type ScenarioContext } from '../context';

/** One battery handover between facilities, as the two organisations see it. */
export interface Handover {
  readonly batteryId: string;
  /** The holder's organisation, which proposes. */
  readonly from: OrgKey;
  /** The receiving facility; its organisation accepts. */
  readonly to: FacilityRole;
  readonly kind: HandoverKind;
}

/**
 * Hands a battery over: the holder's organisation proposes it to the facility, the receiving organisation
 * accepts it (ownership, or a collection at end of use).
 * @returns the handover id
 */
export async function handOver(ctx: ScenarioContext, handover: Handover): Promise<string> {
  const id = runScopedId(ctx.input.runId, `HND-${handover.batteryId.slice(ctx.input.runId.length + 1)}-${facilities[handover.to].key}`);
  await ctx.as(handover.from).user.proposeHandover({ id, batteryId: handover.batteryId, toFacilityId: facilityId(ctx.input, handover.to), kind: handover.kind });
  await ctx.as(facilities[handover.to].org).user.acceptHandover({ handoverId: id });
  return id;
}
