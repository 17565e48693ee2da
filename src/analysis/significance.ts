/**
 * The one place where the analyses decide that a motif class is significant (SPEC §7), and where
 * they decide that its count is fixed by the null model. Every table, finding and figure asks
 * these two functions; nothing else compares a p- or q-value with alpha.
 *
 * Today both are derived from the fields of the census row (`MotifRecord`): when the census rows
 * carry their own `significant` and `constrained` fields (issue 7), these functions return those
 * fields and nothing else changes.
 */
import type { MotifRecord } from "./study-results.js";

/** The decision rules, written into the findings, the methods section and findings.json. */
export const SIGNIFICANCE = {
  /** BH-adjusted p-values below alpha are significant. */
  alpha: 0.05,
  /** The family the census adjusts its p-values over (stats/census: every class it lists). */
  family: "all classes of one census",
  /** mfinder's guards (Milo et al. 2002): original count ≥ minCount… */
  minCount: 4,
  /** …and |count − mean random count| ≥ minDeviation · mean random count. */
  minDeviation: 0.1,
} as const;

/** The fields a decision reads. */
export type SignificanceFields = Pick<
  MotifRecord,
  "count" | "randomCountMean" | "randomCountSd" | "qOver"
>;

/** "over"- or "under"-represented, or null when not significant. */
export type Direction = "over" | "under" | null;

/**
 * The class's count is the same in the original and in every random network: a function of what
 * the null preserves (every 3-node class and the 4-node fans under layer-preserving switching).
 * Such a class has no Z and is never significant; the report lists it as "fixed by the null
 * model's constraints".
 */
export function isConstrained(row: SignificanceFields): boolean {
  return row.randomCountSd === 0 && row.randomCountMean === row.count;
}

/**
 * The decision for one class: BH q-value (over the census's family) below alpha, not constrained,
 * and mfinder's two guards on the counts. Under-representation needs a BH-adjusted pUnder, which
 * the census does not write yet, so today it is never called.
 */
export function significance(row: SignificanceFields): Direction {
  if (isConstrained(row)) return null;
  const mean = row.randomCountMean;
  if (mean === null || !Number.isFinite(mean)) return null;
  if (row.count < SIGNIFICANCE.minCount) return null;
  if (Math.abs(row.count - mean) < SIGNIFICANCE.minDeviation * mean) return null;
  if (row.count > mean && row.qOver !== null && row.qOver < SIGNIFICANCE.alpha) return "over";
  return null;
}

/** Over-represented and significant: what the report means by "significant". */
export function isSignificant(row: SignificanceFields): boolean {
  return significance(row) === "over";
}
