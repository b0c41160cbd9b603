import { CONTRACTS, FACILITY_TRANSACTIONS, LOT_TRANSACTIONS, qualifiedName } from '../../../chaincode/src/api/transactions';
import type { FacilityKind, Material } from '../../../chaincode/src/api/enums';
import type { MintLotRequest, RegisterFacilityRequest } from '../../../chaincode/src/api/requests';
import { submitAll } from '../driver/setup';
import type { Identity } from '../fabric/connections';
import type { TxRequest } from '../fabric/transaction';
import type { BenchContext } from '../suites/context';

/** In-flight set-up transactions. */
export const SETUP_CONCURRENCY = 64;

/** Mass of every minted benchmark lot, grams (1 t). */
export const LOT_MASS_GRAMS = 1_000_000;

/** A 32-byte hash standing in for the shipping documents of every benchmark transfer. */
export const SHIPPING_DOCUMENTS_HASH = `0x${'ab'.repeat(32)}`;

/** A registered facility and the organisation that owns it. */
export interface Facility {
  readonly id: string;
  readonly org: string;
}

/** A request signed by `identity` carrying one JSON argument. */
export function jsonRequest(identity: Identity, name: string, request: object, onOutcome?: TxRequest['onOutcome']): TxRequest {
  return onOutcome === undefined ? { identity, name, args: [JSON.stringify(request)] } : { identity, name, args: [JSON.stringify(request)], onOutcome };
}

/**
 * Registers `count` facilities of `kind` owned by `org` (signed by its admin, as the chaincode requires).
 * @returns the facilities in registration order
 */
export async function registerFacilities(context: BenchContext, org: string, kind: FacilityKind, count: number): Promise<Facility[]> {
  const facilities = Array.from({ length: count }, () => ({ id: context.ids.next(kind.toLowerCase()), org }));
  const requests = facilities.map((facility) => {
    const request: RegisterFacilityRequest = { id: facility.id, kind, name: `benchmark ${kind} ${facility.id}`, country: 'CD' };
    return jsonRequest({ org, user: 'admin' }, qualifiedName(CONTRACTS.facility, FACILITY_TRANSACTIONS.RegisterFacility), request);
  });
  await submitAll(context.connections, requests, SETUP_CONCURRENCY, `${count} ${kind} facilities of ${org}`);
  return facilities;
}

/**
 * Mints `count` lots of `material` at a mining facility (signed by the owner's user).
 * @returns the new lot ids
 */
export async function mintLots(context: BenchContext, facility: Facility, count: number, material: Material = 'COBALT_HYDROXIDE', concurrency = SETUP_CONCURRENCY): Promise<string[]> {
  const ids = Array.from({ length: count }, () => context.ids.next('lot'));
  await submitAll(context.connections, ids.map((id) => mintRequest(facility, id, material)), concurrency, `${count} lots at ${facility.id}`);
  return ids;
}

/** A `lot:MintLot` request for one lot of {@link LOT_MASS_GRAMS}. */
export function mintRequest(facility: Facility, id: string, material: Material = 'COBALT_HYDROXIDE'): TxRequest {
  const request: MintLotRequest = { id, facilityId: facility.id, material, massGrams: LOT_MASS_GRAMS };
  return jsonRequest({ org: facility.org }, qualifiedName(CONTRACTS.lot, LOT_TRANSACTIONS.MintLot), request);
}
