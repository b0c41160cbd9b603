import { expect } from 'chai';
import type { TraceNode } from '../../../demo/report/model';
import { layoutTraceTree, renderTraceList, renderTraceTreeSvg } from '../../../demo/report/traceTree';
import { fixtureReport } from './fixture';

function count(node: TraceNode): number {
  return 1 + node.children.reduce((sum, child) => sum + count(child), 0);
}

describe('layoutTraceTree', () => {
  it('places one box per node and one edge per parent-child pair', () => {
    const trace = fixtureReport().trace;
    const layout = layoutTraceTree(trace);
    expect(layout.boxes).to.have.length(count(trace));
    expect(layout.edges).to.have.length(count(trace) - 1);
  });

  it('puts each hop one column further right and no two boxes of a column on top of each other', () => {
    const layout = layoutTraceTree(fixtureReport().trace);
    for (const edge of layout.edges) {
      expect(edge.to.depth).to.equal(edge.from.depth + 1);
      expect(edge.to.x).to.be.greaterThan(edge.from.x + edge.from.width);
    }
    const depths = new Set(layout.boxes.map((b) => b.depth));
    for (const depth of depths) {
      const column = layout.boxes.filter((b) => b.depth === depth).sort((a, b) => a.y - b.y);
      column.slice(1).forEach((box, i) => expect(box.y).to.be.at.least(column[i]!.y + column[i]!.height));
    }
    for (const box of layout.boxes) {
      expect(box.x + box.width).to.be.at.most(layout.width);
      expect(box.y + box.height).to.be.at.most(layout.height);
    }
  });

  it('labels each edge with the mass used at that hop', () => {
    const layout = layoutTraceTree(fixtureReport().trace);
    const edge = layout.edges.find((e) => e.to.node.id === 'fx-COSO4-0001');
    expect(edge?.label).to.equal('12.35 t');
  });
});

describe('renderTraceTreeSvg and renderTraceList', () => {
  it('show every record down to the mine sites with exact masses in the list', () => {
    const trace = fixtureReport().trace;
    const svg = renderTraceTreeSvg(trace, 'trace');
    expect(svg).to.include('data-id="fx-MINE-CD-KOL"');
    expect(svg).to.include('Greenbushes spodumene mine (AU)');
    const list = renderTraceList(trace);
    expect(list).to.include('12,345.678 kg used');
    expect(list).to.include('IRMA 75 (valid to 2026-06-30)');
  });

  it('escapes hostile record fields', () => {
    const hostile: TraceNode = {
      id: 'x',
      kind: 'lot',
      title: '</text><script>alert(1)</script>',
      facility: { id: 'f', name: '<img src=x onerror=alert(1)>', country: 'CD', kind: 'mine' },
      certifications: ['"><svg onload=alert(1)>'],
      details: [],
      children: [],
    };
    const html = renderTraceTreeSvg(hostile, 'c') + renderTraceList(hostile);
    expect(html).not.to.match(/<script|<img|<svg onload/);
  });
});
