/**
 * The census's view of a Digraph: integers in typed arrays, built once before the enumeration
 * (graphology-style compressed adjacency), and the layout of the raw subgraph codes.
 *
 * Raw code. ESU adds the vertices of a subgraph one at a time; vertex p (position p in the order
 * of addition) contributes one "group" of digits: its vertex colour digit (base V) and, for each
 * earlier position j < p, the id of its pair code with that vertex (base B, the number of pair
 * codes the graph has, 0 included; b = largest edge colour + 1):
 *
 *   pair(w, x) = colour(w→x) + b · colour(x→w)       (0 = no edge)
 *   id(pair)   = its rank among the distinct pair codes of the graph (0 for 0)
 *   group_p    = vdigit(v_p) + V · Σ_{j<p} id(pair(v_p, v_j)) · B^j,     0 ≤ group_p < G_p = V·B^p
 *
 * Ids, not the codes themselves: a graph with c edge colours and no mutual pairs has 1 + 2c pair
 * codes (7 for 3 colours) among the b² = 16 a code could take, so a k = 4 code space has 7^6
 * = 117 649 values instead of 16^6 = 16.8 M (small enough to count directly), a k = 5 leaf group
 * 7^4 = 2401 instead of 65 536, and a k = 6 code fits one limb (7^15 < 2^53; 16^15 does not).
 * Switching keeps every edge's colour and every mutual pair's two colours, so a graph's random
 * networks have its pair codes and share its caches (count-subgraphs.ts keys them by the codes).
 *
 * Groups are packed, in order, into "limbs": integers below 2^53 held in doubles (mixed radix,
 * each group's multiplier is the product of the sizes of the earlier groups of its limb). The
 * code is injective for a labelled subgraph; canonicalisation happens later, once per distinct
 * code. k = 5 with 3 colours needs 40 bits: one limb.
 */
import { NnmotifsError } from "../core/errors.js";
import type { Digraph } from "../graph/digraph.js";

/** Dense pair matrix up to this many nodes (n² bytes); above it, binary search in the CSR. */
export const DENSE_PAIR_LIMIT = 4096;

export interface CensusGraph {
  readonly n: number;
  /** CSR of the undirected neighbourhood: neighbours of u are adj[start[u] .. start[u+1]), sorted. */
  readonly start: Int32Array;
  readonly adj: Int32Array;
  /** Parallel to adj: for the list of u, adjPair[i] = id(pair(adj[i], u)). */
  readonly adjPair: Uint8Array;
  /** n×n pair code ids, dense[x*n + w] = id(pair(w, x)), or null for large graphs. */
  readonly dense: Uint8Array | null;
  /** Edge colour base b (largest colour + 1; 2 without colours). */
  readonly base: number;
  /** The graph's pair codes in increasing order, 0 first: the code of each id. */
  readonly pairCodes: Uint8Array;
  /** Vertex colour digit per node, or null. */
  readonly vdigit: Int32Array | null;
  /** Vertex colour base V (1 without vertex colours) and digit → colour value. */
  readonly vbase: number;
  readonly vvalues: number[];
}

export function buildCensusGraph(
  g: Digraph,
  colours: boolean,
  vertexColours: Int32Array | null,
): CensusGraph {
  const n = g.nodeCount;
  const m = g.edgeSrc.length;
  let maxColour = 1;
  if (colours) for (let e = 0; e < m; e++) maxColour = Math.max(maxColour, g.edgeColour[e]);
  const b = maxColour + 1;

  // Undirected degree (each unordered pair once): count both directions, dedupe after sorting.
  const deg = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    const s = g.edgeSrc[e];
    const t = g.edgeTrg[e];
    if (s === t) continue; // self-loops never join two vertices of a subgraph
    deg[s]++;
    deg[t]++;
  }
  const start0 = new Int32Array(n + 1);
  for (let u = 0; u < n; u++) start0[u + 1] = start0[u] + deg[u];
  const fill = start0.slice(0, n);
  const nb = new Int32Array(start0[n]);
  const outC = new Uint8Array(start0[n]); // colour owner→nb
  const inC = new Uint8Array(start0[n]); // colour nb→owner
  for (let e = 0; e < m; e++) {
    const s = g.edgeSrc[e];
    const t = g.edgeTrg[e];
    if (s === t) continue;
    const c = colours ? g.edgeColour[e] : 1;
    let i = fill[s]++;
    nb[i] = t;
    outC[i] = c;
    i = fill[t]++;
    nb[i] = s;
    inC[i] = c;
  }
  // Sort each list (insertion sort by neighbour: lists are short, and a typed-array sort per node
  // would allocate), merging the two directions of a mutual pair into one entry.
  const order = new Int32Array(start0[n]);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const start = new Int32Array(n + 1);
  const adj = new Int32Array(start0[n]);
  const adjPair = new Uint8Array(start0[n]);
  let out = 0;
  for (let u = 0; u < n; u++) {
    const lo = start0[u];
    const hi = start0[u + 1];
    for (let i = lo + 1; i < hi; i++) {
      const x = order[i];
      const key = nb[x];
      let j = i - 1;
      // Ties keep edge order, so a duplicate edge keeps its last colour as before.
      while (j >= lo && nb[order[j]] > key) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = x;
    }
    let last = -1;
    for (let t = lo; t < hi; t++) {
      const i = order[t];
      const x = nb[i];
      if (x !== last) {
        adj[out] = x;
        adjPair[out] = 0;
        out++;
        last = x;
      }
      // pair(x, u) = colour(x→u) + b·colour(u→x); a duplicate edge keeps its last colour.
      let code = adjPair[out - 1];
      if (inC[i]) code = b * Math.floor(code / b) + inC[i];
      if (outC[i]) code = (code % b) + b * outC[i];
      adjPair[out - 1] = code;
    }
    start[u + 1] = out;
  }
  // The pair codes present, ranked (b ≤ MAX_COLOUR + 1 = 8: a code is below 64).
  const present = new Uint8Array(256);
  present[0] = 1;
  for (let i = 0; i < out; i++) present[adjPair[i]] = 1;
  const pairCodes = Uint8Array.from(present.keys()).filter((code) => present[code] === 1);
  const idOf = pairIds(pairCodes);
  for (let i = 0; i < out; i++) adjPair[i] = idOf[adjPair[i]];
  if (out < adj.length) {
    // Mutual pairs were merged: trim (views would keep the larger buffers alive).
    return finishCensusGraph(
      n,
      start,
      adj.slice(0, out),
      adjPair.slice(0, out),
      b,
      pairCodes,
      vertexColours,
    );
  }
  return finishCensusGraph(n, start, adj, adjPair, b, pairCodes, vertexColours);
}

/** The dense pair matrix and vertex colour digits of a census graph. */
function finishCensusGraph(
  n: number,
  start: Int32Array,
  adj: Int32Array,
  adjPair: Uint8Array,
  b: number,
  pairCodes: Uint8Array,
  vertexColours: Int32Array | null,
): CensusGraph {
  let dense: Uint8Array | null = null;
  if (n <= DENSE_PAIR_LIMIT) {
    dense = new Uint8Array(n * n);
    for (let u = 0; u < n; u++) {
      for (let i = start[u]; i < start[u + 1]; i++) dense[u * n + adj[i]] = adjPair[i];
    }
  }

  let vdigit: Int32Array | null = null;
  let vbase = 1;
  let vvalues: number[] = [0];
  if (vertexColours) {
    if (vertexColours.length !== n) {
      throw new NnmotifsError(
        `countSubgraphs: ${vertexColours.length} vertex colours for ${n} nodes. Should be one per node.`,
      );
    }
    let lo = Infinity;
    let hi = -Infinity;
    for (let u = 0; u < n; u++) {
      lo = Math.min(lo, vertexColours[u]);
      hi = Math.max(hi, vertexColours[u]);
    }
    vdigit = new Int32Array(n);
    if (n > 0 && lo >= 0 && hi < 64) {
      // Small non-negative colours (layers): the digit is the colour, so caches can be shared.
      vbase = hi + 1;
      vvalues = Array.from({ length: vbase }, (_, i) => i);
      vdigit.set(vertexColours);
    } else {
      vvalues = [...new Set(vertexColours)].sort((x, y) => x - y);
      const digitOf = new Map(vvalues.map((v, i) => [v, i]));
      for (let u = 0; u < n; u++) vdigit[u] = digitOf.get(vertexColours[u])!;
      vbase = Math.max(1, vvalues.length);
    }
  }
  return { n, start, adj, adjPair, dense, base: b, pairCodes, vdigit, vbase, vvalues };
}

/** How raw codes of k-subgraphs are laid out in limbs (see the file comment). */
export interface CodeLayout {
  readonly k: number;
  /** Edge colour base b, and the pair codes (pairCodes[id]) whose ids the code holds. */
  readonly base: number;
  readonly pairCodes: Uint8Array;
  /** The id of each pair code of `pairCodes` (indexed by code; others 0, never looked up). */
  readonly pairIdOf: Uint8Array;
  readonly vbase: number;
  /** Number of limbs W. */
  readonly limbs: number;
  /** Limb of group p. */
  readonly limbOf: Int32Array;
  /** Multiplier of group p's vertex digit inside its limb. */
  readonly vmul: Float64Array;
  /** Multiplier of pair (p, j) inside group p's limb, at [p*k + j]. */
  readonly pmul: Float64Array;
  /** Size of group p (to decode). */
  readonly groupSize: Float64Array;
}

const LIMB_LIMIT = 2 ** 53;

/** The pair code ids of `pairCodes`, indexed by code. */
function pairIds(pairCodes: Uint8Array): Uint8Array {
  const idOf = new Uint8Array(256);
  for (let id = 0; id < pairCodes.length; id++) idOf[pairCodes[id]] = id;
  return idOf;
}

/**
 * The layout of k-subgraph codes whose pairs are the ids of `pairCodes` (the census graph's; all
 * b² codes when omitted) and whose vertices have `vbase` colour digits.
 */
export function codeLayout(
  k: number,
  base: number,
  vbase: number,
  pairCodes: Uint8Array = Uint8Array.from({ length: base * base }, (_, code) => code),
): CodeLayout {
  const B = pairCodes.length;
  const limbOf = new Int32Array(k);
  const vmul = new Float64Array(k);
  const pmul = new Float64Array(k * k);
  const groupSize = new Float64Array(k);
  let limb = 0;
  let mul = 1;
  for (let p = 0; p < k; p++) {
    const G = vbase * B ** p;
    if (G > LIMB_LIMIT) {
      throw new NnmotifsError(
        `countSubgraphs: size ${k} with ${B} kinds of node pair (${base - 1} edge colours, each way) and ${vbase} vertex colours is too large to encode.`,
      );
    }
    groupSize[p] = G;
    if (mul * G > LIMB_LIMIT) {
      limb++;
      mul = 1;
    }
    limbOf[p] = limb;
    vmul[p] = mul;
    for (let j = 0; j < p; j++) pmul[p * k + j] = mul * vbase * B ** j;
    mul *= G;
  }
  const pairIdOf = pairIds(pairCodes);
  return { k, base, pairCodes, pairIdOf, vbase, limbs: limb + 1, limbOf, vmul, pmul, groupSize };
}

/**
 * Decode one raw code (its limbs) into a row-major k×k matrix and vertex colour digits.
 * Exact: for integers r < 2^53 and G ≥ 1, Math.floor(r / G) is the true quotient (a rounding
 * error would need r/G within r·2^-53 of an integer, but it is at least 1/G away), and it avoids
 * the slow floating-point `%`.
 */
export function decodeRawCode(
  layout: CodeLayout,
  limbs: ArrayLike<number>,
  at: number,
  matrix: Uint8Array,
  vdigits: Int32Array,
): void {
  const { k, base, vbase, limbOf, groupSize, pairCodes } = layout;
  const B = pairCodes.length;
  let limb = -1;
  let r = 0;
  for (let p = 0; p < k; p++) {
    if (limbOf[p] !== limb) {
      limb = limbOf[p];
      r = limbs[at + limb];
    }
    const G = groupSize[p];
    const q = Math.floor(r / G);
    let g = r - q * G;
    r = q;
    const gq = Math.floor(g / vbase);
    vdigits[p] = g - gq * vbase;
    g = gq;
    matrix[p * k + p] = 0;
    for (let j = 0; j < p; j++) {
      const pq = Math.floor(g / B);
      const pc = pairCodes[g - pq * B];
      g = pq;
      const into = Math.floor(pc / base);
      matrix[p * k + j] = pc - into * base; // colour(v_p → v_j)
      matrix[j * k + p] = into; // colour(v_j → v_p)
    }
  }
}
