import { describe, expect, it } from "vitest";
import { benjaminiHochberg } from "../../src/stats/fdr.js";

describe("benjaminiHochberg(p)", () => {
  it("matches hand-computed q-values (R p.adjust 'BH')", () => {
    // p sorted: 0.01, 0.02, 0.03, 0.04, 0.5 (m = 5) → m/j·p: 0.05, 0.05, 0.05, 0.05, 0.5
    // then a running minimum from the top.
    const q = benjaminiHochberg([0.04, 0.01, 0.5, 0.03, 0.02]);
    const expected = [0.05, 0.05, 0.5, 0.05, 0.05];
    q.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 15));
  });
  it("takes the running minimum and caps at 1", () => {
    // sorted 0.01, 0.04, 0.045 (m=3): 0.03, 0.06, 0.045 → min from top: 0.03, 0.045, 0.045
    const q = benjaminiHochberg([0.045, 0.01, 0.04]);
    expect(q[0]).toBeCloseTo(0.045, 15);
    expect(q[1]).toBeCloseTo(0.03, 15);
    expect(q[2]).toBeCloseTo(0.045, 15);
    expect(benjaminiHochberg([1, 0.9])).toEqual([1, 1]);
  });
  it("leaves nulls out of m", () => {
    const q = benjaminiHochberg([0.02, null, 0.04]);
    expect(q[1]).toBeNull();
    expect(q[0]).toBeCloseTo(0.04, 15);
    expect(q[2]).toBeCloseTo(0.04, 15);
  });
  it("rejects values outside [0, 1]", () => {
    expect(() => benjaminiHochberg([1.5])).toThrow(/Should be in \[0, 1\]/);
  });
});
