import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { withoutColours } from "../../src/graph/digraph.js";
import { countSubgraphs } from "../../src/motifs/count-subgraphs.js";
import { findInstances, nodeParticipation } from "../../src/motifs/instances.js";
import { randomEdgeGraph } from "../fixtures/random-graph.js";

describe("findInstances(g, key, {size, limit, topology})", () => {
  it("returns exactly `count` distinct node sets for every class of the census (k = 3, 4)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.constantFrom(3, 4), (seed, k) => {
        const g = randomEdgeGraph(10, 18, seed, 2);
        const census = countSubgraphs(g, { size: k });
        for (const [key, count] of census.counts) {
          const found = findInstances(g, key, { size: k });
          expect(found.count).toBe(count);
          expect(found.truncated).toBe(false);
          expect(new Set(found.nodeSets.map((s) => s.join(","))).size).toBe(count);
        }
      }),
      { numRuns: 20 },
    );
  });

  it("matches every coloured variant of a topology with `topology: true`", () => {
    const g = randomEdgeGraph(12, 25, 7, 3);
    const uncoloured = countSubgraphs(withoutColours(g), { size: 3 });
    for (const [key, count] of uncoloured.counts) {
      expect(findInstances(g, key, { size: 3, topology: true }).count).toBe(count);
    }
  });

  it("stops at `limit` and says so", () => {
    const g = randomEdgeGraph(12, 30, 3, 1);
    const [key, count] = [...countSubgraphs(g, { size: 3 }).counts].sort((a, b) => b[1] - a[1])[0];
    const found = findInstances(g, key, { size: 3, limit: 2 });
    expect(count).toBeGreaterThan(2);
    expect(found).toMatchObject({ count: 2, truncated: true });
  });
});

describe("nodeParticipation(g, {size})", () => {
  it("sums, per class, to k × the census count", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), (seed) => {
        const g = randomEdgeGraph(10, 20, seed, 2);
        const census = countSubgraphs(g, { size: 4 });
        const columns = nodeParticipation(g, { size: 4 });
        expect(columns.size).toBe(census.counts.size);
        for (const [key, column] of columns) {
          expect(column.reduce((a, b) => a + b, 0)).toBe(4 * census.counts.get(key)!);
        }
      }),
      { numRuns: 20 },
    );
  });
});
