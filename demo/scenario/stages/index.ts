import type { ScenarioContext } from '../context';
import { registerFacilities } from './facilities';
import { mineMaterial, refine, shipToCathodePlant, shipToRefineries, synthesiseFirstCathode } from './upstream';

/** One named step of the story. */
export interface Stage {
  readonly name: string;
  run(ctx: ScenarioContext): Promise<void>;
}

/** The story, in order. */
export const stages: readonly Stage[] = [
  { name: 'Facilities: each organisation registers its sites', run: registerFacilities },
  { name: 'Mining: cobalt (CD), spodumene (AU), brine (CL), nickel (ID), manganese (ZA)', run: mineMaterial },
  { name: 'Custody: mines ship to refineries', run: shipToRefineries },
  { name: 'Refining: battery-grade salts', run: refine },
  { name: 'Custody: refineries ship to the cathode plant', run: shipToCathodePlant },
  { name: 'Cathode synthesis: NMC811', run: synthesiseFirstCathode },
];
