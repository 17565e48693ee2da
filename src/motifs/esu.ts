/**
 * ESU, the enumeration of every connected induced k-node subgraph exactly once
 * (S. Wernicke, "Efficient detection of network motifs", IEEE/ACM TCBB 3(4), 2006, Fig. 2;
 * RAND-ESU is its §3 sampling variant).
 *
 *   EnumerateSubgraphs(G, k): for each vertex v: ExtendSubgraph({v}, {u ∈ N(v) : u > v}, v)
 *   ExtendSubgraph(vSubgraph, vExtension, v):
 *     if |vSubgraph| = k: output vSubgraph; return
 *     while vExtension ≠ ∅:
 *       remove an arbitrary w from vExtension
 *       vExtension' ← vExtension ∪ {u ∈ N_excl(w, vSubgraph) : u > v}
 *       ExtendSubgraph(vSubgraph ∪ {w}, vExtension', v)
 *
 * N_excl(w, vSubgraph) is the neighbours of w that are neither in vSubgraph nor adjacent to it.
 * Here the recursion is an explicit stack and vExtension lives in one array `ext` without copies:
 * at depth d its elements are ext[cur[d] .. end[d]); taking w = ext[cur[d]++] leaves the rest
 * contiguous, and the exclusive neighbours of w are appended after end[d], so depth d+1's
 * extension is ext[cur[d] .. end[d+1]). `blocked[u]` marks vSubgraph ∪ N(vSubgraph) (restricted
 * to u > v); the marks set at a depth are exactly the elements it appended, cleared on return.
 */
import type { Rng } from "../core/random.js";
import { hashCode, type CodeMap, type IntMap, EMPTY } from "./code-table.js";
import { buildCensusGraph, type CensusGraph, type CodeLayout } from "./census-graph.js";
import type { PrefixCache } from "./prefix-cache.js";
import type { Digraph } from "../graph/digraph.js";

/** Preallocated per-graph work space of the enumeration (no allocation per subgraph). */
interface EsuState {
  sub: Int32Array;
  ext: Int32Array;
  cur: Int32Array;
  end: Int32Array;
  blocked: Uint8Array;
}

function esuState(n: number, k: number): EsuState {
  return {
    sub: new Int32Array(k),
    ext: new Int32Array(Math.max(1, n)),
    cur: new Int32Array(k + 1),
    end: new Int32Array(k + 1),
    blocked: new Uint8Array(n),
  };
}

/**
 * Visit every connected induced k-subgraph of `cg` once (ESU). `visit` receives the vertices in
 * the order ESU added them (a shared array: copy it to keep it); returning `false` stops.
 * The simple door to the enumeration, for tests and small jobs; counting uses `esuCount`.
 */
export function esuVisit(
  cg: Pick<CensusGraph, "n" | "start" | "adj">,
  k: number,
  visit: (vertices: Int32Array) => boolean | void,
): void {
  const { n, start, adj } = cg;
  const { sub, ext, cur, end, blocked } = esuState(n, k);
  for (let v = 0; v < n; v++) {
    sub[0] = v;
    if (k === 1) {
      if (visit(sub) === false) return;
      continue;
    }
    blocked[v] = 1;
    let e = 0;
    for (let i = start[v]; i < start[v + 1]; i++) {
      const u = adj[i];
      if (u > v) {
        blocked[u] = 1;
        ext[e++] = u;
      }
    }
    end[0] = 0;
    cur[1] = 0;
    end[1] = e;
    let d = 1;
    while (d > 0) {
      if (cur[d] < end[d]) {
        const w = ext[cur[d]++];
        sub[d] = w;
        if (d === k - 1) {
          if (visit(sub) === false) {
            for (let i = 0; i < end[d]; i++) blocked[ext[i]] = 0;
            blocked[v] = 0;
            return;
          }
          continue;
        }
        let ne = end[d];
        for (let i = start[w]; i < start[w + 1]; i++) {
          const u = adj[i];
          if (u > v && blocked[u] === 0) {
            blocked[u] = 1;
            ext[ne++] = u;
          }
        }
        cur[d + 1] = cur[d];
        end[d + 1] = ne;
        d++;
      } else {
        for (let i = end[d - 1]; i < end[d]; i++) blocked[ext[i]] = 0;
        d--;
      }
    }
    blocked[v] = 0;
  }
}

/** The optional parts of a counting run (see `esuCount`). */
export interface EsuCountOptions {
  /** RAND-ESU: keep a child at depth d with probability probabilities[d] (needs `rng`). */
  readonly probabilities?: Float64Array | null;
  readonly rng?: Rng | null;
  /** Canonical order of the prefixes (one-limb codes, k ≥ 3). */
  readonly prefixes?: PrefixCache | null;
  /** Compact counting table for leaves below canonical prefix ids < COMPACT_PREFIXES. */
  readonly compact?: IntMap | null;
  /** Parts of the ESU tree to enumerate: triples (root, first child, end child); null = all. */
  readonly units?: Int32Array | null;
  /** Checked once per root: an aborted signal stops the census with its reason. */
  readonly signal?: AbortSignal;
}

/** Pre-aggregate the leaves of one ESU node when the last group has at most this many values. */
export const LEAF_GROUP_LIMIT = 1 << 16;
/** Canonical prefix ids below this go to the compact table, keyed by (id << 16 | group value). */
export const COMPACT_PREFIXES = 1 << 15;

/**
 * The counting kernel: enumerate (or, with `probabilities` and `rng`, sample as RAND-ESU) the
 * k-subgraphs of `cg` and add 1 per subgraph to its raw code in `table`. Returns the number of
 * subgraphs reached. The raw code is built incrementally: adding w at position d adds its vertex
 * digit and its pair codes with positions 0..d-1 (census-graph.ts).
 *
 * The last level is special-cased. Once k−1 vertices are chosen (the prefix, ending with w),
 * its children are leaves: (a) the siblings still in vExtension, whose last group needs a
 * lookup against every prefix vertex, and (b) the exclusive neighbours of w, which by ESU's
 * construction touch no other prefix vertex, so their last group is just the pair code already
 * stored beside them in w's adjacency list. Leaves are not pushed as ESU nodes. Their group
 * values are tallied in a direct-indexed array when that is small (k ≤ 5 with ≤ 3 colours, for
 * instance) and reach the hash table once per distinct value. With a PrefixCache the prefix is
 * first listed in its canonical order (prefix-cache.ts).
 *
 * RAND-ESU: the root is kept with probability p[0] and the vertex at position d with p[d], so a
 * given k-subgraph is reached with probability Π p[d] (Wernicke 2006, §3).
 *
 * `units` restricts the enumeration to parts of the ESU tree (one census split across threads,
 * parallel-census.ts): triples (root v, first child a, end child b) take the children
 * ext[a .. b) of root v at depth 1 (ext: v's neighbours u > v in order); the later siblings
 * still join each child's extension, so the units of a partition of every root's children count
 * each subgraph exactly once. `signal` is checked once per root (or unit), as igraph does.
 */
export function esuCount(
  cg: CensusGraph,
  layout: CodeLayout,
  table: CodeMap,
  options: EsuCountOptions = {},
): number {
  const probabilities = options.probabilities ?? null;
  const rng = options.rng ?? null;
  const prefixes = options.prefixes ?? null;
  const compact = options.compact ?? null;
  const units = options.units ?? null;
  const signal = options.signal;
  const { n, start, adj, adjPair, vdigit } = cg;
  const { k, limbs: W, limbOf, vmul, pmul, groupSize } = layout;
  // Pair codes by rows: the dense n×n matrix (row of vertex u at u·n: pair(x, u) at u·n + x),
  // or, for large graphs, one row per subgraph position p (at p·n), filled from the CSR while
  // the vertex at p is in the subgraph — amortised over its subtree, and leaves then read one
  // byte per prefix vertex instead of a binary search.
  const byPosition = cg.dense === null;
  const rows = cg.dense ?? new Uint8Array(k * n);
  const setRow = (p: number, u: number, on: boolean): void => {
    const at = p * n;
    for (let i = start[u], e = start[u + 1]; i < e; i++) rows[at + adj[i]] = on ? adjPair[i] : 0;
  };
  const { sub, ext, cur, end, blocked } = esuState(n, k);
  const code = new Float64Array((k + 1) * W); // code[d*W + l]: limbs of the first d vertices
  const leafLimbs = new Float64Array(W);
  const leafSub = new Int32Array(k); // the prefix, in the order its leaves are coded
  const leafBase = new Int32Array(k); // row of leafSub[j] in `rows`, for the leaves' lookups
  const sampling = probabilities !== null && rng !== null;
  const last = k - 1;
  const pLast = sampling ? probabilities[last] : 1;
  const leafLimb = limbOf[last];
  const leafVmul = vmul[last];
  // Multipliers of the last group's digits (in the group value, before its limb multiplier).
  const leafMul = new Float64Array(k);
  for (let j = 0; j < last; j++) leafMul[j] = pmul[last * k + j] / leafVmul;
  const tally = groupSize[last] <= LEAF_GROUP_LIMIT ? new Int32Array(groupSize[last]) : null;
  const tallyMul = Int32Array.from(tally !== null ? leafMul : []); // exact integers < 2^16
  const tallied = new Int32Array(Math.max(1, n));
  const fast = tally !== null && vdigit === null && !sampling && (last === 3 || last === 4);
  let total = 0;

  // Add `weight` to the code whose last limb is c (the other limbs: those of the prefix).
  const insert = (c: number, weight: number, prefixAt: number): void => {
    if (W === 1) {
      // Inline linear probing on [key, count] pairs.
      const data = table.data;
      const mask = table.mask;
      let h = hashCode(c) & mask;
      let key = data[2 * h];
      while (key !== c && key !== EMPTY) {
        h = (h + 1) & mask;
        key = data[2 * h];
      }
      if (key === EMPTY) {
        data[2 * h] = c;
        data[2 * h + 1] = weight;
        table.used[table.size++] = h;
        if (table.size * 2 > table.capacity) table.grow();
      } else {
        data[2 * h + 1] += weight;
      }
    } else {
      for (let l = 0; l < W; l++) leafLimbs[l] = code[prefixAt + l];
      leafLimbs[leafLimb] = c;
      const h = table.slot(leafLimbs, 0, 0);
      table.data[h * table.stride + W] += weight;
    }
  };

  /**
   * Count the leaves below the prefix sub[0..last-1] (w = sub[last-1] was just added): the
   * siblings ext[from..to) and the exclusive neighbours of w.
   */
  const leaves = (w: number, from: number, to: number): void => {
    const prefixAt = last * W;
    let prefix = code[prefixAt + leafLimb];
    let jw = last - 1; // w's position in the prefix order
    let cid = COMPACT_PREFIXES;
    if (prefixes !== null) {
      const at = prefixes.indexOf(prefix);
      prefix = prefixes.canon[at];
      cid = prefixes.cid[at];
      const perm = prefixes.perm;
      for (let j = 0; j < last; j++) {
        const q = perm[at * last + j];
        leafSub[j] = sub[q];
        leafBase[j] = (byPosition ? q : sub[q]) * n;
        if (q === last - 1) jw = j;
      }
    } else {
      for (let j = 0; j < last; j++) {
        leafSub[j] = sub[j];
        leafBase[j] = (byPosition ? j : sub[j]) * n;
      }
    }
    const mw = leafMul[jw];
    let nt = 0;
    if (fast) {
      // The common cases (k = 4 or 5, small colour set, no sampling), kept tight.
      const tl = tally!;
      const b0 = leafBase[0];
      const b1 = leafBase[1];
      const b2 = leafBase[2];
      const m1 = tallyMul[1];
      const m2 = tallyMul[2];
      // Locals, not captured variables: the kernel is a closure made per call, and its hot loops
      // must not depend on V8 specialising it to one call's context.
      const d = rows;
      const xs = ext;
      const seen = tallied;
      if (last === 4) {
        const b3 = leafBase[3];
        const m3 = tallyMul[3];
        for (let i = from; i < to; i++) {
          const x = xs[i];
          const gv = d[b0 + x] + d[b1 + x] * m1 + d[b2 + x] * m2 + d[b3 + x] * m3;
          if (tl[gv]++ === 0) seen[nt++] = gv;
        }
      } else {
        for (let i = from; i < to; i++) {
          const x = xs[i];
          const gv = d[b0 + x] + d[b1 + x] * m1 + d[b2 + x] * m2;
          if (tl[gv]++ === 0) seen[nt++] = gv;
        }
      }
      const mwi = tallyMul[jw];
      const v = sub[0];
      const nbs = adj;
      const pairs = adjPair;
      const marked = blocked;
      let count = to - from;
      for (let i = start[w], e = start[w + 1]; i < e; i++) {
        const u = nbs[i];
        if (u > v && marked[u] === 0) {
          const gv = pairs[i] * mwi;
          if (tl[gv]++ === 0) seen[nt++] = gv;
          count++;
        }
      }
      total += count;
    } else {
      for (let i = from; i < to; i++) {
        const x = ext[i];
        if (sampling && rng.next() >= pLast) continue;
        let gv = vdigit !== null ? vdigit[x] : 0;
        for (let j = 0; j < last; j++) gv += rows[leafBase[j] + x] * leafMul[j];
        total++;
        if (tally !== null) {
          if (tally[gv]++ === 0) tallied[nt++] = gv;
        } else {
          insert(prefix + gv * leafVmul, 1, prefixAt);
        }
      }
      const v = sub[0];
      for (let i = start[w], e = start[w + 1]; i < e; i++) {
        const u = adj[i];
        if (u <= v || blocked[u] !== 0) continue;
        if (sampling && rng.next() >= pLast) continue;
        const gv = (vdigit !== null ? vdigit[u] : 0) + adjPair[i] * mw;
        total++;
        if (tally !== null) {
          if (tally[gv]++ === 0) tallied[nt++] = gv;
        } else {
          insert(prefix + gv * leafVmul, 1, prefixAt);
        }
      }
    }
    if (tally !== null) {
      if (compact !== null && cid < COMPACT_PREFIXES) {
        // Compact key: canonical prefix id and last group value (code-table.ts, IntMap).
        const base = cid << 16;
        for (let t = 0; t < nt; t++) {
          const gv = tallied[t];
          compact.add(base | gv, tally[gv]);
          tally[gv] = 0;
        }
      } else {
        for (let t = 0; t < nt; t++) {
          const gv = tallied[t];
          insert(prefix + gv * leafVmul, tally[gv], prefixAt);
          tally[gv] = 0;
        }
      }
    }
  };

  const unitCount = units === null ? n : units.length / 3;
  for (let t = 0; t < unitCount; t++) {
    signal?.throwIfAborted();
    const v = units === null ? t : units[3 * t];
    if (sampling && rng.next() >= probabilities[0]) continue;
    sub[0] = v;
    for (let l = 0; l < W; l++) code[W + l] = 0;
    if (vdigit !== null) code[W + limbOf[0]] = vdigit[v] * vmul[0];
    if (byPosition) setRow(0, v, true);
    if (last === 1) {
      // k = 2: the root is the prefix; its leaves are its neighbours u > v (whole roots only).
      if (units === null || units[3 * t + 1] === 0) leaves(v, 0, 0);
      if (byPosition) setRow(0, v, false);
      continue;
    }
    blocked[v] = 1;
    let e = 0;
    for (let i = start[v]; i < start[v + 1]; i++) {
      const u = adj[i];
      if (u > v) {
        blocked[u] = 1;
        ext[e++] = u;
      }
    }
    end[0] = 0;
    cur[1] = units === null ? 0 : units[3 * t + 1];
    end[1] = e;
    // Depth 1 stops at the unit's last child; its later siblings stay in the extension.
    const stop1 = units === null ? e : Math.min(e, units[3 * t + 2]);
    let d = 1;
    while (d > 0) {
      if (cur[d] < (d === 1 ? stop1 : end[d])) {
        const w = ext[cur[d]++];
        if (sampling && rng.next() >= probabilities[d]) continue;
        sub[d] = w;
        // Limbs of the first d+1 vertices: those of the first d plus w's group.
        const from = d * W;
        const to = from + W;
        for (let l = 0; l < W; l++) code[to + l] = code[from + l];
        let c = vdigit !== null ? vdigit[w] * vmul[d] : 0;
        for (let j = 0; j < d; j++) {
          const x = sub[j];
          c += rows[(byPosition ? j : x) * n + w] * pmul[d * k + j];
        }
        code[to + limbOf[d]] += c;
        if (byPosition) setRow(d, w, true);
        if (d + 1 === last) {
          // sub[0..last-1] is a prefix: its children are leaves, counted without a push.
          leaves(w, cur[d], end[d]);
          if (byPosition) setRow(d, w, false);
          continue;
        }
        let ne = end[d];
        for (let i = start[w]; i < start[w + 1]; i++) {
          const u = adj[i];
          if (u > v && blocked[u] === 0) {
            blocked[u] = 1;
            ext[ne++] = u;
          }
        }
        cur[d + 1] = cur[d];
        end[d + 1] = ne;
        d++;
      } else {
        for (let i = end[d - 1]; i < end[d]; i++) blocked[ext[i]] = 0;
        d--;
        if (byPosition && d >= 1) setRow(d, sub[d], false);
      }
    }
    if (byPosition) setRow(0, v, false);
    blocked[v] = 0;
  }
  return total;
}

/**
 * Visit every connected induced `size`-node subgraph of `g` once, as its node ids in the order
 * ESU added them (a shared array: copy it to keep it). Return `false` from `visit` to stop.
 */
export function enumerateSubgraphs(
  g: Digraph,
  size: number,
  visit: (nodes: Int32Array) => boolean | void,
): void {
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(`enumerateSubgraphs: invalid \`size\` ${size}. Should be an integer ≥ 1.`);
  }
  esuVisit(buildCensusGraph(g, false, null), size, visit);
}
