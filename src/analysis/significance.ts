/**
 * The one place where the analyses read whether a motif class is significant (SPEC §7), and whether
 * its count is fixed by the null model. Every table, finding and figure asks these functions;
 * nothing else compares a p- or q-value with alpha. The decisions themselves are the census's
 * (`stats/significance.ts`: permutation p on counts, BH over the census's family, mfinder's guards),
 * carried by each row as `significant` and `constrained`.
 */
import { DECISION_DEFAULTS, decide } from "../stats/significance.js";
import type { CensusRecord, MotifRecord, StudyResults } from "./study-results.js";

/** The BH families a study can decide over (config `statistics.family`). */
export const FAMILIES = {
  census: "all classes of one census (both tails)",
  study: "all classes of all censuses of the study (both tails)",
} as const;

export type FamilyName = keyof typeof FAMILIES;

/** The family the study's decisions were taken over, in words. */
export function familyOf(results: Pick<StudyResults, "statisticsFamily">): string {
  return FAMILIES[results.statisticsFamily ?? "census"];
}

/**
 * The family "all censuses of the study": BH and the decisions re-applied over every class of
 * every main census, coloured and uncoloured, as one family (the sweep and the matched-density
 * censuses keep their own, being sensitivity analyses). BH's q of a class then depends on the
 * p-values of every census of the study, so a call can appear or vanish against the per-census family.
 */
export function applyStudyFamily(results: StudyResults): StudyResults {
  const lists: readonly (readonly CensusRecord[])[] = [
    results.censuses,
    results.topologyCensuses ?? [],
  ];
  const decisions = decide(lists.flatMap((l) => l.flatMap((c) => c.motifs)));
  let at = 0;
  const redo = (l: readonly CensusRecord[]): CensusRecord[] =>
    l.map((c) => ({ ...c, motifs: c.motifs.map((m) => ({ ...m, ...decisions[at++] })) }));
  const censuses = redo(results.censuses);
  const topologyCensuses = redo(results.topologyCensuses ?? []);
  return {
    ...results,
    censuses,
    ...(results.topologyCensuses ? { topologyCensuses } : {}),
    statisticsFamily: "study",
  };
}

/** The decision rules, written into the findings, the methods section and findings.json. */
export const SIGNIFICANCE = {
  /** BH-adjusted p-values below alpha are significant. */
  alpha: DECISION_DEFAULTS.alpha,
  /** The family the census adjusts its p-values over (both tails of every class it tests). */
  family: "all classes of one census (both tails)",
  /** mfinder's guards (Milo et al. 2002): original count ≥ minCount… */
  minCount: DECISION_DEFAULTS.minCount,
  /** …and |count − mean random count| ≥ minDeviation · mean random count. */
  minDeviation: DECISION_DEFAULTS.minRelativeChange,
} as const;

/** The fields a decision reads. */
export type SignificanceFields = Pick<MotifRecord, "significant" | "constrained">;

/** "over"- or "under"-represented, or null when not significant. */
export type Direction = "over" | "under" | null;

/**
 * The class's count is the same in the original and in every random network: a function of what
 * the null preserves (every 3-node class and the 4-node fans under layer-preserving switching).
 * Such a class has no Z and is never significant; the report lists it as "fixed by the null
 * model's constraints".
 */
export function isConstrained(row: SignificanceFields): boolean {
  return row.constrained;
}

/** The census's decision for one class. */
export function significance(row: SignificanceFields): Direction {
  return row.constrained ? null : row.significant;
}

/** Over-represented and significant: what the report means by "significant". */
export function isSignificant(row: SignificanceFields): boolean {
  return significance(row) === "over";
}
