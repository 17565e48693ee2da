import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NnmotifsError } from "../../src/core/errors.js";
import { Rng } from "../../src/core/random.js";
import { topologyKey } from "../../src/analysis/motif-names.js";
import { makeDigraph, type Digraph } from "../../src/graph/digraph.js";
import { networkToDigraph } from "../../src/graph/from-network.js";
import {
  COHERENCE_RELATIVE_ERROR,
  completeLayers,
  layeredWeightedMotifs,
  weightedLayeredDigraph,
  weightedMotifProfile,
  type WeightedLayers,
} from "../../src/motifs/layered-weighted-motifs.js";
import { weightedMotifs, type WeightedMotifs } from "../../src/motifs/weighted-motifs.js";
import { inducedMatrix, subsets, weaklyConnected } from "./census-helpers.js";

/** A random weighted digraph (mutual pairs allowed), weights N(0, 0.5²), a few exact zeros. */
function randomWeighted(seed: number, n: number, density: number): Digraph {
  const rng = new Rng(seed);
  const edges: [number, number, number][] = [];
  const weights: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j || rng.next() >= density) continue;
      const w = rng.next() < 0.05 ? 0 : 0.5 * rng.normal();
      edges.push([i, j, w < 0 ? 1 : 2]);
      weights.push(w);
    }
  }
  return makeDigraph(n, edges, { edgeWeight: Float64Array.from(weights) });
}

function randomLayers(seed: number, layerSizes: readonly number[]): WeightedLayers {
  const rng = new Rng(seed);
  const kernels = layerSizes
    .slice(0, -1)
    .map((n, l) => Float64Array.from({ length: n * layerSizes[l + 1] }, () => 0.3 * rng.normal()));
  return { layerSizes, kernels };
}

interface BruteSums {
  count: number;
  sumI: number;
  sumQ: number;
  /** Subgraphs whose sign product Π sign(w) is +1, and their Σ I. */
  evenCount: number;
  evenI: number;
}

/**
 * Brute force, independent of ESU and of the engine's labelling: every k-subset, induced and
 * weakly connected, I and Q straight from the definitions, grouped by a brute-force topology key.
 */
function bruteForce(g: Digraph, k: number): Map<string, BruteSums> {
  const weight = new Map<number, number>();
  for (let e = 0; e < g.edgeSrc.length; e++) {
    weight.set(g.edgeSrc[e] * g.nodeCount + g.edgeTrg[e], g.edgeWeight![e]);
  }
  const out = new Map<string, BruteSums>();
  for (const nodes of subsets(g.nodeCount, k)) {
    const m = inducedMatrix(g, nodes, false);
    if (!weaklyConnected(m, k)) continue;
    const ws: number[] = [];
    let signProduct = 1;
    for (const a of nodes) {
      for (const b of nodes) {
        const w = weight.get(a * g.nodeCount + b);
        if (w !== undefined) ws.push(Math.abs(w));
        if (w !== undefined && w < 0) signProduct = -signProduct;
      }
    }
    const product = ws.reduce((x, y) => x * y, 1);
    const intensity = product ** (1 / ws.length);
    const mean = ws.reduce((x, y) => x + y, 0) / ws.length;
    const coherence = mean > 0 ? intensity / mean : 0;
    const key = topologyKey(Array.from(m).join(""));
    const s = out.get(key) ?? { count: 0, sumI: 0, sumQ: 0, evenCount: 0, evenI: 0 };
    s.count++;
    s.sumI += intensity;
    s.sumQ += coherence;
    if (signProduct > 0) {
      s.evenCount++;
      s.evenI += intensity;
    }
    out.set(key, s);
  }
  return out;
}

function expectClose(actual: number, expected: number, relative: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected) + 1e-300);
}

/** The two routes agree topology by topology: counts exactly, sums to `relative`. */
function expectSameCensus(a: WeightedMotifs, b: WeightedMotifs, relative: number): void {
  expect(a.topologies.map((t) => t.key)).toEqual(b.topologies.map((t) => t.key));
  a.topologies.forEach((t, i) => {
    const u = b.topologies[i];
    expect(u.count).toBe(t.count);
    expectClose(u.totalIntensity, t.totalIntensity, relative);
    expectClose(u.meanCoherence, t.meanCoherence, relative);
    expect(u.evenCount).toBe(t.evenCount);
    // ΣIσ cancels: its error is relative to ΣI, not to the even part.
    expect(Math.abs(u.evenIntensity - t.evenIntensity)).toBeLessThanOrEqual(
      relative * t.totalIntensity + 1e-300,
    );
  });
}

describe("weightedMotifs(g, {size})", () => {
  it("equals a brute-force intensity and coherence per topology on small random weighted graphs", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 3, max: 8 }),
        fc.double({ min: 0.15, max: 0.7, noNaN: true }),
        fc.integer({ min: 2, max: 5 }),
        (seed, n, density, k) => {
          const g = randomWeighted(seed, n, density);
          const got = weightedMotifs(g, { size: k });
          const want = bruteForce(g, k);
          expect(got.method).toBe("enumeration");
          expect(got.exact).toBe(true);
          expect(got.topologies.length).toBe(want.size);
          for (const t of got.topologies) {
            const w = want.get(topologyKey(t.key));
            expect(w).toBeDefined();
            expect(t.count).toBe(w!.count);
            expectClose(t.totalIntensity, w!.sumI, 1e-12);
            expectClose(t.meanCoherence, w!.sumQ / w!.count, 1e-12);
            expect(t.meanCoherence).toBeLessThanOrEqual(1 + 1e-12);
            expect(t.totalIntensitySe).toBe(0);
            expect(t.evenCount).toBe(w!.evenCount);
            expectClose(t.evenIntensity, w!.evenI, 1e-12);
          }
        },
      ),
      { numRuns: 60, seed: 9 },
    );
  });

  it("gives coherence 1 and intensity |w| when every weight has the same magnitude", () => {
    const g = makeDigraph(
      4,
      [
        [0, 1, 2],
        [1, 2, 1],
        [2, 0, 2],
        [2, 3, 1],
        [3, 2, 2],
      ],
      { edgeWeight: Float64Array.from([0.5, -0.5, 0.5, -0.5, 0.5]) },
    );
    const r = weightedMotifs(g, { size: 3 });
    for (const t of r.topologies) {
      expectClose(t.meanCoherence, 1, 1e-15);
      expectClose(t.totalIntensity, 0.5 * t.count, 1e-15);
    }
  });

  it("keys subgraphs by their sign-coloured class with colours: true", () => {
    const g = randomWeighted(4, 7, 0.4);
    const plain = weightedMotifs(g, { size: 3 });
    const signed = weightedMotifs(g, { size: 3, colours: true });
    const sum = (r: WeightedMotifs): number => r.topologies.reduce((a, t) => a + t.count, 0);
    expect(sum(signed)).toBe(sum(plain));
    expect(signed.topologies.length).toBeGreaterThan(plain.topologies.length);
    expect(signed.topologies.some((t) => /2/.test(t.key))).toBe(true);
  });

  it("rejects a graph without weights, a repeated edge and a bad size, naming the problem", () => {
    const bare = makeDigraph(3, [
      [0, 1],
      [1, 2],
    ]);
    expect(() => weightedMotifs(bare, { size: 3 })).toThrow(NnmotifsError);
    expect(() => weightedMotifs(bare, { size: 3 })).toThrow(/no edge weights/);
    const twice = makeDigraph(
      2,
      [
        [0, 1],
        [0, 1],
      ],
      { edgeWeight: Float64Array.from([1, 2]) },
    );
    expect(() => weightedMotifs(twice, { size: 2 })).toThrow(/repeats an earlier edge/);
    const g = randomWeighted(1, 5, 0.5);
    expect(() => weightedMotifs(g, { size: 1 })).toThrow(/invalid `size` 1/);
    expect(() => weightedMotifs(g, { size: 8 })).toThrow(/Should be an integer 2\.\.7/);
  });
});

describe("layeredWeightedMotifs(layers, {size})", () => {
  it("equals the enumeration on the complete layered graph 4-3-3-2 (k = 2..6)", () => {
    const layers = randomLayers(7, [4, 3, 3, 2]);
    const g = weightedLayeredDigraph(layers);
    for (let k = 2; k <= 6; k++) {
      const closed = layeredWeightedMotifs(layers, { size: k });
      expect(closed.exact).toBe(true);
      expect(closed.method).toBe("layered");
      expectSameCensus(weightedMotifs(g, { size: k }), closed, 1e-12 + COHERENCE_RELATIVE_ERROR);
    }
  });

  it("equals the enumeration on random complete layered graphs", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 5 }),
        fc.integer({ min: 2, max: 5 }),
        (seed, layerSizes, k) => {
          const layers = randomLayers(seed, layerSizes);
          const enumerated = weightedMotifs(weightedLayeredDigraph(layers), { size: k });
          const closed = layeredWeightedMotifs(layers, { size: k });
          expectSameCensus(enumerated, closed, 1e-12 + COHERENCE_RELATIVE_ERROR);
        },
      ),
      { numRuns: 60, seed: 3 },
    );
  });

  it("counts the diamond's subgraphs whose two paths agree in sign (sign product +1)", () => {
    // 1-2-1: a → b1, b2 → d. Paths a-b1-d: (+)(+) = +, a-b2-d: (−)(+) = −: the diamond is odd.
    const odd = layeredWeightedMotifs(
      { layerSizes: [1, 2, 1], kernels: [Float64Array.of(0.5, -0.5), Float64Array.of(0.5, 0.5)] },
      { size: 4 },
    );
    expect(odd.topologies).toHaveLength(1);
    expect(odd.topologies[0].evenCount).toBe(0);
    expect(odd.topologies[0].evenIntensity).toBe(0);
    const even = layeredWeightedMotifs(
      { layerSizes: [1, 2, 1], kernels: [Float64Array.of(0.5, -0.5), Float64Array.of(0.5, -0.5)] },
      { size: 4 },
    );
    expect(even.topologies[0].evenCount).toBe(1);
    expectClose(even.topologies[0].evenIntensity, 0.5, 1e-12);
  });

  it("handles zero weights (I = Q = 0 for the subgraphs that hold one) like the enumeration", () => {
    const layers = randomLayers(11, [3, 3, 2]);
    layers.kernels[0][4] = 0;
    layers.kernels[1].fill(0, 0, 3);
    const enumerated = weightedMotifs(weightedLayeredDigraph(layers), { size: 4 });
    expectSameCensus(
      enumerated,
      layeredWeightedMotifs(layers, { size: 4 }),
      1e-12 + COHERENCE_RELATIVE_ERROR,
    );
  });

  it("samples within its stated standard error when exact sums exceed the budget", () => {
    const layers = randomLayers(5, [4, 3, 3, 2]);
    const exact = layeredWeightedMotifs(layers, { size: 4 });
    const sampled = layeredWeightedMotifs(layers, { size: 4, maxExactWork: 0, seed: 2 });
    expect(sampled.exact).toBe(false);
    sampled.topologies.forEach((t, i) => {
      const e = exact.topologies[i];
      expect(t.key).toBe(e.key);
      expect(t.count).toBe(e.count); // counts stay closed-form
      expect(t.exact).toBe(false);
      expect(t.totalIntensitySe).toBeGreaterThan(0);
      expect(t.meanCoherenceSe).toBeGreaterThan(0);
      expect(Math.abs(t.totalIntensity - e.totalIntensity)).toBeLessThan(5 * t.totalIntensitySe);
      expect(Math.abs(t.meanCoherence - e.meanCoherence)).toBeLessThan(5 * t.meanCoherenceSe);
      expect(Math.abs(t.evenCount - e.evenCount)).toBeLessThanOrEqual(5 * t.evenCountSe);
      expect(Math.abs(t.evenIntensity - e.evenIntensity)).toBeLessThanOrEqual(
        5 * t.evenIntensitySe,
      );
    });
    // Seeded: the same seed gives the same estimate bit for bit, another seed another one.
    expect(layeredWeightedMotifs(layers, { size: 4, maxExactWork: 0, seed: 2 })).toEqual(sampled);
    expect(layeredWeightedMotifs(layers, { size: 4, maxExactWork: 0, seed: 3 })).not.toEqual(
      sampled,
    );
  });

  it("keeps intensity exact and samples only coherence when one chain sum fits the budget", () => {
    const layers = randomLayers(5, [4, 3, 3, 2]);
    const exact = layeredWeightedMotifs(layers, { size: 4 });
    // 100 multiply-adds: every pattern's single chain sum fits, none of its quadratures does.
    const mixed = layeredWeightedMotifs(layers, { size: 4, maxExactWork: 100, seed: 2 });
    mixed.topologies.forEach((t, i) => {
      expect(t.exact).toBe(false);
      expect(t.totalIntensitySe).toBe(0);
      expectClose(t.totalIntensity, exact.topologies[i].totalIntensity, 1e-12);
      expect(t.evenCount).toBe(exact.topologies[i].evenCount);
      expect(t.evenIntensitySe).toBe(0);
      expect(t.meanCoherenceSe).toBeGreaterThan(0);
      const e = exact.topologies[i].meanCoherence;
      expect(Math.abs(t.meanCoherence - e)).toBeLessThan(5 * t.meanCoherenceSe);
    });
  });

  it("reads a network, its full graph (networkToDigraph) and plain kernels alike", () => {
    const layers = randomLayers(21, [3, 4, 2]);
    const network = {
      layerSizes: layers.layerSizes,
      layers: layers.kernels.map((kernel, l) => ({
        name: `dense_${l}`,
        nIn: layers.layerSizes[l],
        nOut: layers.layerSizes[l + 1],
        kernel,
        bias: new Float64Array(layers.layerSizes[l + 1]),
        activation: "relu" as const,
      })),
    };
    const fromKernels = layeredWeightedMotifs(layers, { size: 3 });
    expect(layeredWeightedMotifs(network, { size: 3 })).toEqual(fromKernels);
    const full = networkToDigraph(network);
    expect(completeLayers(full)).toEqual(layers);
    expect(layeredWeightedMotifs(full, { size: 3 })).toEqual(fromKernels);
  });

  it("rejects a graph that is not complete layered and kernels of the wrong shape", () => {
    const g = randomWeighted(2, 6, 0.5);
    expect(completeLayers(g)).toBeNull();
    expect(() => layeredWeightedMotifs(g, { size: 3 })).toThrow(/not a complete layered graph/);
    expect(() =>
      layeredWeightedMotifs({ layerSizes: [2, 2], kernels: [new Float64Array(3)] }, { size: 3 }),
    ).toThrow(/kernel 0 has 3 weights/);
  });
});

describe("weightedMotifProfile(source, {size, networks, seed})", () => {
  const layers = randomLayers(17, [5, 4, 4, 2]);

  it("is bit-identical for the same seed and keeps every count; p-values are never 0", () => {
    const a = weightedMotifProfile(layers, { size: 4, networks: 19, seed: 8 });
    const b = weightedMotifProfile(layers, { size: 4, networks: 19, seed: 8 });
    expect(b).toEqual(a);
    const base = layeredWeightedMotifs(layers, { size: 4 });
    expect(a.topologies.map((t) => [t.key, t.count])).toEqual(
      base.topologies.map((t) => [t.key, t.count]),
    );
    for (const t of a.topologies) {
      expect(t.totalIntensity).toBe(base.topologies.find((u) => u.key === t.key)!.totalIntensity);
      for (const p of [t.p.intensity.over, t.p.intensity.under, t.p.coherence.over]) {
        expect(p).toBeGreaterThanOrEqual(1 / 20);
        expect(p).toBeLessThanOrEqual(1);
      }
      expect(t.z.intensity).not.toBeNull();
    }
    const other = weightedMotifProfile(layers, { size: 4, networks: 19, seed: 9 });
    expect(other.topologies[0].null.intensity.mean).not.toBe(a.topologies[0].null.intensity.mean);
  });

  it("matches a replicate computed by hand from shuffleLayerWeights and Rng(seed, i)", async () => {
    const { shuffleLayerWeights } = await import("../../src/nulls/weight-shuffle.js");
    const profile = weightedMotifProfile(layers, { size: 3, networks: 3, seed: 4 });
    const values = [0, 1, 2].map(
      (i) =>
        layeredWeightedMotifs(
          {
            layerSizes: layers.layerSizes,
            kernels: shuffleLayerWeights(layers.kernels, new Rng(4, i)),
          },
          { size: 3 },
        ).topologies[0].totalIntensity,
    );
    const mean = (values[0] + values[1] + values[2]) / 3;
    expectClose(profile.topologies[0].null.intensity.mean, mean, 1e-14);
  });

  it("gives Z = null and p = 1 when the shuffle cannot change anything (equal weights per layer)", () => {
    const flat: WeightedLayers = {
      layerSizes: [3, 3, 2],
      kernels: [new Float64Array(9).fill(0.4), new Float64Array(6).fill(-0.2)],
    };
    const profile = weightedMotifProfile(flat, { size: 3, networks: 5, seed: 1 });
    for (const t of profile.topologies) {
      expect(t.z.intensity).toBeNull();
      expect(t.z.coherence).toBeNull();
      expect(t.p.intensity.over).toBe(1);
      expect(t.null.intensity.sd).toBe(0);
    }
  });

  it("enumerates a weighted graph that is not complete layered, shuffling within source layers", () => {
    const g = randomWeighted(31, 7, 0.45);
    const profile = weightedMotifProfile(g, { size: 3, networks: 9, seed: 2 });
    expect(profile.method).toBe("enumeration");
    expect(profile.exact).toBe(true);
    const base = weightedMotifs(g, { size: 3 });
    expect(profile.topologies.map((t) => t.count)).toEqual(base.topologies.map((t) => t.count));
    expect(weightedMotifProfile(g, { size: 3, networks: 9, seed: 2 })).toEqual(profile);
    expect(() => weightedMotifProfile(g, { size: 3, networks: 0 })).toThrow(/invalid `networks` 0/);
  });
});
