/**
 * What learning does to each coloured class (SPEC §8): Z of the initial network vs Z of the
 * network trained from it, matched by canonical coloured key, for every data set × size × null.
 */
import type { CensusClassRow } from "./census-classes.js";

/** Which coloured class of which census a row is about (one seed's or across seeds). */
export interface ClassCoordinates {
  readonly init: string;
  readonly dataset: string;
  readonly size: number;
  readonly nullModel: string;
  /** The census's class key. */
  readonly motif: string;
  readonly topologyName: string;
}

export interface ZPairRow extends ClassCoordinates {
  /** Null when the class is absent from that network's census or its Z is undefined. */
  readonly zInitial: number | null;
  readonly zTrained: number | null;
  /** zTrained − zInitial, null when either is null. */
  readonly deltaZ: number | null;
}

export function zPairs(classes: readonly CensusClassRow[]): ZPairRow[] {
  const initial = new Map<string, CensusClassRow>();
  for (const r of classes) {
    if (r.stage === "initial")
      initial.set(`${r.init}\u0000${r.size}\u0000${r.nullModel}\u0000${r.key}`, r);
  }
  const rows: ZPairRow[] = [];
  const seen = new Set<string>();
  for (const r of classes) {
    if (r.stage !== "trained") continue;
    const key = `${r.init}\u0000${r.size}\u0000${r.nullModel}\u0000${r.key}`;
    seen.add(`${r.network}\u0000${key}`);
    const before = initial.get(key);
    const zInitial = before?.z ?? null;
    rows.push({
      init: r.init,
      dataset: r.network,
      size: r.size,
      nullModel: r.nullModel,
      motif: r.key,
      topologyName: r.topologyName,
      zInitial,
      zTrained: r.z,
      deltaZ: zInitial !== null && r.z !== null ? r.z - zInitial : null,
    });
  }
  // Classes of the initial network that vanished from a trained one.
  const trainedNetworks = new Map<string, Set<string>>(); // init\0size\0null → data sets
  for (const c of classes) {
    if (c.stage !== "trained") continue;
    const key = `${c.init}\u0000${c.size}\u0000${c.nullModel}`;
    const set = trainedNetworks.get(key) ?? new Set<string>();
    set.add(c.network);
    trainedNetworks.set(key, set);
  }
  for (const [key, r] of initial) {
    const datasets = trainedNetworks.get(`${r.init}\u0000${r.size}\u0000${r.nullModel}`) ?? [];
    for (const dataset of datasets) {
      if (seen.has(`${dataset}\u0000${key}`)) continue;
      rows.push({
        init: r.init,
        dataset,
        size: r.size,
        nullModel: r.nullModel,
        motif: r.key,
        topologyName: r.topologyName,
        zInitial: r.z,
        zTrained: null,
        deltaZ: null,
      });
    }
  }
  return rows;
}

export interface MostChangedRow extends ZPairRow {
  readonly rank: number;
}

/** The `top` pairs with the largest |ΔZ| for each size × null. */
export function mostChanged(pairs: readonly ZPairRow[], top = 10): MostChangedRow[] {
  const groups = new Map<string, ZPairRow[]>();
  for (const p of pairs) {
    if (p.deltaZ === null) continue;
    const key = `${p.size}\u0000${p.nullModel}`;
    const list = groups.get(key) ?? [];
    list.push(p);
    groups.set(key, list);
  }
  const out: MostChangedRow[] = [];
  for (const list of groups.values()) {
    list
      .sort((a, b) => Math.abs(b.deltaZ as number) - Math.abs(a.deltaZ as number))
      .slice(0, top)
      .forEach((p, i) => out.push({ ...p, rank: i + 1 }));
  }
  return out;
}
