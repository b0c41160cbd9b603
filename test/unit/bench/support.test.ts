import { expect } from 'chai';
import { parseMetadata } from '../../../bench/src/fabric/metadata';
import { parseProcStat } from '../../../bench/src/resources/processes';
import { evenParts, planTree, treeSize } from '../../../bench/src/workloads/provenanceTree';

describe('bench provenance tree plan', () => {
  it('plans trees of exactly the requested size with at most 99 inputs per transformation', () => {
    for (const size of [2, 10, 100, 101, 1000, 2500]) {
      const plan = planTree(size);
      expect(treeSize(plan), `size ${size}`).to.equal(size);
      const widest = (node: ReturnType<typeof planTree>): number => Math.max(node.children.length, ...node.children.map(widest));
      expect(widest(plan)).to.be.at.most(99);
    }
  });

  it('keeps 1,000 lots within a shallow depth', () => {
    const depth = (node: ReturnType<typeof planTree>): number => (node.children.length === 0 ? 0 : 1 + Math.max(...node.children.map(depth)));
    expect(depth(planTree(1000))).to.equal(2);
    expect(depth(planTree(10))).to.equal(1);
  });

  it('splits evenly and rejects a tree of one lot', () => {
    expect(evenParts(999, 10)).to.deep.equal([100, 100, 100, 100, 100, 100, 100, 100, 100, 99]);
    expect(() => planTree(1)).to.throw(RangeError);
  });
});

describe('bench process CPU', () => {
  it('reads utime + stime even when the command name has spaces and parentheses', () => {
    const stat = '4242 (node (cc) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 150 0 0 20 0 11 0 100 0 0';
    expect(parseProcStat(stat)).to.equal(4);
  });
});

describe('bench chaincode metadata', () => {
  it('lists namespace:Name of every transaction', () => {
    const names = parseMetadata({ contracts: { baseline: { transactions: [{ name: 'Write' }, { name: 'Read' }] }, lot: { transactions: [{ name: 'MintLot' }] } } });
    expect([...names].sort()).to.deep.equal(['baseline:Read', 'baseline:Write', 'lot:MintLot']);
    expect(parseMetadata('nonsense').size).to.equal(0);
  });
});
