import { expect } from 'chai';
import { isContractError, type Battery, type ErrorCode, type Facility, type MaterialLot } from '../../../chaincode/src/api';

/** Asserts that `run` throws a contract error of `code`; returns its message. */
export function expectCode(run: () => unknown, code: ErrorCode): string {
  try {
    run();
  } catch (error) {
    expect(isContractError(error), String(error)).to.equal(true);
    expect(isContractError(error) ? error.code : undefined, String(error)).to.equal(code);
    return isContractError(error) ? error.detail : '';
  }
  expect.fail(`expected ${code}, but nothing was thrown`);
}

const meta = { createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z', txId: 't', version: 1, recordHash: `0x${'0'.repeat(64)}`, previousHash: `0x${'0'.repeat(64)}` };

/** A stored facility record. */
export function facility(id: string, kind: Facility['kind'], ownerMsp = 'MiningMSP'): Facility {
  return { ...meta, id, ownerMsp, kind, name: id, country: 'FI', certifications: [] };
}

/** A stored lot record (an active mined cobalt-sulfate-like lot unless told otherwise). */
export function lot(id: string, fields: Partial<MaterialLot> = {}): MaterialLot {
  return {
    ...meta,
    id,
    ownerMsp: 'MiningMSP',
    material: 'COBALT_ORE',
    massGrams: 1_000_000,
    initialMassGrams: 1_000_000,
    custodianFacilityId: 'plant',
    status: 'ACTIVE',
    custodyModel: 'SEGREGATED',
    origin: { kind: 'MINED', facilityId: 'mine', country: 'CD' },
    parents: [],
    claims: [],
    elementContent: { COBALT: 30 },
    ...fields,
  };
}

/** A stored battery record. */
export function battery(id: string, fields: Partial<Battery> = {}): Battery {
  return {
    ...meta,
    id,
    ownerMsp: 'ManufacturingMSP',
    level: 'PACK',
    category: 'EV',
    model: 'P1',
    chemistry: 'NMC',
    massGrams: 1_000_000,
    ratedCapacityMilliampHours: 100_000,
    nominalVoltageMillivolts: 400_000,
    ratedEnergyWattHours: 40_000,
    manufacturerMsp: 'ManufacturingMSP',
    manufacturingFacilityId: 'pack-plant',
    manufacturingCountry: 'DE',
    manufacturedAt: '2025-01-01T00:00:00.000Z',
    holderFacilityId: 'pack-plant',
    status: 'IN_USE',
    passportStatus: 'ORIGINAL',
    lots: [],
    components: [],
    materials: [],
    elements: [],
    claims: [],
    carbonFootprint: { totalGramsCo2e: 0, rawMaterialsGramsCo2e: 0, componentsGramsCo2e: 0, manufacturingGramsCo2e: 0, perKwhGramsCo2e: 0, complete: true, lotsWithoutData: [] },
    hazardousSubstances: [],
    labels: [],
    ...fields,
  };
}
