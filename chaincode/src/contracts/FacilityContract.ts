import { Context, Info, Returns, Transaction } from 'fabric-contract-api';
import { BatteryTraceContract } from './BatteryTraceContract';
import {
  byIdRequestSchema,
  CONTRACTS,
  FACILITY_TRANSACTIONS as TX,
  listFacilitiesByOrgRequestSchema,
  qualifiedName,
  registerFacilityRequestSchema,
  updateCertificationsRequestSchema,
  type Facility,
  type Page,
} from '../api';
import { newFacility } from '../domain/facilities';
import { evaluate, FACILITY, facilitiesByOrgPrefix, facilityByOrgKey, requireOrgAdmin, submit } from '../state';
import { z } from 'zod';

const name = (transaction: string): string => qualifiedName(CONTRACTS.facility, transaction);
const indexValueSchema = z.object({}).strict();

/**
 * Facilities (mines, refineries, plants, recyclers): an organisation's admin registers the facilities it owns
 * and keeps their declared certifications current (informational: claims count only on an auditor's
 * attestation); anyone reads them.
 */
@Info({ title: 'facility', description: 'Facilities of the battery value chain' })
export class FacilityContract extends BatteryTraceContract {
  constructor() {
    super(CONTRACTS.facility);
  }

  /** Registers a facility owned by the caller's organisation (admins only). */
  @Transaction()
  @Returns('Facility')
  public RegisterFacility(ctx: Context, request: string): Promise<Facility> {
    return submit(ctx, name(TX.RegisterFacility), registerFacilityRequestSchema, request, async ({ ledger, caller }, req) => {
      requireOrgAdmin(caller, caller.mspId, 'register facilities');
      const facility = await ledger.create(FACILITY, newFacility(req, caller.mspId));
      await ledger.putEntry(facilityByOrgKey(facility.ownerMsp, facility.id), [facility.ownerMsp]);
      return facility;
    });
  }

  /** Reads a facility. */
  @Transaction(false)
  @Returns('Facility')
  public GetFacility(ctx: Context, request: string): Promise<Facility> {
    return evaluate(ctx, name(TX.GetFacility), byIdRequestSchema, request, ({ ledger }, req) => ledger.require(FACILITY, req.id));
  }

  /** Lists the facilities an organisation owns, one page at a time. */
  @Transaction(false)
  @Returns('FacilityPage')
  public ListFacilitiesByOrg(ctx: Context, request: string): Promise<Page<Facility>> {
    return evaluate(ctx, name(TX.ListFacilitiesByOrg), listFacilitiesByOrgRequestSchema, request, async ({ ledger }, req) => {
      const page = await ledger.entriesPage(facilitiesByOrgPrefix(req.ownerMsp), indexValueSchema, req.pageSize, req.bookmark);
      const items = await Promise.all(page.entries.map(({ attributes }) => ledger.require(FACILITY, attributes[0] ?? '')));
      return { items, bookmark: page.bookmark };
    });
  }

  /** Replaces a facility's certifications (admins of its owner organisation only). */
  @Transaction()
  @Returns('Facility')
  public UpdateCertifications(ctx: Context, request: string): Promise<Facility> {
    return submit(ctx, name(TX.UpdateCertifications), updateCertificationsRequestSchema, request, async ({ ledger, caller }, req) => {
      const facility = await ledger.require(FACILITY, req.id);
      requireOrgAdmin(caller, facility.ownerMsp, `update the certifications of facility ${facility.id}`);
      return ledger.update(FACILITY, { ...facility, certifications: req.certifications });
    });
  }
}
