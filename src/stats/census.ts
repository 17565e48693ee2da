/**
 * The one-stop motif census (SPEC §5–§7): count the k-subgraph classes of a graph, count the same
 * classes in N random networks of a null model, and compare.
 *
 *   graph ─► countSubgraphs ─► classes of the original (every class present is listed)
 *        └─► null model (src/nulls, by name) ─► N random networks (worker threads, Rng(seed, i)
 *            per network) counted against those classes ─► motifStatistics (permutation p on
 *            counts, constrained classes) ─► decide (BH over the census's family, mfinder's
 *            guards: `significant`) ─► result, with its `statistics` block
 *
 * Both counts run in motifs/random-ensemble.ts (`censusCounts`), on worker threads when there
 * is more than one thread.
 *
 * The result is plain JSON-ready data in the shape of `nnmotifs census --format json` (issue 2,
 * item 7) plus extra fields; `run` (threads, timings) is the only part that depends on the machine,
 * and `censusJson` leaves it out so that a seed gives bit-identical JSON for any thread count.
 */
import { colourCount, withoutColours, type Digraph } from "../graph/digraph.js";
import { resolveLayers } from "../graph/layers.js";
import { NnmotifsError } from "../core/errors.js";
import { classAdjacency, classVertexColours } from "../motifs/class-key.js";
import { canonicalKey } from "../motifs/canonical-label.js";
import { sampledRelativeError } from "./sampling-error.js";
import { checkMotifSize } from "../motifs/motif-size.js";
import {
  censusCounts,
  countsWithEnsemble,
  ENSEMBLE_DEFAULTS,
  type randomEnsemble,
} from "../motifs/random-ensemble.js";
import type { NullContext } from "../nulls/null-model.js";
import { nullModel as resolveNullModel, type NullModelName } from "../nulls/registry.js";
import { motifStatistics } from "./motif-statistics.js";
import {
  CENSUS_FAMILY,
  decide,
  familyStatistics,
  resolveDecisionOptions,
  type CensusStatistics,
} from "./significance.js";
import type { CensusMotif } from "./census-row.js";

export interface CensusOptions {
  /** Subgraph size k (default 3). */
  readonly size?: number;
  /** Random networks N (default 100; 0 = census only, no statistics). */
  readonly networks?: number;
  /** Null model, a name from the registry of src/nulls (default "switch"). */
  readonly nullModel?: NullModelName;
  /** What the null needs beyond the graph (src/nulls/null-model.ts); plain data. */
  readonly nullContext?: NullContext | null;
  /** Exchanges per edge E (default 3). */
  readonly exchanges?: number;
  /** Tries per edge T (default 3). */
  readonly tries?: number;
  /** Seed of every random step (default 1). */
  readonly seed?: number;
  /** Use edge colours (default true); false treats every edge as colour 1, in the switching too. */
  readonly colours?: boolean;
  /** "layer" uses each node's layer as its vertex colour; or explicit per-node colours. */
  readonly vertexColours?: "layer" | Int32Array | null;
  /** Layer sizes (consecutive id ranges) overriding the graph's layers or the inferred ones. */
  readonly layerSizes?: readonly number[] | null;
  /** RAND-ESU per-depth probabilities (length k) instead of full enumeration. */
  readonly sample?: readonly number[] | null;
  /** Worker threads (default all cores; 1 = in-process unless `inProcess` is false). */
  readonly threads?: number;
  /**
   * Count on the calling thread (default: when `threads` is 1). It sees `signal` only between
   * random networks: a long job that must stop promptly passes false (one worker counts).
   */
  readonly inProcess?: boolean;
  /**
   * With `threads` > 1: the calling thread counts too, beside `threads` − 1 workers (see
   * motifs/random-ensemble.ts): for short networks, where starting workers costs much of the time.
   */
  readonly shareMainThread?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Stops the census: the promise rejects with the signal's reason. Worker threads are
   * terminated; in-process work stops at the next root vertex of the enumeration.
   */
  readonly signal?: AbortSignal | null;
  /** Level of the BH-adjusted count p-values for `significant` (default 0.05). */
  readonly alpha?: number;
  /** mfinder's guard: original count ≥ minCount to be significant (default 4). */
  readonly minCount?: number;
  /** mfinder's guard: |count − mean random count| ≥ minRelativeChange · mean (default 0.1). */
  readonly minRelativeChange?: number;
  /**
   * Where the random networks are counted (default `randomEnsemble`, worker threads); the job
   * queue's splits them across machines (queue/census-split.ts). Same numbers either way.
   */
  readonly randomEnsemble?: typeof randomEnsemble;
  /**
   * Where the original and the random networks are counted (default `censusCounts`); the job
   * queue's splits each graph's ESU roots (queue/census-roots.ts). Takes precedence over
   * `randomEnsemble`. Same numbers either way.
   */
  readonly censusCounts?: typeof censusCounts;
  /** Only for messages: the graph's file name. */
  readonly file?: string;
}

export const CENSUS_DEFAULTS = {
  size: 3,
  networks: ENSEMBLE_DEFAULTS.networks,
  nullModel: ENSEMBLE_DEFAULTS.nullModel,
  exchanges: ENSEMBLE_DEFAULTS.exchanges,
  tries: ENSEMBLE_DEFAULTS.tries,
  seed: ENSEMBLE_DEFAULTS.seed,
  colours: true,
};

export type { CensusMotif } from "./census-row.js";

export interface CensusResult {
  readonly nodes: number;
  readonly edges: number;
  /** Bidirectional pairs a↔b (each pair once); switched as units by both null models. */
  readonly mutualPairs: number;
  /** Number of distinct edge colours used by the census (1 with colours off). */
  readonly colours: number;
  readonly size: number;
  /** Total number of k-subgraphs of the input graph (an estimate when sampled). */
  readonly subgraphs: number;
  readonly sampled: boolean;
  readonly sample?: number[];
  readonly vertexColours: "layer" | "custom" | null;
  readonly random: {
    readonly networks: number;
    readonly null: NullModelName;
    readonly exchanges: number;
    readonly tries: number;
    readonly seed: number;
    /**
     * Switching tries made and successful over all random networks (FANMOD's report); the null
     * returns them beside each network, and a null that does not switch counts 0.
     */
    readonly triesMade: number;
    readonly successes: number;
    /** Total k-subgraphs over all random networks. */
    readonly subgraphs: number;
    /** Classes seen in random networks but absent from the original (summed over networks). */
    readonly classesAbsentFromOriginal: number;
  };
  /** How significance was decided: family, alpha, guards, whether alpha is reachable (SPEC §7). */
  readonly statistics: CensusStatistics;
  readonly motifs: CensusMotif[];
  /** Machine-dependent; left out by `censusJson`. */
  readonly run: {
    readonly threads: number;
    readonly seconds: {
      readonly original: number;
      readonly random: number;
      readonly total: number;
    };
  };
}

/** Stream number of the original graph's own sampling Rng (random network i uses stream i). */
const ORIGINAL_STREAM = 0xffffffff;

function checkInteger(name: string, value: number, min: number, max = Infinity): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Infinity ? `an integer ≥ ${min}` : `an integer ${min}..${max}`;
    throw new NnmotifsError(`invalid \`${name}\` ${value}. Should be ${range}.`);
  }
}

export async function census(graph: Digraph, options: CensusOptions = {}): Promise<CensusResult> {
  const t0 = performance.now();
  const size = options.size ?? CENSUS_DEFAULTS.size;
  const N = options.networks ?? CENSUS_DEFAULTS.networks;
  const nullModel = options.nullModel ?? CENSUS_DEFAULTS.nullModel;
  const exchanges = options.exchanges ?? CENSUS_DEFAULTS.exchanges;
  const tries = options.tries ?? CENSUS_DEFAULTS.tries;
  const seed = options.seed ?? CENSUS_DEFAULTS.seed;
  const colours = options.colours ?? CENSUS_DEFAULTS.colours;
  checkMotifSize(size);
  checkInteger("networks", N, 0);
  checkInteger("exchanges", exchanges, 0);
  checkInteger("tries", tries, 1);
  checkInteger("seed", seed, 0, 2 ** 32 - 1);
  const model = resolveNullModel(nullModel);
  const decisionOptions = resolveDecisionOptions(options);
  const sample = options.sample ?? null;
  if (sample !== null && (sample.length !== size || sample.some((p) => !(p > 0 && p <= 1)))) {
    throw new NnmotifsError(
      `invalid sampling probabilities ${sample.join(",")}. Should be ${size} numbers in (0, 1], one per depth.`,
    );
  }

  const g = colours ? graph : withoutColours(graph);
  const needLayers = options.vertexColours === "layer" || model.needsLayers;
  const layers =
    needLayers || options.layerSizes
      ? resolveLayers(g, options.layerSizes ?? null, options.file)
      : null;
  const vertexColours =
    options.vertexColours === "layer"
      ? layers
      : options.vertexColours
        ? options.vertexColours
        : null;

  // The original and the random networks are counted on the same workers (in-process for one
  // thread), so the main thread stays free to show progress and to react to `signal`; a queue's
  // ensemble (options.randomEnsemble) counts the random networks elsewhere.
  const { original, keys, ensemble, seconds } = await (
    options.censusCounts ??
    (options.randomEnsemble === undefined
      ? censusCounts
      : countsWithEnsemble(options.randomEnsemble))
  )(g, {
    networks: N,
    nullModel,
    layers,
    nullContext: options.nullContext ?? null,
    exchanges,
    tries,
    seed,
    size,
    colours,
    vertexColours,
    sample,
    threads: options.threads,
    inProcess: options.inProcess,
    shareMainThread: options.shareMainThread,
    onProgress: options.onProgress,
    signal: options.signal ?? null,
    originalStream: ORIGINAL_STREAM,
  });
  const originalCounts = keys.map((k) => original.counts.get(k) ?? 0);

  const stats = motifStatistics({
    counts: originalCounts,
    total: original.total,
    randomCounts: ensemble.counts,
    randomTotals: ensemble.totals,
  });
  const orNull = (x: number): number | null => (N > 0 && Number.isFinite(x) ? x : null);
  const rows = stats.map((s) => ({
    count: s.count,
    randomCountMean: orNull(s.randomCountMean),
    pOver: orNull(s.pOver),
    pUnder: orNull(s.pUnder),
    constrained: s.constrained,
  }));
  const decisions = decide(rows, decisionOptions);
  const statistics = familyStatistics(CENSUS_FAMILY, N, rows, decisions, decisionOptions);
  // P, the share of subgraphs a sampled census counts (null: exact); a class of the original
  // was seen at least once, so its error is defined.
  const relativeErrorOf = (count: number, P: number | null): { relativeError?: number } => {
    const e = P === null ? null : sampledRelativeError(count, P);
    return e === null ? {} : { relativeError: e };
  };
  const share = original.sampled && sample ? sample.reduce((a, p) => a * p, 1) : null;
  const motifs: CensusMotif[] = keys.map((key, c) => {
    const s = stats[c];
    const d = decisions[c];
    const vc = vertexColours ? classVertexColours(key) : null;
    return {
      key,
      adjacency: classAdjacency(key),
      ...(vc ? { vertexColours: vc } : {}),
      count: s.count,
      ...relativeErrorOf(s.count, share),
      frequency: s.frequency,
      randomMean: orNull(s.randomMean),
      randomSd: orNull(s.randomSd),
      z: s.z,
      pOver: rows[c].pOver,
      pUnder: rows[c].pUnder,
      shareOver: orNull(s.shareOver),
      shareUnder: orNull(s.shareUnder),
      qOver: d.qOver,
      qUnder: d.qUnder,
      constrained: s.constrained,
      significant: d.significant,
      randomCountMean: rows[c].randomCountMean,
      randomCountSd: orNull(s.randomCountSd),
      zCount: s.zCount,
      sp: s.sp,
    };
  });
  // Most frequent first, as FANMOD lists them; ties by key so the order is deterministic.
  motifs.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  const sum = (a: Float64Array): number => a.reduce((x, y) => x + y, 0);
  const t3 = performance.now();
  return {
    nodes: g.nodeCount,
    edges: g.edgeSrc.length,
    mutualPairs: mutualPairCount(g),
    colours: colours ? colourCount(g) : 1,
    size,
    subgraphs: original.total,
    sampled: original.sampled,
    ...(sample ? { sample: [...sample] } : {}),
    vertexColours:
      options.vertexColours === "layer" ? "layer" : vertexColours !== null ? "custom" : null,
    random: {
      networks: N,
      null: nullModel,
      exchanges,
      tries,
      seed,
      triesMade: sum(ensemble.switching.tries),
      successes: sum(ensemble.switching.successes),
      subgraphs: sum(ensemble.totals),
      classesAbsentFromOriginal: sum(ensemble.otherClasses),
    },
    statistics,
    motifs,
    run: {
      threads: ensemble.threads,
      seconds: { ...seconds, total: (t3 - t0) / 1000 },
    },
  };
}

function mutualPairCount(g: Digraph): number {
  const n = g.nodeCount;
  const pairs = new Set<number>();
  for (let e = 0; e < g.edgeSrc.length; e++) pairs.add(g.edgeSrc[e] * n + g.edgeTrg[e]);
  let count = 0;
  for (let e = 0; e < g.edgeSrc.length; e++)
    if (pairs.has(g.edgeTrg[e] * n + g.edgeSrc[e])) count++;
  return count / 2;
}

/** The deterministic JSON document of a census (everything but `run`). */
export function censusJson(result: CensusResult): Omit<CensusResult, "run"> {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { run, ...rest } = result;
  return rest;
}

/**
 * FANMOD-style uncoloured class id: the uncoloured canonical matrix read as a binary number.
 * FANMOD's own ID is nauty's canonical form of the uncoloured class (`getGraphID` in graph64.cpp
 * of the FANMOD sources), another relabelling of the same topology: the numbers usually differ
 * (2 of 10 topologies agree at k = 4 on the anchor files, 4 of 41 at k = 5), but both give one
 * number per topology, so grouping classes by either ID gives the same groups.
 */
export function uncolouredClassId(adjacency: readonly string[]): number {
  const k = adjacency.length;
  const rows = adjacency.map((r) => r.replace(/[1-7]/g, "1"));
  const key = canonicalKey(rows, k);
  let id = 0;
  for (let i = 0; i < k * k; i++) id = id * 2 + (key.charCodeAt(i) === 48 ? 0 : 1);
  return id;
}
