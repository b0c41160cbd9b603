import { common, msp } from '@hyperledger/fabric-protos';
import type { MspIdentity } from './ChannelMsp';

/** An MSP role a principal can require (Fabric's `MSPRole.MSPRoleType`, in policy-text spelling). */
export type PrincipalRole = 'member' | 'admin' | 'client' | 'peer' | 'orderer';

/** A policy principal: an MSP role, or a kind this network does not issue (never satisfied). */
export type Principal = { readonly mspId: string; readonly role: PrincipalRole } | { readonly unsupported: string };

/** A signature rule: one principal's signature, or n out of nested rules. */
export type PolicyRule = { readonly signedBy: number } | { readonly outOf: number; readonly rules: readonly PolicyRule[] };

/** A decoded `common.SignaturePolicyEnvelope` (version 0). */
export interface SignaturePolicy {
  readonly identities: readonly Principal[];
  readonly rule: PolicyRule;
}

/** Thrown for bytes that are not a signature policy Fabric can compile. */
export class PolicyError extends Error {
  override name = 'PolicyError';
}

const ROLES: readonly PrincipalRole[] = ['member', 'admin', 'client', 'peer', 'orderer'];
const ROLE_CODES: Readonly<Record<PrincipalRole, msp.MSPRole.MSPRoleTypeMap[keyof msp.MSPRole.MSPRoleTypeMap]>> = {
  member: msp.MSPRole.MSPRoleType.MEMBER,
  admin: msp.MSPRole.MSPRoleType.ADMIN,
  client: msp.MSPRole.MSPRoleType.CLIENT,
  peer: msp.MSPRole.MSPRoleType.PEER,
  orderer: msp.MSPRole.MSPRoleType.ORDERER,
};

function decodePrincipal(principal: msp.MSPPrincipal): Principal {
  const classification = principal.getPrincipalClassification();
  if (classification !== msp.MSPPrincipal.Classification.ROLE) {
    return { unsupported: `principal classification ${String(classification)}` };
  }
  const role = msp.MSPRole.deserializeBinary(principal.getPrincipal_asU8());
  const name = ROLES[role.getRole()];
  return name === undefined ? { unsupported: `MSP role ${String(role.getRole())}` } : { mspId: role.getMspIdentifier(), role: name };
}

function decodeRule(rule: common.SignaturePolicy | undefined, identityCount: number): PolicyRule {
  if (rule?.getTypeCase() === common.SignaturePolicy.TypeCase.SIGNED_BY) {
    const index = rule.getSignedBy();
    if (index < 0 || index >= identityCount) {
      throw new PolicyError(`identity index out of range, requested ${String(index)}, but identities length is ${String(identityCount)}`);
    }
    return { signedBy: index };
  }
  const outOf = rule?.getNOutOf();
  if (outOf === undefined) {
    throw new PolicyError('Empty policy element');
  }
  return { outOf: outOf.getN(), rules: outOf.getRulesList().map((nested) => decodeRule(nested, identityCount)) };
}

/**
 * Decodes `common.SignaturePolicyEnvelope` bytes, as Fabric's policy provider compiles them.
 * @throws {@link PolicyError} when the bytes are not a version-0 envelope with a well-formed rule
 */
export function decodeSignaturePolicy(bytes: Uint8Array): SignaturePolicy {
  let envelope: common.SignaturePolicyEnvelope;
  try {
    envelope = common.SignaturePolicyEnvelope.deserializeBinary(bytes);
  } catch (error) {
    throw new PolicyError(`Error unmarshalling to SignaturePolicy: ${String(error)}`);
  }
  if (envelope.getVersion() !== 0) {
    throw new PolicyError(`This evaluator only understands messages of version 0, but version was ${String(envelope.getVersion())}`);
  }
  const identities = envelope.getIdentitiesList().map(decodePrincipal);
  return { identities, rule: decodeRule(envelope.getRule(), identities.length) };
}

function encodeRule(rule: PolicyRule): common.SignaturePolicy {
  const encoded = new common.SignaturePolicy();
  if ('signedBy' in rule) {
    encoded.setSignedBy(rule.signedBy);
    return encoded;
  }
  const outOf = new common.SignaturePolicy.NOutOf();
  outOf.setN(rule.outOf);
  outOf.setRulesList(rule.rules.map(encodeRule));
  encoded.setNOutOf(outOf);
  return encoded;
}

function encodePrincipal(principal: Principal): msp.MSPPrincipal {
  if ('unsupported' in principal) {
    throw new PolicyError(`cannot encode an unsupported principal (${principal.unsupported})`);
  }
  const role = new msp.MSPRole();
  role.setMspIdentifier(principal.mspId);
  role.setRole(ROLE_CODES[principal.role]);
  const encoded = new msp.MSPPrincipal();
  encoded.setPrincipalClassification(msp.MSPPrincipal.Classification.ROLE);
  encoded.setPrincipal(role.serializeBinary());
  return encoded;
}

/** Encodes a policy as `common.SignaturePolicyEnvelope` bytes (what `setStateValidationParameter` takes). */
export function encodeSignaturePolicy(policy: SignaturePolicy): Uint8Array {
  const envelope = new common.SignaturePolicyEnvelope();
  envelope.setVersion(0);
  envelope.setRule(encodeRule(policy.rule));
  envelope.setIdentitiesList(policy.identities.map(encodePrincipal));
  return envelope.serializeBinary();
}

function satisfiesPrincipal(identity: MspIdentity, principal: Principal | undefined): boolean {
  if (principal === undefined || 'unsupported' in principal || principal.mspId !== identity.mspId) {
    return false;
  }
  return principal.role === 'member' || identity.ous.includes(principal.role);
}

/** Fabric's cauthdsl evaluation: greedy, each identity used at most once across the whole rule. */
function evaluateRule(rule: PolicyRule, principals: readonly Principal[], identities: readonly MspIdentity[], used: boolean[]): boolean {
  if ('signedBy' in rule) {
    const index = identities.findIndex((identity, i) => used[i] !== true && satisfiesPrincipal(identity, principals[rule.signedBy]));
    if (index < 0) {
      return false;
    }
    used[index] = true;
    return true;
  }
  let verified = 0;
  for (const nested of rule.rules) {
    const attempt = [...used];
    if (evaluateRule(nested, principals, identities, attempt)) {
      verified += 1;
      attempt.forEach((value, i) => (used[i] = value));
    }
  }
  return verified >= rule.outOf;
}

/**
 * Tells whether a set of signing identities satisfies a policy, exactly as Fabric evaluates it: duplicate
 * identities count once, each identity satisfies at most one principal, `member` is satisfied by any valid
 * identity of the organisation and the other roles by the identity's NodeOU.
 * @param policy - the policy
 * @param signers - the identities whose signatures are present (already validated by the MSP)
 */
export function evaluatePolicy(policy: SignaturePolicy, signers: readonly MspIdentity[]): boolean {
  const seen = new Set<string>();
  const identities = signers.filter((identity) => {
    const key = `${identity.mspId}\u0000${identity.id}`;
    const fresh = !seen.has(key);
    seen.add(key);
    return fresh;
  });
  return evaluateRule(policy.rule, policy.identities, identities, identities.map(() => false));
}

function formatRule(rule: PolicyRule, principals: readonly Principal[]): string {
  if ('signedBy' in rule) {
    const principal = principals[rule.signedBy];
    return principal === undefined || 'unsupported' in principal ? `'?'` : `'${principal.mspId}.${principal.role}'`;
  }
  return `OutOf(${String(rule.outOf)}, ${rule.rules.map((nested) => formatRule(nested, principals)).join(', ')})`;
}

/**
 * Writes a policy in the policy-text syntax, for messages.
 * @example
 * ```ts
 * formatPolicy(parsePolicy("AND('A.peer', 'B.peer')")); // "OutOf(2, 'A.peer', 'B.peer')"
 * ```
 */
export function formatPolicy(policy: SignaturePolicy): string {
  return formatRule(policy.rule, policy.identities);
}
