import { describe, expect, it } from "vitest";
import {
  meanAndSd,
  motifStatistics,
  shareGreater,
  shareSmaller,
  significanceProfile,
  zScore,
} from "../../src/stats/motif-statistics.js";

describe("meanAndSd(values)", () => {
  it("uses the n−1 denominator", () => {
    // mean 2.5; squares 2.25+0.25+0.25+2.25 = 5; 5/3
    const { mean, sd } = meanAndSd([1, 2, 3, 4]);
    expect(mean).toBe(2.5);
    expect(sd).toBeCloseTo(Math.sqrt(5 / 3), 15);
  });
  it("gives exactly 0 for equal values even when the mean is inexact", () => {
    expect(meanAndSd([0.1, 0.1, 0.1])).toEqual({ mean: 0.1, sd: 0 });
  });
});

describe("zScore(x, meanSd)", () => {
  it("is (x − mean)/sd", () => {
    expect(zScore(5, { mean: 3, sd: 0.5 })).toBe(4);
  });
  it("is null when sd = 0", () => {
    expect(zScore(5, { mean: 5, sd: 0 })).toBeNull();
  });
});

describe("shareGreater / shareSmaller", () => {
  it("count strictly greater and strictly smaller values only", () => {
    const values = [0.1, 0.2, 0.2, 0.3, 0.5];
    expect(shareGreater(0.2, values)).toBe(0.4);
    expect(shareSmaller(0.2, values)).toBe(0.2);
    expect(shareGreater(0.5, values)).toBe(0);
  });
});

describe("significanceProfile(z)", () => {
  it("normalises defined Z to unit length and keeps nulls", () => {
    expect(significanceProfile([3, null, -4])).toEqual([0.6, null, -0.8]);
  });
  it("is all null when every Z is 0", () => {
    expect(significanceProfile([0, 0])).toEqual([null, null]);
  });
});

describe("motifStatistics(input)", () => {
  it("matches hand-computed values on two classes and three random networks", () => {
    // Original: total 10, class A 4 (0.4), class B 6 (0.6).
    // Random totals 10, 20, 10; A counts 2, 6, 5 → f 0.2, 0.3, 0.5; B counts 8, 14, 5 → 0.8, 0.7, 0.5.
    const s = motifStatistics({
      counts: [4, 6],
      total: 10,
      randomCounts: [2, 8, 6, 14, 5, 5],
      randomTotals: [10, 20, 10],
    });
    const a = s[0];
    expect(a.count).toBe(4);
    expect(a.frequency).toBe(0.4);
    expect(a.randomMean).toBeCloseTo(1 / 3, 15);
    // squares: (0.2−1/3)² + (0.3−1/3)² + (0.5−1/3)² = 0.0466…; /2 → 0.02333…
    const sdA = Math.sqrt(0.07 / 3);
    expect(a.randomSd).toBeCloseTo(sdA, 12);
    expect(a.z).toBeCloseTo((0.4 - 1 / 3) / sdA, 10);
    // Permutation p on counts 4 vs 2, 6, 5: b_over (≥ 4) = 2, b_under (≤ 4) = 1.
    expect(a.pOver).toBe(3 / 4);
    expect(a.pUnder).toBe(2 / 4);
    // FANMOD's shares on concentrations 0.4 vs 0.2, 0.3, 0.5, strictly.
    expect(a.shareOver).toBeCloseTo(1 / 3, 15);
    expect(a.shareUnder).toBeCloseTo(2 / 3, 15);
    expect(a.constrained).toBe(false);
    // counts 2, 6, 5: mean 13/3, sd sqrt(((−7/3)²+(5/3)²+(2/3)²)/2) = sqrt(13/3)
    expect(a.randomCountMean).toBeCloseTo(13 / 3, 12);
    expect(a.zCount).toBeCloseTo((4 - 13 / 3) / Math.sqrt(13 / 3), 10);
    const b = s[1];
    expect(b.z).toBeCloseTo((0.6 - 2 / 3) / sdA, 10);
    const norm = Math.hypot(a.z!, b.z!);
    expect(a.sp).toBeCloseTo(a.z! / norm, 12);
    expect(b.sp).toBeCloseTo(b.z! / norm, 12);
  });

  it("gives z null and sp null for a class with constant random frequency, and leaves others' SP alone", () => {
    const constant = motifStatistics({
      counts: [2, 3],
      total: 4,
      randomCounts: [2, 1, 2, 3, 2, 2],
      randomTotals: [4, 4, 4],
    });
    expect(constant[0].randomSd).toBe(0);
    expect(constant[0].z).toBeNull();
    expect(constant[0].sp).toBeNull();
    // Count 2 in the original and in every random network: constrained, p = (3+1)/(3+1) both tails.
    expect(constant[0].constrained).toBe(true);
    expect(constant[0].zCount).toBeNull();
    expect(constant[0].pOver).toBe(1);
    expect(constant[0].pUnder).toBe(1);
    expect(constant[0].shareOver).toBe(0);
    expect(constant[0].shareUnder).toBe(0);
    expect(constant[1].constrained).toBe(false);
    // class 1: original 0.75 against 0.25, 0.75, 0.5 → z > 0, the only defined Z, so SP = 1.
    expect(constant[1].z).toBeGreaterThan(0);
    expect(constant[1].sp).toBe(1);
  });

  it("rejects a random-count matrix of the wrong shape", () => {
    expect(() =>
      motifStatistics({ counts: [1], total: 1, randomCounts: [1, 2], randomTotals: [1] }),
    ).toThrow(/Should have networks × classes = 1/);
  });
});
