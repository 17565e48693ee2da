/**
 * The authors' weight table (Zambra et al. 2020; SPEC §7 "Weights"), exactly as their pipeline
 * computed it: per network, the mean of |w|, the population standard deviation of w (numpy's
 * `w.std()`, n denominator) and the p-value of Welch's unequal-variance t-test
 * (`scipy.stats.ttest_ind(w_initial, w, equal_var=False)`) on the SIGNED weights, initial vs
 * trained; once over every kernel weight ("all") and once over the weights of the edges kept in the
 * graph ("kept", binned with the group's shared bins). The initial network has no p.
 *
 * The test treats the two networks' weights as independent samples although each trained weight is
 * its initial weight plus a change: see weight-paired.ts for the analysis that respects the pairing.
 */
import { welchTTest } from "../stats/welch-t-test.js";
import type { WeightSet } from "./weight-sets.js";

export type WeightSelection = "all" | "kept";

export const WEIGHT_SELECTIONS: readonly WeightSelection[] = ["all", "kept"];

export interface WeightTableRow {
  readonly network: string;
  readonly weights: WeightSelection;
  /** Number of weights in the selection. */
  readonly n: number;
  /** Mean |w|; null when the selection is empty. */
  readonly meanAbs: number | null;
  /** Population standard deviation of w (n denominator); null when the selection is empty. */
  readonly sd: number | null;
  /**
   * Two-sided Welch p of this network's signed weights against the initial network's; null for the
   * initial network itself, and when either selection has fewer than 2 weights or both are constant.
   */
  readonly p: number | null;
}

/** The weights of a network in a selection. */
export function selectWeights(set: WeightSet, which: WeightSelection): Float64Array {
  if (which === "all") return Float64Array.from(set.weights);
  const out: number[] = [];
  for (let e = 0; e < set.weights.length; e++) if (set.colours[e] !== 0) out.push(set.weights[e]);
  return Float64Array.from(out);
}

function meanAbsAndPopulationSd(w: Float64Array): { meanAbs: number | null; sd: number | null } {
  if (w.length === 0) return { meanAbs: null, sd: null };
  let sumAbs = 0;
  let sum = 0;
  for (let i = 0; i < w.length; i++) {
    sumAbs += Math.abs(w[i]);
    sum += w[i];
  }
  const mean = sum / w.length;
  let ss = 0;
  for (let i = 0; i < w.length; i++) ss += (w[i] - mean) ** 2;
  return { meanAbs: sumAbs / w.length, sd: Math.sqrt(ss / w.length) };
}

function welchP(initial: Float64Array, trained: Float64Array): number | null {
  if (initial.length < 2 || trained.length < 2) return null;
  const { p } = welchTTest(initial, trained);
  return Number.isFinite(p) ? p : null;
}

/**
 * The table in the authors' order: the "all" rows (initial first, then each trained network), then
 * the "kept" rows alike.
 */
export function weightTable(initial: WeightSet, trained: readonly WeightSet[]): WeightTableRow[] {
  const rows: WeightTableRow[] = [];
  for (const which of WEIGHT_SELECTIONS) {
    const base = selectWeights(initial, which);
    rows.push({
      network: initial.network,
      weights: which,
      n: base.length,
      ...meanAbsAndPopulationSd(base),
      p: null,
    });
    for (const net of trained) {
      const w = selectWeights(net, which);
      rows.push({
        network: net.network,
        weights: which,
        n: w.length,
        ...meanAbsAndPopulationSd(w),
        p: welchP(base, w),
      });
    }
  }
  return rows;
}
