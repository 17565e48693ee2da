/**
 * The census graph's pair codes (motifs/census-graph.ts): codes hold the rank of each node pair's
 * code among those the graph has, so the code space shrinks to what the graph can produce.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Rng } from "../../src/core/random.js";
import { makeDigraph } from "../../src/graph/digraph.js";
import { buildCensusGraph, codeLayout, decodeRawCode } from "../../src/motifs/census-graph.js";
import { switchGraph } from "../../src/nulls/switch.js";
import { randomDigraph } from "./census-helpers.js";

describe("buildCensusGraph(g).pairCodes", () => {
  it("lists the pair codes present, 0 first, and adjPair and dense hold their ranks", () => {
    // 0→1 colour 2, 1→2 colour 3, 2⇄3 colours 1 and 2 (b = 4: pair(w, x) = c(w→x) + 4·c(x→w)).
    const g = makeDigraph(4, [
      [0, 1, 2],
      [1, 2, 3],
      [2, 3, 1],
      [3, 2, 2],
    ]);
    const cg = buildCensusGraph(g, true, null);
    expect(cg.base).toBe(4);
    // Codes: 0→1 gives 2 (from 0) and 8 (from 1); 1→2: 3 and 12; 2⇄3: 1 + 8 = 9 and 2 + 4 = 6.
    expect([...cg.pairCodes]).toEqual([0, 2, 3, 6, 8, 9, 12]);
    const code = (w: number, x: number) => cg.pairCodes[cg.dense![x * cg.n + w]];
    expect(code(0, 1)).toBe(2);
    expect(code(1, 0)).toBe(8);
    expect(code(2, 3)).toBe(9);
    expect(code(3, 2)).toBe(6);
    expect(code(0, 3)).toBe(0);
    for (let u = 0; u < cg.n; u++) {
      for (let i = cg.start[u]; i < cg.start[u + 1]; i++) {
        expect(cg.adjPair[i]).toBe(cg.dense![u * cg.n + cg.adj[i]]);
      }
    }
  });

  it("shrinks the code space: 3 colours without mutual pairs have 7 codes, and k = 6 fits one limb", () => {
    const rng = new Rng(4);
    const edges: [number, number, number][] = [];
    for (let a = 0; a < 30; a++) for (let b = 30; b < 60; b++) edges.push([a, b, 1 + rng.int(3)]);
    const cg = buildCensusGraph(makeDigraph(60, edges), true, null);
    expect(cg.pairCodes.length).toBe(7);
    const layout = codeLayout(4, cg.base, cg.vbase, cg.pairCodes);
    expect(layout.groupSize[3]).toBe(7 ** 3);
    expect(codeLayout(6, cg.base, cg.vbase, cg.pairCodes).limbs).toBe(1);
    expect(codeLayout(6, cg.base, cg.vbase).limbs).toBe(2); // all 16 codes of b = 4
  });

  it("decodes what it encodes, whatever the pair codes (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), fc.nat(), (k, seed) => {
        const rng = new Rng(seed);
        const g = randomDigraph(rng, 8, 0.35, 1 + rng.int(7));
        const cg = buildCensusGraph(g, true, null);
        const layout = codeLayout(k, cg.base, cg.vbase, cg.pairCodes);
        // A random labelled k-matrix over the graph's pair codes, encoded as the census does.
        const ids = Array.from({ length: k * k }, () => rng.int(cg.pairCodes.length));
        const limbs = new Float64Array(layout.limbs);
        for (let p = 0; p < k; p++) {
          for (let j = 0; j < p; j++)
            limbs[layout.limbOf[p]] += ids[p * k + j] * layout.pmul[p * k + j];
        }
        const matrix = new Uint8Array(k * k);
        decodeRawCode(layout, limbs, 0, matrix, new Int32Array(k));
        for (let p = 0; p < k; p++) {
          for (let j = 0; j < p; j++) {
            const pair = cg.pairCodes[ids[p * k + j]];
            expect(matrix[p * k + j]).toBe(pair % cg.base);
            expect(matrix[j * k + p]).toBe(Math.floor(pair / cg.base));
            expect(layout.pairIdOf[pair]).toBe(ids[p * k + j]);
          }
        }
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it("is the same for a graph's switched random networks (they share its caches)", () => {
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const rng = new Rng(seed);
        const g = randomDigraph(rng, 12, 0.25, 1 + rng.int(3));
        const codes = [...buildCensusGraph(g, true, null).pairCodes];
        const random = switchGraph(g, new Rng(seed, 1)).graph;
        expect([...buildCensusGraph(random, true, null).pairCodes]).toEqual(codes);
      }),
      { seed: 11, numRuns: 100 },
    );
  });
});
