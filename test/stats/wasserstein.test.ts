import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { wasserstein1 } from "../../src/stats/wasserstein.js";

/**
 * W1 by the other formula, ∫₀¹ |Q_a(u) − Q_b(u)| du over the quantile functions: both are step
 * functions that change only at u = i/n and u = j/m, so the integral is exact on those pieces.
 */
function bruteForceW1(a: number[], b: number[]): number {
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  const cuts = [
    ...new Set([...x.map((_, i) => (i + 1) / x.length), ...y.map((_, j) => (j + 1) / y.length)]),
  ].sort((p, q) => p - q);
  const quantile = (s: number[], u: number): number =>
    s[Math.min(s.length - 1, Math.ceil(u * s.length - 1e-12) - 1)];
  let total = 0;
  let previous = 0;
  for (const u of cuts) {
    const mid = (previous + u) / 2;
    total += Math.abs(quantile(x, mid) - quantile(y, mid)) * (u - previous);
    previous = u;
  }
  return total;
}

const sample = fc.array(
  fc.integer({ min: -40, max: 40 }).map((x) => x / 8),
  { minLength: 1, maxLength: 25 },
);

describe("wasserstein1(a, b)", () => {
  it("matches scipy.stats.wasserstein_distance (scipy 1.17)", () => {
    expect(wasserstein1([0, 1, 3], [5, 6, 8])).toBe(5);
    expect(wasserstein1([0, 10], [0, 10, 10, 5])).toBeCloseTo(1.25, 14);
    const a = [0.3, -1.2, 2.5, 0.3, 0.9, -0.4, 1.1];
    const b = [0.1, 0.3, 0.3, 1.7, -2.0, 0.5, 2.2, 2.9, 0.0];
    expect(wasserstein1(a, b)).toBeCloseTo(0.4587301587301587, 14);
  });
  it("equals the quantile-function integral, for samples of any sizes", () => {
    fc.assert(
      fc.property(
        sample,
        sample,
        (a, b) => Math.abs(wasserstein1(a, b) - bruteForceW1(a, b)) < 1e-9,
      ),
      { seed: 21, numRuns: 300 },
    );
  });
  it("is the mean |sorted difference| for equal sizes, and a shift moves it by the shift", () => {
    fc.assert(
      fc.property(sample, fc.integer({ min: -20, max: 20 }), (a, k) => {
        const shift = k / 4;
        const moved = a.map((x) => x + shift);
        return (
          Math.abs(wasserstein1(a, moved) - Math.abs(shift)) < 1e-9 &&
          wasserstein1(a, [...a].reverse()) === 0
        );
      }),
      { seed: 22, numRuns: 200 },
    );
  });
  it("is symmetric and rejects empty samples", () => {
    expect(wasserstein1([1, 2, 9], [0.5])).toBeCloseTo(wasserstein1([0.5], [1, 2, 9]), 14);
    expect(() => wasserstein1([1], [])).toThrow(/at least 1 value/);
  });
});
