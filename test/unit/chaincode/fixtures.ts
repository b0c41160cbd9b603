import { keccak256, toUtf8Bytes } from 'ethers';
import type { Context } from 'fabric-contract-api';
import type { ClientIdentity } from 'fabric-shim-api';
import type { Facility, MaterialLot, RegisterFacilityRequest } from '../../../chaincode/src/api';
import { CustodyContract } from '../../../chaincode/src/contracts/CustodyContract';
import { FacilityContract } from '../../../chaincode/src/contracts/FacilityContract';
import { LotContract } from '../../../chaincode/src/contracts/LotContract';
import { ProcessContract } from '../../../chaincode/src/contracts/ProcessContract';
import { identities } from '../../support/identities';
import { MemoryNetwork, type InvokeOptions } from '../../support/MemoryNetwork';

/** The contracts under test. */
export const facilityContract = new FacilityContract();
export const lotContract = new LotContract();
export const custodyContract = new CustodyContract();
export const processContract = new ProcessContract();

type TxFunction<R> = (ctx: Context, request: string) => Promise<R>;

/** Submits a transaction with a JSON request (objects are JSON-encoded, strings are sent as they are). */
export function submit<R>(network: MemoryNetwork, who: ClientIdentity, fn: TxFunction<R>, request: unknown, options?: InvokeOptions): Promise<R> {
  const json = typeof request === 'string' ? request : JSON.stringify(request);
  return network.submit(who, (ctx) => fn(ctx, json), options);
}

/** Evaluates a read-only transaction. */
export function query<R>(network: MemoryNetwork, who: ClientIdentity, fn: TxFunction<R>, request: unknown): Promise<R> {
  return network.evaluate(who, (ctx) => fn(ctx, JSON.stringify(request)));
}

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
  const register = (who: ClientIdentity, request: RegisterFacilityRequest): Promise<Facility> => submit(network, who, facilityContract.RegisterFacility.bind(facilityContract), request);
  await register(identities.miningAdmin, FACILITIES.mine);
  await register(identities.miningAdmin, FACILITIES.mine2);
  await register(identities.miningAdmin, FACILITIES.refinery);
  await register(identities.manufacturingAdmin, FACILITIES.cellPlant);
  await register(identities.recyclingAdmin, FACILITIES.recycler);
  return network;
}

/** Mints a cobalt hydroxide lot at the standard mine. */
export function mint(network: MemoryNetwork, id: string, massGrams: number, extra: Record<string, unknown> = {}): Promise<MaterialLot> {
  return submit(network, identities.miningUser, lotContract.MintLot.bind(lotContract), {
    id,
    facilityId: FACILITIES.mine.id,
    material: 'COBALT_HYDROXIDE',
    massGrams,
    ...extra,
  });
}
