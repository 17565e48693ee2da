/**
 * Weighted motifs (intensity and coherence, Onnela et al. 2005; SPEC §10.1) on the full,
 * unthresholded graph of an MLP, without visiting its subgraphs one by one.
 *
 * The full graph is a complete layered DAG: every unit of layer l points to every unit of layer
 * l+1, and there are no other edges. A k-node set is then a k-subgraph (weakly connected) exactly
 * when the layers it meets are consecutive, a..a+r−1 with r ≥ 2, and its topology depends only on
 * the "layer pattern" c = (c_1, …, c_r), the numbers of its nodes in those layers (Σ c = k): block i
 * points to every node of block i+1. Distinct patterns give distinct topologies (the blocks are
 * the longest-path layers of the subgraph), and a pattern at start layer a has
 * Π_i C(n_{a+i−1}, c_i) subgraphs and m = Σ_i c_i·c_{i+1} edges. So the counts are closed-form.
 *
 * Total intensity. I = Π_e x_e with x_e = |w_e|^(1/m) is a product over the edges, and the edges
 * only join consecutive blocks, so the sum over all node sets is a chain sum
 *
 *   Z[x] = Σ_{S_1 ⊂ L_a, |S_1| = c_1} … Σ_{S_r} Π_i Π_{u ∈ S_i, v ∈ S_{i+1}} x(u, v).
 *
 * Every second block (the "enumerated" ones, parity chosen by cost) is listed subset by subset;
 * given its two neighbours, a block in between contributes independently per unit u, so its sum
 * over c-subsets is the elementary symmetric polynomial e_c(φ) of φ(u) = Π_{v ∈ neighbours} x(v, u).
 * The enumerated blocks form a chain that a transfer-matrix pass sums. ΣI = Z[|w|^(1/m)], exact.
 *
 * Total coherence. Q = m·I / S with S = Σ_e |w_e| is not a product, but 1/S = ∫_0^∞ e^(−tS) dt, so
 * ΣQ = m ∫_0^∞ Z[|w|^(1/m) e^(−t|w|)] dt: one chain sum per quadrature node. With t = e^u the
 * integrand of one subgraph is e^(u − S e^u), and the trapezoid rule in u with step h has relative
 * error ≤ 2 Σ_n |Γ(1 + 2πi n/h)| for every S at once (Poisson summation; |Γ(1+iy)|² = πy/sinh πy):
 * 3.8e-10 for h = 0.4. The grid runs from ln(δ/S_hi) to ln(T/S_lo), where S_lo and S_hi bound S
 * over the pattern's subgraphs (per layer, the sums of its c_i·c_{i+1} smallest or largest |w|);
 * the part left of the grid is added as Z(0)·Σ_{j≥1} h e^(u_0 − jh), off by at most 0.33 δ² relative,
 * and the part right of it is below h·T·e^(−T). With δ = 1e-6 and T = 28 the relative error of
 * ΣQ is below COHERENCE_RELATIVE_ERROR = 5e-10 (≈ 70 nodes for normal weights; h = 0.3 would give
 * 2e-13 for ≈ 1.4× the work), far below the 5 digits reported, so we call it exact.
 *
 * Sampling. When a pattern's chain sum costs more than `maxExactWork` (wide layers and k ≥ 5,
 * e.g. 784-50 at k = 5), its sums are estimated from `samples` uniform node sets of the pattern
 * (c_i distinct units drawn per layer, RNG `Rng(seed, patternIndex)`): ΣI ≈ count · mean I with
 * standard error count · sd(I)/√n, and alike for ΣQ. Intensity stays exact when one chain sum is
 * affordable and only the quadrature is not. The result says `exact: false` and carries the SEs.
 */
import { NnmotifsError } from "../core/errors.js";
import { Rng, deriveSeed } from "../core/random.js";
import type { Digraph } from "../graph/digraph.js";
import { shuffleLayerWeights } from "../nulls/weight-shuffle.js";
import { canonicalKeyOfMatrix } from "./canonical-label.js";
import {
  checkWeightedSize,
  emptySums,
  weightedMotifs,
  weightedMotifsResult,
  type TopologySums,
  type WeightedMotifs,
  type WeightedTopology,
} from "./weighted-motifs.js";

/** A complete layered weighted graph: units per layer, and the kernel of every layer pair. */
export interface WeightedLayers {
  /** Units per layer, inputs first: [31, 30, 30, 4]. */
  readonly layerSizes: readonly number[];
  /** kernels[l], row-major [layerSizes[l], layerSizes[l+1]]: weight of unit i → unit j. */
  readonly kernels: readonly Float64Array[];
}

/** What a dense network looks like to the engine (a DenseNetwork fits, without importing nn/). */
export interface DenseKernels {
  readonly layerSizes: readonly number[];
  readonly layers: readonly { readonly kernel: Float64Array }[];
}

/** Step, left cut and right cut of the coherence quadrature (see the file comment). */
const QUADRATURE_STEP = 0.4;
const QUADRATURE_DELTA = 1e-6;
const QUADRATURE_T = 28;
/** Bound on the relative error of an exactly computed ΣQ (quadrature, not rounding). */
export const COHERENCE_RELATIVE_ERROR = 5e-10;

export const LAYERED_WEIGHTED_DEFAULTS = {
  /** Budget of a pattern's exact sums, in inner-loop multiply-adds (≈ 1 s of work). */
  maxExactWork: 1e9,
  /** Node sets drawn per pattern when it is sampled. */
  samples: 20_000,
  seed: 1,
} as const;

export interface LayeredWeightedOptions {
  /** Subgraph size k (2..7). */
  readonly size: number;
  readonly maxExactWork?: number;
  readonly samples?: number;
  /** Seed of the sampling (used only by sampled patterns). */
  readonly seed?: number;
}

/** The kernels of a network, or of a complete layered weighted digraph, as WeightedLayers. */
export function weightedLayers(source: WeightedLayers | DenseKernels | Digraph): WeightedLayers {
  if ("kernels" in source) return checkLayers(source);
  if ("layers" in source) {
    return checkLayers({
      layerSizes: source.layerSizes,
      kernels: source.layers.map((l) => l.kernel),
    });
  }
  const layers = completeLayers(source);
  if (layers === null) {
    throw new NnmotifsError(
      "weightedLayers: the graph is not a complete layered graph (every unit of a layer linked to " +
        "every unit of the next, and nothing else). Use weightedMotifs for other graphs.",
    );
  }
  return layers;
}

function checkLayers(layers: WeightedLayers): WeightedLayers {
  const { layerSizes, kernels } = layers;
  if (layerSizes.length < 2 || kernels.length !== layerSizes.length - 1) {
    throw new NnmotifsError(
      `layeredWeightedMotifs: ${layerSizes.length} layer sizes and ${kernels.length} kernels. ` +
        "Should be at least two layers and one kernel per pair of consecutive layers.",
    );
  }
  layerSizes.forEach((n, l) => {
    if (!Number.isInteger(n) || n < 1) {
      throw new NnmotifsError(`layeredWeightedMotifs: layer ${l} has size ${n}. Should be ≥ 1.`);
    }
    if (l < kernels.length && kernels[l].length !== n * layerSizes[l + 1]) {
      throw new NnmotifsError(
        `layeredWeightedMotifs: kernel ${l} has ${kernels[l].length} weights. Should be ` +
          `${n}×${layerSizes[l + 1]} = ${n * layerSizes[l + 1]}.`,
      );
    }
  });
  return layers;
}

/**
 * The layers of a digraph that is a complete layered graph (nodeLayer and edgeWeight present,
 * every edge from layer l to l+1, each such pair exactly once), or null. A unit's index in its
 * layer is its rank among that layer's node ids.
 */
export function completeLayers(g: Digraph): WeightedLayers | null {
  const layerOf = g.nodeLayer;
  const weights = g.edgeWeight;
  if (layerOf === undefined || weights === undefined || g.nodeCount === 0) return null;
  let depth = 0;
  for (let v = 0; v < g.nodeCount; v++) {
    if (layerOf[v] < 0) return null;
    depth = Math.max(depth, layerOf[v] + 1);
  }
  const layerSizes = new Array<number>(depth).fill(0);
  const rank = new Int32Array(g.nodeCount);
  for (let v = 0; v < g.nodeCount; v++) rank[v] = layerSizes[layerOf[v]]++;
  if (depth < 2 || layerSizes.some((n) => n === 0)) return null;
  const kernels = layerSizes.slice(0, -1).map((n, l) => new Float64Array(n * layerSizes[l + 1]));
  const seen = kernels.map((k) => new Uint8Array(k.length));
  const m = g.edgeSrc.length;
  let expected = 0;
  for (let l = 0; l + 1 < depth; l++) expected += layerSizes[l] * layerSizes[l + 1];
  if (m !== expected) return null;
  for (let e = 0; e < m; e++) {
    const s = g.edgeSrc[e];
    const t = g.edgeTrg[e];
    const l = layerOf[s];
    if (layerOf[t] !== l + 1) return null;
    const at = rank[s] * layerSizes[l + 1] + rank[t];
    if (seen[l][at]) return null;
    seen[l][at] = 1;
    kernels[l][at] = weights[e];
  }
  return { layerSizes, kernels };
}

/** C(n, c) as an exact integer in a double (every partial product is an integer). */
function binomial(n: number, c: number): number {
  if (c < 0 || c > n) return 0;
  let r = 1;
  for (let i = 0; i < c; i++) r = (r * (n - i)) / (i + 1);
  return r;
}

/** The compositions of k into at least two positive parts, in lexicographic order. */
function compositions(k: number): number[][] {
  const out: number[][] = [];
  const walk = (left: number, parts: number[]): void => {
    if (left === 0) {
      if (parts.length >= 2) out.push(parts.slice());
      return;
    }
    for (let c = 1; c <= left; c++) {
      parts.push(c);
      walk(left - c, parts);
      parts.pop();
    }
  };
  walk(k, []);
  return out;
}

/** The topology of a layer pattern: block i points to every node of block i+1. */
function patternKey(parts: readonly number[]): string {
  const k = parts.reduce((a, b) => a + b, 0);
  const block = new Int32Array(k);
  let v = 0;
  parts.forEach((c, i) => block.fill(i, v, (v += c)));
  const matrix = new Uint8Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) if (block[j] === block[i] + 1) matrix[i * k + j] = 1;
  }
  return canonicalKeyOfMatrix(matrix, k, null);
}

/** All c-subsets of 0..n-1, lexicographic, flat (c entries each). */
function subsetsOf(n: number, c: number): Int32Array {
  const out = new Int32Array(binomial(n, c) * c);
  const s = Int32Array.from({ length: c }, (_, i) => i);
  let at = 0;
  for (;;) {
    out.set(s, at);
    at += c;
    let i = c - 1;
    while (i >= 0 && s[i] === n - c + i) i--;
    if (i < 0) return out;
    s[i]++;
    for (let j = i + 1; j < c; j++) s[j] = s[j - 1] + 1;
  }
}

/**
 * e_c of xs[from .. from+len), by the recurrence E_j ← E_j + x·E_{j−1} (positive terms only, so no
 * cancellation), with c ≤ 3 unrolled into scalars: these are the inner loops of k ≤ 4.
 */
function elementarySymmetric(
  xs: Float64Array,
  from: number,
  len: number,
  c: number,
  e: Float64Array,
): number {
  const to = from + len;
  if (c === 1) {
    let e1 = 0;
    for (let u = from; u < to; u++) e1 += xs[u];
    return e1;
  }
  if (c === 2) {
    let e1 = 0;
    let e2 = 0;
    for (let u = from; u < to; u++) {
      const x = xs[u];
      e2 += x * e1;
      e1 += x;
    }
    return e2;
  }
  if (c === 3) {
    let e1 = 0;
    let e2 = 0;
    let e3 = 0;
    for (let u = from; u < to; u++) {
      const x = xs[u];
      e3 += x * e2;
      e2 += x * e1;
      e1 += x;
    }
    return e3;
  }
  e.fill(0, 1, c + 1);
  e[0] = 1;
  for (let u = from; u < to; u++) {
    const x = xs[u];
    for (let j = c; j >= 1; j--) e[j] += x * e[j - 1];
  }
  return e[c];
}

/** A layer pattern: its parts, start layer, sizes of its layers, count, edges and topology. */
interface Pattern {
  readonly parts: readonly number[];
  readonly start: number;
  readonly sizes: readonly number[];
  readonly count: number;
  readonly edges: number;
  readonly key: string;
}

/** Inner-loop work of one chain sum with the blocks of `parity` enumerated. */
function chainWork(p: Pattern, parity: number): number {
  const { parts, sizes } = p;
  const r = parts.length;
  let work = 0;
  for (let i = parity; i < r; i += 2) {
    const subsets = binomial(sizes[i], parts[i]);
    // Building φ halves towards both neighbours, then the sums over the next enumerated block.
    if (i > 0) work += subsets * sizes[i - 1] * parts[i];
    if (i + 1 < r) work += subsets * sizes[i + 1] * parts[i];
    if (i + 2 < r)
      work += subsets * binomial(sizes[i + 2], parts[i + 2]) * sizes[i + 1] * (parts[i + 1] + 1);
    else if (i + 1 < r) work += subsets * sizes[i + 1] * parts[i + 1];
    if (i === 1) work += subsets * sizes[0] * parts[0];
  }
  return work;
}

/**
 * The chain sum Z[x] of a pattern (file comment), as a function of the factors: `factors[i]` is x
 * on the pair (block i → block i+1), row-major [sizes[i], sizes[i+1]]. Blocks i ≡ parity (mod 2)
 * are enumerated by subsets, the others summed through elementary symmetric polynomials.
 */
function chainPlan(p: Pattern, parity: number): (factors: readonly Float64Array[]) => number {
  const { parts, sizes } = p;
  const r = parts.length;
  const e = new Float64Array(8);
  const phi = new Float64Array(Math.max(...sizes));
  // Per enumerated block i and subset S: outHalf[i][S·n_{i+1} + u] = Π_{v∈S} x(v, u) (u in
  // block i+1), inHalf[i][S·n_{i−1} + u] = Π_{v∈S} x(u, v) (u in block i−1). Built once per
  // factor set; the buffers are reused between the quadrature nodes.
  const subsets: Int32Array[] = [];
  const outHalf: Float64Array[] = [];
  const inHalf: Float64Array[] = [];
  const vecs: Float64Array[] = [];
  for (let i = parity; i < r; i += 2) {
    subsets[i] = subsetsOf(sizes[i], parts[i]);
    const ns = subsets[i].length / parts[i];
    vecs[i] = new Float64Array(ns);
    if (i + 1 < r) outHalf[i] = new Float64Array(ns * sizes[i + 1]);
    if (i > 0) inHalf[i] = new Float64Array(ns * sizes[i - 1]);
  }
  const symmetric = (xs: Float64Array, from: number, len: number, c: number): number =>
    elementarySymmetric(xs, from, len, c, e);
  // Factors of the pair into an enumerated block, transposed so its columns are contiguous.
  const transposed: Float64Array[] = [];
  for (let i = parity; i < r; i += 2) {
    if (i > 0) transposed[i] = new Float64Array(sizes[i - 1] * sizes[i]);
  }

  return (factors) => {
    for (let i = parity; i < r; i += 2) {
      const c = parts[i];
      const sub = subsets[i];
      const ns = vecs[i].length;
      if (i + 1 < r) {
        const n1 = sizes[i + 1];
        const x = factors[i];
        const half = outHalf[i].fill(1);
        for (let s = 0; s < ns; s++) {
          const at = s * n1;
          for (let q = 0; q < c; q++) {
            const row = sub[s * c + q] * n1;
            for (let u = 0; u < n1; u++) half[at + u] *= x[row + u];
          }
        }
      }
      if (i > 0) {
        const n0 = sizes[i - 1];
        const ni = sizes[i];
        const x = factors[i - 1];
        const xT = transposed[i];
        for (let u = 0; u < n0; u++) {
          for (let v = 0; v < ni; v++) xT[v * n0 + u] = x[u * ni + v];
        }
        const half = inHalf[i].fill(1);
        for (let s = 0; s < ns; s++) {
          const at = s * n0;
          for (let q = 0; q < c; q++) {
            const col = sub[s * c + q] * n0;
            for (let u = 0; u < n0; u++) half[at + u] *= xT[col + u];
          }
        }
      }
    }
    // The transfer pass over the enumerated blocks.
    let i = parity;
    let vec = vecs[i];
    if (i === 1) {
      const n0 = sizes[0];
      for (let s = 0; s < vec.length; s++) vec[s] = symmetric(inHalf[1], s * n0, n0, parts[0]);
    } else {
      vec.fill(1);
    }
    for (; i + 2 < r; i += 2) {
      const nm = sizes[i + 1];
      const cm = parts[i + 1];
      const left = outHalf[i];
      const right = inHalf[i + 2];
      const next = vecs[i + 2];
      for (let s2 = 0; s2 < next.length; s2++) {
        const at2 = s2 * nm;
        let acc = 0;
        for (let s = 0; s < vec.length; s++) {
          const v = vec[s];
          if (v === 0) continue;
          const at = s * nm;
          if (cm === 1) {
            let dot = 0;
            for (let u = 0; u < nm; u++) dot += left[at + u] * right[at2 + u];
            acc += v * dot;
          } else {
            for (let u = 0; u < nm; u++) phi[u] = left[at + u] * right[at2 + u];
            acc += v * elementarySymmetric(phi, 0, nm, cm, e);
          }
        }
        next[s2] = acc;
      }
      vec = next;
    }
    let total = 0;
    if (i + 1 < r) {
      const n1 = sizes[i + 1];
      for (let s = 0; s < vec.length; s++) {
        total += vec[s] * symmetric(outHalf[i], s * n1, n1, parts[i + 1]);
      }
    } else {
      for (let s = 0; s < vec.length; s++) total += vec[s];
    }
    return total;
  };
}

/**
 * Sum of the `take` smallest (or largest) positive entries of xs (absolute weights), NaN if there
 * are fewer: one pass with a small sorted buffer (take ≤ 16 for k ≤ 7 is typical, no full sort).
 */
function extremeAbsSum(xs: Float64Array, take: number, largest: boolean): number {
  const best = new Float64Array(take);
  let have = 0;
  for (let q = 0; q < xs.length; q++) {
    const x = xs[q];
    if (!(x > 0)) continue;
    // best[0..have) is sorted so that best[have-1] is the worst kept value.
    if (have === take && (largest ? x <= best[have - 1] : x >= best[have - 1])) continue;
    let at = have < take ? have++ : have - 1;
    while (at > 0 && (largest ? best[at - 1] < x : best[at - 1] > x)) {
      best[at] = best[at - 1];
      at--;
    }
    best[at] = x;
  }
  if (have < take) return NaN;
  let s = 0;
  for (let i = 0; i < take; i++) s += best[i];
  return s;
}

/**
 * Exact ΣI and ΣQ of one pattern (ΣQ by the quadrature of the file comment), and the count and ΣI
 * of its subgraphs with sign product +1: with σ = Π sign w_e, the chain sums with factors sign(w)
 * and |w|^(1/m)·sign(w) are Σσ and ΣIσ, and the even part of a sum is (Σ + Σσ)/2.
 */
function exactPatternSums(
  p: Pattern,
  abs: readonly Float64Array[],
  signs: readonly Float64Array[],
  parity: number,
  withCoherence: boolean,
): { sumI: number; sumQ: number; evenCount: number; evenIntensity: number } {
  const m = p.edges;
  const pairs = p.parts.length - 1;
  const root = abs.slice(0, pairs).map((a) => a.map((x) => Math.pow(x, 1 / m)));
  const chainSum = chainPlan(p, parity);
  const sumI = chainSum(root);
  const signedCount = chainSum(signs.slice(0, pairs));
  const signedI = chainSum(root.map((x, i) => x.map((v, q) => v * signs[i][q])));
  // Σσ is an integer computed exactly; ΣIσ cancels, so clamp the even part into [0, ΣI].
  const evenCount = Math.round((p.count + signedCount) / 2);
  const evenIntensity = Math.min(sumI, Math.max(0, (sumI + signedI) / 2));
  if (!withCoherence || sumI === 0) return { sumI, sumQ: 0, evenCount, evenIntensity };
  let sLo = 0;
  let sHi = 0;
  for (let i = 0; i < pairs; i++) {
    const edges = p.parts[i] * p.parts[i + 1];
    sLo += extremeAbsSum(abs[i], edges, false);
    sHi += extremeAbsSum(abs[i], edges, true);
  }
  const h = QUADRATURE_STEP;
  const u0 = Math.log(QUADRATURE_DELTA / sHi);
  const u1 = Math.log(QUADRATURE_T / sLo);
  const factors = root.map((x) => new Float64Array(x.length));
  // Left of the grid: Z(t) ≈ Z(0) = ΣI, summed over the nodes u0 − jh, j ≥ 1, in closed form.
  let integral = (sumI * h * Math.exp(u0 - h)) / (1 - Math.exp(-h));
  for (let j = 0; u0 + j * h <= u1 + h; j++) {
    const t = Math.exp(u0 + j * h);
    for (let i = 0; i < pairs; i++) {
      const a = abs[i];
      const x = root[i];
      const f = factors[i];
      for (let q = 0; q < a.length; q++) f[q] = x[q] * Math.exp(-t * a[q]);
    }
    integral += h * t * chainSum(factors);
  }
  return { sumI, sumQ: m * integral, evenCount, evenIntensity };
}

/** Monte Carlo ΣI and ΣQ of one pattern from `samples` uniform node sets, with their variances. */
function sampledPatternSums(
  p: Pattern,
  kernels: readonly Float64Array[],
  samples: number,
  rng: Rng,
): {
  sumI: number;
  sumQ: number;
  varI: number;
  varQ: number;
  evenCount: number;
  evenIntensity: number;
  varEvenCount: number;
  varEvenIntensity: number;
} {
  const { parts, sizes } = p;
  const r = parts.length;
  const perms = sizes.map((n) => Int32Array.from({ length: n }, (_, u) => u));
  let meanI = 0;
  let meanQ = 0;
  let m2I = 0;
  let m2Q = 0;
  let meanE = 0;
  let meanEI = 0;
  let m2E = 0;
  let m2EI = 0;
  for (let s = 1; s <= samples; s++) {
    // A uniform c-subset per layer: a partial Fisher–Yates on a permutation kept between draws.
    for (let i = 0; i < r; i++) {
      const perm = perms[i];
      const n = sizes[i];
      for (let q = 0; q < parts[i]; q++) {
        const j = q + rng.int(n - q);
        const t = perm[q];
        perm[q] = perm[j];
        perm[j] = t;
      }
    }
    let logSum = 0;
    let absSum = 0;
    let negatives = 0;
    for (let i = 0; i + 1 < r; i++) {
      const k = kernels[i];
      const n1 = sizes[i + 1];
      for (let a = 0; a < parts[i]; a++) {
        const row = perms[i][a] * n1;
        for (let b = 0; b < parts[i + 1]; b++) {
          const x = k[row + perms[i + 1][b]];
          if (x < 0) negatives++;
          const w = Math.abs(x);
          logSum += Math.log(w);
          absSum += w;
        }
      }
    }
    const intensity = Math.exp(logSum / p.edges);
    const coherence = absSum > 0 ? intensity / (absSum / p.edges) : 0;
    // Welford's running mean and sum of squares.
    const dI = intensity - meanI;
    meanI += dI / s;
    m2I += dI * (intensity - meanI);
    const dQ = coherence - meanQ;
    meanQ += dQ / s;
    m2Q += dQ * (coherence - meanQ);
    const even = (negatives & 1) === 0 ? 1 : 0;
    const dE = even - meanE;
    meanE += dE / s;
    m2E += dE * (even - meanE);
    const evenI = even * intensity;
    const dEI = evenI - meanEI;
    meanEI += dEI / s;
    m2EI += dEI * (evenI - meanEI);
  }
  const c = p.count;
  const varOfMean = (m2: number): number => (samples > 1 ? m2 / (samples - 1) / samples : 0);
  return {
    sumI: c * meanI,
    sumQ: c * meanQ,
    varI: c * c * varOfMean(m2I),
    varQ: c * c * varOfMean(m2Q),
    evenCount: c * meanE,
    evenIntensity: c * meanEI,
    varEvenCount: c * c * varOfMean(m2E),
    varEvenIntensity: c * c * varOfMean(m2EI),
  };
}

/** Every layer pattern of size k that fits the layer sizes, in a fixed order. */
function layerPatterns(layerSizes: readonly number[], k: number): Pattern[] {
  const out: Pattern[] = [];
  const keys = new Map<string, string>();
  for (const parts of compositions(k)) {
    const id = parts.join(",");
    const key = keys.get(id) ?? patternKey(parts);
    keys.set(id, key);
    for (let a = 0; a + parts.length <= layerSizes.length; a++) {
      const sizes = layerSizes.slice(a, a + parts.length);
      if (parts.some((c, i) => c > sizes[i])) continue;
      let count = 1;
      let edges = 0;
      parts.forEach((c, i) => {
        count *= binomial(sizes[i], c);
        if (i + 1 < parts.length) edges += c * parts[i + 1];
      });
      out.push({ parts, start: a, sizes, count, edges, key });
    }
  }
  return out;
}

/**
 * The weighted census (count, ΣI, mean Q per topology) of a complete layered weighted graph, by
 * layer patterns (file comment): exact where a pattern's chain sums fit `maxExactWork`, sampled
 * with standard errors where not.
 */
export function layeredWeightedMotifs(
  source: WeightedLayers | DenseKernels | Digraph,
  options: LayeredWeightedOptions,
): WeightedMotifs {
  const k = options.size;
  checkWeightedSize(k, "layeredWeightedMotifs");
  const maxExactWork = options.maxExactWork ?? LAYERED_WEIGHTED_DEFAULTS.maxExactWork;
  const samples = options.samples ?? LAYERED_WEIGHTED_DEFAULTS.samples;
  const seed = options.seed ?? LAYERED_WEIGHTED_DEFAULTS.seed;
  if (!Number.isInteger(samples) || samples < 2) {
    throw new NnmotifsError(
      `layeredWeightedMotifs: invalid \`samples\` ${samples}. Should be an integer ≥ 2.`,
    );
  }
  const { layerSizes, kernels } = weightedLayers(source);
  const abs = kernels.map((w) => w.map(Math.abs));
  const sign = kernels.map((w) => w.map((x) => (x < 0 ? -1 : 1)));
  const sums = new Map<string, TopologySums>();
  const patterns = layerPatterns(layerSizes, k);
  // Sizes of the grid of the quadrature, for the work estimate: ≈ (ln(T/δ) + ln(S_hi/S_lo)) / h.
  const nodesEstimate = Math.ceil(
    (Math.log(QUADRATURE_T / QUADRATURE_DELTA) + 10) / QUADRATURE_STEP,
  );
  patterns.forEach((p, index) => {
    let s = sums.get(p.key);
    if (s === undefined) sums.set(p.key, (s = emptySums()));
    s.count += p.count;
    const w0 = chainWork(p, 0);
    const w1 = chainWork(p, 1);
    const parity = w1 < w0 ? 1 : 0;
    const work = Math.min(w0, w1);
    const layerAbs = abs.slice(p.start, p.start + p.parts.length - 1);
    const layerSign = sign.slice(p.start, p.start + p.parts.length - 1);
    if (work * nodesEstimate <= maxExactWork) {
      const exact = exactPatternSums(p, layerAbs, layerSign, parity, true);
      s.sumIntensity += exact.sumI;
      s.sumCoherence += exact.sumQ;
      s.evenCount += exact.evenCount;
      s.evenIntensity += exact.evenIntensity;
      return;
    }
    const sampled = sampledPatternSums(
      p,
      kernels.slice(p.start, p.start + p.parts.length - 1),
      samples,
      new Rng(seed, index),
    );
    s.exact = false;
    if (work <= maxExactWork) {
      // One chain sum is affordable (so are the two signed ones of the same cost): intensity and
      // its sign parts exact, only coherence sampled.
      const exact = exactPatternSums(p, layerAbs, layerSign, parity, false);
      s.sumIntensity += exact.sumI;
      s.evenCount += exact.evenCount;
      s.evenIntensity += exact.evenIntensity;
    } else {
      s.sumIntensity += sampled.sumI;
      s.varIntensity += sampled.varI;
      s.evenCount += sampled.evenCount;
      s.evenIntensity += sampled.evenIntensity;
      s.varEvenCount += sampled.varEvenCount;
      s.varEvenIntensity += sampled.varEvenIntensity;
    }
    s.sumCoherence += sampled.sumQ;
    s.varCoherence += sampled.varQ;
  });
  return weightedMotifsResult(k, sums, "layered");
}

// ---------------------------------------------------------------------------------------------
// The profile against the weight-shuffle null.

/** A statistic of the original against its values in the null replicates. */
export interface NullComparison {
  /** Mean and sample sd (n−1) over the replicates. */
  readonly mean: number;
  readonly sd: number;
  /** (x − mean)/sd; null when sd = 0 or fewer than two replicates. */
  readonly z: number | null;
  /** Permutation p-values (b + 1)/(N + 1), b = replicates ≥ (resp. ≤) the original; never 0. */
  readonly pOver: number;
  readonly pUnder: number;
}

export interface WeightedProfileTopology extends WeightedTopology {
  /**
   * evenIntensity / totalIntensity: the share of the topology's intensity carried by subgraphs
   * with sign product +1 (NaN when ΣI = 0). The sign's statistic against the null.
   */
  readonly evenShare: number;
  readonly z: {
    readonly intensity: number | null;
    readonly coherence: number | null;
    readonly evenShare: number | null;
  };
  readonly p: {
    readonly intensity: { readonly over: number; readonly under: number };
    readonly coherence: { readonly over: number; readonly under: number };
    readonly evenShare: { readonly over: number; readonly under: number };
  };
  readonly null: {
    readonly intensity: NullComparison;
    readonly coherence: NullComparison;
    readonly evenShare: NullComparison;
  };
}

/** The share of ΣI in subgraphs of sign product +1 (NaN when ΣI = 0). */
function evenShareOf(t: WeightedTopology): number {
  return t.totalIntensity > 0 ? t.evenIntensity / t.totalIntensity : NaN;
}

export interface WeightedProfile {
  readonly size: number;
  /** Number of weight-shuffle replicates N. */
  readonly networks: number;
  readonly seed: number;
  readonly method: WeightedMotifs["method"];
  /** True when the original and every replicate were computed exactly. */
  readonly exact: boolean;
  readonly topologies: readonly WeightedProfileTopology[];
}

export interface WeightedProfileOptions {
  readonly size: number;
  /** Number of weight-shuffle replicates (default 100). */
  readonly networks?: number;
  readonly seed?: number;
  readonly maxExactWork?: number;
  readonly samples?: number;
}

export const WEIGHTED_PROFILE_DEFAULTS = { networks: 100, seed: 1 } as const;

function compare(x: number, values: Float64Array): NullComparison {
  const n = values.length;
  let sum = 0;
  let ge = 0;
  let le = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    sum += v;
    if (v >= x) ge++;
    if (v <= x) le++;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const mean = n > 0 ? (min === max ? min : sum / n) : NaN;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i] - mean) ** 2;
  const sd = n >= 2 && min !== max ? Math.sqrt(squares / (n - 1)) : 0;
  return {
    mean,
    sd,
    z: sd > 0 ? (x - mean) / sd : null,
    pOver: (ge + 1) / (n + 1),
    pUnder: (le + 1) / (n + 1),
  };
}

/** Is this a Digraph (rather than kernels)? */
function isDigraph(source: WeightedLayers | DenseKernels | Digraph): source is Digraph {
  return "edgeSrc" in source;
}

/**
 * The weighted motif profile of a network (or a weighted layered graph) against the weight-shuffle
 * null (SPEC §6.3, §10.1): per topology the count, ΣI and mean Q of the original, and their Z and
 * permutation p over `networks` replicates whose weights are permuted within each layer
 * (replicate i: `shuffleLayerWeights(·, new Rng(seed, i))`). A complete layered graph (a network's
 * full graph) takes the layered route; any other weighted digraph is enumerated, its weights
 * shuffled within each group of edges leaving one layer (all edges one group without nodeLayer).
 * The count of a topology is the same in every replicate (the null keeps the graph), so only
 * intensity and coherence are tested.
 */
export function weightedMotifProfile(
  source: WeightedLayers | DenseKernels | Digraph,
  options: WeightedProfileOptions,
): WeightedProfile {
  const size = options.size;
  const networks = options.networks ?? WEIGHTED_PROFILE_DEFAULTS.networks;
  const seed = options.seed ?? WEIGHTED_PROFILE_DEFAULTS.seed;
  if (!Number.isInteger(networks) || networks < 1) {
    throw new NnmotifsError(
      `weightedMotifProfile: invalid \`networks\` ${networks}. Should be an integer ≥ 1.`,
    );
  }
  const layered = !isDigraph(source) ? weightedLayers(source) : completeLayers(source);
  let census: (weights: readonly Float64Array[], replicate: number) => WeightedMotifs;
  let original: Float64Array[];
  if (layered !== null) {
    original = layered.kernels.map((w) => Float64Array.from(w));
    census = (kernels, replicate) =>
      layeredWeightedMotifs(
        { layerSizes: layered.layerSizes, kernels },
        {
          size,
          maxExactWork: options.maxExactWork,
          samples: options.samples,
          // The sampling has its own stream, apart from the shuffle's Rng(seed, i).
          seed: deriveSeed(seed, replicate, 0x5eed),
        },
      );
  } else {
    const g = source as Digraph;
    const { groups, groupOf } = edgeGroups(g);
    original = groups;
    census = (weights) => weightedMotifs(withGroupWeights(g, groupOf, weights), { size });
  }
  const base = census(original, 0xffffffff);
  const replicates: WeightedMotifs[] = [];
  for (let i = 0; i < networks; i++) {
    replicates.push(census(shuffleLayerWeights(original, new Rng(seed, i)), i));
  }
  const topologies = base.topologies.map((t): WeightedProfileTopology => {
    const intensity = new Float64Array(networks);
    const coherence = new Float64Array(networks);
    const evenShare = new Float64Array(networks);
    replicates.forEach((r, i) => {
      const same = r.topologies.find((u) => u.key === t.key);
      intensity[i] = same?.totalIntensity ?? 0;
      coherence[i] = same?.meanCoherence ?? NaN;
      evenShare[i] = same === undefined ? NaN : evenShareOf(same);
    });
    const ci = compare(t.totalIntensity, intensity);
    const cq = compare(t.meanCoherence, coherence);
    const share = evenShareOf(t);
    const ce = compare(share, evenShare);
    return {
      ...t,
      evenShare: share,
      z: { intensity: ci.z, coherence: cq.z, evenShare: ce.z },
      p: {
        intensity: { over: ci.pOver, under: ci.pUnder },
        coherence: { over: cq.pOver, under: cq.pUnder },
        evenShare: { over: ce.pOver, under: ce.pUnder },
      },
      null: { intensity: ci, coherence: cq, evenShare: ce },
    };
  });
  return {
    size,
    networks,
    seed,
    method: base.method,
    exact: base.exact && replicates.every((r) => r.exact),
    topologies,
  };
}

/** The weights of g grouped by the layer of the edge's source (one group without layers). */
function edgeGroups(g: Digraph): { groups: Float64Array[]; groupOf: Int32Array } {
  const weights = g.edgeWeight;
  if (weights === undefined) {
    throw new NnmotifsError(
      "weightedMotifProfile: the graph has no edge weights. Should carry `edgeWeight`.",
    );
  }
  const m = g.edgeSrc.length;
  const groupOf = new Int32Array(m);
  let groupCount = 1;
  if (g.nodeLayer !== undefined) {
    for (let e = 0; e < m; e++) {
      groupOf[e] = Math.max(0, g.nodeLayer[g.edgeSrc[e]]);
      groupCount = Math.max(groupCount, groupOf[e] + 1);
    }
  }
  const sizes = new Int32Array(groupCount);
  for (let e = 0; e < m; e++) sizes[groupOf[e]]++;
  const groups = Array.from(sizes, (n) => new Float64Array(n));
  const fill = new Int32Array(groupCount);
  for (let e = 0; e < m; e++) groups[groupOf[e]][fill[groupOf[e]]++] = weights[e];
  return { groups, groupOf };
}

/** g with its edge weights taken from `groups` in edge order, and sign colours to match. */
function withGroupWeights(
  g: Digraph,
  groupOf: Int32Array,
  groups: readonly Float64Array[],
): Digraph {
  const m = g.edgeSrc.length;
  const edgeWeight = new Float64Array(m);
  const edgeColour = new Uint8Array(m);
  const fill = new Int32Array(groups.length);
  for (let e = 0; e < m; e++) {
    const w = groups[groupOf[e]][fill[groupOf[e]]++];
    edgeWeight[e] = w;
    edgeColour[e] = w < 0 ? 1 : 2;
  }
  return { ...g, edgeWeight, edgeColour };
}

/**
 * The full weighted digraph of a network (SPEC §10.1): every kernel weight an edge (SPEC §4.1
 * order), its sign as the colour (1 negative, 2 positive), nodeLayer set.
 */
export function weightedLayeredDigraph(source: WeightedLayers | DenseKernels): Digraph {
  const { layerSizes, kernels } = weightedLayers(source);
  const nodeCount = layerSizes.reduce((a, b) => a + b, 0);
  const m = kernels.reduce((a, w) => a + w.length, 0);
  const edgeSrc = new Int32Array(m);
  const edgeTrg = new Int32Array(m);
  const edgeColour = new Uint8Array(m);
  const edgeWeight = new Float64Array(m);
  const nodeLayer = new Int32Array(nodeCount);
  let offset = 0;
  let e = 0;
  kernels.forEach((w, l) => {
    const nIn = layerSizes[l];
    const nOut = layerSizes[l + 1];
    nodeLayer.fill(l + 1, offset + nIn, offset + nIn + nOut);
    for (let i = 0; i < nIn; i++) {
      for (let j = 0; j < nOut; j++, e++) {
        edgeSrc[e] = offset + i;
        edgeTrg[e] = offset + nIn + j;
        edgeWeight[e] = w[i * nOut + j];
        edgeColour[e] = w[i * nOut + j] < 0 ? 1 : 2;
      }
    }
    offset += nIn;
  });
  return { nodeCount, edgeSrc, edgeTrg, edgeColour, nodeLayer, edgeWeight };
}
