/**
 * The time a census will take, estimated before it starts (issue 13 item 4: estimates within a
 * factor 1.5 of the measured time on the benchmark graphs; `npm run bench:estimates` prints
 * estimate against measured per job).
 *
 * The ESU tree of the graph is sized by Knuth's probes (motifs/rand-esu.ts: nodes per depth), and
 * the cost is per tree node visited plus per subgraph counted — the subgraph's canonical class
 * looked up, dearer with k and with colours (longer codes) — for the original graph and each
 * random network, plus each census's fixed part (its n × n pair matrix built) and each random
 * network's switching (exchanges × tries × edges). Sampling (RAND-ESU) visits a depth-d node with
 * probability Π p[0..d], so it shrinks each depth alike, and pays a draw per candidate child.
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
 * (it measures CPU time, not wall, but on the 2-core development machine a heavy load still
 * inflates it: the tree graph's k = 5 coloured census took 0.072 s of CPU at a load average of ~3
 * and 0.094–0.104 s at ~5), paste the table it prints over this one, then check with
 * `npm run bench:estimates` (every job within 1.5×; judge on the median of 3 runs). Rows for
 * k > 5 are not measured (a k = 6 census of the benchmark graphs takes minutes): they scale k = 5
 * by the ratios in SUBGRAPH_GROWTH.
 *
 * Measured on branch est at 5f8ae53 (the kernel with direct counts and prefix blocks), two
 * calibration runs averaged, CPU time on a machine loaded by another engineer's 2-thread census
 * (the same measurement varied by up to ±30 % between runs). What the calibration separates:
 * - `subgraph` from the kernel alone (countSubgraphs, warm), no longer from a whole census: the
 *   census's row per class of the original (~10 µs a class, ~3.5k classes at k = 5 coloured on
 *   either graph) was charged per subgraph, 2.5× too much on the 1.6M-subgraph tree graph; it is
 *   in `cold` now (cold = cold census − kernel);
 * - `densePairByte`: the n × n pair matrix each census builds (0.17 ms a census on the MNIST-shaped
 *   graph, counted in the k = 3 per-subgraph figure before);
 * - every job is run untimed before it is measured (bench/estimates.ts `warmUpJob`, up to 3 runs):
 *   its first runs in a process compiled its code paths (~0.2 s at k = 5 coloured), a one-off that
 *   the bench's mean over repeated runs divided by the run count.
 * Coloured k = 4 and 5 were then scaled by the kernel's measured speed-up when codes began to hold
 * pair-code ranks (census-graph.ts; countSubgraphs warm, old and new builds alternated, both
 * graphs): × 0.80 at k = 4 (1.45e-8 → 1.16e-8), × 0.86 at k = 5 (2.15e-8 → 1.85e-8); and the
 * coloured column of `sampling` refitted (`--calibrate sampling`), since it is relative to them;
 * cold at k = 5 coloured re-measured by `--calibrate` on the idle machine (0.03 → 0.052: blocks now
 * resolve each prefix id and leaf value to a class once, more of them than the hash table had).
 * Adjusted by hand from the job list's figures (npm run bench:estimates, medians of 3 runs), where
 * the calibration's runs disagreed or the two graphs pull apart:
 * - network 1.5e-4 and switchTry 1.4e-8 (the calibration's line fit gave 4.4e-5 and 4.1e-8 in one
 *   run; 3.8e-8–4.7e-8 per try with no intercept in two others): the k = 3 jobs with 100 networks
 *   cost 0.35–0.42 ms a network on the tree graph (4950 tries) and ~1.1 ms on the MNIST graph
 *   (17 100 tries), which the fixed part of a network fits and a per-try cost alone does not;
 * - cold at k = 4 raised to 0.004 / 0.0008 (calibrated 0.0027–0.0031 / 0.0004–0.0006) and at
 *   k = 5 uncoloured set to 0.007 (calibrated 0.0034–0.022): the job list's figures;
 * - randomNetwork at k = 5: coloured 1.32 (calibrated 1.4–1.7), uncoloured 1.1 (1.2). Coloured, the
 *   MNIST graph's random networks have 1.3× its subgraphs and cost about what their count says;
 *   the tree graph's have 0.83× its subgraphs but ~30k classes each (3.5k in the original:
 *   switching a dense graph makes new coloured codes, each canonicalised once and looked up in
 *   every census), so they cost ~2.3× per subgraph. The two effects almost cancel against the
 *   original's subgraph count, which the factor multiplies; 1.32 puts the tree graph's job at 0.78
 *   and the MNIST graph's at 1.14 (medians of 3 runs);
 * - `sampling` is fitted separately (`--calibrate sampling`, kernel alone, relative to the exact
 *   kernel on the same graph, so the graphs' different costs per subgraph stay in `subgraph`).
 */
export const CENSUS_COST = {
  /** Fixed seconds of every census of a graph (layout, tables, statistics). */
  census: 7e-5,
  /**
   * Seconds per byte of the n × n pair matrix every census builds (graphs of up to DENSE_NODES
   * nodes; motifs/census-graph.ts): 0.17 ms for a 914-node graph, per random network too.
   */
  densePairByte: 2e-10,
  /** Seconds per ESU tree node above the leaves (extension sets grown and scanned); not fitted. */
  treeNode: 1.3e-8,
  /** Seconds per counted subgraph by size, warm caches: [coloured, uncoloured]. */
  subgraph: {
    3: [1.45e-8, 1.35e-8],
    4: [1.16e-8, 1.1e-8],
    5: [1.85e-8, 1.15e-8],
  } as Readonly<Record<3 | 4 | 5, readonly [number, number]>>,
  /**
   * First census in a process, beyond its enumeration: each raw code's class computed once, and
   * the census's row per class of the original (key parsed, statistics, sort; ~10 µs a class):
   * [coloured, uncoloured].
   */
  cold: {
    3: [0.00075, 0.0004],
    4: [0.004, 0.0008],
    5: [0.052, 0.007],
  } as Readonly<Record<3 | 4 | 5, readonly [number, number]>>,
  /**
   * A random network's enumeration relative to the original's (switching makes raw codes the
   * cache has not seen; switched layered graphs have other subgraph counts):
   * [coloured, uncoloured].
   */
  randomNetwork: {
    3: [1, 1],
    4: [1.2, 1.05],
    5: [1.32, 1.1],
  } as Readonly<Record<3 | 4 | 5, readonly [number, number]>>,
  /**
   * Fixed seconds of each random network beyond its census's: the switching's set-up (the graph
   * copied, its linked pairs marked) and the ensemble's bookkeeping (the network's counts tallied
   * against the original's classes).
   */
  network: 1.5e-4,
  /** Seconds per edge, exchange and try of the switching of one random network. */
  switchTry: 1.4e-8,
  /**
   * RAND-ESU, relative to the exact census's seconds per subgraph (`subgraph`) of the same size
   * and colouring: [coloured, uncoloured]. The sampled path has no fast leaf loops: every
   * candidate child, kept or not, costs a random draw and a pass of the general loop (`draw`);
   * a draw whose outcome the CPU cannot predict costs a mispredicted branch, counted as
   * min(p, 1 − p) per draw (`branch`: p = 0.5 mispredicts about every other draw, p = 1 or 0.05
   * almost never); and each subgraph kept is coded and tallied (`leaf`). Fitted by
   * `npm run bench:estimates -- --calibrate sampling` on both benchmark graphs (k = 4 and 5,
   * coloured and uncoloured, ten probability vectors each; 2026-12-07, idle): the 80 fitted
   * times lie within 0.69–1.18 of the measured (k = 5: 0.95–1.1 but for two vectors; the worst
   * are k = 4 on the MNIST graph, kernels of a few ms). Without the branch term the p = 0.5
   * vectors were at 0.76–0.84 on both graphs (k = 5 coloured).
   */
  sampling: {
    4: { draw: [1.1, 1.2], branch: [1.8, 1.7], leaf: [0.48, 0.52] },
    5: { draw: [1.2, 1.1], branch: [1.5, 1.4], leaf: [1, 0.67] },
  } as Readonly<Record<4 | 5, SamplingCost>>,
} as const;

/** RAND-ESU's costs relative to the exact census's per subgraph: [coloured, uncoloured] each. */
export interface SamplingCost {
  readonly draw: readonly [number, number];
  readonly branch: readonly [number, number];
  readonly leaf: readonly [number, number];
}

/** k > 5: seconds per subgraph (and cold start) relative to k = 5 (not re-measured). */
export const SUBGRAPH_GROWTH: Readonly<Record<number, number>> = { 6: 1.8, 7: 3, 8: 4.3 };

/**
 * The k = 5 seconds per subgraph that SUBGRAPH_GROWTH scales for k > 5: [coloured, uncoloured].
 * Uncoloured k = 5 now counts into direct-indexed slots (motifs/code-table.ts DirectCounts, ~1.4×
 * faster than the tally and hash tables), which k = 6 cannot use (4^15 raw codes), so the
 * uncoloured base stays the tally path's figure from before direct counts (1.6e-8). Coloured
 * k = 5 is on the tally path already.
 */
export const K5_TALLY_SUBGRAPH: readonly [number, number] = [CENSUS_COST.subgraph[5][0], 1.6e-8];
const COLD_GROWTH: Readonly<Record<number, number>> = { 6: 3, 7: 10, 8: 30 };

/** Above this many nodes the engine has no adjacency matrix: edge tests dearer (not re-measured). */
export const DENSE_NODES = 4096;
export const SPARSE_FACTOR = 4;
export const SECONDS_PER_SPARSE_NODE = 3.3e-6;

/** Seconds to start the census's worker threads (each loads the engine). */
export const WORKER_START_SECONDS = 0.1;

/** Size's row of a table of `CENSUS_COST`, extrapolated above k = 5 from `base` (table's k = 5). */
function row(
  table: Readonly<Record<3 | 4 | 5, readonly [number, number]>>,
  size: number,
  colours: boolean,
  growth: Readonly<Record<number, number>>,
  base: readonly [number, number] = table[5],
): number {
  const c = colours ? 0 : 1;
  if (size <= 5) return table[Math.max(3, size) as 3 | 4 | 5][c];
  const g = growth[size] ?? (growth[8] === undefined ? 1 : growth[8] * 1.5 ** (size - 8));
  return base[c] * g;
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
  /** The standard error of `subgraphs` over the probes. */
  readonly subgraphsError: number;
  /** Seconds of the original graph's census. */
  readonly originalSeconds: number;
  /** Seconds of one random network (switching and census). */
  readonly perNetworkSeconds: number;
  /** Wall seconds of the whole job. */
  readonly seconds: number;
}

/**
 * Seconds of the enumeration of a graph whose ESU tree has `levels` nodes per depth (warm caches,
 * fixed costs excluded). Sampling visits a depth-d node with probability Π p[0..d]; each candidate
 * child of a visited node is a draw, priced by `CENSUS_COST.sampling` (a draw, a mispredicted
 * branch min(p, 1 − p) of the time, and each subgraph kept).
 */
export function enumerationSeconds(
  levels: readonly number[],
  size: number,
  colours: boolean,
  sample: readonly number[] | null,
  nodes: number,
): number {
  const perSubgraph =
    row(CENSUS_COST.subgraph, size, colours, SUBGRAPH_GROWTH, K5_TALLY_SUBGRAPH) *
    (nodes > DENSE_NODES ? SPARSE_FACTOR : 1);
  const last = levels.length - 1;
  if (sample === null) {
    let inner = 0;
    for (let d = 0; d < last; d++) inner += levels[d];
    return inner * CENSUS_COST.treeNode + levels[last] * perSubgraph;
  }
  const c = colours ? 0 : 1;
  const cost = CENSUS_COST.sampling[Math.min(5, Math.max(4, size)) as 4 | 5];
  let keep = 1;
  let seconds = 0;
  for (let d = 0; d <= last; d++) {
    // levels[d] · keep: the candidates drawn at depth d (children of kept depth-(d−1) nodes).
    const p = sample[d];
    const drawn = levels[d] * keep;
    seconds += drawn * (cost.draw[c] + Math.min(p, 1 - p) * cost.branch[c]) * perSubgraph;
    keep *= p;
    const kept = levels[d] * keep;
    seconds += d === last ? kept * cost.leaf[c] * perSubgraph : kept * CENSUS_COST.treeNode;
  }
  return seconds;
}

/** Knuth probes of a full estimate (estimateSubgraphCount's default). */
export const ESTIMATE_PROBES = 2000;

/**
 * Estimate a census job's time from the graph (milliseconds of probing: `probes` Knuth probes,
 * ESTIMATE_PROBES unless given; fewer give a rougher figure sooner).
 */
export function estimateCensusCost(
  g: Digraph,
  input: CensusCostInput,
  probes = ESTIMATE_PROBES,
): CensusCostEstimate {
  const work = estimateSubgraphCount(g, input.size, {
    rng: new Rng(input.seed, 0xfffffffe),
    probes,
  });
  return {
    subgraphs: work.estimate,
    subgraphsError: work.standardError,
    ...costOfLevels(g, input, work.levels),
  };
}

/**
 * An upper bound of the ESU tree nodes per depth that Knuth's probes can report (each probe's
 * weight at depth d ≥ 1 is 1/P(root) · Π_{j ≤ d} width_j, where 1/P(root) ≤ 2n (rand-esu.ts draws
 * half its roots uniformly), and the extension set at depth j holds at most the neighbours of the
 * j vertices chosen so far: width_j ≤ min(j · Δ, n − 1), Δ the largest degree), so also of the
 * exact tree (the mean of the probes' weights). From the degrees alone: no probes.
 */
export function esuLevelsBound(g: Digraph, size: number): number[] {
  const n = g.nodeCount;
  const deg = new Int32Array(n);
  let maxDegree = 0;
  for (let e = 0; e < g.edgeSrc.length; e++) {
    maxDegree = Math.max(maxDegree, ++deg[g.edgeSrc[e]], ++deg[g.edgeTrg[e]]);
  }
  const levels = [n];
  let weight = 2 * n;
  for (let d = 1; d < size; d++) levels.push((weight *= Math.min(d * maxDegree, n - 1)));
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

/** Seconds of every census of an n-node graph, whatever its size k (its census graph built). */
export function fixedSeconds(n: number): number {
  const dense = n <= DENSE_NODES ? CENSUS_COST.densePairByte * n * n : 0;
  const sparse = n > DENSE_NODES ? SECONDS_PER_SPARSE_NODE * n : 0;
  return CENSUS_COST.census + dense + sparse;
}

/** The cost of a job on a graph whose ESU tree has `levels` nodes per depth. */
function costOfLevels(
  g: Digraph,
  input: CensusCostInput,
  levels: readonly number[],
): Omit<CensusCostEstimate, "subgraphs" | "subgraphsError"> {
  const k = input.size;
  const enumeration = enumerationSeconds(levels, k, input.colours, input.sample, g.nodeCount);
  const fixed = fixedSeconds(g.nodeCount);
  const cold = row(CENSUS_COST.cold, k, input.colours, COLD_GROWTH);
  const originalSeconds = fixed + cold + enumeration;
  const switching = CENSUS_COST.switchTry * g.edgeSrc.length * input.exchanges * input.tries;
  const factor = row(CENSUS_COST.randomNetwork, k, input.colours, {});
  const perNetworkSeconds = fixed + CENSUS_COST.network + switching + enumeration * factor;
  const workers = Math.max(1, Math.min(input.workers, input.networks));
  const seconds =
    originalSeconds +
    (input.networks * perNetworkSeconds) / workers +
    (workers > 1 ? WORKER_START_SECONDS * workers : 0);
  return { originalSeconds, perNetworkSeconds, seconds };
}

/**
 * A census on one thread, or of the original alone, runs without workers below this estimate:
 * the main thread sees Ctrl-C only between random networks, so longer ones count on a worker.
 */
export const IN_PROCESS_SECONDS = 1;

/** Where a census counts: see `censusPlacement`. */
export type CensusPlacement = "in-process" | "shared" | "workers";

/**
 * Longest estimated random network that the main thread counts beside the workers ("shared"):
 * it sees Ctrl-C (and updates the progress bar) only between networks.
 */
export const SHARED_NETWORK_SECONDS = 0.25;
/**
 * Least estimated work of the random networks (seconds on one thread) for which a worker beside
 * the main thread pays: a worker starts in ~0.1 s and counts slowly until V8 has compiled its
 * kernel (on two cores both busy, for another ~0.2 s). Measured on 2 cores, min of 4–5 whole
 * processes, 100 networks: the anchor graph k = 4 coloured (~0.3 s of networks) 0.42 s
 * in-process against 0.46 s shared; the MNIST-sized graph k = 4 uncoloured (~0.85 s) 0.95–1.10 s
 * against 0.75–0.93 s.
 */
export const SHARED_MIN_SECONDS = 0.5;

/**
 * Where a census counts, from its estimates on one thread: the original's census (`original`),
 * one random network (`perNetwork`), all of it (`single`), and all of it on `workers` workers,
 * their start-up included (`parallel`).
 * - One thread, or the original alone: in-process below IN_PROCESS_SECONDS, else on a worker
 *   (Ctrl-C).
 * - Short networks and a short original: the main thread counts beside `workers` − 1 workers
 *   ("shared"), as soon as the networks are work enough to pay for a worker (SHARED_MIN_SECONDS);
 *   in-process below that.
 * - Otherwise on `workers` workers, or in-process when the model says they would not finish sooner.
 */
export function censusPlacement(job: {
  original: number;
  perNetwork: number;
  single: number;
  parallel: number;
  workers: number;
  networks: number;
}): CensusPlacement {
  if (job.workers === 1 || job.networks === 0) {
    return job.single < IN_PROCESS_SECONDS ? "in-process" : "workers";
  }
  if (job.perNetwork <= SHARED_NETWORK_SECONDS && job.original < IN_PROCESS_SECONDS) {
    return job.networks * job.perNetwork >= SHARED_MIN_SECONDS ? "shared" : "in-process";
  }
  return job.single <= job.parallel ? "in-process" : "workers";
}
