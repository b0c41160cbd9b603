import type { ScenarioContext } from '../context';
import { attestCertifications, claimCertifiedCobalt, openCertifiedCobaltPeriod } from './audit';
import { makeFirstPacks, repurposeSecondPack, useFirstPacks } from './batteries';
import { collectAndRecycle, makeSecondGeneration, refineBlackMass, shipRecoveredSalts } from './endOfLife';
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
  { name: 'Audit: IRMA (Kolwezi mine), RMI RMAP (Kokkola refinery), ISO 22095 (Hamina cathode plant), UL 2809 (Hoboken recycler)', run: attestCertifications },
  { name: 'Mass balance: the cobalt refinery opens its certified-origin period', run: openCertifiedCobaltPeriod },
  { name: 'Mining: cobalt (CD), spodumene (AU), brine (CL), nickel (ID), manganese (ZA)', run: mineMaterial },
  { name: 'Custody: mines ship to refineries', run: shipToRefineries },
  { name: 'Refining: battery-grade salts; certified ore consumed becomes credit', run: refine },
  { name: 'Mass balance: certified-origin claim on the sulfate the certified ore backs', run: claimCertifiedCobalt },
  { name: 'Custody: refineries ship to the cathode plant', run: shipToCathodePlant },
  { name: 'Cathode synthesis: NMC811', run: synthesiseFirstCathode },
  { name: 'Cells and packs: cell plant (SE), handover to pack assembly (DE)', run: makeFirstPacks },
  { name: 'In use: placed on the market, state-of-health records', run: useFirstPacks },
  { name: 'Second life: a pack collected and repurposed as stationary storage', run: repurposeSecondPack },
  { name: 'End of life: collection as waste, handover to the recycler, dismantling, black mass', run: collectAndRecycle },
  { name: 'Recycling: hydrometallurgy to recovered metal salts, claimed post-consumer recycled', run: refineBlackMass },
  { name: 'Custody: recovered salts ship to the cathode plant', run: shipRecoveredSalts },
  { name: 'Second generation: cathode, cells and a pack with recycled content', run: makeSecondGeneration },
];
