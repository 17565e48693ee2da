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
 * The constants (CENSUS_COST) are CPU seconds on one core of the development machine, measured by
 * `npm run bench:estimates -- --calibrate`, so the estimate is the time of one thread on an idle
 * core; workers divide the random networks' share.
 */
import { Rng } from "../core/random.js";
import type { Digraph } from "../graph/digraph.js";
import { estimateSubgraphCount } from "../motifs/rand-esu.js";

/**
 * The calibration: CPU seconds on one core of the development machine, warm JIT.
 *
 * To re-measure (e.g. after a change to the census kernel in motifs/): run
 *   npm run bench:estimates -- --calibrate
 * (it measures CPU time, not wall, so a loaded machine will do), paste the table it prints over
 * this one, then check with `npm run bench:estimates` (every job within 1.5×). Rows for k > 5 are
 * not measured (a k = 6 census of the benchmark graphs takes minutes): they scale k = 5 by the
 * ratios in SUBGRAPH_GROWTH.
 *
 * Measured on branch guards (main at c5007d7, before the perf branch's kernel changes), CPU time
 * on a loaded machine (the same job varies by ±30 % between runs). Adjusted by hand from the job
 * list's figures where the calibration cannot separate components or the two graphs differ:
 * - cold at k = 3 (both) and k = 5 coloured: the job list's cold runs cost more than the
 *   calibration's;
 * - switching with a k = 3 random-network factor of 0.55 (the calibration assumes 1);
 * - sampleDraw 3e-8 (calibrated 3.9e-8–4.9e-8): the cost per draw differs ~2.7× between the two
 *   graphs; 3e-8 balances the four sampled jobs;
 * - subgraph at k = 4, 5 raised ~10 %: the tree graph costs up to 1.8× per subgraph what the MNIST
 *   graph does (its jobs ran at 0.63–0.87 of the estimate, the MNIST graph's at 0.9–1.2).
 * After the perf branch's kernel (main at ec3ec6a): k = 5 coloured per subgraph 2.65e-8 → 2.4e-8
 * (the MNIST graph's k = 5 jobs ran at 1.46–1.51 of the estimate under load; on an idle machine
 * the tree's ran at 0.64–0.70 with 2.2e-8: at k = 5 coloured the tree graph costs ~1.8× per
 * subgraph what the MNIST graph does, so one constant sits near the edge of 1.5× for both) and the k = 3 uncoloured cold start 0.0008 → 0.0004 (a 0.7 ms job ran at 1.68).
 * Still outside: the tree graph's RAND-ESU job (k = 5, p = 0.5 on the last two depths) runs at
 * ~1.6× its estimate while the MNIST graph's run at 0.8–0.85: a sampled leaf costs more than the
 * fast kernel's, by a graph-dependent factor this model does not have.
 */
export const CENSUS_COST = {
  /** Fixed seconds of every census of a graph (layout, tables, statistics). */
  census: 6.1e-5,
  /** Seconds per ESU tree node above the leaves (extension sets grown and scanned); not fitted. */
  treeNode: 1.3e-8,
  /** Seconds per counted subgraph by size, warm caches: [coloured, uncoloured]. */
  subgraph: {
    3: [4e-8, 3.6e-8],
    4: [2.5e-8, 1.6e-8],
    5: [2.4e-8, 1.6e-8],
  } as Readonly<Record<3 | 4 | 5, readonly [number, number]>>,
  /** First census in a process (each raw code's class computed once): [coloured, uncoloured]. */
  cold: {
    3: [0.0013, 0.0004],
    4: [0.00095, 0.0009],
    5: [0.025, 0.00058],
  } as Readonly<Record<3 | 4 | 5, readonly [number, number]>>,
  /**
   * A random network's enumeration relative to the original's (switching makes raw codes the
   * cache has not seen; switched layered graphs have other subgraph counts):
   * [coloured, uncoloured].
   */
  randomNetwork: {
    3: [0.55, 0.55],
    4: [0.85, 0.85],
    5: [1.2, 1.1],
  } as Readonly<Record<3 | 4 | 5, readonly [number, number]>>,
  /** Seconds per edge, exchange and try of the switching of one random network. */
  switchTry: 7e-8,
  /** RAND-ESU: seconds per candidate child drawn (one random number each). */
  sampleDraw: 3e-8,
} as const;

/** k > 5: seconds per subgraph (and cold start) relative to k = 5 (not re-measured). */
export const SUBGRAPH_GROWTH: Readonly<Record<number, number>> = { 6: 1.8, 7: 3, 8: 4.3 };
const COLD_GROWTH: Readonly<Record<number, number>> = { 6: 3, 7: 10, 8: 30 };

/** Above this many nodes the engine has no adjacency matrix: edge tests dearer (not re-measured). */
export const DENSE_NODES = 4096;
export const SPARSE_FACTOR = 4;
export const SECONDS_PER_SPARSE_NODE = 3.3e-6;

/** Seconds to start the census's worker threads (each loads the engine). */
export const WORKER_START_SECONDS = 0.1;

/** Size's row of a table of `CENSUS_COST`, extrapolated above k = 5. */
function row(
  table: Readonly<Record<3 | 4 | 5, readonly [number, number]>>,
  size: number,
  colours: boolean,
  growth: Readonly<Record<number, number>>,
): number {
  const c = colours ? 0 : 1;
  if (size <= 5) return table[Math.max(3, size) as 3 | 4 | 5][c];
  const g = growth[size] ?? (growth[8] === undefined ? 1 : growth[8] * 1.5 ** (size - 8));
  return table[5][c] * g;
}

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
 * fixed costs excluded). Sampling visits a depth-d node with probability Π p[0..d] and draws one
 * random number per candidate child of each visited node.
 */
export function enumerationSeconds(
  levels: readonly number[],
  size: number,
  colours: boolean,
  sample: readonly number[] | null,
  nodes: number,
): number {
  const perSubgraph =
    row(CENSUS_COST.subgraph, size, colours, SUBGRAPH_GROWTH) *
    (nodes > DENSE_NODES ? SPARSE_FACTOR : 1);
  let keep = 1;
  let seconds = 0;
  for (let d = 0; d < levels.length; d++) {
    if (sample !== null && d > 0) seconds += levels[d] * keep * CENSUS_COST.sampleDraw;
    keep *= sample?.[d] ?? 1;
    const visited = levels[d] * keep;
    seconds += visited * (d === levels.length - 1 ? perSubgraph : CENSUS_COST.treeNode);
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
  const fixed = CENSUS_COST.census + SECONDS_PER_SPARSE_NODE * sparse;
  const cold = row(CENSUS_COST.cold, k, input.colours, COLD_GROWTH);
  const originalSeconds = fixed + cold + enumeration;
  const switching = CENSUS_COST.switchTry * g.edgeSrc.length * input.exchanges * input.tries;
  const factor = row(CENSUS_COST.randomNetwork, k, input.colours, {});
  const perNetworkSeconds = fixed + switching + enumeration * factor;
  const workers = Math.max(1, Math.min(input.workers, input.networks));
  const seconds =
    originalSeconds +
    (input.networks * perNetworkSeconds) / workers +
    (workers > 1 ? WORKER_START_SECONDS * workers : 0);
  return { originalSeconds, perNetworkSeconds, seconds };
}
