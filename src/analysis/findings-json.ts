/**
 * `findings.json` (issue 7 item 8): every claim of the report as one record, with the rules its
 * significance counts follow, so that a reader (or a test) can check each sentence against its
 * numbers.
 */
import { analyseStudy, type StudyAnalysis } from "./analyse-study.js";
import type { EnsembleAnalysis } from "./ensemble/analyse-ensemble.js";
import { INTERVAL_METHOD } from "./ensemble/across-seeds.js";
import { NULL_SEPARATION_FAMILY } from "./ensemble/null-separation.js";
import type { Finding } from "./findings.js";
import { SIGNIFICANCE, familyOf } from "./significance.js";
import type { StudyResults } from "./study-results.js";

export interface FindingsDocument {
  /** The decision rules of every "significant" in the findings (significance.ts). */
  readonly significance: Omit<typeof SIGNIFICANCE, "family"> & { readonly family: string };
  readonly nullModels: readonly string[];
  /** The across-seed rules, when the study has a seed ensemble (its findings follow the others). */
  readonly ensemble?: { readonly intervals: string; readonly nullSeparationFamily: string };
  readonly findings: readonly Finding[];
}

export function findingsDocument(
  results: StudyResults,
  analysis: StudyAnalysis = analyseStudy(results),
  ensemble?: EnsembleAnalysis,
): FindingsDocument {
  return {
    significance: { ...SIGNIFICANCE, family: familyOf(results) },
    nullModels: results.nullModels,
    ...(ensemble
      ? {
          ensemble: { intervals: INTERVAL_METHOD, nullSeparationFamily: NULL_SEPARATION_FAMILY },
        }
      : {}),
    findings: ensemble ? [...ensemble.findings, ...analysis.findings] : analysis.findings,
  };
}

/** The text of findings.json: deterministic for a study's results (no times, no paths). */
export function findingsJson(
  results: StudyResults,
  analysis?: StudyAnalysis,
  ensemble?: EnsembleAnalysis,
): string {
  return JSON.stringify(findingsDocument(results, analysis, ensemble), null, 1) + "\n";
}
