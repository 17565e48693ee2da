/** Kernel density estimates of the weights before and after training (SPEC §8). */
import { kdeOnGrid } from "../stats/kde.js";
import { networkLabel } from "./study-results.js";
import type { StudyResults } from "./study-results.js";

export interface WeightKdeRow {
  readonly init: string;
  readonly graphId: string;
  readonly network: string;
  readonly stage: "initial" | "trained";
  readonly x: number;
  readonly density: number;
}

/** A Gaussian KDE (Scott's bandwidth, as scipy) of each network's weights on a per-init grid. */
export function weightKdes(results: StudyResults, points = 160): WeightKdeRow[] {
  const rows: WeightKdeRow[] = [];
  for (const init of results.inits) {
    const group = results.graphs.filter((g) => g.init === init && g.weights.length >= 2);
    let lo = Infinity;
    let hi = -Infinity;
    for (const g of group) {
      for (const w of g.weights) {
        lo = Math.min(lo, w);
        hi = Math.max(hi, w);
      }
    }
    if (!(hi > lo)) continue;
    const pad = 0.05 * (hi - lo);
    for (const g of group) {
      let grid: { x: number[]; density: number[] };
      try {
        grid = kdeOnGrid(g.weights, lo - pad, hi + pad, points);
      } catch {
        continue; // constant weights: no density to draw
      }
      grid.x.forEach((x, i) =>
        rows.push({
          init,
          graphId: g.id,
          network: networkLabel(g),
          stage: g.stage,
          x,
          density: grid.density[i],
        }),
      );
    }
  }
  return rows;
}
