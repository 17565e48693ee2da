/** Every figure of a study's report, in the order of the study, tagged with its report section. */
import type { StudyAnalysis } from "../analysis/analyse-study.js";
import type { StudyResults } from "../analysis/study-results.js";
import { deltaZHistogramFigure } from "./delta-z-histogram-figure.js";
import { cutoffSensitivityFigure } from "./cutoff-sensitivity-figure.js";
import { edgesPerColourFigure } from "./edges-per-colour-figure.js";
import type { Figure } from "./figure-spec.js";
import { kdeFigure } from "./kde-figure.js";
import { keyFindingFigure } from "./key-finding-figure.js";
import { learningCurvesFigure } from "./learning-curves-figure.js";
import { mostChangedFigure } from "./most-changed-figure.js";
import { nullComparisonFigure } from "./null-comparison-figure.js";
import { significanceProfileFigure } from "./significance-profile-figure.js";
import { weightHistogramFigure } from "./weight-histogram-figure.js";
import { zScatterFigure } from "./z-scatter-figure.js";

export type SectionId =
  | "summary"
  | "learning"
  | "weights"
  | "census"
  | "changes"
  | "profiles"
  | "nulls"
  | "sensitivity"
  | "methods";

export interface PlacedFigure {
  readonly section: SectionId;
  readonly figure: Figure;
}

export function studyFigures(results: StudyResults, analysis: StudyAnalysis): PlacedFigure[] {
  const t = analysis.tables;
  const { inits, datasets, nullModels, sizes } = results;
  const out: PlacedFigure[] = [];
  const add = (section: SectionId, figure: Figure): void => {
    out.push({ section, figure });
  };
  if (t.topologyVariants.length > 0) {
    add("summary", keyFindingFigure(t.topologyVariants, inits, datasets, nullModels));
  }
  if (t.learningCurves.length > 0) add("learning", learningCurvesFigure(t.learningCurves, inits));
  if (t.weightHistograms.length > 0)
    add("weights", weightHistogramFigure(t.weightHistograms, t.colourBands));
  if (t.weightKdes.length > 0) add("weights", kdeFigure(t.weightKdes, inits, datasets));
  if (t.edgesPerColour.length > 0) add("weights", edgesPerColourFigure(t.edgesPerColour, datasets));
  for (const size of sizes) {
    if (t.zPairs.some((p) => p.size === size && p.deltaZ !== null)) {
      add("changes", zScatterFigure(t.zPairs, size, inits, nullModels));
      add("changes", deltaZHistogramFigure(t.zPairs, size, inits, nullModels));
    }
    if (t.mostChanged.some((r) => r.size === size))
      add("changes", mostChangedFigure(t.mostChanged, size, inits, nullModels));
  }
  for (const size of sizes) {
    if (!t.significanceProfiles.some((r) => r.size === size)) continue;
    for (const by of ["init", "dataset"] as const) {
      for (const value of ["z", "sp"] as const) {
        add(
          "profiles",
          significanceProfileFigure(t.significanceProfiles, {
            size,
            by,
            value,
            inits,
            datasets,
            nullModels,
          }),
        );
      }
    }
  }
  for (const size of sizes) {
    if (
      t.nullComparison.some((r) => r.size === size && r.zReference !== null && r.zOther !== null)
    ) {
      add("nulls", nullComparisonFigure(t.nullComparison, size, inits));
    }
  }
  if (t.cutoffSensitivity.some((r) => r.size === 4)) {
    const graphs = results.config.graphs as { cutoff?: unknown } | undefined;
    const cutoff = typeof graphs?.cutoff === "number" ? graphs.cutoff : null;
    add("sensitivity", cutoffSensitivityFigure(t.cutoffSensitivity, inits, datasets, cutoff));
  }
  return out;
}
