import { analyseEnsemble } from "../../src/analysis/ensemble/analyse-ensemble.js";
import { describe, expect, it } from "vitest";
import { analyseStudy } from "../../src/analysis/analyse-study.js";
import type { EnsembleResults } from "../../src/analysis/ensemble/replicates.js";
import type { StudyResults, WeightedRecord } from "../../src/analysis/study-results.js";
import { Rng } from "../../src/core/random.js";
import { weightedMotifProfile } from "../../src/motifs/layered-weighted-motifs.js";
import { renderSvg } from "../../src/report/render-svg.js";
import { REPORT_SECTIONS } from "../../src/report/sections/registry.js";
import { sectionFindings, type SectionInput } from "../../src/report/sections/section.js";
import { weightedSection } from "../../src/report/sections/weighted.js";
import { weightedRecord } from "../../src/study/steps/weighted.js";
import { makeSyntheticStudy } from "../fixtures/synthetic-study.js";

const LAYERS = [5, 4, 4, 2];

function records(seed: number): WeightedRecord[] {
  return [null, "tree"].flatMap((dataset, i) =>
    [3, 4].map((size) => {
      const rng = new Rng(seed, i);
      const kernels = LAYERS.slice(0, -1).map((n, l) =>
        Float64Array.from({ length: n * LAYERS[l + 1] }, () => 0.3 * rng.normal()),
      );
      return weightedRecord(
        weightedMotifProfile({ layerSizes: LAYERS, kernels }, { size, networks: 20, seed: 3 }),
        {
          graphId: `normal-${dataset ?? "initial"}`,
          init: "normal",
          stage: dataset === null ? "initial" : "trained",
          dataset,
          layerSizes: LAYERS,
        },
      );
    }),
  );
}

function input(results: StudyResults, ensemble?: EnsembleResults): SectionInput {
  const analysis = analyseStudy(results);
  return {
    results,
    analysis,
    maxCensusRows: 20,
    ...(ensemble ? { ensemble: { results: ensemble, analysis: analyseEnsemble(ensemble) } } : {}),
  };
}

describe("weightedSection", () => {
  it("is registered and absent when the study has no weighted records", () => {
    expect(REPORT_SECTIONS.map((s) => s.id)).toContain("weighted");
    expect(weightedSection.include?.(input(makeSyntheticStudy()))).toBe(false);
  });

  it("renders per-network Z figures, the findings and the table, captions saying no cut-off", async () => {
    const results = { ...makeSyntheticStudy(), weighted: records(1) };
    const i = input(results);
    expect(weightedSection.include?.(i)).toBe(true);
    const figures = weightedSection.figures(i);
    expect(figures.map((f) => f.name)).toEqual(["weighted-z-size-3", "weighted-z-size-4"]);
    for (const f of figures) {
      expect(f.caption).toContain("No cut-off: the full weighted graph");
      expect(await renderSvg(f.spec)).toMatch(/^<svg/);
    }
    const findings = sectionFindings(weightedSection, i.analysis.findings);
    expect(findings.length).toBeGreaterThan(0);
    const html = weightedSection.body({ ...i, figuresHtml: "<figure></figure>", findings });
    for (const f of findings) expect(html).toContain(f.sentence.slice(0, 60));
    expect(html).toContain("No cut-off: the full weighted graph.");
    expect(html).toContain("normal-tree");
  });

  it("adds the across-seed figure with error bars when the ensemble is present", async () => {
    const ensemble: EnsembleResults = {
      config: {},
      replicates: [1, 2, 3].map((seed) => ({
        architecture: "4-4",
        seed,
        hidden: [4, 4],
        snapshots: [],
        results: { ...makeSyntheticStudy(), weighted: records(seed) },
      })),
    };
    const i = input(ensemble.replicates[0].results, ensemble);
    const figures = weightedSection.figures(i);
    const across = figures.filter((f) => f.name.startsWith("weighted-ensemble-"));
    expect(across.map((f) => f.name)).toEqual([
      "weighted-ensemble-size-3-4-4",
      "weighted-ensemble-size-4-4-4",
    ]);
    expect(across[0].caption).toContain("95 % Student-t intervals across seeds");
    const values = (across[1].spec.data as { values: { lo: number; hi: number }[] }).values;
    expect(values.length).toBeGreaterThan(0);
    expect(values.every((v) => v.lo <= v.hi)).toBe(true);
    expect(await renderSvg(across[1].spec)).toMatch(/^<svg/);
  });
});
