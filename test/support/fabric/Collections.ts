import { implicitCollection } from '../../../chaincode/src/api';
import type { MspIdentity } from './ChannelMsp';
import { parsePolicy } from './policyText';
import { evaluatePolicy, type SignaturePolicy } from './SignaturePolicy';

/** One entry of a `collections_config.json` (the fields the in-memory network honours). */
export interface CollectionConfig {
  readonly name: string;
  /** Member organisations, as policy text. */
  readonly policy: string;
  readonly memberOnlyRead?: boolean;
  readonly memberOnlyWrite?: boolean;
  readonly endorsementPolicy?: { readonly signaturePolicy?: string };
}

/** A private data collection as the peers and validators see it. */
export interface Collection {
  readonly name: string;
  /** Who is a member: members' peers hold the data; with `memberOnly*`, only members' clients may read/write. */
  readonly members: SignaturePolicy;
  readonly memberOnlyRead: boolean;
  readonly memberOnlyWrite: boolean;
  /** The collection's endorsement policy; `undefined` means the chaincode's. */
  readonly endorsementPolicy: SignaturePolicy | undefined;
}

/** Tells whether an identity (a client or a peer) belongs to a member organisation of the collection. */
export function isMember(collection: Collection, identity: MspIdentity): boolean {
  return evaluatePolicy(collection.members, [identity]);
}

function fromConfig(config: CollectionConfig): Collection {
  const endorsement = config.endorsementPolicy?.signaturePolicy;
  return {
    name: config.name,
    members: parsePolicy(config.policy),
    memberOnlyRead: config.memberOnlyRead ?? false,
    memberOnlyWrite: config.memberOnlyWrite ?? false,
    endorsementPolicy: endorsement === undefined ? undefined : parsePolicy(endorsement),
  };
}

/**
 * An organisation's implicit collection: its members hold the data, anyone may read or write through the
 * chaincode, and writes are endorsed under the organisation's channel `Endorsement` policy, which this
 * network's configtx.yaml sets to `OR('<MSP>.peer')`.
 */
function implicitOf(mspId: string): Collection {
  return {
    name: implicitCollection(mspId),
    members: parsePolicy(`OR('${mspId}.member')`),
    memberOnlyRead: false,
    memberOnlyWrite: false,
    endorsementPolicy: parsePolicy(`OR('${mspId}.peer')`),
  };
}

/** The chaincode's collections: the configured ones and the implicit collection of every channel organisation. */
export class Collections {
  readonly #byName: ReadonlyMap<string, Collection>;

  /**
   * @param configs - the chaincode's collection configuration
   * @param mspIds - the channel's organisations
   */
  constructor(configs: readonly CollectionConfig[], mspIds: readonly string[]) {
    const all = [...configs.map(fromConfig), ...mspIds.map(implicitOf)];
    this.#byName = new Map(all.map((collection) => [collection.name, collection]));
  }

  /** The collection, or `undefined` when the chaincode defines none of that name. */
  get(name: string): Collection | undefined {
    return this.#byName.get(name);
  }
}
