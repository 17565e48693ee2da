/**
 * The study's weight analyses (SPEC §7 "Weights", §8): per initialisation scheme, its initial
 * network and the networks trained from it, with the colours of the scheme's shared bins.
 *
 * - `studyWeightTable`: the authors' table (weight-table.ts): mean |w|, population sd, Welch p on
 *   the signed weights vs the initial network; all and kept weights.
 * - `studyWeightPaired`: the paired analysis (weight-paired.ts): per trained network and layer,
 *   Cohen's d of Δw, KS, Wasserstein-1, share of weights that changed colour.
 * - `weightTTests`: the Welch tests of the authors' table in the row shape the report has read
 *   since before the two tables above (t and df included). It used to test |w|; it now tests the
 *   signed weights, as the authors did, and its sd is the population sd of the authors' table.
 */
import { welchTTest } from "../stats/welch-t-test.js";
import type { GraphRecord, StudyResults } from "./study-results.js";
import { weightPaired, type WeightPairedRow } from "./weight-paired.js";
import type { WeightSet } from "./weight-sets.js";
import {
  WEIGHT_SELECTIONS,
  selectWeights,
  weightTable,
  type WeightTableRow,
} from "./weight-table.js";

/** The network name of a study graph in the weight tables: its data set, or "initial". */
export const INITIAL_NETWORK = "initial";

export type StudyWeightTableRow = { readonly init: string } & WeightTableRow;
export type StudyWeightPairedRow = { readonly init: string } & WeightPairedRow;

function weightSet(g: GraphRecord): WeightSet {
  return {
    network: g.stage === "initial" ? INITIAL_NETWORK : (g.dataset ?? g.id),
    layerSizes: g.layerSizes,
    weights: g.weights,
    colours: g.weightColours,
  };
}

/** Per init scheme that has an initial network: it and its trained networks, in the study's order. */
function groups(
  results: StudyResults,
): Array<{ init: string; initial: WeightSet; trained: WeightSet[] }> {
  const out: Array<{ init: string; initial: WeightSet; trained: WeightSet[] }> = [];
  for (const init of results.inits) {
    const initial = results.graphs.find((g) => g.init === init && g.stage === "initial");
    if (initial === undefined) continue;
    const trained = results.graphs.filter((g) => g.init === init && g.stage === "trained");
    out.push({ init, initial: weightSet(initial), trained: trained.map(weightSet) });
  }
  return out;
}

export function studyWeightTable(results: StudyResults): StudyWeightTableRow[] {
  return groups(results).flatMap(({ init, initial, trained }) =>
    weightTable(initial, trained).map((row) => ({ init, ...row })),
  );
}

export function studyWeightPaired(results: StudyResults): StudyWeightPairedRow[] {
  return groups(results).flatMap(({ init, initial, trained }) =>
    weightPaired(initial, trained).map((row) => ({ init, ...row })),
  );
}

export interface WeightTTestRow {
  readonly init: string;
  readonly dataset: string;
  readonly weights: "all" | "kept";
  readonly nInitial: number;
  readonly nTrained: number;
  readonly meanAbsInitial: number;
  readonly meanAbsTrained: number;
  /** Population sd of the signed weights (the authors' table). */
  readonly sdInitial: number;
  readonly sdTrained: number;
  /** Welch's t of the signed weights, initial − trained. */
  readonly t: number | null;
  readonly df: number | null;
  readonly p: number | null;
}

function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** One row per trained network and selection, from the authors' table and its Welch test. */
export function weightTTests(results: StudyResults): WeightTTestRow[] {
  const rows: WeightTTestRow[] = [];
  for (const { init, initial, trained } of groups(results)) {
    const table = weightTable(initial, trained);
    for (const net of trained) {
      for (const which of WEIGHT_SELECTIONS) {
        const a = selectWeights(initial, which);
        const b = selectWeights(net, which);
        if (a.length < 2 || b.length < 2) continue;
        const r = welchTTest(a, b);
        const before = table.find((x) => x.network === initial.network && x.weights === which)!;
        const after = table.find((x) => x.network === net.network && x.weights === which)!;
        rows.push({
          init,
          dataset: net.network,
          weights: which,
          nInitial: r.nA,
          nTrained: r.nB,
          meanAbsInitial: before.meanAbs!,
          meanAbsTrained: after.meanAbs!,
          sdInitial: before.sd!,
          sdTrained: after.sd!,
          t: finite(r.t),
          df: finite(r.df),
          p: finite(r.p),
        });
      }
    }
  }
  return rows;
}
