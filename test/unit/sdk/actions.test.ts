import { expect } from 'chai';
import { Wallet } from 'ethers';
import { ZERO_HASH } from '../../../chaincode/src/api/hashing';
import { createClient, IntegrityError, verifyProof, type BatteryTraceClient, type IssueBatteryParameters } from '../../../sdk/src/index';
import { FakeContract, FakeNetwork } from './support/fakeGateway';
import { facilityRecord, lotHistory, lotRecord, transferRecord } from './support/records';

const utf8 = new TextDecoder();

function setup(): { contract: FakeContract; client: BatteryTraceClient } {
  const network = new FakeNetwork([]);
  return { contract: network.contract, client: createClient({ network: network.asNetwork(), mspId: 'MiningMSP' }) };
}

function sentRequest(contract: FakeContract, index = 0): unknown {
  const arg = contract.calls[index]?.options.arguments?.[0];
  return JSON.parse(typeof arg === 'string' ? arg : utf8.decode(arg)) as unknown;
}

describe('SDK typed actions', () => {
  describe('mintLot', () => {
    it('submits lot:MintLot with the request (defaults applied) and returns the typed lot', async () => {
      const { contract, client } = setup();
      contract.answer({ result: lotRecord('LOT-1') });
      const lot = await client.mintLot({ id: 'LOT-1', facilityId: 'MINE-1', material: 'COBALT_HYDROXIDE', massGrams: 1_000_000 });
      expect(lot.status).to.equal('ACTIVE');
      expect(contract.calls[0]?.name).to.equal('lot:MintLot');
      expect(sentRequest(contract)).to.deep.equal({
        id: 'LOT-1',
        facilityId: 'MINE-1',
        material: 'COBALT_HYDROXIDE',
        massGrams: 1_000_000,
        custodyModel: 'IDENTITY_PRESERVED',
        claims: [],
      });
    });

    it('rejects a fractional mass before sending', async () => {
      const { contract, client } = setup();
      const error = await client.mintLot({ id: 'LOT-1', facilityId: 'MINE-1', material: 'COBALT_HYDROXIDE', massGrams: 1.5 }).catch((e: unknown) => e);
      expect(error).to.have.property('category', 'validation');
      expect(contract.calls).to.have.length(0);
    });
  });

  describe('getLot', () => {
    it('evaluates lot:GetLot', async () => {
      const { contract, client } = setup();
      contract.answer({ result: lotRecord('LOT-1') });
      expect((await client.getLot({ id: 'LOT-1' })).id).to.equal('LOT-1');
      expect(contract.calls[0]).to.deep.include({ kind: 'evaluate', name: 'lot:GetLot' });
    });
  });

  describe('proposeTransfer', () => {
    const request = { id: 'T-1', lotId: 'LOT-1', toFacilityId: 'REF-1', declaredMassGrams: 1000, shippingDocumentsHash: `0x${'ab'.repeat(32)}` };

    it('sends commercial terms as transient data with a random salt, endorsed by the two parties of the deal only', async () => {
      const { contract, client } = setup();
      contract.answer({ result: facilityRecord('REF-1', 'ManufacturingMSP') }, { throws: new Error('stop here') });
      await client.proposeTransfer(request, { commercialTerms: { priceMinorUnits: 125, currency: 'USD', contractReference: 'PO-7' } }).catch(() => undefined);
      expect(contract.calls[0]?.name).to.equal('facility:GetFacility');
      const options = contract.calls[1]?.options;
      expect(options?.endorsingOrganizations).to.deep.equal(['MiningMSP', 'ManufacturingMSP']);
      const terms = JSON.parse(utf8.decode(options?.transientData?.commercialTerms as Uint8Array)) as Record<string, unknown>;
      expect(terms).to.include({ priceMinorUnits: 125, currency: 'USD', contractReference: 'PO-7' });
      expect(terms.salt).to.match(/^[0-9a-f]{32}$/);
      expect(sentRequest(contract, 1)).to.not.have.property('commercialTerms');
    });

    it('asks a second organisation of its own choosing for a transfer between two facilities of its own', async () => {
      const { contract, client } = setup();
      contract.answer({ result: facilityRecord('REF-1', 'MiningMSP') });
      const error = await client.proposeTransfer(request, { commercialTerms: { priceMinorUnits: 1, currency: 'USD', contractReference: 'PO-8' } }).catch((e: unknown) => e);
      expect(error).to.have.property('category', 'configuration');
      expect(contract.calls).to.have.length(1);
    });

    it('sends no transient data without commercial terms', async () => {
      const { contract, client } = setup();
      contract.answer({ throws: new Error('stop here') });
      await client.proposeTransfer(request).catch(() => undefined);
      expect(contract.calls[0]?.options.transientData).to.equal(undefined);
    });
  });

  describe('acceptTransfer', () => {
    it('reads the transfer and names its sender and receiver organisations as endorsers', async () => {
      const { contract, client } = setup();
      const transfer = transferRecord('T-1');
      contract.answer({ result: transfer }, { result: { transfer: { ...transfer, status: 'ACCEPTED' }, lot: lotRecord('LOT-1') } });
      const result = await client.acceptTransfer({ transferId: 'T-1', receivedMassGrams: 999_000 });
      expect(result.transfer.status).to.equal('ACCEPTED');
      expect(contract.calls.map((call) => call.name)).to.deep.equal(['custody:GetTransfer', 'custody:AcceptTransfer']);
      expect(contract.calls[1]?.options.endorsingOrganizations).to.deep.equal(['MiningMSP', 'ManufacturingMSP']);
    });

    it('keeps the endorsers the caller names', async () => {
      const { contract, client } = setup();
      contract.answer({ throws: new Error('stop') });
      await client.acceptTransfer({ transferId: 'T-1', receivedMassGrams: 1 }, { endorsingOrganizations: ['AuditorMSP'] }).catch(() => undefined);
      expect(contract.calls[0]?.options.endorsingOrganizations).to.deep.equal(['AuditorMSP']);
    });
  });

  describe('issueBattery', () => {
    const pack: IssueBatteryParameters = {
      id: 'PACK-1', facilityId: 'PP-1', level: 'PACK', category: 'EV', model: 'P', chemistry: 'NMC',
      massGrams: 450_000, ratedCapacityMilliampHours: 200_000, nominalVoltageMillivolts: 400_000, components: ['CELL-1'],
    };

    it('sends restricted passport fields salted as transient data, endorsed by the caller and the auditor organisation', async () => {
      const { contract, client } = setup();
      contract.answer({ throws: new Error('stop') });
      await client.issueBattery(pack, { restricted: { safetyMeasures: 'isolate first' } }).catch(() => undefined);
      const options = contract.calls[0]?.options;
      expect(contract.calls[0]?.name).to.equal('battery:IssueBattery');
      expect(options?.endorsingOrganizations).to.deep.equal(['MiningMSP', 'AuditorMSP']);
      const restricted = JSON.parse(utf8.decode(options?.transientData?.passportRestricted as Uint8Array)) as Record<string, unknown>;
      expect(restricted).to.include({ safetyMeasures: 'isolate first' });
      expect(restricted.salt).to.match(/^[0-9a-f]{32}$/);
    });

    it('rejects restricted fields that do not match their schema before sending', async () => {
      const { contract, client } = setup();
      const error = await client.issueBattery(pack, { restricted: { testReportsHash: 'not a hash' } }).catch((e: unknown) => e);
      expect(error).to.have.property('category', 'validation');
      expect(contract.calls).to.have.length(0);
    });
  });

  describe('getLotHistory', () => {
    it('returns a history whose hash chain verifies', async () => {
      const { contract, client } = setup();
      contract.answer({ result: lotHistory('LOT-1', [{}, { massGrams: 600_000 }, { status: 'IN_TRANSIT' }]) });
      const history = await client.getLotHistory({ id: 'LOT-1' });
      expect(history.entries).to.have.length(3);
    });

    it('rejects a history with an altered version with an IntegrityError', async () => {
      const { contract, client } = setup();
      const history = lotHistory('LOT-1', [{}, { massGrams: 600_000 }]);
      const second = history.entries[1]?.record;
      if (second) second.massGrams = 900_000;
      contract.answer({ result: history });
      const error = await client.getLotHistory({ id: 'LOT-1' }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(IntegrityError);
      expect((error as IntegrityError).problems[0]).to.contain('MaterialLot LOT-1 version 1: recordHash does not match');
    });

    it('rejects a history with a removed version', async () => {
      const { contract, client } = setup();
      const history = lotHistory('LOT-1', [{}, { massGrams: 600_000 }, { massGrams: 500_000 }]);
      history.entries.splice(1, 1);
      contract.answer({ result: history });
      expect(await client.getLotHistory({ id: 'LOT-1' }).catch((e: unknown) => e)).to.be.instanceOf(IntegrityError);
    });
  });

  describe('exportProof', () => {
    it('walks the upstream trace page by page, includes every verified lot history and signs the bundle', async () => {
      const { contract, client } = setup();
      const trace = (nodes: { type: string; id: string; depth: number }[], bookmark: string): unknown => ({
        direction: 'UPSTREAM', rootType: 'MaterialLot', rootId: 'LOT-S', nodes, edges: [], bookmark, depthLimited: false,
      });
      contract.answer(
        { result: trace([{ type: 'MaterialLot', id: 'LOT-S', depth: 0 }, { type: 'ProcessRun', id: 'RUN-1', depth: 1 }], 'next') },
        { result: trace([{ type: 'MaterialLot', id: 'LOT-1', depth: 2 }], '') },
        { result: lotHistory('LOT-S', [{}]) },
        { result: lotHistory('LOT-1', [{}, { status: 'CONSUMED', massGrams: 0 }]) },
      );
      const signer = new Wallet(`0x${'33'.repeat(32)}`);
      const proof = await client.exportProof({ subject: { id: 'LOT-S' }, signer, exportedAt: '2025-06-01T00:00:00.000Z' });
      expect(contract.calls.map((call) => call.name)).to.deep.equal(['lot:TraceUpstream', 'lot:TraceUpstream', 'lot:GetLotHistory', 'lot:GetLotHistory']);
      expect(sentRequest(contract, 1)).to.include({ id: 'LOT-S', bookmark: 'next' });
      expect(proof.chains.map((chain) => `${chain.type} ${chain.id} ${chain.versions.length}`)).to.deep.equal(['MaterialLot LOT-S 1', 'MaterialLot LOT-1 2']);
      expect(proof.channel).to.equal('batterytrace');
      expect(proof.chains[0]?.versions[0]?.previousHash).to.equal(ZERO_HASH);
      const verification = verifyProof(JSON.parse(JSON.stringify(proof)), { trustedSigners: [signer.address] });
      expect(verification.problems).to.deep.equal([]);
      expect(verification.valid).to.equal(true);
    });
  });
});
