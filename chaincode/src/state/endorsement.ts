/**
 * Key-level endorsement policies: the trust rule of every key the chaincode writes (docs/TRUST.md).
 *
 * New keys fall under the chaincode-level policy, two organisations of the consortium; once written, a key
 * carries a state-based policy naming its owners, so that no change to it commits without every owner's
 * endorsement and at least one organisation besides a lone owner. A peer endorses only what its own copy of the
 * chaincode computed, so a write that the honest chaincode refuses needs two dishonest organisations.
 *
 * The shim's `KeyEndorsementPolicy` can only say "all of these organisations", so the envelopes are built
 * from the protobuf messages directly.
 */
import { common, msp } from '@hyperledger/fabric-protos';
import { CONSORTIUM_MSPS } from '../api';

function principal(mspId: string): msp.MSPPrincipal {
  const role = new msp.MSPRole();
  role.setMspIdentifier(mspId);
  role.setRole(msp.MSPRole.MSPRoleType.PEER);
  const result = new msp.MSPPrincipal();
  result.setPrincipalClassification(msp.MSPPrincipal.Classification.ROLE);
  result.setPrincipal(role.serializeBinary());
  return result;
}

function signedBy(index: number): common.SignaturePolicy {
  const rule = new common.SignaturePolicy();
  rule.setSignedBy(index);
  return rule;
}

function nOutOf(n: number, rules: readonly common.SignaturePolicy[]): common.SignaturePolicy {
  const inner = new common.SignaturePolicy.NOutOf();
  inner.setN(n);
  inner.setRulesList([...rules]);
  const rule = new common.SignaturePolicy();
  rule.setNOutOf(inner);
  return rule;
}

/**
 * The organisations a key-level policy of `owners` names, in its envelope's identity order: the owners
 * (sorted, without repeats), then — when there is only one — the other consortium members, one of which must
 * also endorse.
 */
export function policyParties(owners: readonly string[], members: readonly string[] = CONSORTIUM_MSPS): { owners: string[]; witnesses: string[] } {
  const distinct = [...new Set(owners)].sort();
  const witnesses = distinct.length >= 2 ? [] : members.filter((member) => !distinct.includes(member)).sort();
  return { owners: distinct, witnesses };
}

/** Envelopes built so far, by owners and members (owners are channel organisations: a handful of sets). */
const envelopes = new Map<string, Uint8Array>();

/**
 * The key-level policy of a key owned by `owners`: every owner's peer, and, when there is a single owner,
 * the peer of one other consortium organisation.
 * @param owners - MSP ids of the organisations that own the key (at least one)
 * @param members - the consortium's organisations (default: {@link CONSORTIUM_MSPS})
 * @returns the serialised `common.SignaturePolicyEnvelope`
 * @example
 * ```ts
 * await stub.setStateValidationParameter(key, ownerPolicy(['MiningMSP'])); // AND(Mining, OutOf(1, the others))
 * ```
 */
export function ownerPolicy(owners: readonly string[], members: readonly string[] = CONSORTIUM_MSPS): Uint8Array {
  // every write sets a policy, and a transaction writes many keys of the same owners: build each envelope once
  const cacheKey = `${[...new Set(owners)].sort().join(',')}|${members.join(',')}`;
  const cached = envelopes.get(cacheKey) ?? buildOwnerPolicy(owners, members);
  envelopes.set(cacheKey, cached);
  return Uint8Array.from(cached);
}

function buildOwnerPolicy(owners: readonly string[], members: readonly string[]): Uint8Array {
  const parties = policyParties(owners, members);
  if (parties.owners.length === 0) {
    throw new TypeError('a key-level policy needs at least one owner');
  }
  const identities = [...parties.owners, ...parties.witnesses].map(principal);
  const ownerRules = parties.owners.map((_, index) => signedBy(index));
  const witnessRules = parties.witnesses.map((_, index) => signedBy(parties.owners.length + index));
  const rule = witnessRules.length === 0 ? nOutOf(ownerRules.length, ownerRules) : nOutOf(ownerRules.length + 1, [...ownerRules, nOutOf(1, witnessRules)]);
  const envelope = new common.SignaturePolicyEnvelope();
  envelope.setVersion(0);
  envelope.setIdentitiesList(identities);
  envelope.setRule(rule);
  return envelope.serializeBinary();
}
