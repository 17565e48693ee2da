import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  regularizedIncompleteBeta,
  studentTCdf,
  studentTTwoSidedP,
  welchTTest,
} from "../../src/stats/welch-t-test.js";

// Reference values from scipy 1.17 (stats.ttest_ind(equal_var=False), special.betainc, stats.t.sf).
describe("welchTTest(a, b)", () => {
  it("matches scipy's ttest_ind(equal_var=False)", () => {
    const r = welchTTest([1.2, 2.3, 3.1, 4.8, 5.0, 2.2], [2.9, 3.8, 4.4, 5.1, 6.6, 7.0, 5.5, 4.9]);
    expect(r.t).toBeCloseTo(-2.4485047102483355, 12);
    expect(r.df).toBeCloseTo(10.205261700181323, 10);
    expect(r.p).toBeCloseTo(0.03389732412820153, 12);
    expect(r.nA).toBe(6);
    expect(r.nB).toBe(8);
  });
  it("is antisymmetric in its samples", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: -1000, max: 1000 }).map((x) => x / 100),
          { minLength: 3, maxLength: 20 },
        ),
        fc.array(
          fc.integer({ min: -1000, max: 1000 }).map((x) => x / 100),
          { minLength: 3, maxLength: 20 },
        ),
        (a, b) => {
          const ab = welchTTest(a, b);
          const ba = welchTTest(b, a);
          if (Number.isNaN(ab.t)) return Number.isNaN(ba.t);
          return (
            Math.abs(ab.t + ba.t) < 1e-9 && Math.abs(ab.p - ba.p) < 1e-9 && ab.p >= 0 && ab.p <= 1
          );
        },
      ),
      { seed: 7, numRuns: 200 },
    );
  });
  it("returns NaN for two constant samples and rejects samples of one value", () => {
    expect(welchTTest([1, 1, 1], [2, 2]).p).toBeNaN();
    expect(() => welchTTest([1], [1, 2])).toThrow(/at least 2/);
  });
});

describe("regularizedIncompleteBeta(x, a, b)", () => {
  it.each([
    [0.3, 2, 3, 0.34829999999999994],
    [0.9, 0.5, 0.5, 0.7951672353008665],
    [0.01, 10, 0.5, 1.770034965528571e-21],
    [0.999, 50, 0.5, 0.7523690199653766],
    [0.5, 200, 300, 0.9999964565197356],
  ])("I_%f(%f, %f) matches scipy.special.betainc", (x, a, b, expected) => {
    const got = regularizedIncompleteBeta(x, a, b);
    expect(Math.abs(got - expected) / expected).toBeLessThan(1e-10);
  });
  it("is 0 at 0 and 1 at 1", () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });
});

describe("studentTTwoSidedP(t, df)", () => {
  it.each([
    [2.0, 5, 0.10193947882985835],
    [1.96, 1e6, 0.04999606758526985],
    [10, 3, 0.0021283990584141503],
    [0.5, 1.5, 0.68056711066994],
    [-3.2, 12.7, 0.007153180243658396],
  ])("p(|T| ≥ %f; df = %f) matches scipy", (t, df, expected) => {
    expect(Math.abs(studentTTwoSidedP(t, df) - expected) / expected).toBeLessThan(1e-9);
  });
  it("studentTCdf is 0.5 at 0 and increasing", () => {
    expect(studentTCdf(0, 4)).toBeCloseTo(0.5, 14);
    expect(studentTCdf(1, 4)).toBeGreaterThan(studentTCdf(0.5, 4));
    expect(studentTCdf(-1, 4)).toBeCloseTo(1 - studentTCdf(1, 4), 14);
  });
});
