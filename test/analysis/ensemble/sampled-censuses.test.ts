import { describe, expect, it } from "vitest";
import { analyseEnsemble } from "../../../src/analysis/ensemble/analyse-ensemble.js";
import {
  sampledCensuses,
  sampledRelativeError,
} from "../../../src/analysis/ensemble/sampled-censuses.js";
import type { EnsembleResults } from "../../../src/analysis/ensemble/replicates.js";
import { census } from "../../../src/stats/census.js";
import { randomEdgeGraph } from "../../fixtures/random-graph.js";
import { handEnsemble } from "./hand-ensemble.js";

describe("sampledRelativeError(count, share)", () => {
  it("is √((1 − P)/s) for s = count·P subgraphs seen, 0 when nothing is dropped", () => {
    expect(sampledRelativeError(10_000, 0.01)).toBeCloseTo(Math.sqrt(0.99 / 100), 12);
    expect(sampledRelativeError(500, 1)).toBe(0);
    expect(sampledRelativeError(0, 0.5)).toBeNull();
  });

  it("matches the spread of RAND-ESU estimates over seeds (within the prefix correlation)", async () => {
    const g = randomEdgeGraph(60, 360, 7);
    const size = 4;
    const q = 0.4;
    const share = q * q;
    const exact = await census(g, { size, networks: 0, colours: false, threads: 1 });
    const top = [...exact.motifs].sort((a, b) => b.count - a.count)[0];
    const estimates: number[] = [];
    for (let seed = 1; seed <= 40; seed++) {
      const r = await census(g, {
        size,
        networks: 0,
        colours: false,
        threads: 1,
        seed,
        sample: [1, 1, q, q],
      });
      estimates.push(r.motifs.find((m) => m.key === top.key)?.count ?? 0);
    }
    const mean = estimates.reduce((a, b) => a + b, 0) / estimates.length;
    const sd = Math.sqrt(
      estimates.reduce((a, b) => a + (b - mean) ** 2, 0) / (estimates.length - 1),
    );
    const stated = sampledRelativeError(top.count, share)!;
    const observed = sd / top.count;
    // Unbiased (the mean is within 4 standard errors of the exact count) …
    expect(Math.abs(mean - top.count) / top.count).toBeLessThan((4 * observed) / Math.sqrt(40));
    // … and the stated error is the right size: never far above the observed one, and below it
    // only by what shared ESU prefixes add (the sentence says "makes it larger").
    expect(observed / stated).toBeGreaterThan(0.7);
    expect(observed / stated).toBeLessThan(4);
  });
});

/** The hand ensemble with its first replicate's diamond census marked as sampled. */
function withOneSampled(): EnsembleResults {
  const e = handEnsemble({ seeds: [1, 2], z: () => 1 });
  const [first, ...rest] = e.replicates;
  const [c0, ...cs] = first.results.topologyCensuses!;
  const sampled = { ...c0, subgraphs: 1e9, sample: [1, 1, 0.1, 0.1] };
  return {
    ...e,
    replicates: [
      { ...first, results: { ...first.results, topologyCensuses: [sampled, ...cs] } },
      ...rest,
    ],
  };
}

describe("sampledCensuses(ensemble) and the sampling finding", () => {
  it("lists only the sampled censuses, with P and the counted subgraphs", () => {
    const rows = sampledCensuses(withOneSampled());
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      architecture: "2-2",
      seed: 1,
      role: "uncoloured",
      probabilities: "1 1 0.1 0.1",
      subgraphs: 1e9,
    });
    expect(rows[0].share).toBeCloseTo(0.01, 12);
    expect(rows[0].counted).toBeCloseTo(1e7, 3);
    // Every class of the hand census has count 10: s = 0.1 subgraphs seen.
    expect(rows[0].medianClassRelSE).toBeCloseTo(Math.sqrt(0.99 / 0.1), 9);
    expect(sampledCensuses(handEnsemble({ seeds: [1, 2], z: () => 1 }))).toEqual([]);
  });

  it("states how many censuses were sampled and the error, from the record's fields", () => {
    const analysis = analyseEnsemble(withOneSampled());
    const f = analysis.findings.filter((x) => x.kind === "ensemble-sampling");
    expect(f).toHaveLength(1);
    const total = 2 * 2 * 3 * 2; // seeds × nulls × (initial + 2 data sets) × inits
    expect(f[0].sentence).toContain(`1 of ${total} 4-node censuses of the 2-2 networks`);
    expect(f[0].sentence).toContain("1.0 % of the subgraphs counted");
    expect(f[0].sentence).toMatch(/relative standard error of about \d+ %/);
    expect(
      analyseEnsemble(handEnsemble({ seeds: [1, 2], z: () => 1 })).findings.some(
        (x) => x.kind === "ensemble-sampling",
      ),
    ).toBe(false);
  });
});
