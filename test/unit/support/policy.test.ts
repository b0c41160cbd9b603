import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { msp } from '@hyperledger/fabric-protos';
import { KeyEndorsementPolicy } from 'fabric-shim';
import { ORGS } from '../../../chaincode/src/api';
import { ChannelMsp, MspError, type MspIdentity } from '../../support/fabric/ChannelMsp';
import { parsePolicy } from '../../support/fabric/policyText';
import { decodeSignaturePolicy, encodeSignaturePolicy, evaluatePolicy, formatPolicy, PolicyError } from '../../support/fabric/SignaturePolicy';
import { identities } from '../../support/identities';
import { DEFAULT_CHAINCODE_POLICY } from '../../support/MemoryNetwork';
import { authorityOf } from '../../support/pki/organisations';
import { TestIdentity } from '../../support/TestIdentity';

const peer = (mspId: string): { mspId: string; role: 'peer' } => ({ mspId, role: 'peer' as const });

describe('policy text', () => {
  it('parses the chaincode policy into one two-out-of-four gate over the peers', () => {
    expect(parsePolicy(DEFAULT_CHAINCODE_POLICY)).to.deep.equal({
      identities: [peer('MiningMSP'), peer('ManufacturingMSP'), peer('RecyclingMSP'), peer('AuditorMSP')],
      rule: { outOf: 2, rules: [{ signedBy: 0 }, { signedBy: 1 }, { signedBy: 2 }, { signedBy: 3 }] },
    });
  });

  it('numbers principals as Fabric\'s policydsl does: nested gates first', () => {
    expect(parsePolicy("AND('A.member', OR('B.peer', \"C.peer\"))")).to.deep.equal({
      identities: [peer('B'), peer('C'), { mspId: 'A', role: 'member' }],
      rule: { outOf: 2, rules: [{ signedBy: 2 }, { outOf: 1, rules: [{ signedBy: 0 }, { signedBy: 1 }] }] },
    });
  });

  it('encodes an AND of members byte for byte as fabric-shim\'s KeyEndorsementPolicy does', () => {
    const shim = new KeyEndorsementPolicy();
    shim.addOrgs('MEMBER', 'ManufacturingMSP', 'MiningMSP');
    expect(Buffer.from(encodeSignaturePolicy(parsePolicy("AND('ManufacturingMSP.member', 'MiningMSP.member')"))).equals(Buffer.from(shim.getPolicy()))).to.equal(true);
  });

  it('round-trips through SignaturePolicyEnvelope bytes and back to text', () => {
    const policy = parsePolicy("AND('MiningMSP.member', OutOf(1, 'ManufacturingMSP.peer', 'AuditorMSP.peer'))");
    expect(decodeSignaturePolicy(encodeSignaturePolicy(policy))).to.deep.equal(policy);
    expect(formatPolicy(policy)).to.equal("OutOf(2, 'MiningMSP.member', OutOf(1, 'ManufacturingMSP.peer', 'AuditorMSP.peer'))");
  });

  it('accepts the gate names in each spelling Fabric accepts', () => {
    expect(parsePolicy("or('A.peer', Or('B.peer', OR('C.peer')))").rule).to.deep.include({ outOf: 1 });
    expect(parsePolicy("outof(1, 'A.peer')").rule).to.deep.equal(parsePolicy("OUTOF(1, 'A.peer')").rule);
  });

  for (const text of ["AND('A.peer'", "'A.peer'", "XOR('A.peer')", "AND('A.superuser')", "OutOf(3, 'A.peer')", "AND('A.peer') AND('B.peer')", "OutOf('A.peer')"]) {
    it(`rejects ${text}`, () => {
      expect(() => parsePolicy(text)).to.throw(PolicyError);
    });
  }

  it('rejects envelope bytes that are not a version-0 policy with a rule', () => {
    expect(() => decodeSignaturePolicy(Uint8Array.from([0x08, 0x01]))).to.throw(PolicyError, /version/);
    expect(() => decodeSignaturePolicy(new Uint8Array())).to.throw(PolicyError, /Empty policy element/);
  });
});

describe('the local network\'s chaincode policy', () => {
  it('is the one scripts/lib/chaincode.sh deploys, which every in-memory network runs by default', () => {
    const script = readFileSync(join(__dirname, '../../../../scripts/lib/chaincode.sh'), 'utf8');
    const deployed = /^BT_CC_POLICY="\$\{BT_CC_POLICY:-(.*)\}"$/m.exec(script)?.[1] ?? '';
    expect(parsePolicy(DEFAULT_CHAINCODE_POLICY)).to.deep.equal(parsePolicy(deployed));
  });
});

describe('policy evaluation', () => {
  let channel: ChannelMsp;
  const peers = new Map<string, MspIdentity>();
  let secondMiningPeer: MspIdentity;
  let miningClient: MspIdentity;
  let miningAdmin: MspIdentity;

  before(async () => {
    const roots = await Promise.all(Object.values(ORGS).map(async (mspId) => [mspId, (await authorityOf(mspId)).certificatePem] as const));
    channel = new ChannelMsp(new Map(roots));
    for (const mspId of Object.values(ORGS)) {
      peers.set(mspId, channel.deserialize((await new TestIdentity({ mspId, role: 'peer' }).credentials()).serialized));
    }
    secondMiningPeer = channel.deserialize((await new TestIdentity({ mspId: ORGS.mining, role: 'peer', commonName: 'peer1.mining.batterytrace.local' }).credentials()).serialized);
    miningClient = channel.deserialize((await identities.miningUser.credentials()).serialized);
    miningAdmin = channel.deserialize((await identities.miningAdmin.credentials()).serialized);
  });

  const of = (...mspIds: string[]): MspIdentity[] => mspIds.map((mspId) => peers.get(mspId) as MspIdentity);

  it('is satisfied by the peers of two organisations for OutOf(2)', () => {
    const policy = parsePolicy(DEFAULT_CHAINCODE_POLICY);
    expect(evaluatePolicy(policy, of(ORGS.mining, ORGS.audit))).to.equal(true);
    expect(evaluatePolicy(policy, of(ORGS.recycling))).to.equal(false);
  });

  it('cannot be satisfied by one organisation signing twice', () => {
    const policy = parsePolicy(DEFAULT_CHAINCODE_POLICY);
    expect(evaluatePolicy(policy, of(ORGS.mining, ORGS.mining))).to.equal(false);
    expect(evaluatePolicy(policy, [...of(ORGS.mining), secondMiningPeer])).to.equal(false);
    expect(evaluatePolicy(parsePolicy("OutOf(2, 'MiningMSP.peer', 'MiningMSP.peer')"), [...of(ORGS.mining), secondMiningPeer])).to.equal(true);
  });

  it('lets any valid identity of the organisation satisfy member, and only the NodeOU satisfy a role', () => {
    expect(evaluatePolicy(parsePolicy("OR('MiningMSP.member')"), [miningClient])).to.equal(true);
    expect(evaluatePolicy(parsePolicy("OR('MiningMSP.peer')"), [miningClient, miningAdmin])).to.equal(false);
    expect(evaluatePolicy(parsePolicy("OR('MiningMSP.admin')"), [miningAdmin])).to.equal(true);
    expect(evaluatePolicy(parsePolicy("OR('ManufacturingMSP.member')"), of(ORGS.mining))).to.equal(false);
  });

  it('evaluates nested gates: the owner and one other organisation', () => {
    const policy = parsePolicy("AND('MiningMSP.member', OutOf(1, 'ManufacturingMSP.peer', 'RecyclingMSP.peer', 'AuditorMSP.peer'))");
    expect(evaluatePolicy(policy, of(ORGS.mining, ORGS.audit))).to.equal(true);
    expect(evaluatePolicy(policy, of(ORGS.mining))).to.equal(false);
    expect(evaluatePolicy(policy, of(ORGS.manufacturing, ORGS.audit))).to.equal(false);
  });

  it('reads the policies the chaincode writes with KeyEndorsementPolicy', () => {
    const shim = new KeyEndorsementPolicy();
    shim.addOrgs('MEMBER', ORGS.mining, ORGS.manufacturing);
    const policy = decodeSignaturePolicy(shim.getPolicy());
    expect(evaluatePolicy(policy, of(ORGS.mining, ORGS.manufacturing))).to.equal(true);
    expect(evaluatePolicy(policy, of(ORGS.mining, ORGS.recycling))).to.equal(false);
  });

  it('refuses identities from outside the channel and certificates another organisation\'s CA issued', async () => {
    expect(() => channel.deserialize(Uint8Array.from([1, 2, 3]))).to.throw(MspError);
    const outsider = (await identities.outsider.credentials()).serialized;
    expect(() => channel.deserialize(outsider)).to.throw(MspError, /not defined on channel/);
    const forged = new msp.SerializedIdentity();
    forged.setMspid(ORGS.mining);
    forged.setIdBytes(new TextEncoder().encode((await identities.manufacturingUser.credentials()).certificatePem));
    expect(() => channel.deserialize(forged.serializeBinary())).to.throw(MspError, /not issued by the CA of MiningMSP/);
  });
});
