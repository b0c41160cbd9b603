import { expect } from 'chai';
import { isContractError, type BatteryTraceClient } from '../../sdk/src/index';
import { runId } from './support/network';
import { documentsHash, failure, party } from './support/parties';

describe('access control through the SDK', function () {
  this.timeout(120_000);
  const id = (name: string): string => `${runId}-acl-${name}`;
  let miningAdmin: BatteryTraceClient;
  let mining: BatteryTraceClient;
  let manufacturingAdmin: BatteryTraceClient;
  let recycling: BatteryTraceClient;
  let audit: BatteryTraceClient;

  before(async () => {
    miningAdmin = party('mining', 'admin');
    mining = party('mining');
    manufacturingAdmin = party('manufacturing', 'admin');
    recycling = party('recycling');
    audit = party('audit');
    await miningAdmin.registerFacility({ id: id('mine'), kind: 'MINE', name: 'Moa Bay nickel mine', country: 'CU' });
    await manufacturingAdmin.registerFacility({ id: id('cam'), kind: 'CAM_PLANT', name: 'Nysa cathode plant', country: 'PL' });
    await mining.mintLot({ id: id('lot'), facilityId: id('mine'), material: 'NICKEL_MHP', massGrams: 8_000_000 });
  });

  after(() => {
    for (const client of [miningAdmin, mining, manufacturingAdmin, recycling, audit]) client.close();
  });

  it('lets only an organisation admin register facilities', async () => {
    const error = await failure(mining.registerFacility({ id: id('mine-2'), kind: 'MINE', name: 'Unregistered', country: 'CU' }));
    expect(isContractError(error, 'FORBIDDEN'), String(error)).to.equal(true);
    expect(await failure(audit.getFacility({ id: id('mine-2') }))).to.satisfy((e: unknown) => isContractError(e, 'FACILITY_NOT_FOUND'));
  });

  it('refuses the recycling organisation moving a mine\'s lot', async () => {
    const error = await failure(
      recycling.proposeTransfer({ id: id('steal'), lotId: id('lot'), toFacilityId: id('cam'), declaredMassGrams: 8_000_000, shippingDocumentsHash: documentsHash('x') }),
    );
    expect(isContractError(error, 'FORBIDDEN'), String(error)).to.equal(true);
    expect((await audit.getLot({ id: id('lot') })).status).to.equal('ACTIVE');
  });

  it('lets the auditor read every public record but not move custody', async () => {
    const lot = await audit.getLot({ id: id('lot') });
    expect(lot.custodianFacilityId).to.equal(id('mine'));
    const listed: string[] = [];
    let bookmark = '';
    do {
      const page = await audit.listFacilities({ ownerMsp: 'MiningMSP', pageSize: 100, bookmark });
      listed.push(...page.items.map((f) => f.id));
      bookmark = page.bookmark;
    } while (bookmark !== '' && !listed.includes(id('mine')));
    expect(listed).to.include(id('mine'));
    const error = await failure(
      audit.proposeTransfer({ id: id('audit-move'), lotId: id('lot'), toFacilityId: id('cam'), declaredMassGrams: 8_000_000, shippingDocumentsHash: documentsHash('y') }),
    );
    expect(isContractError(error, 'FORBIDDEN'), String(error)).to.equal(true);
  });

  it('keeps commercial terms private to the sender\'s organisation, with only their hash public', async () => {
    const { transfer } = await mining.proposeTransfer(
      { id: id('sale'), lotId: id('lot'), toFacilityId: id('cam'), declaredMassGrams: 8_000_000, shippingDocumentsHash: documentsHash('CMR-1') },
      { commercialTerms: { priceMinorUnits: 15_400_000, currency: 'USD', contractReference: 'PO-2026-118' } },
    );
    expect(transfer.commercialTermsHash).to.match(/^0x[0-9a-f]{64}$/);
    const terms = await mining.getCommercialTerms({ id: id('sale') });
    expect(terms).to.deep.include({ priceMinorUnits: 15_400_000, currency: 'USD', contractReference: 'PO-2026-118' });
    const outsider = await failure(recycling.getCommercialTerms({ id: id('sale') }));
    expect(outsider, 'an organisation outside the collection read the terms').to.not.equal(undefined);
    const publicTransfer = await recycling.getTransfer({ id: id('sale') });
    expect(JSON.stringify(publicTransfer)).to.not.contain('PO-2026-118');
  });
});
