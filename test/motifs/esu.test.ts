import { describe, expect, it } from "vitest";
import { Rng } from "../../src/core/random.js";
import { makeDigraph } from "../../src/graph/digraph.js";
import { enumerateSubgraphs } from "../../src/motifs/esu.js";
import { inducedMatrix, randomDigraph, subsets, weaklyConnected } from "./census-helpers.js";

describe("enumerateSubgraphs(g, size, visit)", () => {
  it("visits every weakly connected k-set exactly once (random graphs, k = 1..5)", () => {
    const rng = new Rng(2024);
    for (let trial = 0; trial < 30; trial++) {
      const n = 4 + rng.int(8);
      const g = randomDigraph(rng, n, 0.05 + 0.3 * rng.next(), 3);
      const k = 1 + (trial % 5);
      const seen = new Set<string>();
      let visits = 0;
      enumerateSubgraphs(g, k, (nodes) => {
        visits++;
        seen.add([...nodes].sort((a, b) => a - b).join(","));
      });
      const expected = new Set<string>();
      for (const s of subsets(n, k)) {
        if (weaklyConnected(inducedMatrix(g, s), k)) expected.add(s.join(","));
      }
      expect(visits).toBe(seen.size); // no set twice
      expect(seen).toEqual(expected);
    }
  });

  it("lists the vertices in an order where each one touches an earlier one", () => {
    const g = makeDigraph(6, [
      [0, 1],
      [2, 1],
      [2, 3],
      [4, 3],
      [4, 5],
    ]);
    enumerateSubgraphs(g, 4, (nodes) => {
      const m = inducedMatrix(g, [...nodes]);
      for (let p = 1; p < 4; p++) {
        let touches = false;
        for (let j = 0; j < p; j++) touches ||= m[p * 4 + j] > 0 || m[j * 4 + p] > 0;
        expect(touches).toBe(true);
      }
    });
  });

  it("stops when visit returns false", () => {
    const g = makeDigraph(5, [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 0],
    ]);
    let visits = 0;
    enumerateSubgraphs(g, 3, () => {
      visits++;
      return visits < 2;
    });
    expect(visits).toBe(2);
  });
});
