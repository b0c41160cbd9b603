import { expect } from 'chai';
import { percentile, ratio, summarize } from '../../../bench/src/stats/percentiles';
import { seededRandom } from '../../../bench/src/stats/random';
import { newZipfSampler } from '../../../bench/src/stats/zipf';

describe('bench percentiles', () => {
  it('uses the nearest rank: p50 of 1..4 is 2, p95 and p99 of 1..100 are 95 and 99', () => {
    expect(percentile([1, 2, 3, 4], 50)).to.equal(2);
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 95)).to.equal(95);
    expect(percentile(hundred, 99)).to.equal(99);
    expect(percentile(hundred, 100)).to.equal(100);
  });

  it('summarises unsorted values', () => {
    const summary = summarize([300, 100, 200, 1000]);
    expect(summary).to.include({ count: 4, p50: 200, p95: 1000, max: 1000, mean: 400 });
  });

  it('returns NaN statistics for no values and a null ratio for a missing or zero reference', () => {
    expect(summarize([]).p50).to.be.NaN;
    expect(ratio(5, 0)).to.equal(null);
    expect(ratio(null, 2)).to.equal(null);
    expect(ratio(Number.NaN, 2)).to.equal(null);
    expect(ratio(3, 2)).to.equal(1.5);
  });

  it('rejects a percentile outside (0, 100]', () => {
    expect(() => percentile([1], 0)).to.throw(RangeError);
    expect(() => percentile([1], 101)).to.throw(RangeError);
  });
});

describe('bench Zipf sampler', () => {
  it('has probabilities proportional to 1/(rank+1)^s that sum to 1', () => {
    const zipf = newZipfSampler(10, 1, seededRandom(1));
    const total = Array.from({ length: 10 }, (_, rank) => zipf.probability(rank)).reduce((a, b) => a + b, 0);
    expect(total).to.be.closeTo(1, 1e-12);
    expect(zipf.probability(0) / zipf.probability(1)).to.be.closeTo(2, 1e-12);
    expect(zipf.probability(0) / zipf.probability(9)).to.be.closeTo(10, 1e-12);
  });

  it('draws ranks with the expected frequencies', () => {
    const zipf = newZipfSampler(20, 1.1, seededRandom(42));
    const counts = new Array<number>(20).fill(0);
    const draws = 50_000;
    for (let i = 0; i < draws; i++) {
      const rank = zipf.next();
      counts[rank] = (counts[rank] ?? 0) + 1;
    }
    expect(counts[0]! / draws).to.be.closeTo(zipf.probability(0), 0.01);
    expect(counts[5]! / draws).to.be.closeTo(zipf.probability(5), 0.01);
    expect(counts.every((count) => count > 0)).to.equal(true);
  });

  it('is uniform at exponent 0 and repeatable for a seed', () => {
    const uniform = newZipfSampler(4, 0, seededRandom(3));
    expect(uniform.probability(0)).to.equal(0.25);
    const a = newZipfSampler(50, 1.1, seededRandom(7));
    const b = newZipfSampler(50, 1.1, seededRandom(7));
    expect(Array.from({ length: 20 }, () => a.next())).to.deep.equal(Array.from({ length: 20 }, () => b.next()));
  });

  it('rejects an empty population or a negative exponent', () => {
    expect(() => newZipfSampler(0, 1, seededRandom(1))).to.throw(RangeError);
    expect(() => newZipfSampler(5, -1, seededRandom(1))).to.throw(RangeError);
  });
});
