import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Rng } from "../../src/core/random.js";
import { makeDigraph, type Digraph } from "../../src/graph/digraph.js";
import { switchGraph } from "../../src/nulls/switch.js";
import { census } from "../../src/stats/census.js";
import { randomEdgeGraph } from "../fixtures/random-graph.js";

/** A random layered DAG: `sizes` layers of consecutive ids, each l → l+1 edge with probability p. */
function layeredGraph(sizes: readonly number[], p: number, seed: number, colours = 2): Digraph {
  const rng = new Rng(seed);
  const start = sizes.map((_, l) => sizes.slice(0, l).reduce((a, b) => a + b, 0));
  const edges: [number, number, number][] = [];
  for (let l = 0; l + 1 < sizes.length; l++)
    for (let a = 0; a < sizes[l]; a++)
      for (let b = 0; b < sizes[l + 1]; b++)
        if (rng.next() < p) edges.push([start[l] + a, start[l + 1] + b, 1 + rng.int(colours)]);
  return makeDigraph(
    sizes.reduce((a, b) => a + b, 0),
    edges,
  );
}

/** The uncoloured class is a star: one vertex with edges to (or from) all k−1 others, no others. */
function isFan(adjacency: readonly string[]): boolean {
  const k = adjacency.length;
  const bit = (i: number, j: number): boolean => adjacency[i][j] !== "0";
  const edges = adjacency.join("").replace(/0/g, "").length;
  if (edges !== k - 1) return false;
  for (let c = 0; c < k; c++) {
    let out = 0;
    let into = 0;
    for (let j = 0; j < k; j++) {
      if (bit(c, j)) out++;
      if (bit(j, c)) into++;
    }
    if (out === k - 1 || into === k - 1) return true;
  }
  return false;
}

describe("constrained classes", () => {
  it("every 3-node class of a layered DAG is constrained under the layered null, and none is significant", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1000 }), async (seed) => {
        const g = layeredGraph([5, 6, 5], 0.45, seed);
        const r = await census(g, {
          size: 3,
          networks: 30,
          nullModel: "layered",
          layerSizes: [5, 6, 5],
          seed,
          threads: 1,
        });
        expect(r.motifs.length).toBeGreaterThan(0);
        for (const m of r.motifs) {
          expect(m.constrained).toBe(true);
          expect(m.z).toBeNull();
          expect(m.zCount).toBeNull();
          expect(m.significant).toBeNull();
          expect(m.qOver).toBeNull();
          expect(m.pOver).toBe(1);
        }
        expect(r.statistics.constrained).toBe(r.motifs.length);
        expect(r.statistics.canReachAlpha).toBe(false);
        expect(r.statistics.warning).toMatch(/every class is constrained/);
      }),
      { numRuns: 5 },
    );
  });

  it("the 4-node fans (count a function of per-colour degrees) are constrained under the layered null; others vary", async () => {
    const g = layeredGraph([6, 7, 6], 0.5, 11);
    const r = await census(g, {
      size: 4,
      networks: 40,
      nullModel: "layered",
      layerSizes: [6, 7, 6],
      threads: 1,
    });
    const fans = r.motifs.filter((m) => isFan(m.adjacency));
    expect(fans.length).toBeGreaterThan(2);
    for (const m of fans) {
      expect(m.constrained).toBe(true);
      expect(m.z).toBeNull();
      expect(m.zCount).toBeNull();
      expect(m.significant).toBeNull();
    }
    expect(r.motifs.some((m) => !m.constrained)).toBe(true);
    expect(r.statistics.constrained).toBe(r.motifs.filter((m) => m.constrained).length);
  });
});

describe("census decisions", () => {
  it("on graphs drawn from the null itself, at most 5 % of classes are significant over 50 seeded trials", async () => {
    let classes = 0;
    let significant = 0;
    let tails = 0;
    let small = 0; // unadjusted p ≤ 0.05: a valid p-value keeps this share ≤ 0.05 too
    for (let trial = 0; trial < 50; trial++) {
      const start = randomEdgeGraph(14, 36, 1000 + trial, 2);
      const original = switchGraph(start, new Rng(trial, 7)).graph;
      const r = await census(original, { size: 3, networks: 60, seed: trial + 1, threads: 1 });
      classes += r.motifs.length;
      significant += r.motifs.filter((m) => m.significant !== null).length;
      for (const m of r.motifs.filter((c) => !c.constrained)) {
        tails += 2;
        small += (m.pOver! <= 0.05 ? 1 : 0) + (m.pUnder! <= 0.05 ? 1 : 0);
      }
      expect(r.statistics.significantOver + r.statistics.significantUnder).toBe(
        r.motifs.filter((m) => m.significant !== null).length,
      );
    }
    expect(classes).toBeGreaterThan(100);
    expect(significant / classes).toBeLessThanOrEqual(0.05);
    expect(small / tails).toBeLessThanOrEqual(0.05);
  });

  it("calls planted feed-forward loops over-represented (a positive control)", async () => {
    const edges: [number, number, number][] = [];
    for (let t = 0; t < 12; t++) {
      const a = 3 * t;
      edges.push([a, a + 1, 1], [a + 1, a + 2, 1], [a, a + 2, 1]);
    }
    const noise = randomEdgeGraph(36, 40, 5, 1);
    const seen = new Set(edges.map(([s, t]) => s * 36 + t));
    for (let e = 0; e < noise.edgeSrc.length; e++) {
      const s = noise.edgeSrc[e];
      const t = noise.edgeTrg[e];
      if (!seen.has(s * 36 + t) && !seen.has(t * 36 + s)) edges.push([s, t, 1]);
    }
    const r = await census(makeDigraph(36, edges), { size: 3, networks: 200, threads: 1 });
    const ffl = r.motifs.find(
      (m) => m.adjacency.join("").replace(/0/g, "").length === 3 && isFfl(m.adjacency),
    );
    expect(ffl).toBeDefined();
    expect(ffl!.significant).toBe("over");
    expect(ffl!.pOver).toBe(1 / 201);
  });

  it("says when N random networks cannot reach alpha, and has no decision without random networks", async () => {
    const g = randomEdgeGraph(20, 50, 3, 2);
    const few = await census(g, { size: 3, networks: 19, threads: 1 });
    expect(few.statistics.canReachAlpha).toBe(false);
    expect(few.statistics.warning).toMatch(/N = 19/);
    expect(few.motifs.every((m) => m.significant === null)).toBe(true);
    const none = await census(g, { size: 3, networks: 0 });
    expect(none.statistics).toMatchObject({
      family: "census",
      hypotheses: 0,
      smallestP: null,
      canReachAlpha: false,
    });
    for (const m of none.motifs) {
      expect(m.pOver).toBeNull();
      expect(m.shareOver).toBeNull();
      expect(m.qUnder).toBeNull();
      expect(m.constrained).toBe(false);
      expect(m.significant).toBeNull();
    }
  });

  it("takes alpha and the guards as options and writes them into statistics", async () => {
    const g = randomEdgeGraph(20, 50, 3, 2);
    const r = await census(g, {
      size: 3,
      networks: 20,
      alpha: 0.1,
      minCount: 2,
      minRelativeChange: 0.2,
      threads: 1,
    });
    expect(r.statistics).toMatchObject({
      family: "census",
      alpha: 0.1,
      minCount: 2,
      minRelativeChange: 0.2,
      pValue: "(b+1)/(N+1)",
      smallestP: 1 / 21,
      canReachAlpha: true,
    });
    await expect(census(g, { size: 3, networks: 5, alpha: 1 })).rejects.toThrow(/invalid `alpha`/);
  });
});

/** a→b, b→c, a→c: the feed-forward loop, up to relabelling. */
function isFfl(adjacency: readonly string[]): boolean {
  const e = (i: number, j: number): boolean => adjacency[i][j] !== "0";
  const perms = [
    [0, 1, 2],
    [0, 2, 1],
    [1, 0, 2],
    [1, 2, 0],
    [2, 0, 1],
    [2, 1, 0],
  ];
  return perms.some(([a, b, c]) => e(a, b) && e(b, c) && e(a, c));
}
