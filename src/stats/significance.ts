/**
 * Count-based decisions (SPEC §7): which classes of a census — or of a union of censuses — are
 * called significantly over- or under-represented.
 *
 * - The family: both tails (pOver and pUnder) of every non-constrained class with a p-value, in
 *   ONE Benjamini–Hochberg family; by default the classes of one census ("census"), or any union
 *   (`redecideCensuses`, e.g. "all censuses of the study"). Constrained classes are no hypothesis
 *   (their count cannot vary under the null, so p = 1 by construction): they stay out of the family,
 *   q = null, never significant.
 * - A class is significant in a tail when that tail's q < alpha and mfinder's guards hold (Milo et
 *   al. 2002): original count ≥ minCount and |count − mean random count| ≥ minRelativeChange · mean.
 * - Concentration Z takes no part: the total number of k-subgraphs varies under the null, so a
 *   concentration moves even when the class's count is fixed.
 * - With N random networks the smallest p is 1/(N+1): when it is not below alpha the family cannot
 *   reach alpha at all, and `statistics.warning` says so.
 */
import { NnmotifsError } from "../core/errors.js";
import { benjaminiHochberg } from "./fdr.js";

export interface DecisionOptions {
  /** Level of the BH-adjusted p-values (default 0.05). */
  readonly alpha?: number;
  /** Guard: original count at least this (default 4; 0 switches the guard off). */
  readonly minCount?: number;
  /** Guard: |count − mean random count| ≥ this · mean (default 0.1; 0 switches it off). */
  readonly minRelativeChange?: number;
}

export const DECISION_DEFAULTS = { alpha: 0.05, minCount: 4, minRelativeChange: 0.1 } as const;

/** The name of the default family: every class of one census. */
export const CENSUS_FAMILY = "census";

/**
 * How the census decided significance (SPEC §7). Its zod schema, `CensusStatisticsSchema`, lives in
 * census-schema.ts (which checks at compile time that the two agree), so that a census does not
 * load zod.
 */
export interface CensusStatistics {
  /** The BH family: "census" = every non-constrained class of this census (both tails). */
  readonly family: string;
  /** Level of the BH-adjusted p-values. */
  readonly alpha: number;
  /** Guard: original count at least this. */
  readonly minCount: number;
  /** Guard: |count - mean random count| >= this * mean random count. */
  readonly minRelativeChange: number;
  /** Permutation p-value on counts (Phipson & Smyth). */
  readonly pValue: "(b+1)/(N+1)";
  readonly tails: "over and under in one family";
  /** p-values in the BH family (2 per tested class). */
  readonly hypotheses: number;
  /** Classes whose count the null fixes. */
  readonly constrained: number;
  readonly significantOver: number;
  readonly significantUnder: number;
  /** 1/(N+1), the smallest p-value N random networks can give; null when N = 0. */
  readonly smallestP: number | null;
  /** smallestP < alpha and the family is not empty. */
  readonly canReachAlpha: boolean;
  /** Why no class can be significant, or null. */
  readonly warning: string | null;
}

/** What a decision reads of a class. */
export interface DecisionInput {
  readonly count: number;
  readonly randomCountMean: number | null;
  readonly pOver: number | null;
  readonly pUnder: number | null;
  readonly constrained: boolean;
}

export interface Decision {
  readonly qOver: number | null;
  readonly qUnder: number | null;
  readonly significant: "over" | "under" | null;
}

interface ResolvedOptions {
  readonly alpha: number;
  readonly minCount: number;
  readonly minRelativeChange: number;
}

export function resolveDecisionOptions(options: DecisionOptions = {}): ResolvedOptions {
  const alpha = options.alpha ?? DECISION_DEFAULTS.alpha;
  const minCount = options.minCount ?? DECISION_DEFAULTS.minCount;
  const minRelativeChange = options.minRelativeChange ?? DECISION_DEFAULTS.minRelativeChange;
  if (!(alpha > 0 && alpha < 1)) {
    throw new NnmotifsError(`invalid \`alpha\` ${alpha}. Should be a number in (0, 1).`);
  }
  if (!(minCount >= 0) || !Number.isFinite(minCount)) {
    throw new NnmotifsError(`invalid \`minCount\` ${minCount}. Should be a number ≥ 0.`);
  }
  if (!(minRelativeChange >= 0) || !Number.isFinite(minRelativeChange)) {
    throw new NnmotifsError(
      `invalid \`minRelativeChange\` ${minRelativeChange}. Should be a number ≥ 0.`,
    );
  }
  return { alpha, minCount, minRelativeChange };
}

/** mfinder's guards: enough occurrences, and a change of at least a share of the random mean. */
export function passesGuards(row: DecisionInput, options: ResolvedOptions): boolean {
  if (row.randomCountMean === null) return false;
  return (
    row.count >= options.minCount &&
    Math.abs(row.count - row.randomCountMean) >= options.minRelativeChange * row.randomCountMean
  );
}

/**
 * q-values and decisions for the rows of one family, in input order. Rows without p-values
 * (N = 0) and constrained rows are outside the family.
 */
export function decide(rows: readonly DecisionInput[], options: DecisionOptions = {}): Decision[] {
  const o = resolveDecisionOptions(options);
  const tested = (r: DecisionInput): boolean =>
    !r.constrained && r.pOver !== null && r.pUnder !== null;
  const p = [
    ...rows.map((r) => (tested(r) ? r.pOver : null)),
    ...rows.map((r) => (tested(r) ? r.pUnder : null)),
  ];
  const q = benjaminiHochberg(p);
  return rows.map((r, i) => {
    const qOver = q[i];
    const qUnder = q[rows.length + i];
    const guarded = tested(r) && passesGuards(r, o);
    const significant =
      guarded && qOver !== null && qOver < o.alpha
        ? "over"
        : guarded && qUnder !== null && qUnder < o.alpha
          ? "under"
          : null;
    return { qOver, qUnder, significant };
  });
}

/** The smallest N whose smallest p-value 1/(N+1) is below alpha. */
export function minimumNetworks(alpha: number): number {
  let n = Math.max(0, Math.floor(1 / alpha) - 1);
  while (1 / (n + 1) >= alpha) n++;
  return n;
}

/**
 * The `statistics` block of a family: its options, its size, whether it can reach alpha, counts of
 * constrained and significant classes. `networks` is the largest N in the family (it sets the
 * smallest p any member can reach).
 */
export function familyStatistics(
  family: string,
  networks: number,
  rows: readonly DecisionInput[],
  decisions: readonly Decision[],
  options: DecisionOptions = {},
): CensusStatistics {
  const o = resolveDecisionOptions(options);
  const hypotheses = decisions.reduce(
    (n, d) => n + (d.qOver === null ? 0 : 1) + (d.qUnder === null ? 0 : 1),
    0,
  );
  const smallestP = networks > 0 ? 1 / (networks + 1) : null;
  const canReachAlpha = smallestP !== null && smallestP < o.alpha && hypotheses > 0;
  let warning: string | null = null;
  if (smallestP !== null && smallestP >= o.alpha) {
    warning = `with N = ${networks} random networks the smallest p-value is 1/${networks + 1} = ${Number(smallestP.toPrecision(3))}, not below alpha = ${o.alpha}: no class can be called significant (use at least ${minimumNetworks(o.alpha)} random networks).`;
  } else if (smallestP !== null && hypotheses === 0) {
    warning = `every class is constrained by the null model: no class can be called significant.`;
  }
  return {
    family,
    alpha: o.alpha,
    minCount: o.minCount,
    minRelativeChange: o.minRelativeChange,
    pValue: "(b+1)/(N+1)",
    tails: "over and under in one family",
    hypotheses,
    constrained: rows.filter((r) => r.constrained).length,
    significantOver: decisions.filter((d) => d.significant === "over").length,
    significantUnder: decisions.filter((d) => d.significant === "under").length,
    smallestP,
    canReachAlpha,
    warning,
  };
}

/** A census as far as decisions are concerned (`CensusJson` fits). */
export interface DecidableCensus<Row extends DecisionInput & Decision> {
  readonly random: { readonly networks: number };
  readonly statistics: CensusStatistics;
  readonly motifs: readonly Row[];
}

/**
 * Re-apply BH and the decisions over a union of censuses taken as one family (e.g. `family: "all
 * censuses of the study"`): every census comes back with new qOver / qUnder / significant and a
 * `statistics` block describing the union (its hypotheses, and the counts of the whole family).
 */
export function redecideCensuses<
  Row extends DecisionInput & Decision,
  C extends DecidableCensus<Row>,
>(censuses: readonly C[], family: string, options: DecisionOptions = {}): C[] {
  const rows = censuses.flatMap((c) => c.motifs);
  const decisions = decide(rows, options);
  const networks = censuses.reduce((n, c) => Math.max(n, c.random.networks), 0);
  const statistics = familyStatistics(family, networks, rows, decisions, options);
  let at = 0;
  return censuses.map(
    (c) =>
      ({
        ...c,
        statistics,
        motifs: c.motifs.map((m) => ({ ...m, ...decisions[at++] })),
      }) as C,
  );
}
