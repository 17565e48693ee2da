/**
 * What training does to a topology's Z, paired across seeds (SPEC §7 "initial vs trained is a
 * paired comparison"): per seed ΔZ = Z(trained on a data set) − Z(the seed's own initial
 * network), summarised with a paired t-interval, paired t p and exact sign-flip p. The rows with
 * dataset = POOLED_DATASETS average each seed's trained Z over its data sets first (one value per
 * seed, so the seed stays the unit), which is what the first screen states.
 */
import { keyOf, pairedSummary, type PairedSummary } from "./across-seeds.js";
import type { EnsembleResults } from "./replicates.js";
import { alignedTopologyZ } from "./topology-z.js";

/** The `dataset` of the rows that average each seed's data sets. */
export const POOLED_DATASETS = "all data sets";

export interface DeltaZRow extends PairedSummary {
  readonly architecture: string;
  readonly init: string;
  readonly dataset: string;
  readonly nullModel: string;
  readonly size: number;
  readonly topology: string;
  readonly topologyName: string;
  /** Data sets averaged per seed: 1 for a data set's own row. */
  readonly datasetsPooled: number;
  /** Mean Z over the paired seeds, initial and trained. */
  readonly meanInitial: number | null;
  readonly meanTrained: number | null;
}

export interface DeltaZSeedRow {
  readonly architecture: string;
  readonly seed: number;
  readonly init: string;
  readonly dataset: string;
  readonly nullModel: string;
  readonly size: number;
  readonly topology: string;
  readonly topologyName: string;
  readonly zInitial: number | null;
  readonly zTrained: number | null;
  readonly deltaZ: number | null;
}

function meanOf(xs: readonly (number | null)[]): number | null {
  const v = xs.filter((x): x is number => x !== null);
  return v.length === 0 ? null : v.reduce((s, x) => s + x, 0) / v.length;
}

/** Every (initial, trained) pair of Z vectors, aligned by seed, per architecture. */
export function deltaZPairs(ensemble: EnsembleResults) {
  const out: {
    architecture: string;
    seeds: number[];
    row: Omit<DeltaZRow, keyof PairedSummary | "meanInitial" | "meanTrained" | "datasetsPooled">;
    datasetsPooled: number;
    initial: (number | null)[];
    trained: (number | null)[];
  }[] = [];
  for (const { architecture, seeds, aligned } of alignedTopologyZ(ensemble)) {
    const pooled = new Map<string, { row: (typeof out)[number]; trained: (number | null)[][] }>();
    for (const a of aligned.values()) {
      const m = a.meta;
      if (m.stage !== "trained") continue;
      const initial = aligned.get(keyOf(m.init, "initial", m.nullModel, m.size, m.topology));
      if (!initial) continue;
      const base = {
        architecture,
        init: m.init,
        nullModel: m.nullModel,
        size: m.size,
        topology: m.topology,
        topologyName: m.topologyName,
      };
      out.push({
        architecture,
        seeds,
        row: { ...base, dataset: m.network },
        datasetsPooled: 1,
        initial: initial.values,
        trained: a.values,
      });
      const pk = keyOf(m.init, m.nullModel, m.size, m.topology);
      const p = pooled.get(pk) ?? {
        row: {
          architecture,
          seeds,
          row: { ...base, dataset: POOLED_DATASETS },
          datasetsPooled: 0,
          initial: initial.values,
          trained: [],
        },
        trained: [],
      };
      p.trained.push(a.values);
      pooled.set(pk, p);
    }
    for (const p of pooled.values()) {
      // Each seed's trained Z averaged over the data sets that have one.
      const trained = p.row.initial.map((_, i) => meanOf(p.trained.map((t) => t[i])));
      out.push({ ...p.row, datasetsPooled: p.trained.length, trained });
    }
  }
  return out;
}

export function deltaZ(ensemble: EnsembleResults): DeltaZRow[] {
  return deltaZPairs(ensemble).map((p) => {
    const s = pairedSummary(p.initial, p.trained);
    const both = p.initial.map((x, i) => x !== null && p.trained[i] !== null);
    return {
      ...p.row,
      datasetsPooled: p.datasetsPooled,
      ...s,
      meanInitial: meanOf(p.initial.filter((_, i) => both[i])),
      meanTrained: meanOf(p.trained.filter((_, i) => both[i])),
    };
  });
}

export function deltaZSeeds(ensemble: EnsembleResults): DeltaZSeedRow[] {
  return deltaZPairs(ensemble)
    .filter((p) => p.row.dataset !== POOLED_DATASETS)
    .flatMap((p) =>
      p.seeds.map((seed, i) => {
        const a = p.initial[i];
        const b = p.trained[i];
        return {
          ...p.row,
          seed,
          zInitial: a,
          zTrained: b,
          deltaZ: a === null || b === null ? null : b - a,
        };
      }),
    )
    .map(({ architecture, seed, ...rest }) => ({ architecture, seed, ...rest }));
}
