import { ContractError, MANUFACTURING_PROCESS_KINDS, type ConsumedClaim, type CustodyModel, type Draft, type Facility, type MaterialLot, type ProcessRun } from '../api';
import { allocatedIntensity } from './carbon';
import { elementContentOf, requireElementsConserved } from './elements';
import { CUSTODY_STRENGTH, mixedCustodyModel, newLotAt, releasedClaims, takeFromLot, type LotDraft } from './lots';
import { basisPoints, requireDistinct, sumGrams, toMass } from './mass';

/** A transformation request as the process domain needs it (already validated). */
export interface TransformInput {
  readonly id: string;
  readonly processKind: ProcessRun['processKind'];
  readonly inputs: readonly { lotId: string; massGrams: number }[];
  readonly outputs: readonly {
    id: string;
    material: MaterialLot['material'];
    massGrams: number;
    custodyModel?: CustodyModel;
    assay?: MaterialLot['assay'];
  }[];
  readonly lossGrams: number;
  readonly reagentGrams?: number;
  readonly processEmissionsGramsCo2e?: number;
  readonly startedAt?: string;
  readonly completedAt?: string;
  readonly description?: string;
}

/** What a transformation writes. */
export interface TransformPlan {
  /** The run without its claim bookkeeping (`credited`, `lapsed`), which the state layer fills in. */
  readonly run: Omit<Draft<ProcessRun>, 'credited' | 'lapsed'>;
  /** The input lots after the mass taken from each. */
  readonly inputs: MaterialLot[];
  readonly outputs: LotDraft[];
  /** The labels of the consumed input mass: they become credit of the facility (or lapse). */
  readonly released: ConsumedClaim[];
}

function requireConserved(input: TransformInput): number {
  const taken = sumGrams(input.inputs.map((i) => i.massGrams));
  const reagents = BigInt(input.reagentGrams ?? 0);
  const produced = sumGrams(input.outputs.map((o) => o.massGrams)) + BigInt(input.lossGrams);
  if (taken + reagents !== produced) {
    throw new ContractError('MASS_NOT_CONSERVED', `inputs of ${taken} g and reagents of ${reagents} g must equal outputs plus losses of ${produced} g`);
  }
  return toMass(taken, 'the total input');
}

function requireAtFacility(lots: readonly MaterialLot[], facility: Facility): void {
  const elsewhere = lots.find((lot) => lot.custodianFacilityId !== facility.id);
  if (elsewhere !== undefined) {
    throw new ContractError('INVALID_STATE', `lot ${elsewhere.id} is not in the custody of facility ${facility.id}`);
  }
}

function outputModel(requested: CustodyModel | undefined, mixed: CustodyModel, id: string): CustodyModel {
  if (requested !== undefined && CUSTODY_STRENGTH.indexOf(requested) > CUSTODY_STRENGTH.indexOf(mixed)) {
    throw new ContractError('INVALID_ARGUMENT', `output ${id} cannot claim ${requested} custody from ${mixed} inputs`);
  }
  return requested ?? mixed;
}

/** Whether an output would be production scrap: scrap made by a manufacturing process. */
export function isScrapOfManufacturing(material: MaterialLot['material'], processKind: ProcessRun['processKind']): boolean {
  return material === 'SCRAP' && MANUFACTURING_PROCESS_KINDS.includes(processKind);
}

/** What an output lot takes from its run besides its own request. */
interface OutputTerms {
  readonly custodyModel: CustodyModel;
  readonly intensity: number | undefined;
  readonly productionScrap: boolean;
}

function outputLot(output: TransformInput['outputs'][number] & { elementContent: MaterialLot['elementContent'] }, facility: Facility, input: TransformInput, terms: OutputTerms): LotDraft {
  return {
    ...newLotAt(facility, output.id, output.material, output.massGrams),
    custodyModel: terms.custodyModel,
    origin: { kind: 'TRANSFORMED', processRunId: input.id, processKind: input.processKind, productionScrap: terms.productionScrap ? true : undefined },
    parents: input.inputs.map((i) => ({ lotId: i.lotId, massGrams: i.massGrams })),
    assay: output.assay,
    elementContent: output.elementContent,
    carbonIntensityMgPerKg: terms.intensity,
    claims: terms.productionScrap ? ['PRE_CONSUMER_RECYCLED'] : [],
  };
}

/**
 * Plans a transformation at a facility: takes the given mass from each input lot (which the facility must
 * hold), creates the outputs with their yields, and checks that outputs + losses = inputs + untracked reagents
 * exactly and that no element is created (reagents carry none). Outputs carry no claim labels, except production scrap: scrap of a manufacturing process
 * at a facility an auditor attests for pre-consumer recycled material is pre-consumer recycled feedstock by its
 * nature and labelled so. The labels of the consumed inputs are released to the facility's mass-balance
 * accounts, and a claim on an output is booked against them (`massbalance:ClaimOnOutput`). The outputs' carbon
 * intensity is the inputs' emissions plus the run's process emissions over the outputs' mass.
 * @param lots - the input lots, in the order of `input.inputs`
 * @param scrapAttested - whether an auditor attests the facility for `PRE_CONSUMER_RECYCLED`
 * @throws {@link ContractError} `INVALID_ARGUMENT`, `INVALID_STATE`, `INSUFFICIENT_MASS`, `MASS_NOT_CONSERVED` or `ELEMENT_NOT_CONSERVED`
 */
export function planTransform(input: TransformInput, facility: Facility, lots: readonly MaterialLot[], scrapAttested = false): TransformPlan {
  requireDistinct([...input.inputs.map((i) => i.lotId), ...input.outputs.map((o) => o.id)], 'the transformation');
  if (input.startedAt !== undefined && input.completedAt !== undefined && input.startedAt > input.completedAt) {
    throw new ContractError('INVALID_ARGUMENT', 'startedAt must not be after completedAt');
  }
  requireAtFacility(lots, facility);
  const inputMassGrams = requireConserved(input);
  const consumed = lots.map((lot, index) => ({ lot, massGrams: input.inputs[index]?.massGrams ?? 0 }));
  const taken = consumed.map(({ lot, massGrams }) => takeFromLot(lot, massGrams, 'be transformed'));
  const outputContent = input.outputs.map((output) => ({ ...output, elementContent: elementContentOf(output.material, output.assay) }));
  requireElementsConserved(
    consumed.map(({ lot, massGrams }) => ({ elementContent: lot.elementContent, massGrams })),
    outputContent,
    `the outputs of process run ${input.id}`,
  );
  const outputGrams = inputMassGrams + (input.reagentGrams ?? 0) - input.lossGrams;
  const intensity = allocatedIntensity(
    consumed.map(({ lot, massGrams }) => ({ massGrams, intensity: lot.carbonIntensityMgPerKg })),
    input.processEmissionsGramsCo2e ?? 0,
    outputGrams,
  );
  const mixed = mixedCustodyModel(lots.map((lot) => lot.custodyModel));
  const outputs = outputContent.map((output) =>
    outputLot(output, facility, input, { custodyModel: outputModel(output.custodyModel, mixed, output.id), intensity, productionScrap: scrapAttested && isScrapOfManufacturing(output.material, input.processKind) }),
  );
  const run: TransformPlan['run'] = {
    id: input.id,
    ownerMsp: facility.ownerMsp,
    facilityId: facility.id,
    processKind: input.processKind,
    inputs: lots.map((lot, index) => ({ lotId: lot.id, material: lot.material, massGrams: input.inputs[index]?.massGrams ?? 0 })),
    outputs: input.outputs.map((o) => ({ lotId: o.id, material: o.material, massGrams: o.massGrams, yieldBasisPoints: basisPoints(o.massGrams, inputMassGrams + (input.reagentGrams ?? 0)) })),
    inputMassGrams,
    lossGrams: input.lossGrams,
    reagentGrams: input.reagentGrams,
    processEmissionsGramsCo2e: input.processEmissionsGramsCo2e,
    startedAt: input.startedAt,
    completedAt: input.completedAt,
    description: input.description,
  };
  return { run, inputs: taken, outputs, released: releasedClaims(consumed) };
}
