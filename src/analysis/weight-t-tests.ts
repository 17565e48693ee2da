/**
 * Welch t-tests of initial vs trained weights (SPEC §8). The tested quantity is |w|: training
 * that pushes weights away from zero raises the mean magnitude even when the mean stays 0. "kept"
 * restricts both samples to the weights that became edges (colour > 0).
 */
import { welchTTest } from "../stats/welch-t-test.js";
import { initialGraph } from "./lookup.js";
import type { StudyResults } from "./study-results.js";

export interface WeightTTestRow {
  readonly init: string;
  readonly dataset: string;
  readonly weights: "all" | "kept";
  readonly nInitial: number;
  readonly nTrained: number;
  readonly meanAbsInitial: number;
  readonly meanAbsTrained: number;
  readonly sdInitial: number;
  readonly sdTrained: number;
  readonly t: number | null;
  readonly df: number | null;
  readonly p: number | null;
}

function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

export function weightTTests(results: StudyResults): WeightTTestRow[] {
  const rows: WeightTTestRow[] = [];
  for (const trained of results.graphs.filter((g) => g.stage === "trained")) {
    const initial = initialGraph(results, trained.init);
    if (!initial) continue;
    for (const which of ["all", "kept"] as const) {
      const pick = (ws: readonly number[], cs: readonly number[]): number[] =>
        ws.filter((_, i) => which === "all" || cs[i] > 0).map(Math.abs);
      const a = pick(initial.weights, initial.weightColours);
      const b = pick(trained.weights, trained.weightColours);
      if (a.length < 2 || b.length < 2) continue;
      const r = welchTTest(a, b);
      rows.push({
        init: trained.init,
        dataset: trained.dataset ?? "",
        weights: which,
        nInitial: r.nA,
        nTrained: r.nB,
        meanAbsInitial: r.meanA,
        meanAbsTrained: r.meanB,
        sdInitial: r.sdA,
        sdTrained: r.sdB,
        t: finite(r.t),
        df: finite(r.df),
        p: finite(r.p),
      });
    }
  }
  return rows;
}
