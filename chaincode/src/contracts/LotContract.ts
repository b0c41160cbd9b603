import { Context, Info, Returns, Transaction } from 'fabric-contract-api';
import { BatteryTraceContract } from './BatteryTraceContract';
import { z } from 'zod';
import {
  byIdRequestSchema,
  CONTRACTS,
  listLotsByFacilityRequestSchema,
  LOT_TRANSACTIONS as TX,
  mergeLotsRequestSchema,
  mintLotRequestSchema,
  qualifiedName,
  splitLotRequestSchema,
  traceRequestSchema,
  type MaterialLot,
  type MergeResult,
  type Page,
  type RecordHistory,
  type SplitResult,
  type TraceResult,
} from '../api';
import { mintedLot, planMerge, planSplit, requireCustodianOrg } from '../domain/lots';
import {
  createDerivedLot,
  createLot,
  creditReleased,
  evaluate,
  FACILITY,
  lotsByFacilityPrefix,
  MATERIAL_LOT,
  requireCertification,
  requireOrg,
  saveLot,
  submit,
  traceProvenance,
  type Ledger,
  type TraceDirection,
} from '../state';

const name = (transaction: string): string => qualifiedName(CONTRACTS.lot, transaction);
const indexValueSchema = z.object({}).strict();

async function requireLots(ledger: Ledger, ids: readonly string[]): Promise<MaterialLot[]> {
  const lots: MaterialLot[] = [];
  for (const id of ids) {
    lots.push(await ledger.require(MATERIAL_LOT, id));
  }
  return lots;
}

function trace(ctx: Context, transaction: string, direction: TraceDirection, request: string): Promise<TraceResult> {
  return evaluate(ctx, name(transaction), traceRequestSchema, request, async ({ ledger }, req) => {
    if (req.type === MATERIAL_LOT.name) {
      await ledger.require(MATERIAL_LOT, req.id);
    }
    return traceProvenance(ledger, { direction, root: { type: req.type, id: req.id }, maxDepth: req.maxDepth, pageSize: req.pageSize, bookmark: req.bookmark });
  });
}

/**
 * Material lots: minting at a mine, split, merge, history, the lots a facility holds, and provenance
 * traces upstream (where did it come from) and downstream (where did it go).
 */
@Info({ title: 'lot', description: 'Material lots and provenance' })
export class LotContract extends BatteryTraceContract {
  constructor() {
    super(CONTRACTS.lot);
  }

  /**
   * Mints a lot of extracted material at a mine or concentrator of the caller's organisation; claims of origin
   * need an auditor's attestation of the facility in force.
   */
  @Transaction()
  @Returns('MaterialLot')
  public MintLot(ctx: Context, request: string): Promise<MaterialLot> {
    return submit(ctx, name(TX.MintLot), mintLotRequestSchema, request, async ({ ledger, caller }, req) => {
      const facility = await ledger.require(FACILITY, req.facilityId);
      requireOrg(caller, [facility.ownerMsp], `mint lots at facility ${facility.id}`);
      const draft = mintedLot(req, facility);
      await requireCertification(ledger, facility, draft.claims, `mint lot ${req.id} with claims`);
      return createLot(ledger, draft);
    });
  }

  /** Reads a lot. */
  @Transaction(false)
  @Returns('MaterialLot')
  public GetLot(ctx: Context, request: string): Promise<MaterialLot> {
    return evaluate(ctx, name(TX.GetLot), byIdRequestSchema, request, ({ ledger }, req) => ledger.require(MATERIAL_LOT, req.id));
  }

  /** Reads every version of a lot, oldest first, with the hashes that chain them. */
  @Transaction(false)
  @Returns('MaterialLotHistory')
  public GetLotHistory(ctx: Context, request: string): Promise<RecordHistory<MaterialLot>> {
    return evaluate(ctx, name(TX.GetLotHistory), byIdRequestSchema, request, async ({ ledger }, req) => {
      await ledger.require(MATERIAL_LOT, req.id);
      return ledger.history(MATERIAL_LOT, req.id);
    });
  }

  /** Splits child lots off a lot (the custodian's organisation only); the remainder stays in the parent. */
  @Transaction()
  @Returns('SplitResult')
  public SplitLot(ctx: Context, request: string): Promise<SplitResult> {
    return submit(ctx, name(TX.SplitLot), splitLotRequestSchema, request, async ({ ledger, caller }, req) => {
      const parent = await ledger.require(MATERIAL_LOT, req.lotId);
      requireCustodianOrg(parent, caller.mspId, 'split it');
      const plan = planSplit(parent, req.children);
      const saved = await saveLot(ledger, plan.parent);
      const children: MaterialLot[] = [];
      for (const child of plan.children) {
        children.push(await createDerivedLot(ledger, child));
      }
      return { parent: saved, children };
    });
  }

  /**
   * Merges whole lots of one material held at one facility into a new lot (the custodian's organisation only).
   * Labels all inputs share stay on the merged lot; the others become credit of the facility's accounts.
   */
  @Transaction()
  @Returns('MergeResult')
  public MergeLots(ctx: Context, request: string): Promise<MergeResult> {
    return submit(ctx, name(TX.MergeLots), mergeLotsRequestSchema, request, async ({ ledger, caller }, req) => {
      const lots = await requireLots(ledger, req.lotIds);
      lots.forEach((lot) => {
        requireCustodianOrg(lot, caller.mspId, 'merge it');
      });
      const plan = planMerge(req.id, lots);
      const inputs: MaterialLot[] = [];
      for (const input of plan.inputs) {
        inputs.push(await saveLot(ledger, input));
      }
      const lot = await createDerivedLot(ledger, plan.merged);
      const facility = await ledger.require(FACILITY, lot.custodianFacilityId);
      const materials = new Map(lots.map((input) => [input.id, input.material]));
      await creditReleased(ledger, facility, plan.released, { type: 'MaterialLot', id: lot.id }, materials);
      return { lot, inputs };
    });
  }

  /** Lists the active and in-transit lots a facility holds, one page at a time. */
  @Transaction(false)
  @Returns('MaterialLotPage')
  public ListLotsByFacility(ctx: Context, request: string): Promise<Page<MaterialLot>> {
    return evaluate(ctx, name(TX.ListLotsByFacility), listLotsByFacilityRequestSchema, request, async ({ ledger }, req) => {
      const page = await ledger.entriesPage(lotsByFacilityPrefix(req.facilityId), indexValueSchema, req.pageSize, req.bookmark);
      return { items: await requireLots(ledger, page.entries.map(({ attributes }) => attributes[0] ?? '')), bookmark: page.bookmark };
    });
  }

  /** Walks provenance links upstream from a lot (or another record): where did its material come from. */
  @Transaction(false)
  @Returns('TraceResult')
  public TraceUpstream(ctx: Context, request: string): Promise<TraceResult> {
    return trace(ctx, TX.TraceUpstream, 'UPSTREAM', request);
  }

  /** Walks provenance links downstream from a lot: every lot, run and battery it fed. */
  @Transaction(false)
  @Returns('TraceResult')
  public TraceDownstream(ctx: Context, request: string): Promise<TraceResult> {
    return trace(ctx, TX.TraceDownstream, 'DOWNSTREAM', request);
  }
}
