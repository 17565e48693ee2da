import { describe, expect, it } from "vitest";
import { analyseStudy } from "../../src/analysis/analyse-study.js";
import {
  cutoffSensitivity,
  cutoffSensitivityFinding,
  type CutoffSensitivityRow,
} from "../../src/analysis/cutoff-sensitivity.js";
import { censusClasses } from "../../src/analysis/census-classes.js";
import { namedTopologyKey } from "../../src/analysis/motif-names.js";
import { topologyVariants } from "../../src/analysis/topology-variants.js";
import { makeSyntheticStudy } from "../fixtures/synthetic-study.js";

const CUTOFFS = [0.45, 0.55, 0.65];
const study = makeSyntheticStudy(1, { cutoffs: CUTOFFS });

describe("cutoffSensitivity(results)", () => {
  const rows = cutoffSensitivity(study);

  it("has one row per cut-off × graph × null, marking the study's own cut-off", () => {
    // 3 cut-offs × 9 graphs × 2 nulls, size 4 only (the fixture's sweep)
    expect(rows).toHaveLength(3 * 9 * 2);
    expect(new Set(rows.map((r) => r.size))).toEqual(new Set([4]));
    expect(rows.filter((r) => r.isDefault).every((r) => r.cutoff === 0.55)).toBe(true);
    expect(rows.filter((r) => r.isDefault)).toHaveLength(18);
    const r = rows.find((x) => x.graphId === "glorot-tree" && x.cutoff === 0.45);
    expect(r?.init).toBe("glorot");
    expect(r?.network).toBe("tree");
    expect(r?.stage).toBe("trained");
  });

  it("counts the edges kept per colour of the re-binned graph", () => {
    const graph = study.sensitivity?.[0].graphs.find((g) => g.id === "normal-initial");
    const row = rows.find((r) => r.graphId === "normal-initial" && r.cutoff === 0.45);
    const perColour = graph?.edgesPerColour ?? {};
    expect(row?.edgesKept).toBe(Object.values(perColour).reduce((s, n) => s + n, 0));
    expect(row?.edgesPerColour).toBe(
      Object.entries(perColour)
        .map(([c, n]) => `${c}:${n}`)
        .join(" "),
    );
  });

  it("at the study's cut-off gives the diamond's and bi-fan's max Z and q of the topology table", () => {
    // The fixture's c = 0.55 censuses are the main size-4 censuses unchanged.
    const variants = topologyVariants(censusClasses(study));
    for (const row of rows.filter((r) => r.cutoff === 0.55)) {
      const v = (name: string) =>
        variants.find(
          (x) =>
            x.graphId === row.graphId &&
            x.size === 4 &&
            x.nullModel === row.nullModel &&
            x.topology === namedTopologyKey(name),
        );
      expect(row.diamondZ).toBe(v("diamond")?.maxZ ?? null);
      expect(row.diamondQ).toBe(v("diamond")?.maxQ ?? null);
      expect(row.bifanZ).toBe(v("bi-fan")?.maxZ ?? null);
      expect(row.bifanQ).toBe(v("bi-fan")?.maxQ ?? null);
      const significant = variants.filter(
        (x) =>
          x.graphId === row.graphId &&
          x.size === 4 &&
          x.nullModel === row.nullModel &&
          x.significant,
      );
      expect(row.significantTopologies).toBe(significant.length);
    }
  });

  it("follows the fixture's Z, which rises with c", () => {
    const median = (c: number) => {
      const zs = rows
        .filter((r) => r.cutoff === c && r.nullModel === "switch" && r.bifanZ !== null)
        .map((r) => r.bifanZ as number)
        .sort((a, b) => a - b);
      return zs[zs.length >> 1];
    };
    expect(median(0.45)).toBeLessThan(median(0.55));
    expect(median(0.55)).toBeLessThan(median(0.65));
  });

  it("is empty without a sweep", () => {
    expect(cutoffSensitivity(makeSyntheticStudy(1))).toEqual([]);
  });
});

describe("cutoffSensitivityFinding(rows, nullModels)", () => {
  const row = (cutoff: number, bifanQ: number): CutoffSensitivityRow => ({
    cutoff,
    isDefault: cutoff === 0.55,
    graphId: "normal-tree",
    init: "normal",
    network: "tree",
    stage: "trained",
    size: 4,
    nullModel: "switch",
    edgesKept: 100,
    edgesPerColour: "1:50 3:50",
    diamondZ: 5,
    diamondQ: 0.001,
    bifanZ: 3,
    bifanQ,
    diamondSignificant: true,
    bifanSignificant: bifanQ < 0.05,
    significantTopologies: 1,
    topologies: 5,
  });

  it("says whether each motif stays significant across c, in plain words", () => {
    expect(cutoffSensitivityFinding([row(0.45, 0.2), row(0.55, 0.01)], ["switch", "layered"])).toBe(
      "Sensitivity to the cut-off c (0.45 to 0.55, switch randomisation, 1 trained network): " +
        "the diamond is significant at every c (median Z 5.0 at c = 0.45, 5.0 at c = 0.55), and " +
        "the bi-fan is significant in 1 of 2 (0 at 0.45, 1 at 0.55) (median Z 3.0 at c = 0.45, 3.0 at c = 0.55).",
    );
    expect(cutoffSensitivityFinding([], ["switch"])).toBeNull();
  });

  it("joins the study's findings and tables through analyseStudy", () => {
    const analysis = analyseStudy(study);
    expect(analysis.tables.cutoffSensitivity).toHaveLength(54);
    expect(analysis.findings.at(-1)?.sentence).toMatch(
      /^Sensitivity to the cut-off c \(0\.45 to 0\.65, switch randomisation, 6 trained networks\)/,
    );
    expect(
      analyseStudy(makeSyntheticStudy(1))
        .findings.map((f) => f.sentence)
        .join(" "),
    ).not.toMatch(/cut-off c/);
  });
});
