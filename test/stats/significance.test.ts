import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { benjaminiHochberg } from "../../src/stats/fdr.js";
import { motifStatistics, permutationP } from "../../src/stats/motif-statistics.js";
import {
  decide,
  familyStatistics,
  minimumNetworks,
  redecideCensuses,
  type DecisionInput,
} from "../../src/stats/significance.js";

/** BH by its definition: q_i = min over p_j ≥ p_i of min(1, m · p_j / #{k : p_k ≤ p_j}). */
function referenceBh(p: ReadonlyArray<number | null>): Array<number | null> {
  const values = p.filter((v): v is number => v !== null);
  const m = values.length;
  return p.map((pi) => {
    if (pi === null) return null;
    let q = 1;
    for (const pj of values) {
      if (pj < pi) continue;
      const rank = values.filter((pk) => pk <= pj).length;
      q = Math.min(q, (m * pj) / rank);
    }
    return q;
  });
}

const pValue = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.constantFrom(0.01, 0.02, 0.05, 1), // ties
);

describe("permutation p-values (b + 1)/(N + 1)", () => {
  it("are never below 1/(N+1), never above 1, and the two tails sum to at least 1 + 1/(N+1)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 40 }),
        fc.array(fc.nat(20), { minLength: 1, maxLength: 6 * 40 }),
        fc.array(fc.nat(20), { minLength: 6, maxLength: 6 }),
        (K, N, pool, original) => {
          const randomCounts = Array.from({ length: N * K }, (_, i) => pool[i % pool.length]);
          const randomTotals = Array.from({ length: N }, (_, i) =>
            randomCounts.slice(i * K, (i + 1) * K).reduce((a, b) => a + b, 1),
          );
          const counts = original.slice(0, K);
          const stats = motifStatistics({ counts, total: 100, randomCounts, randomTotals });
          for (const s of stats) {
            expect(s.pOver).toBeGreaterThanOrEqual(1 / (N + 1));
            expect(s.pUnder).toBeGreaterThanOrEqual(1 / (N + 1));
            expect(s.pOver).toBeLessThanOrEqual(1);
            expect(s.pUnder).toBeLessThanOrEqual(1);
            expect(s.pOver + s.pUnder).toBeGreaterThanOrEqual(1 + 1 / (N + 1) - 1e-12);
            // A class whose count every random network repeats is constrained and has no Z.
            if (s.constrained) {
              expect(s.z).toBeNull();
              expect(s.zCount).toBeNull();
              expect(s.pOver).toBe(1);
            }
          }
        },
      ),
    );
  });

  it("counts ties as at least as extreme (≥ for over, ≤ for under)", () => {
    expect(permutationP(3, [1, 3, 5, 3], "over")).toBe(4 / 5);
    expect(permutationP(3, [1, 3, 5, 3], "under")).toBe(4 / 5);
    expect(permutationP(9, [1, 3, 5, 3], "over")).toBe(1 / 5);
    expect(permutationP(9, [], "over")).toBe(1);
  });
});

describe("Benjamini–Hochberg", () => {
  it("equals the definition computed the straightforward way, nulls left out", () => {
    fc.assert(
      fc.property(fc.array(fc.option(pValue, { nil: null }), { maxLength: 40 }), (p) => {
        const q = benjaminiHochberg(p);
        const ref = referenceBh(p);
        q.forEach((v, i) => {
          if (ref[i] === null) expect(v).toBeNull();
          else expect(v).toBeCloseTo(ref[i] as number, 12);
        });
      }),
    );
  });

  it("decide() adjusts both tails of every tested class as one family", () => {
    const row = fc.record({
      count: fc.nat(30),
      randomCountMean: fc.option(fc.double({ min: 0, max: 30, noNaN: true }), { nil: null }),
      pOver: pValue,
      pUnder: pValue,
      constrained: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        const decisions = decide(rows);
        const tested = rows.map((r) => !r.constrained);
        const ref = referenceBh([
          ...rows.map((r, i) => (tested[i] ? r.pOver : null)),
          ...rows.map((r, i) => (tested[i] ? r.pUnder : null)),
        ]);
        decisions.forEach((d, i) => {
          if (!tested[i]) {
            expect(d.qOver).toBeNull();
            expect(d.qUnder).toBeNull();
          } else {
            expect(d.qOver).toBeCloseTo(ref[i] as number, 12);
            expect(d.qUnder).toBeCloseTo(ref[rows.length + i] as number, 12);
          }
        });
      }),
    );
  });
});

describe("decide(rows, options)", () => {
  it("never calls a constrained class, a class below minCount, or a small change significant", () => {
    const row = fc.record({
      count: fc.nat(12),
      randomCountMean: fc.option(fc.double({ min: 0, max: 12, noNaN: true }), { nil: null }),
      pOver: fc.constantFrom(0.001, 0.01, 0.5, 1),
      pUnder: fc.constantFrom(0.001, 0.01, 0.5, 1),
      constrained: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 25 }),
        fc.integer({ min: 0, max: 8 }),
        fc.constantFrom(0, 0.1, 0.5),
        (rows, minCount, minRelativeChange) => {
          const decisions = decide(rows, { minCount, minRelativeChange });
          decisions.forEach((d, i) => {
            const r = rows[i];
            if (d.significant === null) return;
            expect(r.constrained).toBe(false);
            expect(r.count).toBeGreaterThanOrEqual(minCount);
            expect(r.randomCountMean).not.toBeNull();
            expect(Math.abs(r.count - r.randomCountMean!)).toBeGreaterThanOrEqual(
              minRelativeChange * r.randomCountMean!,
            );
            const q = d.significant === "over" ? d.qOver : d.qUnder;
            expect(q).toBeLessThan(0.05);
          });
        },
      ),
    );
  });

  it("calls a strong class over, and the same class with count 3 nothing (minCount 4)", () => {
    const strong: DecisionInput = {
      count: 10,
      randomCountMean: 2,
      pOver: 0.001,
      pUnder: 1,
      constrained: false,
    };
    expect(decide([strong])[0].significant).toBe("over");
    expect(decide([{ ...strong, count: 3 }])[0].significant).toBeNull();
    expect(decide([{ ...strong, count: 3 }], { minCount: 0 })[0].significant).toBe("over");
    // |10 − 9.5| < 0.1 · 9.5: too small a change.
    expect(decide([{ ...strong, randomCountMean: 9.5 }])[0].significant).toBeNull();
    const weak = { ...strong, count: 0, randomCountMean: 8, pOver: 1, pUnder: 0.001 };
    expect(decide([weak], { minCount: 0 })[0].significant).toBe("under");
  });
});

describe("familyStatistics", () => {
  it("says when N random networks cannot reach alpha", () => {
    const rows: DecisionInput[] = [
      { count: 5, randomCountMean: 1, pOver: 0.05, pUnder: 1, constrained: false },
    ];
    const at19 = familyStatistics("census", 19, rows, decide(rows));
    expect(at19.canReachAlpha).toBe(false);
    expect(at19.smallestP).toBe(1 / 20);
    expect(at19.warning).toMatch(/N = 19 .* 1\/20 = 0\.05, not below alpha = 0\.05.*at least 20/);
    const at20 = familyStatistics("census", 20, rows, decide(rows));
    expect(at20.canReachAlpha).toBe(true);
    expect(at20.warning).toBeNull();
    expect(minimumNetworks(0.05)).toBe(20);
    expect(minimumNetworks(0.01)).toBe(100);
    expect(minimumNetworks(0.3)).toBe(3);
  });
});

describe("redecideCensuses(censuses, family)", () => {
  it("re-applies BH over the union: q-values of the union, one statistics block naming the family", () => {
    const mk = (networks: number, p: number[]) => ({
      random: { networks },
      statistics: familyStatistics("census", networks, [], []),
      motifs: p.map((pOver) => ({
        count: 10,
        randomCountMean: 2,
        pOver,
        pUnder: 1,
        constrained: false,
        qOver: null,
        qUnder: null,
        significant: null,
      })),
    });
    const a = mk(100, [1 / 101, 0.5]);
    const b = mk(100, [1 / 101, 1 / 101, 0.2]);
    const [ua, ub] = redecideCensuses([a, b], "all censuses of the study");
    const all = decide([...a.motifs, ...b.motifs]);
    expect(ua.motifs.map((m) => m.qOver)).toEqual(all.slice(0, 2).map((d) => d.qOver));
    expect(ub.motifs.map((m) => m.qOver)).toEqual(all.slice(2).map((d) => d.qOver));
    expect(ua.statistics.family).toBe("all censuses of the study");
    expect(ua.statistics.hypotheses).toBe(10);
    expect(ub.statistics).toEqual(ua.statistics);
    // Alone, census a is a family of 4 p-values: q = 4 · (1/101) / 1. In the union of 10 p-values
    // three share the smallest p: q = 10 · (1/101) / 3.
    const [alone] = redecideCensuses([a], "census");
    expect(alone.motifs[0].qOver).toBeCloseTo(4 / 101, 15);
    expect(ua.motifs[0].qOver).toBeCloseTo(10 / 303, 15);
    expect(alone.statistics.hypotheses).toBe(4);
  });
});
