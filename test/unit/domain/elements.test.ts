import { expect } from 'chai';
import fc from 'fast-check';
import { ELEMENTS, MATERIALS } from '../../../chaincode/src/api';
import { elementContentOf, mixedContent, requireElementsConserved, totalUnits } from '../../../chaincode/src/domain/elements';
import { planTransform } from '../../../chaincode/src/domain/process';
import { expectCode, facility, lot } from './support';

describe('element content', () => {
  it("takes the material's reference composition when no assay is declared", () => {
    expect(elementContentOf('CATHODE_NMC', undefined)).to.deep.equal({ COBALT: 606, LITHIUM: 713, NICKEL: 4827, MANGANESE: 565 });
  });

  it('overrides the main element with contentBasisPoints and any element with elements', () => {
    expect(elementContentOf('COBALT_SULFATE', { contentBasisPoints: 2050 })).to.deep.equal({ COBALT: 2050 });
    expect(elementContentOf('BLACK_MASS', { elements: { COBALT: 1200, GRAPHITE: 3000 } })).to.deep.equal({ COBALT: 1200, LITHIUM: 350, NICKEL: 2000, MANGANESE: 600, GRAPHITE: 3000 });
  });

  it('refuses an assay above what the chemistry can hold (cobalt sulfate at 100 %)', () => {
    expect(expectCode(() => elementContentOf('COBALT_SULFATE', { contentBasisPoints: 10_000 }), 'INVALID_ARGUMENT')).to.match(/at most 3802 bp of COBALT/);
  });

  it('refuses an element the material cannot contain', () => {
    expectCode(() => elementContentOf('LITHIUM_CARBONATE', { elements: { COBALT: 1 } }), 'INVALID_ARGUMENT');
  });

  it('refuses contentBasisPoints for a material without a main element', () => {
    expectCode(() => elementContentOf('SCRAP', { contentBasisPoints: 100 }), 'INVALID_ARGUMENT');
  });

  it('keeps every reference composition within its own maximum', () => {
    for (const material of MATERIALS) {
      expect(() => elementContentOf(material, undefined), material).not.to.throw();
    }
  });

  it('never gains an element when lots are mixed (random lots)', () => {
    const element = fc.constantFrom(...ELEMENTS);
    const part = fc.record({ massGrams: fc.integer({ min: 1, max: 10 ** 9 }), elementContent: fc.dictionary(element, fc.integer({ min: 0, max: 10_000 })) });
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 8 }), (parts) => {
        const mass = parts.reduce((sum, p) => sum + p.massGrams, 0);
        const mix = { massGrams: mass, elementContent: mixedContent(parts) };
        for (const e of ELEMENTS) {
          expect(totalUnits([mix], e) <= totalUnits(parts, e)).to.equal(true);
        }
      }),
    );
  });
});

describe('element conservation in a transformation', () => {
  const refinery = facility('plant', 'REFINERY');
  const ore = lot('ore', { claims: ['CERTIFIED_ORIGIN'] });

  it('refuses 1 t of cobalt ore (3 kg Co) becoming 1 t of cobalt sulfate', () => {
    const input = { id: 'run', processKind: 'REFINING' as const, inputs: [{ lotId: 'ore', massGrams: 1_000_000 }], outputs: [{ id: 'so4', material: 'COBALT_SULFATE' as const, massGrams: 1_000_000, assay: { contentBasisPoints: 2_000 } }], lossGrams: 0 };
    expect(expectCode(() => planTransform(input, refinery, [ore]), 'ELEMENT_NOT_CONSERVED')).to.match(/COBALT/);
  });

  it('accepts the sulfate the cobalt can make, the rest as loss', () => {
    const input = { id: 'run', processKind: 'REFINING' as const, inputs: [{ lotId: 'ore', massGrams: 1_000_000 }], outputs: [{ id: 'so4', material: 'COBALT_SULFATE' as const, massGrams: 14_000, assay: { contentBasisPoints: 2_096 } }], lossGrams: 986_000 };
    const plan = planTransform(input, refinery, [ore]);
    expect(plan.outputs[0]?.elementContent).to.deep.equal({ COBALT: 2096 });
  });

  it('counts untracked reagents in the mass balance but never as a source of an element', () => {
    const hydroxide = lot('oh', { material: 'COBALT_HYDROXIDE', massGrams: 1_000, initialMassGrams: 1_000, elementContent: { COBALT: 6000 } });
    const hydrate = { id: 'run', processKind: 'REFINING' as const, inputs: [{ lotId: 'oh', massGrams: 1_000 }], lossGrams: 0, reagentGrams: 1_800, outputs: [{ id: 'so4', material: 'COBALT_SULFATE' as const, massGrams: 2_800, assay: { contentBasisPoints: 2096 } }] };
    const plan = planTransform(hydrate, refinery, [hydroxide]);
    expect(plan.run).to.include({ inputMassGrams: 1_000, reagentGrams: 1_800 });
    expect(plan.run.outputs[0]?.yieldBasisPoints).to.equal(10_000);
    expectCode(() => planTransform({ ...hydrate, reagentGrams: 1_700 }, refinery, [hydroxide]), 'MASS_NOT_CONSERVED');
    expectCode(() => planTransform({ ...hydrate, reagentGrams: 3_800, outputs: [{ ...hydrate.outputs[0]!, massGrams: 4_800 }] }, refinery, [hydroxide]), 'ELEMENT_NOT_CONSERVED');
  });

  it('checks every element, not only the main one', () => {
    const cathodeInput = lot('pcam', { material: 'PRECURSOR_PCAM', elementContent: { NICKEL: 5000, COBALT: 700, MANGANESE: 700 } });
    const input = { id: 'run', processKind: 'CATHODE_SYNTHESIS' as const, inputs: [{ lotId: 'pcam', massGrams: 1_000 }], outputs: [{ id: 'nmc', material: 'CATHODE_NMC' as const, massGrams: 1_000 }], lossGrams: 0 };
    expect(expectCode(() => planTransform(input, facility('plant', 'CAM_PLANT'), [cathodeInput]), 'ELEMENT_NOT_CONSERVED')).to.match(/LITHIUM/);
  });

  it('reports both masses when refusing', () => {
    expect(() => { requireElementsConserved([{ massGrams: 10, elementContent: { LEAD: 5000 } }], [{ massGrams: 10, elementContent: { LEAD: 6000 } }], 'x'); }).to.throw(/6 g of LEAD, its inputs only 5 g/);
  });
});
