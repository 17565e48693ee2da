/**
 * The contract of a report section: one file per section under report/sections/, listed in the
 * registry (registry.ts). A section declares its figures, the findings it shows (by finding
 * section, findings.ts) and its body; the page shell (html-report.ts) numbers, places and links
 * the sections in registry order.
 */
import type { StudyAnalysis } from "../../analysis/analyse-study.js";
import type { Finding, FindingSection } from "../../analysis/findings.js";
import type { EnsembleAnalysis } from "../../analysis/ensemble/analyse-ensemble.js";
import type { EnsembleResults } from "../../analysis/ensemble/replicates.js";
import type { StudyResults } from "../../analysis/study-results.js";
import type { Figure } from "../figure-spec.js";

/** What a section's parts are computed from. */
export interface SectionInput {
  /** One replicate's results (the first architecture's first seed when there are several). */
  readonly results: StudyResults;
  readonly analysis: StudyAnalysis;
  /** Every replicate and the across-seed analyses (issue 9); absent for a one-replicate report. */
  readonly ensemble?: { readonly results: EnsembleResults; readonly analysis: EnsembleAnalysis };
  /** Rows per census table in the HTML (the CSV has all). */
  readonly maxCensusRows: number;
}

/** What a section's body is rendered with. */
export interface SectionContext extends SectionInput {
  /** The HTML of this section's figures, rendered, in the order `figures` gave them. */
  readonly figuresHtml: string;
  /** The findings this section declared, in the analysis's order. */
  readonly findings: readonly Finding[];
}

export interface ReportSection {
  /** The HTML id and the navigation anchor: lower-case, unique in the registry. */
  readonly id: string;
  readonly title: string;
  /** Numbered sections get "1.", "2.", … in registry order (the summary is not numbered). */
  readonly numbered: boolean;
  /** The finding sections it shows, or "all". */
  readonly findings: readonly FindingSection[] | "all";
  /** Whether the section appears for this study (default: always). */
  readonly include?: (input: SectionInput) => boolean;
  /** Its figures, rendered to figures/<name>.svg and .png and inlined in its body. */
  readonly figures: (input: SectionInput) => readonly Figure[];
  readonly body: (context: SectionContext) => string;
}

/** The findings a section declared. */
export function sectionFindings(section: ReportSection, findings: readonly Finding[]): Finding[] {
  const wanted = section.findings;
  return wanted === "all" ? [...findings] : findings.filter((f) => wanted.includes(f.section));
}
