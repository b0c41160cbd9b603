import { expect } from 'chai';
import fc from 'fast-check';
import type { FlowLink, FlowNode, MassFlows } from '../../../demo/report/model';
import { flowImbalances, layoutSankey, type SankeyLayout } from '../../../demo/report/sankeyLayout';
import { renderSankeySvg } from '../../../demo/report/sankeySvg';
import { fixtureReport } from './fixture';

const EPS = 1e-6;

function bandsAt(layout: SankeyLayout, id: string, side: 'in' | 'out'): { top: number; bottom: number; width: number }[] {
  return layout.links
    .filter((l) => (side === 'out' ? l.source === id : l.target === id))
    .map((l) => {
      const centre = side === 'out' ? l.y0 : l.y1;
      return { top: centre - l.width / 2, bottom: centre + l.width / 2, width: l.width };
    })
    .sort((a, b) => a.top - b.top);
}

/** Asserts the bands on one side of a node tile it from the top without gaps or overlap. */
function expectTiled(layout: SankeyLayout, id: string, side: 'in' | 'out'): void {
  const node = layout.nodes.find((n) => n.id === id)!;
  const bands = bandsAt(layout, id, side);
  let y = node.y0;
  for (const band of bands) {
    expect(band.top).to.be.closeTo(y, EPS);
    y = band.bottom;
  }
  expect(y).to.be.at.most(node.y1 + EPS);
}

/** Random layered flows where every inner node passes on exactly what it receives. */
const conservingFlows = fc
  .array(fc.array(fc.integer({ min: 1, max: 5_000_000 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 })
  .chain((layers) =>
    fc.array(fc.nat(), { minLength: 64, maxLength: 64 }).map((choices): MassFlows => {
      const nodes: FlowNode[] = [];
      const links: FlowLink[] = [];
      let previous: { id: string; grams: number }[] = [];
      let pick = 0;
      layers.forEach((sources, layer) => {
        const fresh = sources.map((grams, i) => ({ id: `s${layer}-${i}`, grams }));
        fresh.forEach((s) => nodes.push({ id: s.id, label: s.id, kind: 'source' }));
        const next: { id: string; grams: number }[] = [];
        const targets = [...previous, ...fresh].length > 0 ? Math.max(1, Math.ceil((previous.length + fresh.length) / 2)) : 0;
        for (let t = 0; t < targets; t += 1) {
          nodes.push({ id: `p${layer}-${t}`, label: `p${layer}-${t}`, kind: 'process' });
          next.push({ id: `p${layer}-${t}`, grams: 0 });
        }
        for (const from of [...previous.filter((p) => p.grams > 0), ...fresh]) {
          const target = next[(choices[pick++ % choices.length] ?? 0) % next.length]!;
          links.push({ source: from.id, target: target.id, grams: from.grams, material: 'm' });
          target.grams += from.grams;
        }
        previous = next;
      });
      return { nodes, links };
    }),
  );

describe('layoutSankey', () => {
  it('gives every band the same pixels per gram', () => {
    const layout = layoutSankey(fixtureReport().flows);
    for (const link of layout.links) {
      expect(link.width).to.be.closeTo(link.grams * layout.scale, EPS);
    }
  });

  it('conserves mass per node: bands in and bands out each cover the node exactly', () => {
    const flows = fixtureReport().flows;
    expect(flowImbalances(flows)).to.deep.equal([]);
    const layout = layoutSankey(flows);
    for (const node of layout.nodes) {
      const inWidth = bandsAt(layout, node.id, 'in').reduce((s, b) => s + b.width, 0);
      const outWidth = bandsAt(layout, node.id, 'out').reduce((s, b) => s + b.width, 0);
      const height = node.y1 - node.y0;
      if (node.inGrams > 0) expect(inWidth).to.be.closeTo(height, EPS);
      if (node.outGrams > 0) expect(outWidth).to.be.closeTo(height, EPS);
      expectTiled(layout, node.id, 'in');
      expectTiled(layout, node.id, 'out');
    }
  });

  it('conserves mass per node for random layered flows, inside the canvas, without overlapping nodes', () => {
    fc.assert(
      fc.property(conservingFlows, (flows) => {
        const layout = layoutSankey(flows, { width: 800, height: 400 });
        for (const node of layout.nodes) {
          const inWidth = bandsAt(layout, node.id, 'in').reduce((s, b) => s + b.width, 0);
          const outWidth = bandsAt(layout, node.id, 'out').reduce((s, b) => s + b.width, 0);
          if (node.inGrams > 0 && node.outGrams > 0) {
            expect(node.inGrams).to.equal(node.outGrams);
            expect(inWidth).to.be.closeTo(outWidth, EPS);
          }
          expect(node.y0).to.be.at.least(-EPS);
          expect(node.y1).to.be.at.most(400 + EPS);
          expectTiled(layout, node.id, 'in');
          expectTiled(layout, node.id, 'out');
        }
        const byColumn = new Map<number, typeof layout.nodes>();
        layout.nodes.forEach((n) => byColumn.set(n.column, [...(byColumn.get(n.column) ?? []), n]));
        for (const column of byColumn.values()) {
          const sorted = [...column].sort((a, b) => a.y0 - b.y0);
          sorted.slice(1).forEach((n, i) => expect(n.y0).to.be.at.least(sorted[i]!.y1 - EPS));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('places every link from its source column to a later column', () => {
    const layout = layoutSankey(fixtureReport().flows);
    for (const link of layout.links) {
      expect(link.x1).to.be.greaterThan(link.x0);
    }
    expect(new Set(layout.nodes.map((n) => n.column))).to.deep.equal(new Set([0, 1, 2, 3]));
  });

  it('honours a stated column', () => {
    const flows: MassFlows = {
      nodes: [
        { id: 'a', label: 'a', kind: 'source', column: 0 },
        { id: 'b', label: 'b', kind: 'source', column: 1 },
        { id: 'c', label: 'c', kind: 'product' },
      ],
      links: [
        { source: 'a', target: 'c', grams: 5, material: 'x' },
        { source: 'b', target: 'c', grams: 5, material: 'x' },
      ],
    };
    const layout = layoutSankey(flows);
    expect(layout.nodes.find((n) => n.id === 'b')!.column).to.equal(1);
    expect(layout.nodes.find((n) => n.id === 'c')!.column).to.equal(1);
  });

  it('rejects a link to an unknown node', () => {
    expect(() => layoutSankey({ nodes: [{ id: 'a', label: 'a', kind: 'source' }], links: [{ source: 'a', target: 'zz', grams: 1, material: 'x' }] })).to.throw(
      RangeError,
      /unknown node 'zz'/,
    );
  });

  it('rejects a cycle', () => {
    const nodes: FlowNode[] = ['a', 'b'].map((id) => ({ id, label: id, kind: 'process' }));
    const links: FlowLink[] = [
      { source: 'a', target: 'b', grams: 1, material: 'x' },
      { source: 'b', target: 'a', grams: 1, material: 'x' },
    ];
    expect(() => layoutSankey({ nodes, links })).to.throw(RangeError, /cycle/);
  });

  it('rejects fractional and non-positive masses', () => {
    const nodes: FlowNode[] = ['a', 'b'].map((id) => ({ id, label: id, kind: 'process' }));
    expect(() => layoutSankey({ nodes, links: [{ source: 'a', target: 'b', grams: 1.5, material: 'x' }] })).to.throw(RangeError);
    expect(() => layoutSankey({ nodes, links: [{ source: 'a', target: 'b', grams: 0, material: 'x' }] })).to.throw(RangeError);
  });
});

describe('flowImbalances', () => {
  it('lists an inner node whose outflow differs from its inflow', () => {
    const flows = fixtureReport().flows;
    const broken: MassFlows = { nodes: flows.nodes, links: flows.links.map((l) => (l.source === 'cam' && l.target === 'loss' ? { ...l, grams: 1 } : l)) };
    expect(flowImbalances(broken)).to.deep.equal([{ id: 'cam', inGrams: 50_000_000, outGrams: 48_000_001 }]);
  });
});

describe('renderSankeySvg', () => {
  it('draws one band per link and one bar per node, with exact masses in tooltips', () => {
    const svg = renderSankeySvg(layoutSankey(fixtureReport().flows), 'flows');
    expect(svg.match(/<path class="link"/g)).to.have.length(6);
    expect(svg.match(/<g class="node"/g)).to.have.length(6);
    expect(svg).to.include('Refining → Cathode plant: Cobalt sulfate, 50,000.000 kg');
  });

  it('escapes hostile labels', () => {
    const flows: MassFlows = {
      nodes: [
        { id: 'a"><script>', label: '<script>alert(1)</script>', kind: 'source' },
        { id: 'b', label: 'b', kind: 'product' },
      ],
      links: [{ source: 'a"><script>', target: 'b', grams: 10, material: '<img src=x onerror=alert(1)>' }],
    };
    const svg = renderSankeySvg(layoutSankey(flows), '<b>caption</b>');
    expect(svg).not.to.include('<script');
    expect(svg).not.to.include('<img');
    expect(svg).not.to.include('<b>');
    expect(svg).to.include('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
