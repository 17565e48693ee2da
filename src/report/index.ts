export {
  writeReport,
  reportHtml,
  includedSections,
  type ReportOptions,
  type ReportOutput,
  type RenderedFigure,
} from "./html-report.js";
export { escapeHtml, uniquifySvgIds, table, num, text, type Cell, type Column } from "./html.js";
export { flattenConfig, REFERENCES } from "./sections/methods.js";
export { REPORT_SECTIONS, withSection } from "./sections/registry.js";
export {
  sectionFindings,
  type ReportSection,
  type SectionInput,
  type SectionContext,
} from "./sections/section.js";
export { renderSvg, svgToPng } from "./render-svg.js";
export {
  motifPictogram,
  pictogramLegend,
  longestPathLevels,
  type PictogramOptions,
} from "./motif-pictogram.js";
export { instanceAnchor, instanceDrawings } from "./instance-drawing.js";
export { studyFigures, type PlacedFigure } from "./study-figures.js";
export type { Figure, VegaLiteSpec } from "./figure-spec.js";
export { learningCurvesFigure } from "./learning-curves-figure.js";
export { weightHistogramFigure } from "./weight-histogram-figure.js";
export { kdeFigure } from "./kde-figure.js";
export { edgesPerColourFigure } from "./edges-per-colour-figure.js";
export { zScatterFigure } from "./z-scatter-figure.js";
export { deltaZHistogramFigure } from "./delta-z-histogram-figure.js";
export { mostChangedFigure } from "./most-changed-figure.js";
export {
  significanceProfileFigure,
  type ProfileFigureOptions,
} from "./significance-profile-figure.js";
export { keyFindingFigure, keyTopologies } from "./key-finding-figure.js";
export { nullComparisonFigure } from "./null-comparison-figure.js";
