import { expect } from 'chai';
import fc from 'fast-check';
import { allocatedIntensity, emissionsMicrograms, totalEmissions } from '../../../chaincode/src/domain/carbon';
import { planMerge, planSplit } from '../../../chaincode/src/domain/lots';
import { planTransform } from '../../../chaincode/src/domain/process';
import { facility, lot } from './support';

const KG_PER_KG_100 = 100_000_000; // 100 kg CO2e per kg, in mg per kg

describe('emissions are conserved', () => {
  it('keeps the emissions of material lost in concentration with the concentrate, and splits them by mass', () => {
    const ore = lot('ore', { massGrams: 1_000_000, initialMassGrams: 1_000_000, carbonIntensityMgPerKg: KG_PER_KG_100, elementContent: { COBALT: 30 } });
    const run = planTransform(
      { id: 'run', processKind: 'CONCENTRATION', inputs: [{ lotId: 'ore', massGrams: 1_000_000 }], outputs: [{ id: 'conc', material: 'COBALT_ORE', massGrams: 100_000, assay: { contentBasisPoints: 300 } }], lossGrams: 900_000 },
      facility('plant', 'CONCENTRATOR'),
      [ore],
    );
    const concentrate = lot('conc', { ...run.outputs[0], massGrams: 100_000 });
    const halves = planSplit(concentrate, [{ id: 'a', massGrams: 50_000 }, { id: 'b', massGrams: 50_000 }]).children;
    const tonnes = (part: { massGrams: number; carbonIntensityMgPerKg?: number }): number => Number(emissionsMicrograms({ massGrams: part.massGrams, intensity: part.carbonIntensityMgPerKg }) ?? 0n) / 1e12;
    expect(tonnes(concentrate)).to.equal(100);
    expect(halves.map(tonnes)).to.deep.equal([50, 50]);
  });

  it("adds the run's declared process emissions, allocated to the outputs by mass", () => {
    const input = lot('in', { massGrams: 1_000, initialMassGrams: 1_000, carbonIntensityMgPerKg: 1_000_000, material: 'COBALT_SULFATE', elementContent: { COBALT: 2000 } });
    const plan = planTransform(
      {
        id: 'run', processKind: 'REFINING', inputs: [{ lotId: 'in', massGrams: 1_000 }], lossGrams: 200, processEmissionsGramsCo2e: 800,
        outputs: [{ id: 'x', material: 'COBALT_SULFATE', massGrams: 600, assay: { contentBasisPoints: 2000 } }, { id: 'y', material: 'SCRAP', massGrams: 200, assay: { elements: { COBALT: 1 } } }],
      },
      facility('plant', 'REFINERY'),
      [input],
    );
    // 1 kg × 1 kg CO2e/kg + 800 g of process emissions = 1.8 kg over 800 g of outputs
    expect(plan.outputs.map((o) => o.carbonIntensityMgPerKg)).to.deep.equal([2_250_000, 2_250_000]);
  });

  it('leaves the outputs without an intensity when an input has none', () => {
    expect(allocatedIntensity([{ massGrams: 1, intensity: 10 }, { massGrams: 1, intensity: undefined }], 0, 2)).to.equal(undefined);
  });

  it('keeps the mass-weighted emissions in a merge', () => {
    const a = lot('a', { massGrams: 300, carbonIntensityMgPerKg: 4_000_000 });
    const b = lot('b', { massGrams: 100, carbonIntensityMgPerKg: 1_000_000 });
    expect(planMerge('m', [a, b]).merged.carbonIntensityMgPerKg).to.equal(3_250_000);
  });

  it('never loses emissions to rounding, and overstates them by less than a milligram per kilogram (random runs)', () => {
    const part = fc.record({ massGrams: fc.integer({ min: 1, max: 10 ** 6 }), intensity: fc.integer({ min: 0, max: 10 ** 6 }) });
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 10 ** 6 }), fc.integer({ min: 1, max: 10 ** 9 }), (inputs, processGrams, outputGrams) => {
        const intensity = allocatedIntensity(inputs, processGrams, outputGrams) ?? 0;
        const before = (totalEmissions(inputs) ?? 0n) + BigInt(processGrams) * 1_000_000n;
        const after = BigInt(intensity) * BigInt(outputGrams);
        expect(after >= before).to.equal(true);
        expect(after - before < BigInt(outputGrams)).to.equal(true);
      }),
    );
  });
});
