/**
 * The across-seed versions of the paper's figures (SPEC §8): per-class Z before and after
 * training, the most changed classes, the authors' weight table and the share of weights kept,
 * on hand-made ensembles whose answers are known.
 */
import { describe, expect, it } from "vitest";
import { summarise } from "../../../src/analysis/ensemble/across-seeds.js";
import { analyseEnsemble } from "../../../src/analysis/ensemble/analyse-ensemble.js";
import {
  classZChanges,
  mostChangedClasses,
  rankingSeeds,
} from "../../../src/analysis/ensemble/class-z-changes.js";
import {
  keptShareAcrossSeeds,
  weightTableAcrossSeeds,
} from "../../../src/analysis/ensemble/weights-across-seeds.js";
import { handEnsemble } from "./hand-ensemble.js";

// Diamond: Z = seed before, 2·seed + 1 after (ΔZ = seed + 1). Bi-fan: Z = seed before, 10·seed
// after, but no trained Z in seed 3 (paired over seeds 1, 2). 4-chain: a Z in seed 1 only,
// with ΔZ = 100 (a rare class: never ranked).
const ensemble = handEnsemble({
  seeds: [1, 2, 3],
  classes: true,
  z: (seed, _init, network, _n, top) => {
    const trained = network !== "initial";
    if (top === "diamond") return trained ? 2 * seed + 1 : seed;
    if (top === "bi-fan") return trained ? (seed === 3 ? null : 10 * seed) : seed;
    return seed === 1 ? (trained ? 101 : 1) : null;
  },
  weights: (seed, _init, network) =>
    network === "initial" ? [0.1 * seed, -0.2, 0.3, 0.9] : [0.2 * seed, -0.4, 0.6, 1.8],
});
const rows = classZChanges(ensemble);
const row = (topologyName: string) =>
  rows.find(
    (r) =>
      r.topologyName === topologyName &&
      r.init === "normal" &&
      r.dataset === "tree" &&
      r.nullModel === "switch",
  )!;

describe("classZChanges(ensemble)", () => {
  it("places a class at the mean of its per-seed Zs, with summarise's interval", () => {
    const d = row("diamond");
    expect(d.zInitialMean).toBeCloseTo(2, 12);
    expect(d.zTrainedMean).toBeCloseTo(5, 12);
    const x = summarise([1, 2, 3]);
    expect([d.zInitialLo, d.zInitialHi]).toEqual([x.lo, x.hi]);
    // t(0.975, 2) = 4.302653: 2 ± 4.302653 · 1/√3.
    expect(d.zInitialLo!).toBeCloseTo(2 - 4.302653 / Math.sqrt(3), 5);
    const y = summarise([3, 5, 7]);
    expect([d.zTrainedLo, d.zTrainedHi]).toEqual([y.lo, y.hi]);
    expect(d.mean).toBeCloseTo(3, 12);
    expect(d.seeds).toBe(3);
    expect(d.deltaExcludesZero).toBe("above");
  });
  it("takes both means over the paired seeds only, so the point's height is its mean ΔZ", () => {
    const b = row("bi-fan");
    expect(b.seeds).toBe(2);
    expect(b.missing).toBe(1);
    expect(b.zInitialMean).toBeCloseTo(1.5, 12);
    expect(b.zTrainedMean).toBeCloseTo(15, 12);
    expect(b.mean!).toBeCloseTo(b.zTrainedMean! - b.zInitialMean!, 12);
  });
  it("has one row per architecture × init × data set × size × null × class", () => {
    // 2 inits × 2 data sets × 2 nulls × 3 classes.
    expect(rows).toHaveLength(24);
  });
});

describe("mostChangedClasses(rows)", () => {
  const most = mostChangedClasses(rows, 5);
  it("ranks by |mean ΔZ| among classes seen in enough seeds, per size × null", () => {
    expect(rankingSeeds(3)).toBe(2);
    expect(rankingSeeds(5)).toBe(3);
    expect(rankingSeeds(1)).toBe(1);
    const sw = most.filter((r) => r.nullModel === "switch");
    expect(sw.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    // The 4-chain (ΔZ 100 in one seed) is never ranked; the bi-fan's ΔZ 13.5 leads.
    expect(sw.some((r) => r.topologyName === "4-chain")).toBe(false);
    expect(sw[0].topologyName).toBe("bi-fan");
    expect(sw[0].mean).toBeCloseTo(13.5, 12);
    for (let i = 1; i < sw.length; i++)
      expect(Math.abs(sw[i].mean!)).toBeLessThanOrEqual(Math.abs(sw[i - 1].mean!));
  });
});

describe("weightTableAcrossSeeds(ensemble)", () => {
  const table = weightTableAcrossSeeds(ensemble);
  it("summarises each seed's mean |w| and population sd across seeds", () => {
    const init = table.find(
      (r) => r.init === "normal" && r.network === "initial" && r.weights === "all",
    )!;
    const meanAbs = [1, 2, 3].map((s) => (0.1 * s + 0.2 + 0.3 + 0.9) / 4);
    const s = summarise(meanAbs);
    expect(init.meanAbsMean).toBeCloseTo(s.mean!, 12);
    expect([init.meanAbsLo, init.meanAbsHi]).toEqual([s.lo, s.hi]);
    expect(init.seeds).toBe(3);
    expect(init.n).toBe(4);
    expect(init.pMedian).toBeNull();
    expect(init.pSeeds).toBe(0);
    // Kept: colours 1, 2, 3 (the first weight is removed).
    const kept = table.find(
      (r) => r.init === "normal" && r.network === "initial" && r.weights === "kept",
    )!;
    expect(kept.n).toBe(3);
    expect(kept.meanAbsMean).toBeCloseTo((0.2 + 0.3 + 0.9) / 3, 12);
    expect(kept.sdHi).toBeCloseTo(kept.sdMean!, 12); // the same in every seed
  });
  it("reports Welch's p per trained network as a median and a count", () => {
    const tree = table.find(
      (r) => r.init === "normal" && r.network === "tree" && r.weights === "all",
    )!;
    expect(tree.pSeeds).toBe(3);
    expect(tree.pMedian).not.toBeNull();
    expect(tree.pBelow05).toBeGreaterThanOrEqual(0);
    expect(tree.pBelow05).toBeLessThanOrEqual(3);
  });
});

describe("keptShareAcrossSeeds(ensemble)", () => {
  it("is edges / weights per colour, averaged across seeds", () => {
    // Strong negative edges: 1 + seed of 4 weights (hand-ensemble's edgesPerColour).
    const r = keptShareAcrossSeeds(ensemble).find(
      (x) => x.init === "normal" && x.network === "initial" && x.colour === "1",
    )!;
    expect(r.mean).toBeCloseTo(summarise([2 / 4, 3 / 4, 4 / 4]).mean!, 12);
    expect(r.seeds).toBe(3);
  });
});

describe("analyseEnsemble(ensemble)", () => {
  it("carries the new tables and the first seed's weight histograms per architecture", () => {
    const a = analyseEnsemble(ensemble);
    expect(a.tables.classZChanges).toHaveLength(24);
    expect(a.tables.mostChangedClasses.length).toBeGreaterThan(0);
    expect(a.tables.weightTable.length).toBeGreaterThan(0);
    expect(a.weightHistograms.map((h) => [h.architecture, h.seed])).toEqual([["2-2", 1]]);
    expect(a.weightHistograms[0].histograms.length).toBeGreaterThan(0);
  });
});
