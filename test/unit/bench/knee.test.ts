import { expect } from 'chai';
import { rampExhausted, selectKnee, type RampPoint } from '../../../bench/src/stats/knee';

const point = (concurrency: number, goodput: number, p95Ms: number, failureRate = 0): RampPoint => ({ concurrency, goodput, p95Ms, failureRate });

describe('bench knee selection', () => {
  it('picks the highest goodput among points with p95 ≤ 2 s and < 1 % failures', () => {
    const ramp = [point(1, 3, 300), point(8, 40, 900), point(16, 60, 1900), point(32, 80, 2500), point(64, 90, 900, 0.05)];
    expect(selectKnee(ramp)?.concurrency).to.equal(16);
  });

  it('counts exactly 2 s as acceptable and exactly 1 % failures as not', () => {
    expect(selectKnee([point(4, 10, 2000)])?.concurrency).to.equal(4);
    expect(selectKnee([point(4, 10, 100, 0.01)])).to.equal(undefined);
  });

  it('prefers the lower concurrency on equal goodput and has no knee when nothing qualifies', () => {
    expect(selectKnee([point(8, 50, 500), point(16, 50, 900)])?.concurrency).to.equal(8);
    expect(selectKnee([point(1, 0, 100), point(2, 5, 3000)])).to.equal(undefined);
  });

  it('stops a ramp once a point breaks the criteria without raising goodput', () => {
    expect(rampExhausted([point(1, 10, 300), point(2, 20, 400)])).to.equal(false);
    expect(rampExhausted([point(16, 60, 1500), point(32, 61, 2600)])).to.equal(true);
    expect(rampExhausted([point(16, 60, 1500), point(32, 90, 2600)])).to.equal(false);
  });
});
