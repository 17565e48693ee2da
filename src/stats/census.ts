/**
 * The one-stop motif census (SPEC §5–§7): count the k-subgraph classes of a graph, count the same
 * classes in N random networks of a null model, and compare.
 *
 *   graph ─► countSubgraphs ─► classes of the original (every class present is listed)
 *        └─► randomEnsemble (worker threads, Rng(seed, i) per network) ─► motifStatistics ─► result
 *
 * The result is plain JSON-ready data in the shape of `nnmotifs census --format json` (issue 2,
 * item 7) plus extra fields; `run` (threads, timings) is the only part that depends on the machine,
 * and `censusJson` leaves it out so that a seed gives bit-identical JSON for any thread count.
 */
import { colourCount, withoutColours, type Digraph } from "../graph/digraph.js";
import { resolveLayers } from "../graph/layers.js";
import { Rng } from "../core/random.js";
import { NnmotifsError } from "../core/errors.js";
import { classAdjacency, classVertexColours } from "../motifs/class-key.js";
import { canonicalKey } from "../motifs/canonical-label.js";
import { countSubgraphs } from "../motifs/count-subgraphs.js";
import { sampleSubgraphs } from "../motifs/rand-esu.js";
import { NULL_MODELS, type NullModelName } from "../motifs/layered-switching.js";
import { ENSEMBLE_DEFAULTS, randomEnsemble } from "../motifs/random-ensemble.js";
import { motifStatistics } from "./motif-statistics.js";
import { benjaminiHochberg } from "./fdr.js";
import type { SubgraphCounts } from "../motifs/types.js";

export interface CensusOptions {
  /** Subgraph size k (default 3). */
  readonly size?: number;
  /** Random networks N (default 100; 0 = census only, no statistics). */
  readonly networks?: number;
  /** Null model (default "switch"). */
  readonly nullModel?: NullModelName;
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
  /** Worker threads (default all cores; 1 = in-process). */
  readonly threads?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Where the random networks are counted (default `randomEnsemble`, worker threads); the job
   * queue's splits them across machines (queue/census-split.ts). Same numbers either way.
   */
  readonly randomEnsemble?: typeof randomEnsemble;
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

export interface CensusMotif {
  /** Canonical class key (see motifs/types.ts). */
  readonly key: string;
  /** The class's matrix, row i as k digits (0 = no edge, else its colour). */
  readonly adjacency: string[];
  /** Vertex colours in canonical order, when the census used them. */
  readonly vertexColours?: number[];
  readonly count: number;
  /** count / subgraphs (a fraction). */
  readonly frequency: number;
  readonly randomMean: number | null;
  readonly randomSd: number | null;
  /** Z on frequencies; null when undefined (random sd = 0, or no random networks). */
  readonly z: number | null;
  readonly pOver: number | null;
  readonly pUnder: number | null;
  /** Benjamini–Hochberg adjusted pOver across the listed classes. */
  readonly qOver: number | null;
  readonly randomCountMean: number | null;
  readonly randomCountSd: number | null;
  readonly zCount: number | null;
  /** Normalised significance profile entry. */
  readonly sp: number | null;
}

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
    /** Switching tries made and successful over all random networks (FANMOD's report). */
    readonly triesMade: number;
    readonly successes: number;
    /** Total k-subgraphs over all random networks. */
    readonly subgraphs: number;
    /** Classes seen in random networks but absent from the original (summed over networks). */
    readonly classesAbsentFromOriginal: number;
  };
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
  checkInteger("size", size, 2, 8);
  checkInteger("networks", N, 0);
  checkInteger("exchanges", exchanges, 0);
  checkInteger("tries", tries, 1);
  checkInteger("seed", seed, 0, 2 ** 32 - 1);
  if (!Object.hasOwn(NULL_MODELS, nullModel)) {
    throw new NnmotifsError(
      `invalid null model "${nullModel}". Should be one of: ${Object.keys(NULL_MODELS).join(", ")}.`,
    );
  }
  const sample = options.sample ?? null;
  if (sample !== null && (sample.length !== size || sample.some((p) => !(p > 0 && p <= 1)))) {
    throw new NnmotifsError(
      `invalid sampling probabilities ${sample.join(",")}. Should be ${size} numbers in (0, 1], one per depth.`,
    );
  }

  const g = colours ? graph : withoutColours(graph);
  const needLayers = options.vertexColours === "layer" || NULL_MODELS[nullModel].needsLayers;
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
  const countOptions = { size, colours, vertexColours };

  const original: SubgraphCounts =
    sample === null
      ? countSubgraphs(g, countOptions)
      : sampleSubgraphs(g, {
          ...countOptions,
          probabilities: sample,
          rng: new Rng(seed, ORIGINAL_STREAM),
        });
  const keys = [...original.counts.keys()].sort();
  const originalCounts = keys.map((k) => original.counts.get(k) ?? 0);
  const t1 = performance.now();

  const ensemble = await (options.randomEnsemble ?? randomEnsemble)(g, keys, {
    networks: N,
    nullModel,
    layers,
    exchanges,
    tries,
    seed,
    size,
    colours,
    vertexColours,
    sample,
    threads: options.threads,
    onProgress: options.onProgress,
  });
  const t2 = performance.now();

  const stats = motifStatistics({
    counts: originalCounts,
    total: original.total,
    randomCounts: ensemble.counts,
    randomTotals: ensemble.totals,
  });
  const q = benjaminiHochberg(stats.map((s) => (N > 0 ? s.pOver : null)));
  const orNull = (x: number): number | null => (N > 0 && Number.isFinite(x) ? x : null);
  const motifs: CensusMotif[] = keys.map((key, c) => {
    const s = stats[c];
    const vc = vertexColours ? classVertexColours(key) : null;
    return {
      key,
      adjacency: classAdjacency(key),
      ...(vc ? { vertexColours: vc } : {}),
      count: s.count,
      frequency: s.frequency,
      randomMean: orNull(s.randomMean),
      randomSd: orNull(s.randomSd),
      z: s.z,
      pOver: orNull(s.pOver),
      pUnder: orNull(s.pUnder),
      qOver: q[c],
      randomCountMean: orNull(s.randomCountMean),
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
      triesMade: sum(ensemble.tries),
      successes: sum(ensemble.successes),
      subgraphs: sum(ensemble.totals),
      classesAbsentFromOriginal: sum(ensemble.otherClasses),
    },
    motifs,
    run: {
      threads: ensemble.threads,
      seconds: { original: (t1 - t0) / 1000, random: (t2 - t1) / 1000, total: (t3 - t0) / 1000 },
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
