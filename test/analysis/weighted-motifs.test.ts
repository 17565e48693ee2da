import { describe, expect, it } from "vitest";
import { analyseStudy } from "../../src/analysis/analyse-study.js";
import {
  weightedEnsemble,
  weightedEnsembleFindings,
} from "../../src/analysis/ensemble/weighted-ensemble.js";
import type { EnsembleResults } from "../../src/analysis/ensemble/replicates.js";
import { median } from "../../src/analysis/median.js";
import type { StudyResults, WeightedRecord } from "../../src/analysis/study-results.js";
import { WEIGHTED_ALPHA, weightedFindings } from "../../src/analysis/weighted-findings.js";
import { twoSidedP, weightedMotifs } from "../../src/analysis/weighted-motifs.js";
import { Rng } from "../../src/core/random.js";
import { weightedMotifProfile } from "../../src/motifs/layered-weighted-motifs.js";
import { meanInterval, pairedComparison } from "../../src/stats/confidence.js";
import { weightedRecord } from "../../src/study/steps/weighted.js";
import { makeSyntheticStudy } from "../fixtures/synthetic-study.js";

const LAYERS = [6, 5, 5, 3];

/** Weighted records of one init's initial network and two trained ones (some weights scaled up). */
function weightedRecords(seed: number, shuffles = 30, init = "normal"): WeightedRecord[] {
  return [null, "tree", "clusters"].flatMap((dataset, i) =>
    [3, 4].map((size) => {
      const rng = new Rng(seed, i);
      const kernels = LAYERS.slice(0, -1).map((n, l) =>
        Float64Array.from(
          { length: n * LAYERS[l + 1] },
          (_, q) => (dataset !== null && q % 3 === 0 ? 1.5 : 0.3) * rng.normal(),
        ),
      );
      const profile = weightedMotifProfile(
        { layerSizes: LAYERS, kernels },
        { size, networks: shuffles, seed: 7 },
      );
      return weightedRecord(profile, {
        graphId: `${init}-${dataset ?? "initial"}`,
        init,
        stage: dataset === null ? "initial" : "trained",
        dataset,
        layerSizes: LAYERS,
      });
    }),
  );
}

function withWeighted(records: WeightedRecord[]): StudyResults {
  return { ...makeSyntheticStudy(), weighted: records };
}

describe("weightedMotifs(results)", () => {
  it("has one row per record × topology carrying the record's numbers; none without records", () => {
    const records = weightedRecords(1);
    const rows = weightedMotifs(withWeighted(records));
    expect(rows).toHaveLength(records.reduce((n, r) => n + r.topologies.length, 0));
    let at = 0;
    for (const r of records) {
      for (const t of r.topologies) {
        const row = rows[at++];
        expect(row.graphId).toBe(r.graphId);
        expect(row.network).toBe(r.dataset ?? "initial");
        expect(row.size).toBe(r.size);
        expect(row.topologyName).toBe(t.topology);
        expect(row.intensityZ).toBe(t.intensity.z);
        expect(row.coherenceZ).toBe(t.coherence.z);
        expect(row.evenShare).toBe(t.evenShare.value);
        expect(row.intensityPOver).toBeGreaterThan(0);
      }
    }
    expect(weightedMotifs(makeSyntheticStudy())).toEqual([]);
    expect(analyseStudy(makeSyntheticStudy()).findings.some((f) => f.kind === "weighted")).toBe(
      false,
    );
  });

  it("twoSidedP is min(1, 2·min(over, under)), never 0", () => {
    expect(twoSidedP(1 / 101, 1)).toBeCloseTo(2 / 101, 15);
    expect(twoSidedP(0.7, 0.6)).toBe(1);
  });
});

describe("weightedFindings(rows)", () => {
  it("states the medians and counts of its record, every topology at k = 3, diamond and bi-fan at k = 4", () => {
    const rows = weightedMotifs(withWeighted(weightedRecords(2, 100)));
    const findings = weightedFindings(rows);
    expect(findings.map((f) => `${f.size} ${f.topology}`)).toEqual([
      "3 chain",
      "3 fan-in",
      "3 fan-out",
      "4 diamond",
      "4 bi-fan",
    ]);
    for (const f of findings) {
      if (f.kind !== "weighted") throw new Error("kind");
      const of = rows.filter((r) => r.size === f.size && r.topologyName === f.topology);
      const trained = of.filter((r) => r.stage === "trained");
      expect(f.value).toBe(median(trained.map((r) => r.intensityZ ?? NaN)));
      expect(f.before).toBe(
        median(of.filter((r) => r.stage === "initial").map((r) => r.intensityZ ?? NaN)),
      );
      expect(f.significant).toBe(
        trained.filter((r) => twoSidedP(r.intensityPOver, r.intensityPUnder) < WEIGHTED_ALPHA)
          .length,
      );
      expect(f.sentence).toContain(`No cut-off (the full weighted graph, ${f.size} nodes)`);
      expect(f.sentence).toContain(`median Z ${f.value!.toFixed(1)}`);
      expect(f.sentence).toContain(`(${f.before!.toFixed(1)} in the 1 initial network;`);
      const above = trained.filter(
        (r) =>
          twoSidedP(r.intensityPOver, r.intensityPUnder) < WEIGHTED_ALPHA &&
          r.intensityPOver < r.intensityPUnder,
      ).length;
      expect(f.above).toBe(above);
      expect(f.sentence).toContain(
        `beyond the null in ${f.significant} of 2 (${above} above, ${f.significant! - above} below)`,
      );
      expect(f.sentence).toContain(`median Z ${f.coherenceZ!.toFixed(1)}`);
      expect(f.sentence).toContain(`trained on tree, median Z`);
      expect(f.sentence).not.toContain("no two-sided p can be");
    }
  });

  it("says when the shuffles are too few for any p to reach alpha", () => {
    const findings = weightedFindings(weightedMotifs(withWeighted(weightedRecords(2, 30))));
    expect(findings[0].sentence).toContain("with 30 shuffles no two-sided p can be below 0.05");
    expect(findings.every((f) => f.significant === 0)).toBe(true);
  });
});

/** A record with chosen intensity and coherence Z for its one topology (the diamond). */
function fixedRecord(
  stage: "initial" | "trained",
  zI: number | null,
  zQ: number | null,
): WeightedRecord {
  const stat = (z: number | null) => ({
    value: 1,
    nullMean: 1,
    nullSd: 1,
    z,
    pOver: 0.5,
    pUnder: 0.5,
  });
  return {
    graphId: stage === "initial" ? "normal-initial" : "normal-tree",
    init: "normal",
    stage,
    dataset: stage === "initial" ? null : "tree",
    layerSizes: [2, 2],
    size: 4,
    nullModel: "shuffle",
    randomNetworks: 10,
    seed: 1,
    method: "layered",
    exact: true,
    topologies: [
      {
        key: "0000001110001000",
        topology: "diamond",
        count: 1,
        meanIntensity: 1,
        intensity: stat(zI),
        coherence: stat(zQ),
        evenShare: stat(0),
        evenCountShare: 1,
        totalIntensitySe: 0,
        meanCoherenceSe: 0,
        exact: true,
      },
    ],
  };
}

describe("weightedEnsemble(ensemble)", () => {
  const initialZ = [0.1, -0.4, 0.3, 0.0, 0.5];
  const trainedZ = [2.0, 1.1, 2.6, 1.7, null];
  const ensemble: EnsembleResults = {
    config: {},
    replicates: initialZ.map((zi, s) => ({
      architecture: "30-30",
      seed: s + 1,
      hidden: [30, 30],
      snapshots: [],
      results: {
        ...makeSyntheticStudy(),
        weighted: [fixedRecord("initial", zi, zi), fixedRecord("trained", trainedZ[s], 1 + s)],
      },
    })),
  };

  it("gives t-intervals across seeds and the paired change, dropping a seed with an undefined Z", () => {
    const rows = weightedEnsemble(ensemble);
    const intensity = rows.find((r) => r.statistic === "intensity")!;
    expect(intensity.seeds).toBe(4);
    const a = initialZ.slice(0, 4);
    const b = trainedZ.slice(0, 4) as number[];
    const t = meanInterval(b);
    expect(intensity.trainedMean).toBeCloseTo(t.mean, 12);
    expect(intensity.trainedLo).toBeCloseTo(t.lo, 12);
    expect(intensity.trainedHi).toBeCloseTo(t.hi, 12);
    expect(intensity.initialMean).toBeCloseTo(meanInterval(a).mean, 12);
    const d = pairedComparison(a, b);
    expect(intensity.deltaMean).toBeCloseTo(d.mean, 12);
    expect(intensity.deltaLo).toBeCloseTo(d.lo, 12);
    expect(intensity.pSignFlip).toBe(d.pSignFlip);
    expect(intensity.pSignFlip).toBeGreaterThan(0);
    const coherence = rows.find((r) => r.statistic === "coherence")!;
    expect(coherence.seeds).toBe(5);
  });

  it("finds the diamond with its numbers in the sentence", () => {
    const [f] = weightedEnsembleFindings(weightedEnsemble(ensemble));
    expect(f.kind).toBe("weighted-ensemble");
    expect(f.sentence).toContain("the diamond's total-intensity Z 1.9");
    expect(f.sentence).toContain("mean over 4 seeds with 95 % t-intervals");
    expect(f.sentence).toContain("No cut-off");
  });
});
