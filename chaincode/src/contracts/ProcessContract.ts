import { Context, Info, Returns, Transaction } from 'fabric-contract-api';
import { BatteryTraceContract } from './BatteryTraceContract';
import { byIdRequestSchema, CONTRACTS, PROCESS_TRANSACTIONS as TX, qualifiedName, transformRequestSchema, type MaterialLot, type ProcessRun, type TransformResult } from '../api';
import { isScrapOfManufacturing, planTransform } from '../domain/process';
import { createLot, creditReleased, evaluate, FACILITY, isCertified, linkProvenance, MATERIAL_LOT, PROCESS_RUN, requireOrg, saveLot, submit, type Ledger } from '../state';

const name = (transaction: string): string => qualifiedName(CONTRACTS.process, transaction);

async function linkRun(ledger: Ledger, run: ProcessRun): Promise<void> {
  const owners = [run.ownerMsp];
  for (const input of run.inputs) {
    await linkProvenance(ledger, { parentType: MATERIAL_LOT.name, parentId: input.lotId, childType: PROCESS_RUN.name, childId: run.id, massGrams: input.massGrams, processRunId: run.id }, owners);
  }
  for (const output of run.outputs) {
    await linkProvenance(ledger, { parentType: PROCESS_RUN.name, parentId: run.id, childType: MATERIAL_LOT.name, childId: output.lotId, massGrams: output.massGrams, processRunId: run.id }, owners);
  }
}

/**
 * Transformations (refining, synthesis, cell making, dismantling, recycling): input lots and the mass taken from
 * each become output lots plus recorded losses, at one facility, with provenance links lot → run → lot. Mass
 * and every element are conserved; emissions flow from inputs to outputs; the inputs' claim labels become
 * credit of the facility's mass-balance accounts (or lapse where no auditor attests the facility for them).
 */
@Info({ title: 'process', description: 'Transformations of material lots' })
export class ProcessContract extends BatteryTraceContract {
  constructor() {
    super(CONTRACTS.process);
  }

  /** Records a transformation at a facility of the caller's organisation that holds every input lot. */
  @Transaction()
  @Returns('TransformResult')
  public Transform(ctx: Context, request: string): Promise<TransformResult> {
    return submit(ctx, name(TX.Transform), transformRequestSchema, request, async ({ ledger, caller }, req) => {
      const facility = await ledger.require(FACILITY, req.facilityId);
      requireOrg(caller, [facility.ownerMsp], `transform material at facility ${facility.id}`);
      const lots: MaterialLot[] = [];
      for (const input of req.inputs) {
        lots.push(await ledger.require(MATERIAL_LOT, input.lotId));
      }
      const makesScrap = req.outputs.some((output) => isScrapOfManufacturing(output.material, req.processKind));
      const scrapAttested = makesScrap && (await isCertified(ledger, facility, ['PRE_CONSUMER_RECYCLED']));
      const plan = planTransform(req, facility, lots, scrapAttested);
      const materials = new Map(lots.map((lot) => [lot.id, lot.material]));
      const claims = await creditReleased(ledger, facility, plan.released, { type: 'ProcessRun', id: plan.run.id }, materials);
      const run = await ledger.create(PROCESS_RUN, { ...plan.run, ...claims });
      const inputs: MaterialLot[] = [];
      for (const lot of plan.inputs) {
        inputs.push(await saveLot(ledger, lot));
      }
      const outputs: MaterialLot[] = [];
      for (const output of plan.outputs) {
        outputs.push(await createLot(ledger, output));
      }
      await linkRun(ledger, run);
      return { run, inputs, outputs };
    });
  }

  /** Reads a process run. */
  @Transaction(false)
  @Returns('ProcessRun')
  public GetProcessRun(ctx: Context, request: string): Promise<ProcessRun> {
    return evaluate(ctx, name(TX.GetProcessRun), byIdRequestSchema, request, ({ ledger }, req) => ledger.require(PROCESS_RUN, req.id));
  }
}
