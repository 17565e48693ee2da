import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { pairedEffect } from "../../src/stats/paired-effect.js";

describe("pairedEffect(initial, trained)", () => {
  it("matches numpy: mean, sd (ddof = 1) and mean/sd of the differences", () => {
    const r = pairedEffect([0.5, -0.25, 1.0, 2.0], [0.75, 0.0, 0.5, 2.5]);
    expect(r.n).toBe(4);
    expect(r.meanDelta).toBeCloseTo(0.125, 15);
    expect(r.sdDelta).toBeCloseTo(0.4330127018922193, 15);
    expect(r.cohensD).toBeCloseTo(0.2886751345948129, 14);
  });
  it("is unchanged when both samples are shifted by the same amount", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 3, maxLength: 30 }),
        fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 3, maxLength: 30 }),
        fc.integer({ min: -50, max: 50 }),
        (x, dx, c) => {
          const n = Math.min(x.length, dx.length);
          const a = x.slice(0, n);
          const b = a.map((v, i) => v + dx[i]);
          const r = pairedEffect(a, b);
          const shifted = pairedEffect(
            a.map((v) => v + c),
            b.map((v) => v + c),
          );
          if (r.cohensD === null) return shifted.cohensD === null;
          return Math.abs(r.cohensD - shifted.cohensD!) < 1e-9;
        },
      ),
      { seed: 31, numRuns: 200 },
    );
  });
  it("gives d = null when every weight moved by the same amount, and rejects unpaired samples", () => {
    expect(pairedEffect([1, 2, 3], [1.5, 2.5, 3.5]).cohensD).toBeNull();
    expect(pairedEffect([1], [2]).cohensD).toBeNull();
    expect(() => pairedEffect([1, 2], [1])).toThrow(/pair up/);
  });
});
