/**
 * Comparison with biological networks (SPEC §10.3, issue 9 item 6): the Pearson correlation of a
 * study graph's topology-level significance profile with a reference network's, both from
 * uncoloured censuses under the same null.
 *
 * The profile is Milo et al.'s (2004): SP_i = Z_i / sqrt(Σ_j Z_j²) with Z on counts (mfinder's
 * convention, the census's `zCount`), over the classes whose Z is defined (a constrained class, or
 * one whose random count does not vary, has none). Z on concentrations is not used: under
 * switching, the total number of subgraphs varies, and on the E. coli network the two conventions
 * give the 3-node fan-out opposite signs. The correlation runs over the topologies defined in both
 * profiles (normalisation does not change r). Per graph the interval is Fisher-z over those
 * topologies; across seeds it is the Student-t interval of the per-seed r (stats/confidence.ts).
 */
import {
  correlationInterval,
  correlationMeanInterval,
  pairedComparison,
} from "../stats/confidence.js";
import type { EnsembleResults } from "./ensemble/replicates.js";
import { topologyKey, topologyLabel } from "./motif-names.js";
import {
  networkLabel,
  type CensusRecord,
  type ReferenceCensus,
  type StudyResults,
} from "./study-results.js";

/** Which Z the profiles are built from (see the module comment). */
export const PROFILE_STATISTIC = "zCount" as const;

export interface ProfileEntry {
  readonly topology: string;
  readonly topologyName: string;
  readonly z: number;
  readonly sp: number;
}

/** A census's topology-level SP on counts: one entry per class with a defined Z, census order. */
export function topologyProfile(census: Pick<CensusRecord, "motifs">): ProfileEntry[] {
  const defined = census.motifs.filter(
    (m): m is typeof m & { zCount: number } =>
      !m.constrained && m[PROFILE_STATISTIC] !== null && Number.isFinite(m[PROFILE_STATISTIC]),
  );
  const norm = Math.sqrt(defined.reduce((s, m) => s + m.zCount ** 2, 0));
  return defined.map((m) => ({
    topology: topologyKey(m.adjacency),
    topologyName: topologyLabel(m.adjacency),
    z: m.zCount,
    sp: norm > 0 ? m.zCount / norm : 0,
  }));
}

export interface ProfileCorrelation {
  /** Topologies defined in both profiles. */
  readonly topologies: number;
  /** Pearson r; NaN when either side has no spread or fewer than 2 topologies. */
  readonly r: number;
  /** Fisher-z interval; NaN below 4 topologies. */
  readonly lo: number;
  readonly hi: number;
  readonly level: number;
}

/** Pearson r of two profiles over their common topologies, with its Fisher-z interval. */
export function profileCorrelation(
  a: readonly ProfileEntry[],
  b: readonly ProfileEntry[],
  level = 0.95,
): ProfileCorrelation {
  const spOfB = new Map(b.map((e) => [e.topology, e.sp]));
  const xs: number[] = [];
  const ys: number[] = [];
  for (const e of a) {
    const y = spOfB.get(e.topology);
    if (y === undefined) continue;
    xs.push(e.sp);
    ys.push(y);
  }
  if (xs.length < 2) return { topologies: xs.length, r: NaN, lo: NaN, hi: NaN, level };
  const c = correlationInterval(xs, ys, level);
  return { topologies: c.n, r: c.r, lo: c.lo, hi: c.hi, level };
}

/** One study graph against one reference network at one size. */
export interface BiologyRow extends ProfileCorrelation {
  readonly graphId: string;
  readonly init: string;
  /** "initial" or the data set. */
  readonly network: string;
  readonly stage: "initial" | "trained";
  readonly size: number;
  readonly nullModel: string;
  /** The reference's short name ("celegans") and argument ("@celegans"). */
  readonly reference: string;
  readonly referenceNetwork: string;
}

/**
 * Every (graph, reference) pair of a study: the graphs' uncoloured censuses (`topologyCensuses`)
 * against each reference census of the same size and null. Graphs without such a census are left
 * out (the topology census was not run at that size or null).
 */
export function biologicalComparison(
  results: StudyResults,
  references: readonly ReferenceCensus[] = results.references ?? [],
): BiologyRow[] {
  const graphs = new Map(results.graphs.map((g) => [g.id, g]));
  const rows: BiologyRow[] = [];
  for (const ref of references) {
    const refProfile = topologyProfile(ref.census);
    for (const c of results.topologyCensuses ?? []) {
      if (c.size !== ref.census.size || c.nullModel !== ref.census.nullModel) continue;
      const g = graphs.get(c.graphId);
      if (g === undefined) continue;
      rows.push({
        graphId: c.graphId,
        init: g.init,
        network: networkLabel(g),
        stage: g.stage,
        size: c.size,
        nullModel: c.nullModel,
        reference: ref.name,
        referenceNetwork: ref.network,
        ...profileCorrelation(topologyProfile(c), refProfile),
      });
    }
  }
  return rows;
}

/** One (architecture, init, network, size, reference) across the seeds of an ensemble. */
/** A mean correlation across seeds (Fisher z) and its interval; NaN bounds below two seeds. */
export type CorrelationMean = ReturnType<typeof correlationMeanInterval>;

export interface BiologyEnsembleRow {
  readonly architecture: string;
  readonly init: string;
  readonly network: string;
  readonly stage: "initial" | "trained";
  readonly size: number;
  readonly nullModel: string;
  readonly reference: string;
  readonly referenceNetwork: string;
  /** The seeds with a defined r, and their r in seed order. */
  readonly seeds: readonly number[];
  readonly perSeed: readonly number[];
  /** Mean r across those seeds on Fisher's z scale, with its t-interval (correlationMeanInterval). */
  readonly r: CorrelationMean;
  /** Trained rows: the same seeds' initial networks, and the paired change trained − initial. */
  readonly initial: CorrelationMean | null;
  readonly change: {
    readonly mean: number;
    readonly lo: number;
    readonly hi: number;
    readonly pSignFlip: number;
  } | null;
}

/**
 * The comparison across the replicates of an ensemble: per replicate as `biologicalComparison`
 * (against `references`, default the ensemble's own, else the first replicate's), then per
 * architecture × init × network × size × reference the mean r across seeds with a t-interval;
 * a trained row also carries its initial networks' mean r and the paired change across seeds.
 */
export function ensembleBiologicalComparison(
  ensemble: EnsembleResults,
  references: readonly ReferenceCensus[] = ensemble.references ??
    ensemble.replicates.find((r) => r.results.references !== undefined)?.results.references ??
    [],
): BiologyEnsembleRow[] {
  interface Cell {
    readonly first: BiologyRow;
    readonly architecture: string;
    readonly bySeed: Map<number, number>;
  }
  const cells = new Map<string, Cell>();
  const keyOf = (architecture: string, r: BiologyRow, network = r.network): string =>
    [architecture, r.init, network, r.size, r.nullModel, r.reference].join("\u0000");
  for (const rep of ensemble.replicates) {
    for (const row of biologicalComparison(rep.results, references)) {
      const key = keyOf(rep.architecture, row);
      const cell = cells.get(key) ?? {
        first: row,
        architecture: rep.architecture,
        bySeed: new Map(),
      };
      if (!Number.isNaN(row.r)) cell.bySeed.set(rep.seed, row.r);
      cells.set(key, cell);
    }
  }
  const out: BiologyEnsembleRow[] = [];
  for (const cell of cells.values()) {
    const seeds = [...cell.bySeed.keys()].sort((a, b) => a - b);
    if (seeds.length === 0) continue;
    const perSeed = seeds.map((s) => cell.bySeed.get(s) as number);
    const f = cell.first;
    let initial: CorrelationMean | null = null;
    let change: BiologyEnsembleRow["change"] = null;
    if (f.stage === "trained") {
      const init = cells.get(keyOf(cell.architecture, f, "initial"));
      const paired = seeds.filter((s) => init?.bySeed.has(s) === true);
      if (init !== undefined && paired.length > 0) {
        const a = paired.map((s) => init.bySeed.get(s) as number);
        const b = paired.map((s) => cell.bySeed.get(s) as number);
        initial = correlationMeanInterval(a);
        const p = pairedComparison(a, b);
        change = { mean: p.mean, lo: p.lo, hi: p.hi, pSignFlip: p.pSignFlip };
      }
    }
    out.push({
      architecture: cell.architecture,
      init: f.init,
      network: f.network,
      stage: f.stage,
      size: f.size,
      nullModel: f.nullModel,
      reference: f.reference,
      referenceNetwork: f.referenceNetwork,
      seeds,
      perSeed,
      r: correlationMeanInterval(perSeed),
      initial,
      change,
    });
  }
  return out;
}
