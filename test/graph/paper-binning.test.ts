import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import {
  meanFloat32,
  normalFitFloat32,
  paperBinEdges,
  paperColour,
  pairwiseSumFloat32,
} from "../../src/graph/paper-binning.js";
import { NnmotifsError } from "../../src/core/errors.js";

interface Case {
  n: number;
  seed: number;
  scale: number;
  cutoff: number;
  sum: number;
  mean: number;
  mu?: number;
  sigma?: number;
  threshold?: number;
  crossings?: number;
  binEdges?: number[];
}
const reference = JSON.parse(
  readFileSync(new URL("./paper-binning.reference.json", import.meta.url), "utf8"),
) as { cases: Case[] };

/** The generator of paper-binning.reference.py: Irwin–Hall(4) from a 32-bit LCG, as float32. */
function weights(n: number, seed: number, scale: number): Float32Array {
  let s = seed >>> 0;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let acc = 0;
    for (let k = 0; k < 4; k++) {
      s = (Math.imul(1664525, s) + 1013904223) >>> 0;
      acc += s / 2 ** 32;
    }
    out[i] = (acc - 2) * scale;
  }
  return out;
}

describe("pairwiseSumFloat32(a) / meanFloat32(a)", () => {
  it.each(reference.cases.map((c) => [c.n, c]))(
    "equal numpy's float32 sum and mean bit for bit (n = %i)",
    (_n, c) => {
      const w = weights(c.n, c.seed, c.scale);
      expect(pairwiseSumFloat32(w)).toBe(c.sum);
      expect(meanFloat32(w)).toBe(c.mean);
    },
  );
});

describe("paperBinEdges(pooled, cutoff)", () => {
  it.each(reference.cases.filter((c) => c.binEdges).map((c) => [c.n, c.cutoff, c]))(
    "equals numpy/scipy's fit, threshold and bin edges (n = %i, cutoff %f)",
    (_n, _c, c) => {
      const bins = paperBinEdges(weights(c.n, c.seed, c.scale), c.cutoff);
      expect(bins.mu).toBe(c.mu);
      expect(bins.sigma).toBe(c.sigma);
      expect(bins.crossings.length).toBe(c.crossings);
      expect(bins.binEdges).toEqual(c.binEdges);
      // The threshold comes from exp(); allow libm and V8 to differ in the last bit.
      expect(bins.threshold).toBeCloseTo(c.threshold!, 12);
    },
  );

  it("does not depend on the order of the pooled weights", () => {
    const w = weights(500, 9, 0.1);
    const reversed = Float32Array.from(w).reverse();
    expect(paperBinEdges(reversed, 0.55)).toEqual(paperBinEdges(w, 0.55));
  });

  it("rejects a cut-off outside (0, 1) and weights without spread", () => {
    expect(() => paperBinEdges(weights(100, 1, 0.1), 1.5)).toThrow(/invalid cutoff 1.5/);
    expect(() => paperBinEdges(new Float32Array(10).fill(0.25), 0.55)).toThrow(NnmotifsError);
  });
});

describe("normalFitFloat32(w)", () => {
  it("returns float32 values close to the float64 maximum-likelihood fit", () => {
    const w = weights(3000, 11, 0.1);
    const { mu, sigma } = normalFitFloat32(w);
    const m = w.reduce((a, b) => a + b, 0) / w.length;
    const sd = Math.sqrt(w.reduce((a, b) => a + (b - m) ** 2, 0) / w.length);
    expect(Math.fround(mu)).toBe(mu);
    expect(Math.fround(sigma)).toBe(sigma);
    expect(mu).toBeCloseTo(m, 6);
    expect(sigma).toBeCloseTo(sd, 6);
  });
});

describe("paperColour(x, binEdges)", () => {
  const edges = [-1.25, -0.5, -0.25, 0.375, 0.625, 1.25]; // float32-exact, as a and b are
  it("maps bins 1..5 to colours 1, 2, removed, 2, 3 with half-open bins", () => {
    expect(
      [-1, -0.5, -0.3, -0.25, 0, 0.375, 0.5, 0.625, 1].map((x) => paperColour(x, edges)),
    ).toEqual([1, 2, 2, 0, 0, 2, 2, 3, 3]);
  });
  it("sends weights outside [lo, hi) to the outer bins", () => {
    expect(paperColour(-5, edges)).toBe(1);
    expect(paperColour(5, edges)).toBe(3);
  });
});
