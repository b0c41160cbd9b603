import { expect } from 'chai';
import { keccak256, toUtf8Bytes } from 'ethers';
import { CONSORTIUM_MSPS, type Attestation, type Claim, type CustodyTransfer, type MaterialLot, type RecordTypeName, type RegisterFacilityRequest } from '../../../chaincode/src/api';
import { RECORD_OBJECT_TYPES } from '../../../chaincode/src/state/keys';
import { decodeSignaturePolicy, evaluatePolicy, formatPolicy } from '../../support/fabric/SignaturePolicy';
import { identities } from '../../support/identities';
import { MemoryNetwork } from '../../support/MemoryNetwork';
import type { TestIdentity } from '../../support/TestIdentity';
import { query, submit } from '../../support/transactions';

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

const USERS: Readonly<Record<string, TestIdentity>> = {
  MiningMSP: identities.miningUser,
  ManufacturingMSP: identities.manufacturingUser,
  RecyclingMSP: identities.recyclingUser,
  AuditorMSP: identities.auditorUser,
};

/** A (non-admin) user of an organisation of the network. */
export function userOf(mspId: string): TestIdentity {
  const user = USERS[mspId];
  if (user === undefined) {
    throw new Error(`no user of ${mspId}`);
  }
  return user;
}

let attestations = 0;

/**
 * Has the auditor attest a facility for claims through `audit:RecordAttestation`: a passing attestation in
 * force from 2024 to 2027 unless the overrides say otherwise.
 */
export function attest(network: MemoryNetwork, facilityId: string, claims: readonly Claim[], overrides: Record<string, unknown> = {}): Promise<Attestation> {
  attestations += 1;
  return submit(network, identities.auditorUser, 'audit:RecordAttestation', {
    id: `att-${facilityId}-${String(attestations)}`,
    scheme: 'IRMA',
    scope: `audit of facility ${facilityId}`,
    subject: { type: 'Facility', id: facilityId },
    result: 'PASS',
    validFrom: '2024-01-01T00:00:00Z',
    validUntil: '2027-01-01T00:00:00Z',
    evidenceHash: documentHash(`audit report ${String(attestations)}`),
    claims,
    ...overrides,
  });
}

/**
 * Sends a whole lot to a facility: its custodian's organisation proposes, the receiving organisation accepts
 * with the weighed mass (default: the lot's mass).
 */
export async function deliver(network: MemoryNetwork, lotId: string, toFacilityId: string, options: { transferId?: string; receivedMassGrams?: number } = {}): Promise<{ transfer: CustodyTransfer; lot: MaterialLot }> {
  const lot = await query(network, identities.auditorUser, 'lot:GetLot', { id: lotId });
  const to = await query(network, identities.auditorUser, 'facility:GetFacility', { id: toFacilityId });
  const transferId = options.transferId ?? `t-${lotId}-${toFacilityId}`;
  await submit(network, userOf(lot.ownerMsp), 'custody:ProposeTransfer', {
    id: transferId,
    lotId,
    toFacilityId,
    declaredMassGrams: lot.massGrams,
    shippingDocumentsHash: documentHash(transferId),
  });
  return submit(network, userOf(to.ownerMsp), 'custody:AcceptTransfer', { transferId, receivedMassGrams: options.receivedMassGrams ?? lot.massGrams });
}

/** The ledger key of a composite key (what the stub's `createCompositeKey` builds). */
export function compositeKey(objectType: string, ...attributes: string[]): string {
  return `\u0000${[objectType, ...attributes].join('\u0000')}\u0000`;
}

/** The ledger key of a record. */
export function recordKeyOf(type: RecordTypeName, id: string): string {
  return compositeKey(RECORD_OBJECT_TYPES[type], id);
}

/** A composite key's object type and attributes. */
export function splitKey(key: string): { objectType: string; attributes: string[] } {
  const [objectType = '', ...attributes] = key.slice(1, -1).split('\u0000');
  return { objectType, attributes };
}

function subsetsOf(items: readonly string[]): string[][] {
  return items.reduce<string[][]>((subsets, item) => [...subsets, ...subsets.map((subset) => [...subset, item])], [[]]);
}

/**
 * Asserts that a key's committed key-level policy is exactly "its owners, and one other organisation when there
 * is one owner": for every set of consortium peers, the policy is satisfied if and only if the set holds every
 * owner and at least two organisations.
 */
export async function expectKeyPolicy(network: MemoryNetwork, key: string, owners: readonly string[]): Promise<void> {
  const printable = key.replaceAll('\u0000', '|');
  const bytes = network.ledger.validationParameter(key);
  if (bytes === undefined) {
    expect.fail(`key ${printable} carries no key-level policy`);
  }
  const policy = decodeSignaturePolicy(bytes);
  const peers = new Map(await Promise.all(CONSORTIUM_MSPS.map(async (mspId) => [mspId, await network.peerIdentity(mspId)] as const)));
  const satisfying: string[] = [];
  const expected: string[] = [];
  for (const subset of subsetsOf(CONSORTIUM_MSPS)) {
    const signers = subset.map((mspId) => peers.get(mspId)).filter((peer) => peer !== undefined);
    if (evaluatePolicy(policy, signers)) {
      satisfying.push(subset.join('+'));
    }
    if (owners.every((owner) => subset.includes(owner)) && subset.length >= 2) {
      expected.push(subset.join('+'));
    }
  }
  expect(satisfying, `policy of ${printable}: ${formatPolicy(policy)}`).to.deep.equal(expected);
}
