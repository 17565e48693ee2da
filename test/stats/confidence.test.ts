import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  correlationInterval,
  correlationMeanInterval,
  meanInterval,
  normalQuantile,
  pairedComparison,
  signFlipP,
  studentTQuantile,
} from "../../src/stats/confidence.js";

describe("confidence intervals across seeds", () => {
  it("t quantiles match tables (scipy.stats.t.ppf)", () => {
    expect(studentTQuantile(0.975, 4)).toBeCloseTo(2.7764451051977987, 9);
    expect(studentTQuantile(0.975, 9)).toBeCloseTo(2.2621571627409915, 9);
    expect(studentTQuantile(0.025, 1)).toBeCloseTo(-12.706204736174698, 7);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 7);
  });

  it("a mean interval matches a hand computation", () => {
    const m = meanInterval([1, 2, 3, 4, 5]);
    expect(m.mean).toBe(3);
    expect(m.sd).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(m.hi - m.mean).toBeCloseTo(2.7764451051977987 * Math.sqrt(2.5 / 5), 9);
    expect(Number.isNaN(meanInterval([7]).lo)).toBe(true);
  });

  it("the interval shrinks as seeds grow on an input whose spread is known", () => {
    // Deterministic draws from N(0, 1) by inverse CDF on a stratified grid: the width follows 1/sqrt(n).
    const draw = (n: number): number[] =>
      Array.from({ length: n }, (_, i) => normalQuantile((i + 0.5) / n));
    const widths = [5, 10, 20, 40, 80].map((n) => {
      const m = meanInterval(draw(n));
      return m.hi - m.lo;
    });
    for (let i = 1; i < widths.length; i++) expect(widths[i]).toBeLessThan(widths[i - 1]);
    // With sd ≈ 1, the 80-seed width is close to 2 · 1.99 / sqrt(80).
    expect(widths[4]).toBeCloseTo((2 * studentTQuantile(0.975, 79)) / Math.sqrt(80), 1);
  });

  it("covers the true mean about 95 % of the time (seeded Monte Carlo)", () => {
    let state = 12345;
    const uniform = (): number => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return (state + 0.5) / 2 ** 32;
    };
    let covered = 0;
    const trials = 2000;
    for (let t = 0; t < trials; t++) {
      const xs = Array.from({ length: 6 }, () => 3 + 2 * normalQuantile(uniform()));
      const m = meanInterval(xs);
      if (m.lo <= 3 && 3 <= m.hi) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.93);
    expect(covered / trials).toBeLessThan(0.97);
  });

  it("paired comparison: sign-flip p is exact and never 0", () => {
    const a = [0, 0, 0, 0, 0];
    const b = [1, 2, 3, 4, 5];
    const c = pairedComparison(a, b);
    expect(c.mean).toBe(3);
    // All positive: only the identity and the all-flipped pattern reach |sum| = 15.
    expect(c.pSignFlip).toBe(2 / 32);
    expect(c.pT).toBeGreaterThan(0);
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (d) => {
          const p = signFlipP(d);
          return p > 0 && p <= 1;
        },
      ),
    );
  });

  it("correlation with a Fisher-z interval", () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8];
    const y = [2, 4, 5, 4, 5, 7, 8, 9];
    const r = correlationInterval(x, y);
    expect(r.r).toBeCloseTo(0.9511897312113419, 10);
    expect(r.lo).toBeLessThan(r.r);
    expect(r.hi).toBeGreaterThan(r.r);
    expect(r.hi).toBeLessThanOrEqual(1);
    expect(Number.isNaN(correlationInterval([1, 2, 3], [1, 2, 4]).lo)).toBe(true);
  });
});

describe("correlationMeanInterval(rs)", () => {
  it("averages on Fisher's z scale and keeps the interval inside [−1, 1]", () => {
    const rs = [-0.85, 0.85, -0.85, 0.85, -0.85];
    const m = correlationMeanInterval(rs);
    const zs = rs.map(Math.atanh);
    const zMean = zs.reduce((a, b) => a + b, 0) / zs.length;
    expect(m.mean).toBeCloseTo(Math.tanh(zMean), 12);
    expect(m.lo).toBeGreaterThan(-1);
    expect(m.hi).toBeLessThan(1);
    expect(m.lo).toBeLessThan(m.mean);
    expect(m.hi).toBeGreaterThan(m.mean);
    // A t-interval of raw r would leave [−1, 1] here.
    const raw = meanInterval(rs);
    expect(raw.lo).toBeLessThan(-1);
  });

  it("r = ±1 counts as finite, one value has no interval, equal values have a zero-width one", () => {
    expect(Number.isFinite(correlationMeanInterval([1, 1, 0.9]).mean)).toBe(true);
    expect(Number.isNaN(correlationMeanInterval([0.3]).lo)).toBe(true);
    const same = correlationMeanInterval([0.5, 0.5, 0.5]);
    expect(same.mean).toBeCloseTo(0.5, 12);
    expect(same.lo).toBeCloseTo(0.5, 12);
  });
});
