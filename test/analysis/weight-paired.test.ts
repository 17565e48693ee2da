import { describe, expect, it } from "vitest";
import { weightPaired } from "../../src/analysis/weight-paired.js";
import { weightSetsOfGroup, type WeightSet } from "../../src/analysis/weight-sets.js";
import { binGroup } from "../../src/graph/binning.js";
import type { DenseNetwork } from "../../src/model/network.js";
import { ksDistance } from "../../src/stats/ks-distance.js";
import { wasserstein1 } from "../../src/stats/wasserstein.js";

function net(layerSizes: number[], weight: (layer: number, e: number) => number): DenseNetwork {
  return {
    layerSizes,
    layers: layerSizes.slice(1).map((nOut, k) => ({
      name: `dense_${k}`,
      nIn: layerSizes[k],
      nOut,
      kernel: Float64Array.from({ length: layerSizes[k] * nOut }, (_, e) => weight(k, e)),
      bias: new Float64Array(nOut),
      activation: "relu" as const,
    })),
  };
}

const SIZES = [6, 5, 3];
const initial = net(SIZES, (k, e) => Math.sin(7.3 * e + k) * 0.3);
// Layer 1 is shifted by +0.1, layer 2 scaled by 2: two different kinds of change.
const trained = net(SIZES, (k, e) =>
  k === 0 ? Math.sin(7.3 * e) * 0.3 + 0.1 : Math.sin(7.3 * e + 1) * 0.6,
);

describe("weightPaired(initial, trained)", () => {
  const group = binGroup([initial, trained], "paper", { cutoff: 0.55 });
  const [a, b] = weightSetsOfGroup(["init", "tree"], [initial, trained], group);
  const rows = weightPaired(a, [b]);

  it("has one row per layer with the layer's pairs", () => {
    expect(rows.map((r) => [r.network, r.layer, r.unitsIn, r.unitsOut, r.n])).toEqual([
      ["tree", 1, 6, 5, 30],
      ["tree", 2, 5, 3, 15],
    ]);
  });
  it("sees a uniform shift as mean Δ = the shift, sd Δ ≈ 0 and W1 = the shift", () => {
    const [shift] = rows;
    expect(shift.meanDelta).toBeCloseTo(0.1, 12);
    expect(shift.sdDelta).toBeLessThan(1e-12);
    expect(shift.wasserstein).toBeCloseTo(0.1, 12);
  });
  it("computes KS and W1 on the layer's own weights, and d from the pairs", () => {
    const [, scaled] = rows;
    const before = initial.layers[1].kernel;
    const after = trained.layers[1].kernel;
    expect(scaled.ks).toBe(ksDistance(before, after));
    expect(scaled.wasserstein).toBe(wasserstein1(before, after));
    const deltas = Array.from(after, (x, i) => x - before[i]);
    const mean = deltas.reduce((s, x) => s + x, 0) / deltas.length;
    const sd = Math.sqrt(deltas.reduce((s, x) => s + (x - mean) ** 2, 0) / (deltas.length - 1));
    expect(scaled.cohensD).toBeCloseTo(mean / sd, 12);
  });
  it("counts the weights whose colour differs under the shared bins", () => {
    for (const [k, row] of rows.entries()) {
      const offset = k === 0 ? 0 : 30;
      let changed = 0;
      for (let e = offset; e < offset + row.n; e++) if (a.colours[e] !== b.colours[e]) changed++;
      expect(row.changedColour).toBe(changed / row.n);
    }
    expect(rows.some((r) => r.changedColour > 0)).toBe(true);
    expect(weightPaired(a, [{ ...a, network: "same" }]).every((r) => r.changedColour === 0)).toBe(
      true,
    );
  });
  it("rejects a network of another shape, naming both", () => {
    const other: WeightSet = {
      network: "wide",
      layerSizes: [6, 6, 3],
      weights: new Float64Array(54),
      colours: new Uint8Array(54),
    };
    expect(() => weightPaired(a, [other])).toThrow(
      /wide has layers 6-6-3 but the initial network init has 6-5-3/,
    );
  });
});
