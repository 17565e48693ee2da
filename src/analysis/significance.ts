/**
 * The one place where the analyses read whether a motif class is significant (SPEC §7), and whether
 * its count is fixed by the null model. Every table, finding and figure asks these functions;
 * nothing else compares a p- or q-value with alpha. The decisions themselves are the census's
 * (`stats/significance.ts`: permutation p on counts, BH over the census's family, mfinder's guards),
 * carried by each row as `significant` and `constrained`.
 */
import { DECISION_DEFAULTS } from "../stats/significance.js";
import type { MotifRecord } from "./study-results.js";

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
