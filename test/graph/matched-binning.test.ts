import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { binGraphs } from "../../src/graph/binning.js";
import type { Digraph } from "../../src/graph/digraph.js";
import { countsByLayerAndColour, matchedColours } from "../../src/graph/matched-binning.js";

/** A fully connected layered graph with the given weights (SPEC §4.1 edge order). */
function layered(sizes: readonly number[], weights: readonly number[]): Digraph {
  const src: number[] = [];
  const trg: number[] = [];
  const nodeLayer = sizes.flatMap((n, l) => Array<number>(n).fill(l));
  const starts = sizes.map((_, l) => sizes.slice(0, l).reduce((a, n) => a + n, 0));
  for (let l = 0; l + 1 < sizes.length; l++) {
    for (let i = 0; i < sizes[l]; i++) {
      for (let j = 0; j < sizes[l + 1]; j++) {
        src.push(starts[l] + i);
        trg.push(starts[l + 1] + j);
      }
    }
  }
  return {
    nodeCount: nodeLayer.length,
    edgeSrc: Int32Array.from(src),
    edgeTrg: Int32Array.from(trg),
    edgeColour: new Uint8Array(src.length).fill(1),
    edgeWeight: Float64Array.from(weights.slice(0, src.length)),
    nodeLayer: Int32Array.from(nodeLayer),
  };
}

const edgesOf = (sizes: readonly number[]): number =>
  sizes.slice(1).reduce((a, n, i) => a + n * sizes[i], 0);

/** Kept edges per (source layer, colour) of a binned graph. */
function perLayerColour(g: Digraph): string {
  const counts = new Map<string, number>();
  for (let e = 0; e < g.edgeSrc.length; e++) {
    const k = `${g.nodeLayer?.[g.edgeSrc[e]] ?? 0}/${g.edgeColour[e]}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return JSON.stringify([...counts].sort());
}

describe("matched binning", () => {
  it("gives the graphs of a group the reference's edge count per layer and colour (property)", () => {
    const sizes = fc.array(fc.integer({ min: 4, max: 10 }), { minLength: 2, maxLength: 4 });
    fc.assert(
      fc.property(
        sizes,
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 1, max: 1e9 }),
        fc.double({ min: 0.2, max: 0.8, noNaN: true }),
        (layers, referenceIndex, seed, cutoff) => {
          const m = edgesOf(layers);
          let x = seed;
          const uniform = (): number => {
            // A small LCG: deterministic weights per seed.
            x = (x * 1103515245 + 12345) % 2147483648;
            return x / 2147483648;
          };
          // Roughly normal weights (Irwin–Hall), a different spread per graph.
          const next = (scale: number): number =>
            scale * (uniform() + uniform() + uniform() + uniform() - 2);
          const graphs = [0.5, 1, 2].map((scale) =>
            layered(
              layers,
              Array.from({ length: m }, () => next(scale)),
            ),
          );
          // A pooled sample whose density crosses the cut-off only once cannot be paper-binned
          // (an error by design, tested with the binning): such draws are not this property's.
          let paper;
          try {
            paper = binGraphs(graphs, "paper", { cutoff });
          } catch (error) {
            fc.pre(!/cannot bin/.test((error as Error).message));
            throw error;
          }
          const matched = binGraphs(graphs, "matched", { cutoff, reference: referenceIndex });
          // The reference keeps its paper colours exactly.
          expect(Array.from(matched.graphs[referenceIndex].edgeColour)).toEqual(
            Array.from(paper.graphs[referenceIndex].edgeColour),
          );
          const want = perLayerColour(matched.graphs[referenceIndex]);
          for (const g of matched.graphs) expect(perLayerColour(g)).toBe(want);
        },
      ),
      { numRuns: 60, seed: 20261202 },
    );
  });

  it("keeps the most negative weights as colour 1, the most positive as 3, the next |w| as 2", () => {
    const w = Float64Array.from([0.1, -0.9, 0.5, -0.05, 0.8, -0.3]);
    const target = new Map([
      [
        0,
        new Map([
          [1, 1],
          [2, 2],
          [3, 1],
        ]),
      ],
    ]);
    expect(Array.from(matchedColours(w, undefined, target))).toEqual([0, 1, 2, 0, 3, 2]);
    expect(countsByLayerAndColour(Uint8Array.from([0, 1, 2, 0, 3, 2]), undefined)).toEqual(
      new Map([
        [
          0,
          new Map([
            [1, 1],
            [2, 2],
            [3, 1],
          ]),
        ],
      ]),
    );
  });

  it("refuses a reference outside the group with one clear message", () => {
    const g = layered([2, 2], [0.1, -0.2, 0.3, -0.4]);
    expect(() => binGraphs([g, g], "matched", { reference: 2 })).toThrow(
      /invalid matched-binning reference 2/,
    );
  });
});
