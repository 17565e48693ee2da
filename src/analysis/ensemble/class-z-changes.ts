/**
 * What learning does to each coloured class, across seeds (SPEC §8: the Z(initial) vs Z(trained)
 * scatter, the histogram of ΔZ and the most changed motifs). Per architecture × init × data set ×
 * size × null × coloured class (the census's canonical key), each seed's pair (Z initial, Z
 * trained) from z-changes.ts, aligned by seed. Over the seeds where both Zs are defined: the mean
 * of each with its t-interval, and ΔZ = Z(trained) − Z(initial) paired by seed. Restricting both
 * means to the paired seeds makes a point's height above the bisector its mean ΔZ.
 */
import { censusClasses } from "../census-classes.js";
import { zPairs, type ClassCoordinates, type ZPairRow } from "../z-changes.js";
import {
  alignBySeed,
  excludesZero,
  keyOf,
  pairedSummary,
  summarise,
  type PairedSummary,
} from "./across-seeds.js";
import { architecturesOf, replicatesOf, type EnsembleResults } from "./replicates.js";

export type { ClassCoordinates };

/** A class's change across seeds: mean, lo, hi, … are ΔZ's (paired). */
export interface ClassZChangeRow extends ClassCoordinates, PairedSummary {
  readonly architecture: string;
  /** Mean Z of the initial network over the paired seeds, with its t-interval. */
  readonly zInitialMean: number | null;
  readonly zInitialLo: number | null;
  readonly zInitialHi: number | null;
  /** Mean Z of the trained network over the paired seeds, with its t-interval. */
  readonly zTrainedMean: number | null;
  readonly zTrainedLo: number | null;
  readonly zTrainedHi: number | null;
  /** Whether ΔZ's interval lies above or below 0 (null: it contains 0, or there is none). */
  readonly deltaExcludesZero: "above" | "below" | null;
}

export interface MostChangedClassRow extends ClassZChangeRow {
  /** 1 = the largest |mean ΔZ| of its architecture × size × null. */
  readonly rank: number;
}

function coordinates(p: ZPairRow): ClassCoordinates {
  return {
    init: p.init,
    dataset: p.dataset,
    size: p.size,
    nullModel: p.nullModel,
    motif: p.motif,
    topologyName: p.topologyName,
  };
}

function classKey(c: ClassCoordinates): string {
  return keyOf(c.init, c.dataset, c.size, c.nullModel, c.motif);
}

export function classZChanges(ensemble: EnsembleResults): ClassZChangeRow[] {
  return architecturesOf(ensemble).flatMap((architecture) => {
    const perSeed = replicatesOf(ensemble, architecture).map((rep) =>
      zPairs(censusClasses(rep.results)),
    );
    const initial = alignBySeed(
      perSeed.map((pairs) =>
        pairs.map((p) => ({ key: classKey(p), meta: coordinates(p), value: p.zInitial })),
      ),
    );
    const trained = alignBySeed(
      perSeed.map((pairs) =>
        pairs.map((p) => ({ key: classKey(p), meta: coordinates(p), value: p.zTrained })),
      ),
    );
    return [...initial].map(([key, a]) => {
      const b = trained.get(key)!.values;
      const both = a.values.map((x, i) => x !== null && b[i] !== null);
      const x = summarise(a.values.filter((_, i) => both[i]));
      const y = summarise(b.filter((_, i) => both[i]));
      const delta = pairedSummary(a.values, b);
      return {
        architecture,
        ...a.meta,
        ...delta,
        zInitialMean: x.mean,
        zInitialLo: x.lo,
        zInitialHi: x.hi,
        zTrainedMean: y.mean,
        zTrainedLo: y.lo,
        zTrainedHi: y.hi,
        deltaExcludesZero: excludesZero(delta),
      };
    });
  });
}

/**
 * The fewest seeds with a ΔZ a class needs to be ranked among the most changed: half the seeds,
 * at least 2 when there are 2. A class seen in one seed out of five is a rare class whose Z is
 * large by construction (SPEC §7), not a change that replicates.
 */
export function rankingSeeds(seeds: number): number {
  return Math.max(Math.min(2, seeds), Math.ceil(seeds / 2));
}

/**
 * The `top` classes with the largest |mean ΔZ| per architecture × size × null, among those with a
 * ΔZ in at least rankingSeeds(seeds) seeds; ties broken by class key, then init and data set.
 */
export function mostChangedClasses(
  rows: readonly ClassZChangeRow[],
  top = 10,
): MostChangedClassRow[] {
  const groups = new Map<string, ClassZChangeRow[]>();
  for (const r of rows) {
    const key = keyOf(r.architecture, r.size, r.nullModel);
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  const out: MostChangedClassRow[] = [];
  for (const list of groups.values()) {
    const seeds = Math.max(...list.map((r) => r.seeds + r.missing));
    const need = rankingSeeds(seeds);
    list
      .filter((r) => r.mean !== null && r.seeds >= need)
      .sort(
        (a, b) =>
          Math.abs(b.mean!) - Math.abs(a.mean!) ||
          a.motif.localeCompare(b.motif) ||
          a.init.localeCompare(b.init) ||
          a.dataset.localeCompare(b.dataset),
      )
      .slice(0, top)
      .forEach((r, i) => out.push({ ...r, rank: i + 1 }));
  }
  return out;
}
