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
import { randomEdgeGraph } from "../fixtures/random-graph.js";

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
});
