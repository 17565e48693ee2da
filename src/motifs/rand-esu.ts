/**
 * RAND-ESU sampling (Wernicke 2006, §3) and an up-front estimate of the work of a full census.
 *
 * With per-depth probabilities p[0..k-1], the root of the ESU tree is kept with probability p[0]
 * and each child at depth d with probability p[d], independently. A given k-subgraph has exactly
 * one leaf in the ESU tree, so it is reached with probability P = Π p[d]. Dividing every observed
 * count (and the total) by P gives unbiased estimates of the counts and of the total:
 * E[observed] = P · count. Concentrations estimated as the ratio of two unbiased estimates are
 * consistent (the bias is O(1/samples)); they need no division by P at all.
 */
import { Rng } from "../core/random.js";
import type { Digraph } from "../graph/digraph.js";
import { buildCensusGraph, type CensusGraph } from "./census-graph.js";
import { extendWith, probeBelow } from "./esu-probe.js";
import { checkProbabilities, checkSize, prepareCensus, runCensus } from "./count-subgraphs.js";
import type { SubgraphCountOptions, SubgraphCounts } from "./types.js";

export interface SampleOptions extends SubgraphCountOptions {
  /** p[0..size-1], each in (0, 1]: the probability of keeping a child at each ESU depth. */
  readonly probabilities: readonly number[];
  readonly rng: Rng;
}

/** RAND-ESU: estimated counts (observed / Π p) of the k-subgraph classes of `g`. */
export function sampleSubgraphs(g: Digraph, options: SampleOptions): SubgraphCounts {
  const probabilities = checkProbabilities(options.probabilities, options.size);
  const prepared = prepareCensus(g, options, "sampleSubgraphs");
  const P = probabilities.reduce((a, b) => a * b, 1);
  const { total, counts } = runCensus(
    prepared,
    probabilities,
    options.rng,
    1 / P,
    options.signal ?? undefined,
  );
  return { size: options.size, total, counts, sampled: true };
}

export interface WorkEstimate {
  /** Estimated number of k-subgraphs (the leaves of the ESU tree). */
  readonly estimate: number;
  /** Standard error of `estimate` over the probes. */
  readonly standardError: number;
  /** Estimated number of nodes of the whole ESU tree (the work, leaves included). */
  readonly treeNodes: number;
  /** Estimated ESU tree nodes at each depth 0..k-1 (depth k-1: the subgraphs); sums to treeNodes. */
  readonly levels: readonly number[];
  /** Estimated seconds for one exact census at `NOMINAL_SUBGRAPHS_PER_SECOND`. */
  readonly seconds: number;
  readonly probes: number;
}

/** Rough speed of the exact census on one core (bench/census-bench.ts), for `seconds`. */
export const NOMINAL_SUBGRAPHS_PER_SECOND = 1.5e7;

/**
 * Estimate the number of k-subgraphs before counting them, by Knuth's random-probe estimator of
 * the ESU tree (D. E. Knuth, "Estimating the efficiency of backtrack programs", Math. Comp. 29,
 * 1975): walk from a random root down uniformly chosen children; the product of the branching
 * factors along the walk, times 1 / the root's probability, is an unbiased estimate of the number
 * of tree nodes at each depth. Costs `probes` × k × degree steps, milliseconds even on huge graphs.
 *
 * Roots are drawn by defensive importance sampling (T. Hesterberg, "Weighted average importance
 * sampling and defensive mixture distributions", Technometrics 37, 1995): half the time uniformly,
 * half in proportion to a rough size of the root's subtree (rootWeights). On a scale-free graph a
 * few hubs, low ids in order of arrival, root most of the ESU tree, and uniform roots miss them:
 * on a 10 000-node one (bench/peers.ts, seed 5) 200 uniform probes put k = 5 at 1.2 M subgraphs,
 * ±0.5 M, against 104 M exact. The uniform half bounds a probe's root factor by 2n, so the
 * estimate's variance is at most about twice the uniform estimator's wherever the weights mislead.
 */
export function estimateSubgraphCount(
  g: Digraph,
  size: number,
  options: { readonly rng?: Rng; readonly seed?: number; readonly probes?: number } = {},
): WorkEstimate {
  checkSize(size, "estimateSubgraphCount");
  const rng = options.rng ?? new Rng(options.seed ?? 0);
  const probes = options.probes ?? 2000;
  const cg = buildCensusGraph(g, false, null);
  const { n } = cg;
  const k = size;
  const ext = new Int32Array(Math.max(1, n));
  const blocked = new Uint8Array(n);
  let sum = 0;
  let sumSq = 0;
  let nodes = 0;
  const levels = new Float64Array(k);
  const probeLevels = new Float64Array(k);
  const roots = rootSampler(cg, k);
  for (let probe = 0; probe < probes && n > 0; probe++) {
    const v = roots.draw(rng);
    blocked[v] = 1;
    const rootEnd = extendWith(cg, v, v, ext, blocked, 0);
    // Depth 0 holds the n roots, known; below, the walk's widths times 1 / P(root v).
    probeLevels[0] = n;
    const end = probeBelow(
      cg,
      v,
      k,
      ext,
      blocked,
      0,
      rootEnd,
      0,
      roots.factor(v),
      probeLevels,
      rng,
    );
    for (let d = 0; d < k; d++) {
      nodes += probeLevels[d];
      levels[d] += probeLevels[d];
    }
    const leaves = k > 1 ? probeLevels[k - 1] : 0;
    for (let i = 0; i < end; i++) blocked[ext[i]] = 0;
    blocked[v] = 0;
    sum += leaves;
    sumSq += leaves * leaves;
  }
  const estimate = probes > 0 ? sum / probes : 0;
  const variance = probes > 1 ? (sumSq / probes - estimate * estimate) / (probes - 1) : 0;
  const treeNodes = probes > 0 ? nodes / probes : 0;
  return {
    estimate,
    standardError: Math.sqrt(Math.max(0, variance)),
    treeNodes,
    levels: Array.from(levels, (x) => (probes > 0 ? x / probes : 0)),
    seconds: estimate / NOMINAL_SUBGRAPHS_PER_SECOND,
    probes,
  };
}

/**
 * A rough size of each root's ESU subtree: d⁺(v) · (1 + s)^(k−2), d⁺(v) its neighbours above v
 * (its children) and s the sum of their degrees (what their extensions can draw from). 0 exactly
 * when v has no child. Only the ratios matter; any positive weights keep the estimate unbiased.
 */
function rootWeights(cg: Pick<CensusGraph, "n" | "start" | "adj">, k: number): Float64Array {
  const { n, start, adj } = cg;
  const weights = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let children = 0;
    let reach = 0;
    for (let i = start[v]; i < start[v + 1]; i++) {
      const u = adj[i];
      if (u <= v) continue;
      children++;
      reach += start[u + 1] - start[u];
    }
    weights[v] = children * (1 + reach) ** Math.max(0, k - 2);
  }
  return weights;
}

/** Roots half uniform, half by rootWeights; `factor(v)` = 1 / P(v). */
function rootSampler(
  cg: Pick<CensusGraph, "n" | "start" | "adj">,
  k: number,
): { draw(rng: Rng): number; factor(v: number): number } {
  const n = cg.n;
  const weights = rootWeights(cg, k);
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let v = 0; v < n; v++) cumulative[v] = total += weights[v];
  if (!(total > 0) || !Number.isFinite(total)) {
    return { draw: (rng) => rng.int(n), factor: () => n };
  }
  return {
    draw(rng) {
      const uniform = rng.next() < 0.5;
      if (uniform) return rng.int(n);
      // The first root whose cumulative weight exceeds a uniform point of [0, total).
      const x = rng.next() * total;
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cumulative[mid] > x) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    },
    factor: (v) => 1 / (0.5 / n + (0.5 * weights[v]) / total),
  };
}
