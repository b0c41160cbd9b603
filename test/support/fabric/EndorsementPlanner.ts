import type { MspIdentity } from './ChannelMsp';
import { isMember, type Collections } from './Collections';
import type { Endorsement } from './Peer';
import { hasWrites } from './ReadWriteSet';
import { decodeSignaturePolicy, evaluatePolicy, formatPolicy, type SignaturePolicy } from './SignaturePolicy';

/** What the gateway plans with: the first endorsement and the channel. */
export interface PlanRequest {
  /** The endorsement of the gateway's own organisation's peer. */
  readonly first: Endorsement;
  readonly hasTransient: boolean;
  readonly chaincodePolicy: SignaturePolicy;
  readonly collections: Collections;
  /** One peer per organisation, in channel order (the order further endorsers are tried in). */
  readonly peers: readonly MspIdentity[];
}

/** The organisations to endorse on (the first one's endorsement reused), or why there are none. */
export type EndorsementPlan = { readonly endorsers: readonly string[] } | { readonly error: string };

interface Interest {
  readonly policies: readonly SignaturePolicy[];
  /** Collections whose members alone may endorse (private reads; with transient data, every collection involved). */
  readonly restrictedTo: readonly string[];
  /** Collections only written, restricted because the proposal carries transient data. */
  readonly protectedCollections: readonly string[];
}

/**
 * The chaincode interest the endorsing peer reports (Fabric's `buildChaincodeInterest`): the committed
 * key-level policy of every written key that has one, the collection's (or else the chaincode's) policy for
 * written private keys without one and for collections read, and the chaincode policy for public keys without
 * a key-level policy or when nothing is written.
 */
function interestOf(request: PlanRequest): Interest {
  const { results } = request.first;
  const keyPolicies = results.writtenKeyPolicies.flatMap(({ policy }) => (policy === undefined ? [] : [decodeSignaturePolicy(policy)]));
  const needsChaincode = results.writtenKeyPolicies.some(({ collection, policy }) => collection === '' && policy === undefined) || !hasWrites(results.rwset);
  const written = new Set(results.writtenKeyPolicies.filter(({ collection, policy }) => collection !== '' && policy === undefined).map(({ collection }) => collection));
  const involved = [...new Set([...written, ...results.privateReads])];
  const collectionPolicies = involved.map((name) => request.collections.get(name)?.endorsementPolicy ?? request.chaincodePolicy);
  const protectedCollections = request.hasTransient ? [...written].filter((name) => !results.privateReads.has(name)) : [];
  return {
    policies: [...keyPolicies, ...(needsChaincode ? [request.chaincodePolicy] : []), ...collectionPolicies],
    restrictedTo: request.hasTransient ? involved : [...results.privateReads],
    protectedCollections,
  };
}

function* combinations<T>(items: readonly T[], size: number, from = 0): Generator<T[]> {
  if (size === 0) {
    yield [];
    return;
  }
  for (let i = from; i <= items.length - size; i++) {
    for (const rest of combinations(items, size - 1, i + 1)) {
      yield [items[i] as T, ...rest];
    }
  }
}

function cheapestSet(first: string, candidates: readonly MspIdentity[], policies: readonly SignaturePolicy[]): string[] | undefined {
  const own = candidates.filter((peer) => peer.mspId === first);
  const others = candidates.filter((peer) => peer.mspId !== first);
  for (let size = 0; size <= others.length; size++) {
    for (const extra of combinations(others, size)) {
      const chosen = [...own, ...extra];
      if (chosen.length > 0 && policies.every((policy) => evaluatePolicy(policy, chosen))) {
        return chosen.map((peer) => peer.mspId);
      }
    }
  }
  return undefined;
}

/**
 * Plans endorsement as Fabric's gateway does when the client names no organisations: from the first
 * endorsement's chaincode interest, the fewest further organisations (tried in channel order) whose peers
 * together with the first satisfy every policy the transaction needs at validation. With transient data,
 * only members of the collections involved may endorse, so private inputs never reach another organisation.
 */
export function planEndorsement(request: PlanRequest): EndorsementPlan {
  let interest: Interest;
  try {
    interest = interestOf(request);
  } catch (error) {
    return { error: `failed to build the chaincode interest: ${String(error)}` };
  }
  const eligible = request.peers.filter((peer) => interest.restrictedTo.every((name) => {
    const collection = request.collections.get(name);
    return collection !== undefined && isMember(collection, peer);
  }));
  const endorsers = cheapestSet(request.first.mspId, eligible, interest.policies);
  if (endorsers !== undefined) {
    return { endorsers };
  }
  if (interest.protectedCollections.length > 0 && cheapestSet(request.first.mspId, request.peers, interest.policies) !== undefined) {
    return {
      error: `requires endorsement from organisation(s) that are not in the distribution policy of the private data collection(s): [${interest.protectedCollections.join(' ')}]; retry specifying trusted endorsing organizations to protect transient data`,
    };
  }
  return { error: `no combination of peers can be derived which satisfy the endorsement policy: ${interest.policies.map(formatPolicy).join(' and ')}` };
}
