/**
 * The time a census will take, estimated before it starts (issue 13 item 4: estimates within a
 * factor 1.5 of the measured time on the benchmark graphs; `npm run bench:estimates` prints
 * estimate against measured per job).
 *
 * The ESU tree of the graph is sized by Knuth's probes (motifs/rand-esu.ts: nodes per depth), and
 * the cost is per tree node visited plus per subgraph counted — the subgraph's canonical class
 * looked up, dearer with k and with colours (longer codes) — for the original graph and each
 * random network, plus each random network's switching (exchanges × tries × edges). Sampling
 * (RAND-ESU) visits a depth-d node with probability Π p[0..d], so it shrinks each depth alike.
 *
 * The constants are CPU seconds on one core of the development machine (bench/estimates.ts, the
 * CPU time: the machine was shared, wall times ran ~4.5× the CPU time), so the estimate is the
 * time of one thread on an idle core; workers divide the random networks' share.
 */
import { Rng } from "../core/random.js";
import type { Digraph } from "../graph/digraph.js";
import { estimateSubgraphCount } from "../motifs/rand-esu.js";

/** Seconds per ESU tree node above the leaves (extension sets grown and scanned). */
export const SECONDS_PER_TREE_NODE = 1.3e-8;

/** Seconds per counted subgraph by size, coloured, warm caches (uncoloured ×UNCOLOURED_FACTOR). */
export const SECONDS_PER_SUBGRAPH: Readonly<Record<number, number>> = {
  3: 1.8e-8,
  4: 2.4e-8,
  5: 6e-8,
  6: 1.1e-7,
  7: 1.8e-7,
  8: 2.6e-7,
};

/**
 * Uncoloured classes come from a precomputed code table (motifs/code-table.ts): no canonical
 * labelling, no cold start (measured: 225 000 subgraphs of k = 5 in ~0.01 s of CPU).
 */
export const SECONDS_PER_UNCOLOURED_SUBGRAPH = 2e-8;

/** Above this many nodes the engine has no adjacency matrix: edge tests are dearer. */
export const DENSE_NODES = 4096;
export const SPARSE_FACTOR = 4;

/** Fixed seconds of every census of a graph (layout, tables, statistics), and per sparse node. */
export const SECONDS_PER_CENSUS = 0.0029;
export const SECONDS_PER_SPARSE_NODE = 3.3e-6;

/** First census in a process: each raw code's canonical class is computed once (by size). */
export const COLD_SECONDS: Readonly<Record<number, number>> = {
  3: 0.01,
  4: 0.025,
  5: 0.045,
  6: 0.13,
  7: 0.45,
  8: 1.3,
};

/**
 * A random network's census costs more than the original's: switching makes raw codes the cache
 * has not seen (measured: ×1–1.5 at k ≤ 4, ×3–6 at k = 5).
 */
export const RANDOM_NETWORK_FACTOR: Readonly<Record<number, number>> = {
  3: 1,
  4: 1.2,
  5: 5,
  6: 6,
  7: 6,
  8: 6,
};

/** Seconds per edge, exchange and try of the switching of one random network. */
export const SECONDS_PER_SWITCH_TRY = 6.6e-8;

/** Seconds to start the census's worker threads (each loads the engine). */
export const WORKER_START_SECONDS = 0.1;

export interface CensusCostInput {
  readonly size: number;
  readonly networks: number;
  /** Worker threads sharing the random networks (1: in-process). */
  readonly workers: number;
  readonly colours: boolean;
  /** RAND-ESU per-depth probabilities, or null for the exact census. */
  readonly sample: readonly number[] | null;
  readonly exchanges: number;
  readonly tries: number;
  readonly seed: number;
}

export interface CensusCostEstimate {
  /** Estimated number of k-subgraphs of the graph (all, not only those a sample keeps). */
  readonly subgraphs: number;
  /** Seconds of the original graph's census. */
  readonly originalSeconds: number;
  /** Seconds of one random network (switching and census). */
  readonly perNetworkSeconds: number;
  /** Wall seconds of the whole job. */
  readonly seconds: number;
}

/**
 * Seconds of the enumeration of a graph whose ESU tree has `levels` nodes per depth (warm caches,
 * fixed costs excluded).
 */
export function enumerationSeconds(
  levels: readonly number[],
  size: number,
  colours: boolean,
  sample: readonly number[] | null,
  nodes: number,
): number {
  let keep = 1;
  let seconds = 0;
  const perSubgraph =
    (colours
      ? (SECONDS_PER_SUBGRAPH[size] ?? SECONDS_PER_SUBGRAPH[8] * 1.5 ** (size - 8))
      : SECONDS_PER_UNCOLOURED_SUBGRAPH) * (nodes > DENSE_NODES ? SPARSE_FACTOR : 1);
  for (let d = 0; d < levels.length; d++) {
    keep *= sample?.[d] ?? 1;
    const visited = levels[d] * keep;
    seconds += d === levels.length - 1 ? visited * perSubgraph : visited * SECONDS_PER_TREE_NODE;
  }
  return seconds;
}

/** Estimate a census job's time from the graph (milliseconds of probing). */
export function estimateCensusCost(g: Digraph, input: CensusCostInput): CensusCostEstimate {
  const work = estimateSubgraphCount(g, input.size, { rng: new Rng(input.seed, 0xfffffffe) });
  return { subgraphs: work.estimate, ...costOfLevels(g, input, work.levels) };
}

/**
 * An upper bound of the ESU tree nodes per depth that Knuth's probes can report (each probe's
 * weight at depth d is n · Π_{j ≤ d} width_j, and the extension set at depth j holds at most the
 * neighbours of the j vertices chosen so far: width_j ≤ min(j · Δ, n − 1), Δ the largest degree),
 * so also of the exact tree (the mean of the probes' weights). From the degrees alone: no probes.
 */
export function esuLevelsBound(g: Digraph, size: number): number[] {
  const n = g.nodeCount;
  const deg = new Int32Array(n);
  let maxDegree = 0;
  for (let e = 0; e < g.edgeSrc.length; e++) {
    maxDegree = Math.max(maxDegree, ++deg[g.edgeSrc[e]], ++deg[g.edgeTrg[e]]);
  }
  const levels = [n];
  for (let d = 1; d < size; d++) levels.push(levels[d - 1] * Math.min(d * maxDegree, n - 1));
  return levels;
}

/**
 * An upper bound of `estimateCensusCost(g, input).seconds` without its probes (microseconds on a
 * small graph): the cost is non-decreasing in every depth's node count, so the bound of
 * `esuLevelsBound` bounds it. A job whose bound is small needs no estimate.
 */
export function censusCostBound(g: Digraph, input: CensusCostInput): number {
  return costOfLevels(g, input, esuLevelsBound(g, input.size)).seconds;
}

/** The cost of a job on a graph whose ESU tree has `levels` nodes per depth. */
function costOfLevels(
  g: Digraph,
  input: CensusCostInput,
  levels: readonly number[],
): Omit<CensusCostEstimate, "subgraphs"> {
  const k = input.size;
  const enumeration = enumerationSeconds(levels, k, input.colours, input.sample, g.nodeCount);
  const sparse = g.nodeCount > DENSE_NODES ? g.nodeCount : 0;
  const fixed = SECONDS_PER_CENSUS + SECONDS_PER_SPARSE_NODE * sparse;
  const cold = input.colours ? (COLD_SECONDS[k] ?? COLD_SECONDS[8] * 3 ** (k - 8)) : 0;
  const originalSeconds = fixed + cold + enumeration;
  const switching = SECONDS_PER_SWITCH_TRY * g.edgeSrc.length * input.exchanges * input.tries;
  const factor = input.colours ? (RANDOM_NETWORK_FACTOR[k] ?? 4) : 1;
  const perNetworkSeconds = fixed + switching + enumeration * factor;
  const workers = Math.max(1, Math.min(input.workers, input.networks));
  const seconds =
    originalSeconds +
    (input.networks * perNetworkSeconds) / workers +
    (workers > 1 ? WORKER_START_SECONDS * workers : 0);
  return { originalSeconds, perNetworkSeconds, seconds };
}
