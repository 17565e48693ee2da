import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ksDistance } from "../../src/stats/ks-distance.js";

/** sup |F_a − F_b| evaluated at every value of either sample, F(x) = share of values ≤ x. */
function bruteForceKs(a: number[], b: number[]): number {
  const cdf = (xs: number[], v: number): number => xs.filter((x) => x <= v).length / xs.length;
  return Math.max(...[...a, ...b].map((v) => Math.abs(cdf(a, v) - cdf(b, v))));
}

// Small integers make ties frequent: the case a merge walk gets wrong first.
const sample = fc.array(
  fc.integer({ min: -8, max: 8 }).map((x) => x / 4),
  { minLength: 1, maxLength: 25 },
);

describe("ksDistance(a, b)", () => {
  it("matches scipy.stats.ks_2samp's statistic (scipy 1.17)", () => {
    const a = [0.3, -1.2, 2.5, 0.3, 0.9, -0.4, 1.1];
    const b = [0.1, 0.3, 0.3, 1.7, -2.0, 0.5, 2.2, 2.9, 0.0];
    expect(ksDistance(a, b)).toBeCloseTo(0.19047619047619047, 15);
    expect(ksDistance([1, 2, 3], [4, 5, 6])).toBe(1);
    expect(ksDistance([1, 2, 2, 3], [2, 2, 2])).toBe(0.25);
  });
  it("equals the brute-force supremum over every sample value, ties included", () => {
    fc.assert(
      fc.property(
        sample,
        sample,
        (a, b) => Math.abs(ksDistance(a, b) - bruteForceKs(a, b)) < 1e-12,
      ),
      { seed: 11, numRuns: 300 },
    );
  });
  it("is symmetric, in [0, 1], 0 for a sample against itself in any order", () => {
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const d = ksDistance(a, b);
        return d === ksDistance(b, a) && d >= 0 && d <= 1 && ksDistance(a, [...a].reverse()) === 0;
      }),
      { seed: 12, numRuns: 200 },
    );
  });
  it("rejects empty samples and NaN", () => {
    expect(() => ksDistance([], [1])).toThrow(/at least 1 value/);
    expect(() => ksDistance([1, NaN], [1])).toThrow(/NaN/);
  });
});
