import type { Workload } from '../driver/Workload';
import type { BenchProfile } from '../options';
import type { ContentionWorkload } from '../suites/contention';
import type { BenchContext } from '../suites/context';
import type { ZipfSampler } from '../stats/zipf';
import { issueBatteryWorkload } from './battery';
import { acceptTransferWorkload, proposeTransferWorkload, type PendingTransfers } from './custody';
import { registerFacilities, type Facility } from './fixtures';
import { concentration, transformWorkload } from './transform';
import { zipfMintWorkload, zipfProposeWorkload } from './zipfDomain';

/** The facilities every domain workload uses, registered once per run. */
export interface StandardFacilities {
  /** A mine of the mining organisation: mints the lots that are transferred. */
  readonly mine: Facility;
  /** A concentrator of the mining organisation: mints ore and transforms it. */
  readonly concentrator: Facility;
  /** A cell plant of the manufacturing organisation: receives transfers. */
  readonly cellPlant: Facility;
}

/** The domain workloads the deployed chaincode supports, and what it lacks. */
export interface Catalog {
  /** Operations that cannot be measured, with the missing transaction. */
  readonly missing: readonly string[];
  /** Whether every transaction in `names` is deployed. */
  has(...names: string[]): boolean;
  /** Registers (once) and returns the standard facilities. */
  facilities(): Promise<StandardFacilities>;
  /** The measured operations of the throughput suite, in round order. */
  throughput(): Promise<Workload[]>;
  /** The domain variants of the contention suite (each with its own sampler). */
  contention(sampler: () => ZipfSampler): Promise<ContentionWorkload[]>;
}

const requirements: readonly { readonly operation: string; readonly needs: readonly string[] }[] = [
  { operation: 'ProposeTransfer', needs: ['facility:RegisterFacility', 'lot:MintLot', 'custody:ProposeTransfer'] },
  { operation: 'AcceptTransfer', needs: ['custody:AcceptTransfer'] },
  { operation: 'Transform', needs: ['process:Transform'] },
  { operation: 'IssueBattery', needs: ['battery:IssueBattery'] },
];

/** Transaction inputs and outputs of the measured transformation. */
const TRANSFORM_INPUTS = 3;
const TRANSFORM_OUTPUTS = 2;

/**
 * Builds the catalog for the transactions in `deployed`.
 * @param deployed - `namespace:Name` of every deployed transaction
 */
export function operationWorkloads(context: BenchContext, deployed: ReadonlySet<string>, profile: BenchProfile): Catalog {
  const has = (...names: string[]): boolean => names.every((name) => deployed.has(name));
  const baseNeeds = requirements[0]?.needs ?? [];
  const supported = (operation: string): boolean =>
    has(...baseNeeds, ...(requirements.find((requirement) => requirement.operation === operation)?.needs ?? ['unknown operation']));
  const missing = requirements
    .filter((requirement) => !supported(requirement.operation))
    .map((requirement) => `${requirement.operation}: the deployed chaincode lacks ${[...new Set([...baseNeeds, ...requirement.needs])].filter((name) => !deployed.has(name)).join(', ')}`);
  let standard: Promise<StandardFacilities> | undefined;
  const facilities = (): Promise<StandardFacilities> => (standard ??= registerStandard(context));
  return {
    missing,
    has,
    facilities,
    throughput: async () => {
      if (!supported('ProposeTransfer')) {
        return [];
      }
      const { mine, concentrator, cellPlant } = await facilities();
      const route = { from: mine, to: cellPlant };
      const pending: PendingTransfers = { ids: [] };
      const workloads = [proposeTransferWorkload(context, route, pending)];
      if (supported('AcceptTransfer')) {
        workloads.push(acceptTransferWorkload(context, route, pending));
      }
      if (supported('Transform')) {
        workloads.push(transformWorkload(context, concentrator, concentration, TRANSFORM_INPUTS, TRANSFORM_OUTPUTS));
      }
      if (supported('IssueBattery') && supported('AcceptTransfer')) {
        workloads.push(issueBatteryWorkload(context, route));
      }
      return workloads;
    },
    contention: async (sampler) => {
      if (!supported('ProposeTransfer')) {
        return [];
      }
      const { mine } = await facilities();
      const count = profile.contention.facilities;
      const mines = await registerFacilities(context, 'mining', 'MINE', count);
      const receivers = await registerFacilities(context, 'manufacturing', 'CELL_PLANT', count);
      return [
        { workload: zipfMintWorkload(context, mines, sampler()), independent: true },
        { workload: zipfProposeWorkload(context, mine, receivers, sampler()), independent: true },
      ];
    },
  };
}

async function registerStandard(context: BenchContext): Promise<StandardFacilities> {
  const [mine] = await registerFacilities(context, 'mining', 'MINE', 1);
  const [concentrator] = await registerFacilities(context, 'mining', 'CONCENTRATOR', 1);
  const [cellPlant] = await registerFacilities(context, 'manufacturing', 'CELL_PLANT', 1);
  if (mine === undefined || concentrator === undefined || cellPlant === undefined) {
    throw new Error('facility registration returned nothing');
  }
  return { mine, concentrator, cellPlant };
}
