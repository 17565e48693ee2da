/**
 * One census split by ESU roots: the parts of planEsuUnits and rootRangeUnits cover every
 * subgraph once, so their counts add up to countSubgraphs exactly, for any number of parts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildCensusGraph } from "../../src/motifs/census-graph.js";
import { countSubgraphs } from "../../src/motifs/count-subgraphs.js";
import {
  countSubgraphUnits,
  mergeSubgraphCounts,
  planEsuUnits,
  rootRangeUnits,
} from "../../src/motifs/esu-units.js";
import { Rng } from "../../src/core/random.js";
import { makeDigraph } from "../../src/graph/digraph.js";
import { randomEdgeGraph } from "../fixtures/random-graph.js";

/** A layered graph as a trained MLP's: edges only between consecutive layers, inputs first. */
function layeredGraph(sizes: number[], edgeCount: number, seed: number) {
  const rng = new Rng(seed);
  const offsets = [0];
  for (const s of sizes) offsets.push(offsets[offsets.length - 1] + s);
  const seen = new Set<number>();
  const edges: [number, number, number][] = [];
  while (edges.length < edgeCount) {
    const l = rng.int(sizes.length - 1);
    const a = offsets[l] + rng.int(sizes[l]);
    const b = offsets[l + 1] + rng.int(sizes[l + 1]);
    if (seen.has(a * 1e4 + b)) continue;
    seen.add(a * 1e4 + b);
    edges.push([a, b, 1]);
  }
  return makeDigraph(offsets[sizes.length], edges);
}

function sorted(m: Map<string, number>): Array<[string, number]> {
  return [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

describe("countSubgraphUnits(g, options, units) of a plan's parts", () => {
  it("add up to countSubgraphs for any graph, size and number of parts (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 1, max: 9 }),
        fc.boolean(),
        (seed, size, parts, byRoot) => {
          const g = randomEdgeGraph(16, 45, seed, 2);
          const options = { size };
          const whole = countSubgraphs(g, options);
          const cg = buildCensusGraph(g, false, null);
          const plan = (byRoot ? rootRangeUnits : planEsuUnits)(cg, size, parts);
          expect(plan.length).toBeLessThanOrEqual(parts);
          const merged = mergeSubgraphCounts(
            plan.map((units) => countSubgraphUnits(g, options, units)),
            size,
          );
          expect(merged.total).toBe(whole.total);
          expect([...merged.counts.entries()]).toEqual(sorted(whole.counts));
        },
      ),
      { numRuns: 40 },
    );
  });

  it("root ranges planned on one graph cover every subgraph of another on the same nodes", () => {
    const g = randomEdgeGraph(20, 60, 3);
    const other = randomEdgeGraph(20, 70, 4);
    const plan = rootRangeUnits(buildCensusGraph(g, false, null), 4, 5);
    const options = { size: 4, vertexColours: Int32Array.from({ length: 20 }, (_, i) => i % 3) };
    const merged = mergeSubgraphCounts(
      plan.map((u) => countSubgraphUnits(other, options, u)),
      4,
    );
    const whole = countSubgraphs(other, options);
    expect(merged.total).toBe(whole.total);
    expect([...merged.counts.entries()]).toEqual(sorted(whole.counts));
  });

  it("planEsuUnits cuts a heavy root between its children", () => {
    // A star: every 3-subgraph has root 0, so only a cut among its children makes 4 parts.
    const star = {
      n: 9,
      start: Int32Array.from([0, 8, 9, 10, 11, 12, 13, 14, 15, 16]),
      adj: Int32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 0, 0, 0, 0, 0]),
    };
    const plan = planEsuUnits(star, 3, 4);
    expect(plan.length).toBe(4);
    expect(plan.every((u) => u[0] === 0)).toBe(true);
  });

  it("planEsuUnits balances the parts of a layered graph (the heaviest ≤ 1.5× the mean)", () => {
    // Low-numbered inputs root most subgraphs (they reach every later input through the hidden
    // units): a cost from degrees alone gave one part most of the census here.
    const g = layeredGraph([300, 20, 20, 10], 700, 7);
    const size = 5;
    const plan = planEsuUnits(buildCensusGraph(g, false, null), size, 4);
    expect(plan.length).toBe(4);
    const totals = plan.map((units) => countSubgraphUnits(g, { size }, units).total);
    const mean = totals.reduce((a, b) => a + b, 0) / totals.length;
    expect(Math.max(...totals) / mean).toBeLessThan(1.5);
  });
});
