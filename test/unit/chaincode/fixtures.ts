import { keccak256, toUtf8Bytes } from 'ethers';
import type { MaterialLot, RegisterFacilityRequest } from '../../../chaincode/src/api';
import { identities } from '../../support/identities';
import { MemoryNetwork } from '../../support/MemoryNetwork';
import { submit } from '../../support/transactions';

export { query, simulate, submit } from '../../support/transactions';

/** A document hash for shipping papers. */
export function documentHash(text: string): string {
  return keccak256(toUtf8Bytes(text));
}

/** Facilities of the standard test world. */
export const FACILITIES = {
  mine: { id: 'mine-1', kind: 'MINE', name: 'Kolwezi mine', country: 'CD' },
  mine2: { id: 'mine-2', kind: 'MINE', name: 'Greenbushes mine', country: 'AU' },
  refinery: { id: 'refinery-1', kind: 'REFINERY', name: 'Kokkola refinery', country: 'FI' },
  cellPlant: { id: 'cell-1', kind: 'CELL_PLANT', name: 'Skellefteå cell plant', country: 'SE' },
  recycler: { id: 'recycler-1', kind: 'RECYCLER', name: 'Hydrovolt', country: 'NO' },
} as const satisfies Record<string, RegisterFacilityRequest>;

/** A network with the standard facilities: mines and refinery (mining), cell plant (manufacturing), recycler. */
export async function standardWorld(): Promise<MemoryNetwork> {
  const network = new MemoryNetwork();
  await submit(network, identities.miningAdmin, 'facility:RegisterFacility', FACILITIES.mine);
  await submit(network, identities.miningAdmin, 'facility:RegisterFacility', FACILITIES.mine2);
  await submit(network, identities.miningAdmin, 'facility:RegisterFacility', FACILITIES.refinery);
  await submit(network, identities.manufacturingAdmin, 'facility:RegisterFacility', FACILITIES.cellPlant);
  await submit(network, identities.recyclingAdmin, 'facility:RegisterFacility', FACILITIES.recycler);
  return network;
}

/** Mints a cobalt hydroxide lot at the standard mine. */
export function mint(network: MemoryNetwork, id: string, massGrams: number, extra: Record<string, unknown> = {}): Promise<MaterialLot> {
  return submit(network, identities.miningUser, 'lot:MintLot', {
    id,
    facilityId: FACILITIES.mine.id,
    material: 'COBALT_HYDROXIDE',
    massGrams,
    ...extra,
  });
}
