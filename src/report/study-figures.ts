/** Every figure of a study's report, in page order, tagged with the section that declares it. */
import type { StudyAnalysis } from "../analysis/analyse-study.js";
import type { StudyResults } from "../analysis/study-results.js";
import type { Figure } from "./figure-spec.js";
import { REPORT_SECTIONS } from "./sections/registry.js";
import type { ReportSection, SectionInput } from "./sections/section.js";

export interface PlacedFigure {
  /** The id of the section that declares the figure. */
  readonly section: string;
  readonly figure: Figure;
}

export function studyFigures(
  results: StudyResults,
  analysis: StudyAnalysis,
  sections: readonly ReportSection[] = REPORT_SECTIONS,
  maxCensusRows = 60,
  ensemble?: SectionInput["ensemble"],
): PlacedFigure[] {
  const input: SectionInput = { results, analysis, ensemble, maxCensusRows };
  return sections
    .filter((s) => s.include?.(input) ?? true)
    .flatMap((s) => s.figures(input).map((figure) => ({ section: s.id, figure })));
}
