/**
 * The bounds that let `nnmotifs census` skip its up-front probes on a small graph (issue 12 item 4,
 * start-up): `esuLevelsBound` is at least what Knuth's probes can report, `censusCostBound` at least
 * `estimateCensusCost`, and `checkCensusPlanQuickly` refuses exactly what `checkCensusPlan` refuses.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeDigraph, type Digraph } from "../../src/graph/digraph.js";
import { estimateSubgraphCount } from "../../src/motifs/rand-esu.js";
import {
  censusCostBound,
  esuLevelsBound,
  estimateCensusCost,
} from "../../src/stats/census-cost.js";
import {
  checkCensusPlan,
  checkCensusPlanQuickly,
  codeSpaceClasses,
  estimateClassCount,
} from "../../src/stats/census-memory.js";
import { countSubgraphs } from "../../src/motifs/count-subgraphs.js";

const arbGraph = fc
  .integer({ min: 1, max: 14 })
  .chain((n) =>
    fc
      .array(
        fc.tuple(
          fc.integer({ min: 0, max: n - 1 }),
          fc.integer({ min: 0, max: n - 1 }),
          fc.integer({ min: 1, max: 3 }),
        ),
        { maxLength: 40 },
      )
      .map((edges) => makeDigraph(n, edges)),
  );

function refusal(check: () => void): string | null {
  try {
    check();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

describe("census bounds", () => {
  it("esuLevelsBound is at least every depth the probes report, whatever their seed", () => {
    fc.assert(
      fc.property(arbGraph, fc.integer({ min: 2, max: 5 }), fc.nat(), (g, k, seed) => {
        const bound = esuLevelsBound(g, k);
        // One probe: its own weights, the largest a mean of probes can reach.
        const probed = estimateSubgraphCount(g, k, { seed, probes: 1 }).levels;
        for (let d = 0; d < k; d++) expect(probed[d]).toBeLessThanOrEqual(bound[d]);
      }),
      { numRuns: 1000 },
    );
    // A probe from 0 that picks 1 sees width 2 + 2 = 4 at depth 2, above the largest degree 3.
    const g = makeDigraph(6, [
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 4],
      [1, 5],
    ]);
    const probes = Array.from(
      { length: 200 },
      (_, seed) => estimateSubgraphCount(g, 3, { seed, probes: 1 }).levels,
    );
    expect(Math.max(...probes.map((levels) => (levels[1] > 0 ? levels[2] / levels[1] : 0)))).toBe(
      4,
    );
    const widest = Math.max(...probes.map((levels) => levels[2]));
    expect(esuLevelsBound(g, 3)[2]).toBeGreaterThanOrEqual(widest);
    // Roots drawn uniformly half the time: 1/P(root) reaches 2n for a root of weight 0 (here 2).
    expect(Math.max(...probes.map((levels) => levels[1]))).toBeLessThanOrEqual(2 * 6 * 3);
  });

  it("censusCostBound is at least estimateCensusCost", () => {
    fc.assert(
      fc.property(
        arbGraph,
        fc.integer({ min: 3, max: 5 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        fc.nat(),
        (g, size, networks, workers, colours, seed) => {
          const input = { size, networks, workers, colours, sample: null, exchanges: 3, tries: 3 };
          const bound = censusCostBound(g, { ...input, seed });
          expect(estimateCensusCost(g, { ...input, seed }).seconds).toBeLessThanOrEqual(bound);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("checkCensusPlanQuickly refuses exactly what checkCensusPlan refuses", () => {
    const path = (n: number): Digraph =>
      makeDigraph(
        n,
        Array.from({ length: n - 1 }, (_, i) => [i, i + 1, 1 + (i % 3)] as const),
      );
    const plans = [
      { size: 3, networks: 0, workers: 1, colours: true, vertexColours: false },
      { size: 3, networks: 100, workers: 2, colours: true, vertexColours: true },
      { size: 4, networks: 10, workers: 1, colours: false, vertexColours: false },
      // --max-memory below the baseline: both refuse.
      { size: 3, networks: 0, workers: 1, colours: true, vertexColours: false, maxBytes: 2 ** 20 },
    ];
    for (const g of [path(2), path(3), path(40), makeDigraph(6, [[0, 1]])]) {
      for (const plan of plans) {
        const exact = refusal(() => checkCensusPlan(g, plan));
        expect(refusal(() => checkCensusPlanQuickly(g, plan))).toBe(exact);
      }
    }
    expect(refusal(() => checkCensusPlanQuickly(path(2), plans[0]))).toMatch(/fewer than/);
    expect(refusal(() => checkCensusPlanQuickly(path(40), plans[3]))).toMatch(/max-memory/);
  });

  it("codeSpaceClasses: the graph's pair codes to the power of the node pairs", () => {
    const oneWay = makeDigraph(4, [
      [0, 1, 1],
      [1, 2, 2],
      [2, 3, 1],
    ]);
    // Uncoloured, no mutual pair: none, → and ← (3 codes), 6 pairs at k = 4.
    expect(codeSpaceClasses(oneWay, 4, false)).toBe(3 ** 6);
    // Two colours one way: none, →1, ←1, →2, ←2.
    expect(codeSpaceClasses(oneWay, 3, true)).toBe(5 ** 3);
    const mutual = makeDigraph(3, [
      [0, 1, 1],
      [1, 0, 1],
      [1, 2, 1],
    ]);
    expect(codeSpaceClasses(mutual, 3, false)).toBe(4 ** 3);
  });

  it("bounds the classes of the census and their estimate, so the quick check keeps its verdict", () => {
    fc.assert(
      fc.property(
        arbGraph,
        fc.integer({ min: 3, max: 4 }),
        fc.boolean(),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        (g, size, colours, scale) => {
          const bound = codeSpaceClasses(g, size, colours);
          const exact = countSubgraphs(g, { size, colours });
          expect(exact.counts.size).toBeLessThanOrEqual(bound);
          const subgraphs = Math.max(exact.total, 1);
          expect(estimateClassCount(g, size, subgraphs, { colours })).toBeLessThanOrEqual(bound);
          // A memory limit around the full check's own estimate: both checks agree on either side.
          const plan = { size, networks: 50, workers: 2, colours, vertexColours: false };
          let bytes = 0;
          try {
            bytes = checkCensusPlan(g, plan).memory.bytes;
          } catch {
            return; // too few nodes: covered above
          }
          const limited = { ...plan, maxBytes: Math.round(bytes * scale) };
          expect(refusal(() => checkCensusPlanQuickly(g, limited))).toBe(
            refusal(() => checkCensusPlan(g, limited)),
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});
