import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  alignBySeed,
  excludesZero,
  pairedSummary,
  smallestSignFlipP,
  summarise,
} from "../../../src/analysis/ensemble/across-seeds.js";
import { Rng } from "../../../src/core/index.js";

const finite = fc.double({ min: -50, max: 50, noNaN: true });

describe("summarise(values)", () => {
  it("the interval shrinks as seeds grow, for draws of a known spread (sd 1)", () => {
    const rng = new Rng(7, 1, 1);
    const draws = Array.from({ length: 160 }, () => 3 + rng.normal());
    const widths = [4, 10, 40, 160].map((n) => {
      const s = summarise(draws.slice(0, n));
      return (s.hi as number) - (s.lo as number);
    });
    for (let i = 1; i < widths.length; i++) expect(widths[i]).toBeLessThan(widths[i - 1]);
    // 2 · t(0.975, 159) · 1/√160 ≈ 0.31 for sd 1.
    expect(widths[3]).toBeGreaterThan(0.2);
    expect(widths[3]).toBeLessThan(0.45);
    const all = summarise(draws);
    expect(all.lo! < 3 && 3 < all.hi!).toBe(true);
  });
  it("counts null as missing, never as 0; one seed has no interval", () => {
    const s = summarise([2, null, 4]);
    expect(s).toMatchObject({ seeds: 2, missing: 1, mean: 3 });
    const one = summarise([5, null]);
    expect(one).toMatchObject({ seeds: 1, mean: 5, lo: null, hi: null });
    expect(excludesZero(one)).toBeNull();
    expect(summarise([null]).mean).toBeNull();
  });
});

describe("pairedSummary(a, b)", () => {
  it("its mean is the mean of the per-seed differences, over the seeds with both values", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(finite, finite), { minLength: 2, maxLength: 12 }), (pairs) => {
        const a = pairs.map((p) => p[0]);
        const b = pairs.map((p) => p[1]);
        const s = pairedSummary([...a, null], [...b, 1]);
        const mean = pairs.reduce((t, p) => t + (p[1] - p[0]), 0) / pairs.length;
        expect(s.seeds).toBe(pairs.length);
        expect(s.missing).toBe(1);
        expect(s.mean).toBeCloseTo(mean, 9);
      }),
    );
  });
  it("its sign-flip p is never 0 and never below 2/2^n", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(finite, finite), { minLength: 1, maxLength: 12 }), (pairs) => {
        const s = pairedSummary(
          pairs.map((p) => p[0]),
          pairs.map((p) => p[1]),
        );
        expect(s.pSignFlip).toBeGreaterThan(0);
        expect(s.pSignFlip!).toBeGreaterThanOrEqual(smallestSignFlipP(pairs.length) - 1e-15);
      }),
    );
  });
  it("all differences of one sign reach the smallest p: 2/2^5 for 5 seeds", () => {
    const s = pairedSummary([0, 0, 0, 0, 0], [1, 2, 3, 4, 5]);
    expect(s.pSignFlip).toBeCloseTo(0.0625, 12);
    expect(excludesZero(s)).toBe("above");
  });
  it("refuses vectors that do not pair up", () => {
    expect(() => pairedSummary([1], [1, 2])).toThrow(/do not pair up/);
  });
});

describe("alignBySeed(perSeed)", () => {
  it("puts each seed's value at its index and null where a seed lacks the key", () => {
    const a = alignBySeed([
      [{ key: "x", meta: "X", value: 1 }],
      [
        { key: "y", meta: "Y", value: 2 },
        { key: "x", meta: "X", value: 3 },
      ],
    ]);
    expect(a.get("x")!.values).toEqual([1, 3]);
    expect(a.get("y")!.values).toEqual([null, 2]);
  });
});
