import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Rng } from "../../src/core/random.js";
import { shuffleLayerWeights } from "../../src/nulls/weight-shuffle.js";

const sorted = (xs: Float64Array): number[] => Array.from(xs).sort((a, b) => a - b);

describe("shuffleLayerWeights(weightsPerLayer, rng)", () => {
  it("preserves each layer's multiset of weights and leaves the input unchanged", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double({ noNaN: true }), { maxLength: 40 }), { maxLength: 5 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (layers, seed) => {
          const input = layers.map((l) => Float64Array.from(l));
          const copy = input.map((l) => Float64Array.from(l));
          const out = shuffleLayerWeights(input, new Rng(seed, 0));
          expect(out.length).toBe(input.length);
          out.forEach((l, i) => expect(sorted(l)).toEqual(sorted(input[i])));
          expect(input).toEqual(copy);
        },
      ),
      { numRuns: 200, seed: 5 },
    );
  });

  it("is the same for the same Rng(seed, i) and differs between replicates", () => {
    const layers = [Float64Array.from({ length: 50 }, (_, i) => i), Float64Array.from([1, 2, 3])];
    const a = shuffleLayerWeights(layers, new Rng(7, 3));
    expect(shuffleLayerWeights(layers, new Rng(7, 3))).toEqual(a);
    expect(shuffleLayerWeights(layers, new Rng(7, 4))[0]).not.toEqual(a[0]);
    expect(a[0]).not.toEqual(layers[0]);
  });

  it("draws every arrangement of a layer uniformly", () => {
    const counts = new Map<string, number>();
    const draws = 6000;
    for (let i = 0; i < draws; i++) {
      const [l] = shuffleLayerWeights([Float64Array.from([1, 2, 3])], new Rng(11, i));
      const key = Array.from(l).join("");
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    // χ² with 5 degrees of freedom: 20.5 is its 0.999 quantile.
    let chi2 = 0;
    for (const c of counts.values()) chi2 += (c - draws / 6) ** 2 / (draws / 6);
    expect(chi2).toBeLessThan(20.5);
  });
});
