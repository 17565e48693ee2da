import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isConstrained,
  isSignificant,
  significance,
  SIGNIFICANCE,
  type SignificanceFields,
} from "../../src/analysis/significance.js";

const row = (over: Partial<SignificanceFields> = {}): SignificanceFields => ({
  count: 100,
  randomCountMean: 50,
  randomCountSd: 5,
  qOver: 0.001,
  ...over,
});

const arbitraryRow = fc.record({
  count: fc.nat(1000),
  randomCountMean: fc.oneof(fc.constant(null), fc.double({ min: 0, max: 1000, noNaN: true })),
  randomCountSd: fc.oneof(
    fc.constant(null),
    fc.constant(0),
    fc.double({ min: 0, max: 100, noNaN: true }),
  ),
  qOver: fc.oneof(fc.constant(null), fc.double({ min: 0, max: 1, noNaN: true })),
});

describe("significance(row)", () => {
  it("calls a class over-represented when q < alpha, count ≥ 4 and the count deviates ≥ 10%", () => {
    expect(significance(row())).toBe("over");
    expect(isSignificant(row())).toBe(true);
    expect(significance(row({ qOver: SIGNIFICANCE.alpha }))).toBeNull();
    expect(significance(row({ qOver: null }))).toBeNull();
    expect(significance(row({ count: 3, randomCountMean: 1 }))).toBeNull();
    // 105 vs 100: 5% deviation, below mfinder's 10% guard.
    expect(significance(row({ count: 105, randomCountMean: 100 }))).toBeNull();
    expect(significance(row({ count: 110, randomCountMean: 100 }))).toBe("over");
    // Below the mean is never "over"; "under" needs the census's qUnder.
    expect(significance(row({ count: 10, randomCountMean: 50 }))).toBeNull();
    expect(significance(row({ randomCountMean: null }))).toBeNull();
  });

  it("never calls a constrained class or one with count < minCount significant (property)", () => {
    fc.assert(
      fc.property(arbitraryRow, (r) => {
        const direction = significance(r);
        if (isConstrained(r) || r.count < SIGNIFICANCE.minCount) expect(direction).toBeNull();
        if (direction !== null) {
          expect(r.qOver).not.toBeNull();
          expect(r.qOver as number).toBeLessThan(SIGNIFICANCE.alpha);
          const mean = r.randomCountMean as number;
          expect(Math.abs(r.count - mean)).toBeGreaterThanOrEqual(SIGNIFICANCE.minDeviation * mean);
        }
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});

describe("isConstrained(row)", () => {
  it("is true exactly when every random network has the original's count", () => {
    expect(isConstrained(row({ count: 12, randomCountMean: 12, randomCountSd: 0 }))).toBe(true);
    expect(
      significance(row({ count: 12, randomCountMean: 12, randomCountSd: 0, qOver: 0 })),
    ).toBeNull();
    expect(isConstrained(row({ count: 12, randomCountMean: 11, randomCountSd: 0 }))).toBe(false);
    expect(isConstrained(row({ count: 12, randomCountMean: 12, randomCountSd: 0.5 }))).toBe(false);
    expect(isConstrained(row({ randomCountMean: null, randomCountSd: null }))).toBe(false);
  });
});
