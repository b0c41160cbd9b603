import { CONTRACTS, PROCESS_TRANSACTIONS, qualifiedName } from '../../../chaincode/src/api/transactions';
import type { Material, ProcessKind } from '../../../chaincode/src/api/enums';
import type { TransformRequest } from '../../../chaincode/src/api/requests';
import type { Workload } from '../driver/Workload';
import type { TxRequest } from '../fabric/transaction';
import type { BenchContext } from '../suites/context';
import { jsonRequest, LOT_MASS_GRAMS, mintLots, type Facility, type MintedMaterial } from './fixtures';

/**
 * The process a benchmark transformation runs: inputs of one material (as minted), outputs of another at the
 * output material's reference composition, which must hold no more of any element than the inputs: the
 * chaincode refuses transformations that create element mass.
 */
export interface ProcessRecipe {
  readonly kind: ProcessKind;
  readonly input: MintedMaterial;
  readonly output: Material;
}

/**
 * Concentration of ore into hydroxide, which a mining facility may run on lots it minted. The ore is hand-sorted
 * heterogenite at 40 % cobalt, so that the hydroxide (35 % cobalt) made from it at 90 % yield, and again from
 * hydroxide in the upper levels of a provenance tree, holds less cobalt than its inputs.
 */
export const concentration: ProcessRecipe = { kind: 'CONCENTRATION', input: { material: 'COBALT_ORE', assayBasisPoints: 4_000 }, output: 'COBALT_HYDROXIDE' };

/** Process losses of every benchmark transformation: 10 % of the input mass. */
const LOSS_SHARE = 0.1;

/** One input of a transformation: a whole lot and its mass. */
export interface TransformInput {
  readonly lotId: string;
  readonly massGrams: number;
}

/**
 * A `process:Transform` request consuming `inputs` (whole lots) into `outputCount` new lots of equal mass, with
 * 10 % loss; mass is conserved exactly (the first output takes the remainder).
 * @returns the request, the ids of the output lots and the mass of the first output
 */
export function transformRequest(
  context: BenchContext,
  facility: Facility,
  recipe: ProcessRecipe,
  inputs: readonly TransformInput[],
  outputCount: number,
): { request: TxRequest; outputIds: string[]; firstOutputMass: number } {
  const total = inputs.reduce((sum, input) => sum + input.massGrams, 0);
  const loss = Math.floor(total * LOSS_SHARE);
  const each = Math.floor((total - loss) / outputCount);
  const first = total - loss - each * (outputCount - 1);
  const outputIds = Array.from({ length: outputCount }, () => context.ids.next('out'));
  const request: TransformRequest = {
    id: context.ids.next('run'),
    facilityId: facility.id,
    processKind: recipe.kind,
    inputs: inputs.map((input) => ({ lotId: input.lotId, massGrams: input.massGrams })),
    outputs: outputIds.map((id, index) => ({ id, material: recipe.output, massGrams: index === 0 ? first : each })),
    lossGrams: loss,
  };
  return { request: jsonRequest({ org: facility.org }, qualifiedName(CONTRACTS.process, PROCESS_TRANSACTIONS.Transform), request), outputIds, firstOutputMass: first };
}

/**
 * `process:Transform` with `inputs` whole lots in and `outputs` lots out at one facility; the input lots are minted
 * there in {@link Workload.prepare}.
 */
export function transformWorkload(context: BenchContext, facility: Facility, recipe: ProcessRecipe, inputs: number, outputs: number): Workload {
  const lots: string[] = [];
  return {
    name: 'Transform',
    description: `process:Transform — ${inputs} input lots → ${outputs} output lots + loss (${recipe.kind})`,
    prepare: async (count) => {
      const needed = count * inputs - lots.length;
      if (needed > 0) {
        lots.push(...(await mintLots(context, facility, needed, recipe.input)));
      }
    },
    next: () => {
      if (lots.length < inputs) {
        return undefined;
      }
      const taken = lots.splice(0, inputs).map((lotId) => ({ lotId, massGrams: LOT_MASS_GRAMS }));
      return transformRequest(context, facility, recipe, taken, outputs).request;
    },
  };
}
