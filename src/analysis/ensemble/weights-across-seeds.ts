/**
 * The authors' weight table across seeds (SPEC §7 "Weights", §8): per architecture × init ×
 * network ("initial" or a data set) × selection (all kernel weights, or the weights kept as
 * edges), each seed's mean |w| and population sd of w (weight-t-tests.ts `studyWeightTable`)
 * summarised as a mean with its t-interval; Welch's p, a per-seed test of independent samples,
 * is not averaged: its median and the number of seeds below 0.05 are reported. Beside it, the
 * share of the weights kept as edges of each colour, across seeds.
 */
import { edgesPerColour } from "../edges-per-colour.js";
import { studyWeightTable } from "../weight-t-tests.js";
import type { WeightSelection, WeightTableRow } from "../weight-table.js";
import { alignBySeed, keyOf, summarise, type SeedSummary } from "./across-seeds.js";
import { architecturesOf, replicatesOf, type EnsembleResults } from "./replicates.js";

/** One seed's row of the authors' table (weight-table.ts), with its replicate and init. */
export interface WeightTableSeedRow extends WeightTableRow {
  readonly architecture: string;
  readonly seed: number;
  readonly init: string;
}

export interface WeightTableEnsembleRow {
  readonly architecture: string;
  readonly init: string;
  readonly network: string;
  readonly weights: WeightSelection;
  /** Seeds with a value (of mean |w|; the sd's are the same seeds). */
  readonly seeds: number;
  /** Mean number of weights in the selection. */
  readonly n: number | null;
  readonly meanAbsMean: number | null;
  readonly meanAbsLo: number | null;
  readonly meanAbsHi: number | null;
  readonly sdMean: number | null;
  readonly sdLo: number | null;
  readonly sdHi: number | null;
  /** Median over seeds of Welch's p against the seed's initial network; null for "initial". */
  readonly pMedian: number | null;
  /** Seeds whose Welch p is below 0.05, of `pSeeds` seeds with a p. */
  readonly pBelow05: number;
  readonly pSeeds: number;
}

export interface KeptShareRow extends SeedSummary {
  readonly architecture: string;
  readonly init: string;
  readonly network: string;
  readonly colour: string;
}

export function weightTableSeeds(ensemble: EnsembleResults): WeightTableSeedRow[] {
  return ensemble.replicates.flatMap((rep) =>
    studyWeightTable(rep.results).map((r) => ({
      architecture: rep.architecture,
      seed: rep.seed,
      init: r.init,
      network: r.network,
      weights: r.weights,
      n: r.n,
      meanAbs: r.meanAbs,
      sd: r.sd,
      p: r.p,
    })),
  );
}

function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function weightTableAcrossSeeds(ensemble: EnsembleResults): WeightTableEnsembleRow[] {
  const seedRows = weightTableSeeds(ensemble);
  return architecturesOf(ensemble).flatMap((architecture) => {
    const seeds = replicatesOf(ensemble, architecture).map((r) => r.seed);
    const perSeed = seeds.map((seed) =>
      seedRows
        .filter((r) => r.architecture === architecture && r.seed === seed)
        .map((r) => ({ key: keyOf(r.init, r.network, r.weights), meta: r, value: 0 })),
    );
    return [...alignBySeed(perSeed).keys()].map((key) => {
      const rows = perSeed.map((s) => s.find((r) => r.key === key)?.meta ?? null);
      const present = rows.filter((r): r is WeightTableSeedRow => r !== null);
      const m = present[0];
      const meanAbs = summarise(rows.map((r) => r?.meanAbs ?? null));
      const sd = summarise(rows.map((r) => r?.sd ?? null));
      const n = summarise(present.map((r) => r.n));
      const ps = present.map((r) => r.p).filter((p): p is number => p !== null);
      return {
        architecture,
        init: m.init,
        network: m.network,
        weights: m.weights,
        seeds: meanAbs.seeds,
        n: n.mean,
        meanAbsMean: meanAbs.mean,
        meanAbsLo: meanAbs.lo,
        meanAbsHi: meanAbs.hi,
        sdMean: sd.mean,
        sdLo: sd.lo,
        sdHi: sd.hi,
        pMedian: median(ps),
        pBelow05: ps.filter((p) => p < 0.05).length,
        pSeeds: ps.length,
      };
    });
  });
}

/**
 * Share of the weights kept as edges of each colour (edges / weights of the network), across
 * seeds; a seed whose graph has no edge of a colour counts 0.
 */
export function keptShareAcrossSeeds(ensemble: EnsembleResults): KeptShareRow[] {
  return architecturesOf(ensemble).flatMap((architecture) => {
    const aligned = alignBySeed(
      replicatesOf(ensemble, architecture).map((rep) =>
        edgesPerColour(rep.results).map((r) => ({
          key: keyOf(r.init, r.network, r.colour),
          meta: { init: r.init, network: r.network, colour: r.colour },
          value: r.share,
        })),
      ),
    );
    return [...aligned.values()].map((a) => ({
      architecture,
      ...a.meta,
      ...summarise(a.values.map((v) => v ?? 0)),
    }));
  });
}
