import { CONTRACTS, PROCESS_TRANSACTIONS, qualifiedName } from '../../../chaincode/src/api/transactions';
import type { ElementContent } from '../../../chaincode/src/api/chemistry';
import type { Material, ProcessKind } from '../../../chaincode/src/api/enums';
import type { TransformRequest } from '../../../chaincode/src/api/requests';
import type { Workload } from '../driver/Workload';
import type { TxRequest } from '../fabric/transaction';
import type { BenchContext } from '../suites/context';
import { conservingAssay, mintedContent, type ContentPart } from './elementContent';
import { jsonRequest, LOT_MASS_GRAMS, mintLots, type Facility } from './fixtures';

/** The process a benchmark transformation runs: inputs of one material, outputs of another. */
export interface ProcessRecipe {
  readonly kind: ProcessKind;
  readonly input: Material;
  readonly output: Material;
}

/**
 * Concentration of ore into hydroxide, which a mining facility may run on lots it minted; the outputs declare the
 * cobalt the ore held (see {@link conservingAssay}).
 */
export const concentration: ProcessRecipe = { kind: 'CONCENTRATION', input: 'COBALT_ORE', output: 'COBALT_HYDROXIDE' };

/** Process losses of every benchmark transformation: 10 % of the input mass. */
const LOSS_SHARE = 0.1;

/** One input of a transformation: a whole lot, its mass and its element content. */
export interface TransformInput extends ContentPart {
  readonly lotId: string;
}

/** A planned transformation: the request and the lots it makes. */
export interface PlannedTransform {
  readonly request: TxRequest;
  readonly outputIds: string[];
  /** Mass of the first output (which takes the rounding remainder). */
  readonly firstOutputMass: number;
  /** Element content of every output. */
  readonly outputContent: ElementContent;
}

/**
 * A `process:Transform` request consuming `inputs` (whole lots) into `outputCount` new lots of equal mass, with
 * 10 % loss; mass is conserved exactly (the first output takes the remainder), and so is every element: each output
 * declares the assay that spreads the inputs' element mass over the output mass (rounded down).
 */
export function transformRequest(context: BenchContext, facility: Facility, recipe: ProcessRecipe, inputs: readonly TransformInput[], outputCount: number): PlannedTransform {
  const total = inputs.reduce((sum, input) => sum + input.massGrams, 0);
  const loss = Math.floor(total * LOSS_SHARE);
  const each = Math.floor((total - loss) / outputCount);
  const first = total - loss - each * (outputCount - 1);
  const assay = conservingAssay(recipe.output, inputs, total - loss);
  const outputIds = Array.from({ length: outputCount }, () => context.ids.next('out'));
  const request: TransformRequest = {
    id: context.ids.next('run'),
    facilityId: facility.id,
    processKind: recipe.kind,
    inputs: inputs.map((input) => ({ lotId: input.lotId, massGrams: input.massGrams })),
    outputs: outputIds.map((id, index) => ({ id, material: recipe.output, massGrams: index === 0 ? first : each, assay })),
    lossGrams: loss,
  };
  return {
    request: jsonRequest({ org: facility.org }, qualifiedName(CONTRACTS.process, PROCESS_TRANSACTIONS.Transform), request),
    outputIds,
    firstOutputMass: first,
    outputContent: assay.elements,
  };
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
      const content = mintedContent(recipe.input);
      const taken = lots.splice(0, inputs).map((lotId) => ({ lotId, massGrams: LOT_MASS_GRAMS, content }));
      return transformRequest(context, facility, recipe, taken, outputs).request;
    },
  };
}
