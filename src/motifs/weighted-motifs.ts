/**
 * Threshold-free weighted motifs (SPEC §10.1; J.-P. Onnela, J. Saramäki, J. Kertész, K. Kaski,
 * "Intensity and coherence of motifs in weighted complex networks", PRE 71:065103, 2005).
 *
 * On a weighted digraph (every kernel weight an edge, its sign as the edge colour: 1 negative,
 * 2 positive, see `signColour`), each k-subgraph g with m directed edges of weights w_e has
 *
 *   intensity  I(g) = (Π_e |w_e|)^(1/m)                 (geometric mean of |w|)
 *   coherence  Q(g) = I(g) / (Σ_e |w_e| / m)            (geometric / arithmetic mean, in (0, 1])
 *
 * and per topology (the uncoloured class of the subgraph, the engine's canonical key without
 * colours) the count, the total intensity ΣI and the mean coherence ΣQ / count. No cut-off c.
 *
 * This file is the exact route by enumeration (ESU, `esuVisit`), for graphs where visiting every
 * k-subgraph is cheap; the full graph of an MLP has the structure of a complete layered graph and
 * takes the combinatorial route of `layered-weighted-motifs.ts`, which returns the same shape.
 *
 * Degenerate weights: a zero weight is still an edge (SPEC: every kernel weight is one); it makes
 * I = 0 and so Q = 0 for every subgraph that contains it (Q = 0 also when all its weights are 0,
 * where I/mean is 0/0). Edge colours do not enter the topology: the sign is kept on the graph for
 * coloured analyses, and `colours: true` keys subgraphs by their sign-coloured class instead.
 *
 * How the sign enters (issue 9 item 5, "sign kept as the edge colour"): per topology, besides the
 * |w| statistics, the subgraphs with an even number of negative edges (sign product σ = Π sign w_e
 * = +1) are counted and their intensity summed. For the diamond (a→b, a→c, b→d, c→d) σ = +1 says
 * its two paths have the same sign (Alon's coherent feed-forward), for a path that it is
 * excitatory end to end. On a complete layered graph these sums are again closed-form: they are
 * the chain sums with the factors multiplied by sign(w) (σ is a product over the edges, like I).
 * The full sign-coloured classes (all 2^m colourings) are `colours: true` on this route.
 */
import { NnmotifsError } from "../core/errors.js";
import type { Digraph } from "../graph/digraph.js";
import { buildCensusGraph } from "./census-graph.js";
import { canonicalKeyOfMatrix } from "./canonical-label.js";
import { esuVisit } from "./esu.js";

/** Sizes the weighted census accepts (k² adjacency bits must fit a double exactly: k ≤ 7). */
export const WEIGHTED_MIN_SIZE = 2;
export const WEIGHTED_MAX_SIZE = 7;

/** One topology of a weighted census. */
export interface WeightedTopology {
  /** Canonical class key of the topology (uncoloured; see types.ts for the key format). */
  readonly key: string;
  /** Number of k-subgraphs of this topology (exact on every route). */
  readonly count: number;
  /** Σ I over those subgraphs (an unbiased estimate when sampled). */
  readonly totalIntensity: number;
  /** Σ Q / count (an estimate when sampled). */
  readonly meanCoherence: number;
  /** Standard errors of the two estimates: 0 when computed exactly. */
  readonly totalIntensitySe: number;
  readonly meanCoherenceSe: number;
  /** False when any part of this topology's sums came from sampling. */
  readonly exact: boolean;
  /**
   * Subgraphs with an even number of negative edges (sign product +1, zero counted positive), and
   * Σ I over them; estimates with their SEs where sampled (file comment, "How the sign enters").
   */
  readonly evenCount: number;
  readonly evenIntensity: number;
  readonly evenCountSe: number;
  readonly evenIntensitySe: number;
}

/** A weighted census: one entry per topology that occurs, sorted by key. */
export interface WeightedMotifs {
  readonly size: number;
  readonly topologies: readonly WeightedTopology[];
  /** True when every topology is exact (false: some sums are sampled, see their SEs). */
  readonly exact: boolean;
  /** Which route produced it. */
  readonly method: "enumeration" | "layered";
}

export interface WeightedMotifOptions {
  /** Subgraph size k (2..7). */
  readonly size: number;
  /** Key subgraphs by their sign-coloured class rather than their topology (default false). */
  readonly colours?: boolean;
}

/** The sign colour of a weight (SPEC §10.1): 1 for negative, 2 for positive or zero. */
export function signColour(w: number): 1 | 2 {
  return w < 0 ? 1 : 2;
}

/** Check k for both routes; throws a message naming the argument and what is allowed. */
export function checkWeightedSize(size: number, who: string): void {
  if (!Number.isInteger(size) || size < WEIGHTED_MIN_SIZE || size > WEIGHTED_MAX_SIZE) {
    throw new NnmotifsError(
      `${who}: invalid \`size\` ${size}. Should be an integer ${WEIGHTED_MIN_SIZE}..${WEIGHTED_MAX_SIZE}.`,
    );
  }
}

/**
 * Per-topology sums collected by a route, keyed by topology key; `weightedMotifsResult` turns them
 * into the sorted result.
 */
export interface TopologySums {
  count: number;
  sumIntensity: number;
  sumCoherence: number;
  /** Variances of the sampled parts of ΣI and ΣQ (0 when exact). */
  varIntensity: number;
  varCoherence: number;
  /** Σ over the subgraphs with sign product +1 of 1 and of I, and their sampled variances. */
  evenCount: number;
  evenIntensity: number;
  varEvenCount: number;
  varEvenIntensity: number;
  exact: boolean;
}

export function emptySums(): TopologySums {
  return {
    count: 0,
    sumIntensity: 0,
    sumCoherence: 0,
    varIntensity: 0,
    varCoherence: 0,
    evenCount: 0,
    evenIntensity: 0,
    varEvenCount: 0,
    varEvenIntensity: 0,
    exact: true,
  };
}

export function weightedMotifsResult(
  size: number,
  sums: ReadonlyMap<string, TopologySums>,
  method: WeightedMotifs["method"],
): WeightedMotifs {
  const keys = [...sums.keys()].sort();
  const topologies = keys.map((key): WeightedTopology => {
    const s = sums.get(key)!;
    return {
      key,
      count: s.count,
      totalIntensity: s.sumIntensity,
      meanCoherence: s.count > 0 ? s.sumCoherence / s.count : NaN,
      totalIntensitySe: Math.sqrt(s.varIntensity),
      meanCoherenceSe: s.count > 0 ? Math.sqrt(s.varCoherence) / s.count : 0,
      exact: s.exact,
      evenCount: s.evenCount,
      evenIntensity: s.evenIntensity,
      evenCountSe: Math.sqrt(s.varEvenCount),
      evenIntensitySe: Math.sqrt(s.varEvenIntensity),
    };
  });
  return { size, topologies, exact: topologies.every((t) => t.exact), method };
}

/**
 * Out-neighbours with weights, sorted by target: the weight of a→b is found by binary search.
 * Rejects a graph without weights and duplicate edges (a weight per ordered pair).
 */
function weightedOutLists(g: Digraph): { start: Int32Array; trg: Int32Array; w: Float64Array } {
  const weights = g.edgeWeight;
  const m = g.edgeSrc.length;
  if (weights === undefined || weights.length !== m) {
    throw new NnmotifsError(
      "weightedMotifs: the graph has no edge weights. Should carry `edgeWeight`, one per edge " +
        "(a graph built from a network with networkToDigraph does).",
    );
  }
  const n = g.nodeCount;
  const start = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) if (g.edgeSrc[e] !== g.edgeTrg[e]) start[g.edgeSrc[e] + 1]++;
  for (let u = 0; u < n; u++) start[u + 1] += start[u];
  const order = Array.from({ length: m }, (_, e) => e).filter((e) => g.edgeSrc[e] !== g.edgeTrg[e]);
  order.sort((x, y) => g.edgeSrc[x] - g.edgeSrc[y] || g.edgeTrg[x] - g.edgeTrg[y] || x - y);
  const trg = new Int32Array(order.length);
  const w = new Float64Array(order.length);
  order.forEach((e, i) => {
    if (i > 0 && trg[i - 1] === g.edgeTrg[e] && g.edgeSrc[order[i - 1]] === g.edgeSrc[e]) {
      throw new NnmotifsError(
        `weightedMotifs: edge ${e} (${g.edgeSrc[e]} → ${g.edgeTrg[e]}) repeats an earlier edge. ` +
          "Should be one weight per ordered pair.",
      );
    }
    trg[i] = g.edgeTrg[e];
    w[i] = weights[e];
  });
  return { start, trg, w };
}

/**
 * The weighted census of `g` by enumeration: every connected induced k-subgraph visited once
 * (ESU), its I and Q computed from its edges, summed per topology. Cost: one visit per
 * k-subgraph and k² weight look-ups in it, so use it where `estimateSubgraphCount` is small.
 */
export function weightedMotifs(g: Digraph, options: WeightedMotifOptions): WeightedMotifs {
  const k = options.size;
  checkWeightedSize(k, "weightedMotifs");
  const coloured = options.colours ?? false;
  const { start, trg, w } = weightedOutLists(g);
  const weightOf = (a: number, b: number): number => {
    let lo = start[a];
    let hi = start[a + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = trg[mid];
      if (t === b) return w[mid];
      if (t < b) lo = mid + 1;
      else hi = mid - 1;
    }
    return NaN; // no edge
  };

  // A subgraph's labelled matrix, mapped once to its class: without colours a k²-bit integer
  // (exact in a double for k ≤ 7), with colours the string of its digits.
  const slotOfCode = new Map<number | string, number>();
  const slotKeys: string[] = [];
  const counts: number[] = [];
  const sumI: number[] = [];
  const sumQ: number[] = [];
  const evenN: number[] = [];
  const evenI: number[] = [];
  const matrix = new Uint8Array(k * k);

  esuVisit(buildCensusGraph(g, false, null), k, (vertices) => {
    let edges = 0;
    let logSum = 0;
    let absSum = 0;
    let negatives = 0;
    let code = 0;
    let bit = 1;
    for (let i = 0; i < k; i++) {
      const a = vertices[i];
      for (let j = 0; j < k; j++, bit *= 2) {
        if (i === j) {
          matrix[i * k + j] = 0;
          continue;
        }
        const x = weightOf(a, vertices[j]);
        if (Number.isNaN(x)) {
          matrix[i * k + j] = 0;
          continue;
        }
        matrix[i * k + j] = coloured ? signColour(x) : 1;
        code += bit;
        edges++;
        if (x < 0) negatives++;
        const ax = Math.abs(x);
        logSum += Math.log(ax);
        absSum += ax;
      }
    }
    const intensity = Math.exp(logSum / edges); // log 0 = −∞ → I = 0
    const coherence = absSum > 0 ? intensity / (absSum / edges) : 0;
    const lookup: number | string = coloured ? String.fromCharCode(...matrix) : code;
    let slot = slotOfCode.get(lookup);
    if (slot === undefined) {
      slot = slotKeys.length;
      slotOfCode.set(lookup, slot);
      slotKeys.push(canonicalKeyOfMatrix(matrix, k, null));
      counts.push(0);
      sumI.push(0);
      sumQ.push(0);
      evenN.push(0);
      evenI.push(0);
    }
    counts[slot]++;
    sumI[slot] += intensity;
    sumQ[slot] += coherence;
    if ((negatives & 1) === 0) {
      evenN[slot]++;
      evenI[slot] += intensity;
    }
  });

  // Several labelled codes share a class: merge them in code-discovery order (deterministic).
  const sums = new Map<string, TopologySums>();
  slotKeys.forEach((key, slot) => {
    let s = sums.get(key);
    if (s === undefined) sums.set(key, (s = emptySums()));
    s.count += counts[slot];
    s.sumIntensity += sumI[slot];
    s.sumCoherence += sumQ[slot];
    s.evenCount += evenN[slot];
    s.evenIntensity += evenI[slot];
  });
  return weightedMotifsResult(k, sums, "enumeration");
}
