import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isConstrained, isSignificant, significance } from "../../src/analysis/significance.js";
import { decide } from "../../src/stats/significance.js";

const row = fc.record({
  count: fc.integer({ min: 0, max: 200 }),
  randomCountMean: fc.option(fc.double({ min: 0, max: 200, noNaN: true }), { nil: null }),
  pOver: fc.integer({ min: 1, max: 101 }).map((b) => b / 101),
  pUnder: fc.integer({ min: 1, max: 101 }).map((b) => b / 101),
  constrained: fc.boolean(),
});

describe("significance(row): the analyses read the census's decision", () => {
  it("returns the census row's `significant`, and never calls a constrained class", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), (rows) => {
        const decided = rows.map((r, i) => ({ ...r, ...decide(rows)[i] }));
        for (const r of decided) {
          expect(significance(r)).toBe(r.constrained ? null : r.significant);
          expect(isSignificant(r)).toBe(!r.constrained && r.significant === "over");
          expect(isConstrained(r)).toBe(r.constrained);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("calls nothing below mfinder's count guard (count < 4)", () => {
    const rows = [
      { count: 3, randomCountMean: 0.1, pOver: 1 / 101, pUnder: 1, constrained: false },
    ];
    expect(significance({ ...rows[0], ...decide(rows)[0] })).toBeNull();
  });
});

describe("applyStudyFamily(results): the family 'all censuses of the study'", () => {
  it("re-decides every main census row as one BH family and says so in the findings", async () => {
    const { makeSyntheticStudy } = await import("../fixtures/synthetic-study.js");
    const { applyStudyFamily, FAMILIES } = await import("../../src/analysis/significance.js");
    const { findingsDocument } = await import("../../src/analysis/findings-json.js");
    const results = makeSyntheticStudy(3);
    const study = applyStudyFamily(results);
    const rows = results.censuses.flatMap((c) => c.motifs);
    const expected = decide(rows);
    expect(study.censuses.flatMap((c) => c.motifs.map((m) => m.qOver))).toEqual(
      expected.map((d) => d.qOver),
    );
    expect(study.censuses.flatMap((c) => c.motifs.map((m) => m.significant))).toEqual(
      expected.map((d) => d.significant),
    );
    const doc = findingsDocument(study);
    expect(doc.significance.family).toBe(FAMILIES.study);
    expect(findingsDocument(results).significance.family).toBe(FAMILIES.census);
  });
});
