import { ContractError, type CustodyModel, type Draft, type Facility, type MaterialLot, type ProcessRun } from '../api';
import { commonClaims, CUSTODY_STRENGTH, mixedCustodyModel, takeFromLot, type LotDraft } from './lots';
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
    carbonIntensity?: number;
  }[];
  readonly lossGrams: number;
  readonly startedAt?: string;
  readonly completedAt?: string;
  readonly description?: string;
}

/** What a transformation writes. */
export interface TransformPlan {
  readonly run: Draft<ProcessRun>;
  /** The input lots after the mass taken from each. */
  readonly inputs: MaterialLot[];
  readonly outputs: LotDraft[];
}

function requireConserved(input: TransformInput): number {
  const taken = sumGrams(input.inputs.map((i) => i.massGrams));
  const produced = sumGrams(input.outputs.map((o) => o.massGrams)) + BigInt(input.lossGrams);
  if (taken !== produced) {
    throw new ContractError('MASS_NOT_CONSERVED', `inputs of ${taken} g must equal outputs plus losses of ${produced} g`);
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

/**
 * Plans a transformation at a facility: takes the given mass from each input lot (which the facility must
 * hold), creates the outputs with their yields, and checks that outputs + losses = inputs exactly. Outputs
 * inherit the claims all inputs share; mass-balance claims are booked by the mass-balance module.
 * @param lots - the input lots, in the order of `input.inputs`
 * @throws {@link ContractError} `INVALID_ARGUMENT`, `INVALID_STATE`, `INSUFFICIENT_MASS` or `MASS_NOT_CONSERVED`
 */
export function planTransform(input: TransformInput, facility: Facility, lots: readonly MaterialLot[]): TransformPlan {
  requireDistinct([...input.inputs.map((i) => i.lotId), ...input.outputs.map((o) => o.id)], 'the transformation');
  if (input.startedAt !== undefined && input.completedAt !== undefined && input.startedAt > input.completedAt) {
    throw new ContractError('INVALID_ARGUMENT', 'startedAt must not be after completedAt');
  }
  requireAtFacility(lots, facility);
  const inputMassGrams = requireConserved(input);
  const taken = lots.map((lot, index) => takeFromLot(lot, input.inputs[index]?.massGrams ?? 0, 'be transformed'));
  const mixed = mixedCustodyModel(lots.map((lot) => lot.custodyModel));
  const claims = commonClaims(lots.map((lot) => lot.claims));
  const parents = input.inputs.map((i) => ({ lotId: i.lotId, massGrams: i.massGrams }));
  const outputs: LotDraft[] = input.outputs.map((output) => ({
    id: output.id,
    ownerMsp: facility.ownerMsp,
    material: output.material,
    massGrams: output.massGrams,
    initialMassGrams: output.massGrams,
    custodianFacilityId: facility.id,
    status: 'ACTIVE',
    custodyModel: outputModel(output.custodyModel, mixed, output.id),
    origin: { kind: 'TRANSFORMED', processRunId: input.id },
    parents,
    assay: output.assay,
    carbonIntensity: output.carbonIntensity,
    claims: [...claims],
  }));
  const run: Draft<ProcessRun> = {
    id: input.id,
    ownerMsp: facility.ownerMsp,
    facilityId: facility.id,
    processKind: input.processKind,
    inputs: lots.map((lot, index) => ({ lotId: lot.id, material: lot.material, massGrams: input.inputs[index]?.massGrams ?? 0 })),
    outputs: input.outputs.map((o) => ({ lotId: o.id, material: o.material, massGrams: o.massGrams, yieldBasisPoints: basisPoints(o.massGrams, inputMassGrams) })),
    inputMassGrams,
    lossGrams: input.lossGrams,
    startedAt: input.startedAt,
    completedAt: input.completedAt,
    description: input.description,
  };
  return { run, inputs: taken, outputs };
}
