import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Rng } from "../../src/core/random.js";
import { makeDigraph, type Digraph } from "../../src/graph/digraph.js";
import { layeredSwitchGraph, prepareLayeredSwitching } from "../../src/nulls/layered.js";
import { nullModel } from "../../src/nulls/registry.js";
import {
  arbitraryDigraph,
  degreeSignature,
  isSimple,
  mutualPairCount,
} from "./switching-helpers.js";

/** Per edge (in order): its colour and its (layer of source, layer of target). */
function layerPairs(g: Digraph, layers: Int32Array): string[] {
  const out: string[] = [];
  for (let e = 0; e < g.edgeSrc.length; e++)
    out.push(`${layers[g.edgeSrc[e]]}-${layers[g.edgeTrg[e]]}:${g.edgeColour[e]}`);
  return out;
}

const withLayers = arbitraryDigraph(14, 3).chain((g) =>
  fc
    .array(fc.nat(3), { minLength: g.nodeCount, maxLength: g.nodeCount })
    .map((l) => ({ g, layers: Int32Array.from(l) })),
);

describe("layeredSwitchGraph(g, layers, rng)", () => {
  it("keeps every edge between its original pair of layers, with degrees and simplicity", () => {
    fc.assert(
      fc.property(withLayers, fc.nat(1000), ({ g, layers }, seed) => {
        const { graph } = layeredSwitchGraph(g, layers, new Rng(seed), { exchanges: 3 });
        expect(layerPairs(graph, layers)).toEqual(layerPairs(g, layers));
        expect(isSimple(graph)).toBe(true);
        expect(degreeSignature(graph)).toBe(degreeSignature(g));
        expect(mutualPairCount(graph)).toBe(mutualPairCount(g));
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it("gives identical networks for the same seed", () => {
    fc.assert(
      fc.property(withLayers, fc.nat(1000), ({ g, layers }, seed) => {
        const s = prepareLayeredSwitching(g, layers);
        const a = s.randomise(new Rng(seed));
        const b = s.randomise(new Rng(seed));
        expect(Array.from(a.graph.edgeTrg)).toEqual(Array.from(b.graph.edgeTrg));
        expect(Array.from(a.graph.edgeSrc)).toEqual(Array.from(b.graph.edgeSrc));
      }),
      { seed: 12, numRuns: 100 },
    );
  });

  it("rewires a layered graph into a layered graph (no skip or within-layer edges)", () => {
    // A 3-layer MLP-like graph: 6 → 6 → 2, half of the possible edges.
    const layers = Int32Array.from([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2]);
    const edges: [number, number, number][] = [];
    const rng = new Rng(9);
    for (let i = 0; i < 6; i++)
      for (let j = 6; j < 12; j++) if (rng.int(2) === 1) edges.push([i, j, 1 + rng.int(2)]);
    for (let i = 6; i < 12; i++) for (let j = 12; j < 14; j++) edges.push([i, j, 1 + rng.int(2)]);
    const g = makeDigraph(14, edges);
    const options = { exchanges: 3, tries: 3 };
    const plain = nullModel("switch").prepare({ graph: g, layers: null, context: null }, options)(
      new Rng(1),
      0,
    );
    const layered = nullModel("layered").prepare({ graph: g, layers, context: null }, options)(
      new Rng(1),
      0,
    );
    expect(layered.switching?.successes).toBeGreaterThan(0);
    expect(layerPairs(layered.graph, layers)).toEqual(layerPairs(g, layers));
    // The plain switch is free to create 0→2 or within-layer edges; it usually does.
    expect(layerPairs(plain.graph, layers)).not.toEqual(layerPairs(g, layers));
  });

  it('nullModel("layered").prepare without layers asks for layers', () => {
    const g = makeDigraph(3, [[0, 1]]);
    const input = { graph: g, layers: null, context: null };
    expect(() => nullModel("layered").prepare(input, { exchanges: 3, tries: 3 })).toThrow(
      /needs node layers/,
    );
  });
});
