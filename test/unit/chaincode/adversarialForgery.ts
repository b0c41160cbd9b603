/**
 * Forgeries of an organisation that runs a modified chaincode on its own peer: the product's contracts plus
 * raw writes and deletes of any key (`forge:Write`, test/support/tampered/ForgeContract.ts). Each forgery
 * rewrites, deletes or creates keys the honest chaincode would never touch that way (a lot minted out of
 * nothing with an "auditor's" attestation, a richer or relabelled record, a deleted FAIL verdict), and is
 * endorsed by the tampered peer alone, by it and an honest peer, or as the gateway plans.
 */
import { CLAIMS, MATERIAL_CHEMISTRY, type Claim } from '../../../chaincode/src/api';
import { contracts } from '../../../chaincode/src/index';
import type { ContractClass } from '../../../chaincode/src/chaincode';
import { ForgeContract } from '../../support/tampered/ForgeContract';
import type { ForgeWriteRequest } from '../../support/tampered/forgeApi';
import type { TestIdentity } from '../../support/TestIdentity';
import { adminOf, MSPS, type Context } from './adversarialSteps';
import { splitKey } from './adversarialWorld';

/** The contracts a tampered peer runs. */
export const TAMPERED_CONTRACTS: readonly ContractClass[] = [...contracts, ForgeContract];

/** How a forgery asks for endorsement. */
export type ForgedEndorsement = 'ALONE' | 'WITH_HONEST' | 'PLANNED';

/** A forged transaction. */
export interface Forgery {
  readonly who: TestIdentity;
  readonly name: 'forge:Write';
  readonly request: unknown;
  readonly endorsement: ForgedEndorsement;
  /** The endorsing organisations, when the forger names them. */
  readonly endorsers: readonly string[] | undefined;
  readonly tags: readonly string[];
}

type Json = Record<string, unknown>;

function parsed(text: string): Json | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value)) : undefined;
  } catch {
    return undefined;
  }
}

const ALL_CLAIMS: readonly Claim[] = CLAIMS;

/** Changes a record the way a dishonest holder would like it: more mass, every claim, its own, active, richer, waste. */
function falsified(ctx: Context, record: Json, forger: string): Json {
  const changes: Json[] = [
    { massGrams: 1_000_000_000, initialMassGrams: 1_000_000_000 },
    { claims: [...ALL_CLAIMS] },
    { ownerMsp: forger },
    { status: 'ACTIVE', pendingTransferId: undefined, pendingHandoverId: undefined },
    { elementContent: { ...MATERIAL_CHEMISTRY.BLACK_MASS.maximum } },
    { carbonIntensityMgPerKg: 0 },
    { passportStatus: 'WASTE', status: 'COLLECTED' },
    { kind: 'CREDIT', result: 'PASS', claims: [...ALL_CLAIMS] },
  ];
  return { ...record, ...(ctx.c.pick(changes) ?? {}) };
}

const NEW_KEY_TYPES = ['bt.lot', 'bt.mbmovement', 'bt.attestation', 'bt.idx.attestation-subject', 'bt.idx.mb-movement', 'bt.battery', 'bt.facility'] as const;

/** A copy of a committed record of the type under a new id, falsified; or a bare value. */
function newRecord(ctx: Context, objectType: string, id: string, forger: string): string {
  const { world } = ctx;
  const templates: Readonly<Record<string, readonly Json[]>> = { 'bt.lot': world.lots, 'bt.mbmovement': world.movements, 'bt.attestation': world.attestations, 'bt.battery': world.batteries, 'bt.facility': world.facilities };
  const base = ctx.c.pick(templates[objectType] ?? []);
  return JSON.stringify(base === undefined ? { forged: true } : falsified(ctx, { ...base, id }, forger));
}

function valueOf(ctx: Context, key: string): string | undefined {
  const { objectType, attributes } = splitKey(key);
  const id = attributes[0];
  const records = [...ctx.world.lots, ...ctx.world.batteries, ...ctx.world.movements, ...ctx.world.attestations, ...ctx.world.facilities, ...ctx.world.transfers, ...ctx.world.accounts, ...ctx.world.periods];
  const record = objectType.startsWith('bt.idx') || objectType.startsWith('bt.link') ? undefined : records.find((r) => r.id === id);
  return record === undefined ? undefined : JSON.stringify(record);
}

/** A committed key, its object type chosen first so that rare kinds of key (attestation index entries) come up as often as common ones. */
function existingKey(ctx: Context): string | undefined {
  const types = [...new Set(ctx.world.keys.map((key) => splitKey(key).objectType))];
  const type = ctx.c.pick(types);
  return ctx.c.pick(ctx.world.keys.filter((key) => splitKey(key).objectType === type));
}

function forgedWrite(ctx: Context, forger: string): ForgeWriteRequest & { tags: string[] } {
  const existing = ctx.c.rare(60) ? existingKey(ctx) : undefined;
  const keyEndorsers = ctx.c.rare(50) ? [forger] : [];
  if (existing === undefined) {
    const objectType = ctx.c.pick(NEW_KEY_TYPES) ?? 'bt.lot';
    const id = ctx.fresh('forged');
    return { puts: [{ key: { objectType, attributes: [id] }, value: newRecord(ctx, objectType, id, forger) }], keyEndorsers, tags: ['forge-new-key'] };
  }
  const key = splitKey(existing);
  if (ctx.c.rare(30)) {
    return { deletes: [key], tags: ['forge-delete', `forge-delete-${key.objectType}`] };
  }
  const current = parsed(valueOf(ctx, existing) ?? '{}') ?? {};
  return { puts: [{ key, value: JSON.stringify(falsified(ctx, current, forger)) }], keyEndorsers, tags: ['forge-rewrite', `forge-rewrite-${key.objectType}`] };
}

/** A lot minted out of nothing at one of the forger's facilities, listed there, with an "auditor's" attestation of every claim. */
function forgedMint(ctx: Context, forger: string): ForgeWriteRequest {
  const facility = ctx.c.pick(ctx.world.facilities.filter((f) => f.ownerMsp === forger)) ?? ctx.c.pick(ctx.world.facilities);
  const template = ctx.c.pick(ctx.world.lots);
  const facilityId = facility?.id ?? 'mine-1';
  const lotId = ctx.fresh('forged');
  const attestationId = ctx.fresh('forged');
  const lot = { ...(template ?? {}), id: lotId, ownerMsp: forger, custodianFacilityId: facilityId, massGrams: 1_000_000_000, initialMassGrams: 1_000_000_000, status: 'ACTIVE', claims: [...ALL_CLAIMS], origin: { kind: 'MINED', facilityId, country: facility?.country ?? 'CD' }, parents: [] };
  const attestation = { ...(ctx.c.pick(ctx.world.attestations) ?? {}), id: attestationId, ownerMsp: 'AuditorMSP', subject: { type: 'Facility', id: facilityId }, result: 'PASS', claims: [...ALL_CLAIMS] };
  return {
    puts: [
      { key: { objectType: 'bt.lot', attributes: [lotId] }, value: JSON.stringify(lot) },
      { key: { objectType: 'bt.idx.lot-facility', attributes: [facilityId, lotId] }, value: '{}' },
      { key: { objectType: 'bt.attestation', attributes: [attestationId] }, value: JSON.stringify(attestation) },
      { key: { objectType: 'bt.idx.attestation-subject', attributes: ['Facility', facilityId, attestationId] }, value: '{}' },
    ],
    keyEndorsers: ctx.c.rare(50) ? [forger] : [],
  };
}

/** Deletes the index entry of a failing attestation in force, so that the certification gate no longer sees the verdict. */
function hiddenVerdict(ctx: Context): ForgeWriteRequest | undefined {
  const failing = ctx.c.pick(ctx.world.attestations.filter((a) => a.result === 'FAIL'));
  return failing && { deletes: [{ objectType: 'bt.idx.attestation-subject', attributes: [failing.subject.type, failing.subject.id, failing.id] }] };
}

/** Books a credit of a billion grams in an account of one of the forger's facilities: the movement and its index entry. */
function forgedCredit(ctx: Context, forger: string): ForgeWriteRequest | undefined {
  const account = ctx.c.pick(ctx.world.accounts.filter((a) => a.ownerMsp === forger)) ?? ctx.c.pick(ctx.world.accounts);
  const template = ctx.c.pick(ctx.world.movements);
  if (account === undefined) {
    return undefined;
  }
  const id = `consumed:${ctx.fresh('forged')}:0:${account.claim}`;
  const bookedAt = ctx.world.now;
  const movement = { ...(template ?? {}), id, ownerMsp: account.ownerMsp, facilityId: account.facilityId, material: account.material, claim: account.claim, accountId: account.id, kind: 'CREDIT', massGrams: 1_000_000_000, bookedAt };
  return {
    puts: [
      { key: { objectType: 'bt.mbmovement', attributes: [id] }, value: JSON.stringify(movement) },
      { key: { objectType: 'bt.idx.mb-movement', attributes: [account.facilityId, account.material, account.claim, bookedAt.slice(0, 7), bookedAt, id] }, value: JSON.stringify({ kind: 'CREDIT', massGrams: 1_000_000_000 }) },
    ],
    keyEndorsers: ctx.c.rare(50) ? [forger] : [],
  };
}

function forgedRequest(ctx: Context, forger: string): { request: ForgeWriteRequest; tags: string[] } {
  const kind = ctx.c.int(6);
  const targeted = kind === 0 ? forgedMint(ctx, forger) : kind === 1 ? hiddenVerdict(ctx) : kind === 2 ? forgedCredit(ctx, forger) : undefined;
  if (targeted !== undefined) {
    return { request: targeted, tags: [['forge-mint-lot', 'forge-hide-fail-verdict', 'forge-credit'][kind] ?? 'forge-targeted'] };
  }
  const { tags, ...request } = forgedWrite(ctx, forger);
  return { request, tags };
}

/** A forged transaction by the tampering organisation. */
export function forge(ctx: Context, forger: string): Forgery {
  const endorsement = ctx.c.pick<ForgedEndorsement>(['ALONE', 'WITH_HONEST', 'PLANNED']) ?? 'ALONE';
  const honest = ctx.c.pick(MSPS.filter((mspId) => mspId !== forger)) ?? MSPS[0] ?? '';
  const endorsers = endorsement === 'ALONE' ? [forger] : endorsement === 'WITH_HONEST' ? [forger, honest] : undefined;
  const { request, tags } = forgedRequest(ctx, forger);
  return { who: adminOf(forger), name: 'forge:Write', request, endorsement, endorsers, tags };
}
