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
import {
  hashCode,
  type CodeMap,
  type DirectCounts,
  type IntMap,
  type PrefixBlocks,
  EMPTY,
} from "./code-table.js";
import { buildCensusGraph, type CensusGraph, type CodeLayout } from "./census-graph.js";
import { COMPACT_PREFIXES, type PrefixCache } from "./prefix-cache.js";
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
        const e = start[w + 1];
        let i = start[w];
        while (i < e && adj[i] <= v) i++; // adjacency lists are sorted
        for (; i < e; i++) {
          const u = adj[i];
          if (blocked[u] === 0) {
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
  /** Direct-indexed counts of every raw code (small code spaces; then no prefixes, no table). */
  readonly direct?: DirectCounts | null;
  /** Direct-indexed counts by (canonical prefix id, last group) for the first prefix ids. */
  readonly blocks?: PrefixBlocks | null;
  /** Parts of the ESU tree to enumerate: triples (root, first child, end child); null = all. */
  readonly units?: Int32Array | null;
  /** Checked once per root: an aborted signal stops the census with its reason. */
  readonly signal?: AbortSignal;
}

/** Pre-aggregate the leaves of one ESU node when the last group has at most this many values. */
export const LEAF_GROUP_LIMIT = 1 << 16;
export { COMPACT_PREFIXES };

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
 * The kernel is module-level functions over a reusable `EsuWorkspace` (no closures made per
 * call: V8 inlines `leaves` into `esuCount` once and keeps that code for every later census —
 * with per-call closures the optimised code was dropped at the next call, "wrong call target",
 * and later random networks ran slower), and the workspace's buffers serve every census of a
 * layout (count-subgraphs.ts keeps one per layout).
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
  workspace: EsuWorkspace = new EsuWorkspace(layout),
): number {
  const ws = workspace;
  ws.begin(cg, table, options);
  const probabilities = ws.probabilities;
  const rng = ws.rng;
  const sampling = ws.sampling;
  const units = options.units ?? null;
  const signal = options.signal;
  const { n, start, adj, vdigit } = cg;
  const { k, limbs: W, limbOf, vmul, pmul } = layout;
  const byPosition = ws.byPosition;
  const rows = ws.rows;
  const { sub, ext, cur, end, blocked, code } = ws;
  const last = k - 1;
  let total = 0;

  const unitCount = units === null ? n : units.length / 3;
  for (let t = 0; t < unitCount; t++) {
    signal?.throwIfAborted();
    const v = units === null ? t : units[3 * t];
    if (sampling && rng!.next() >= probabilities![0]) continue;
    sub[0] = v;
    for (let l = 0; l < W; l++) code[W + l] = 0;
    if (vdigit !== null) code[W + limbOf[0]] = vdigit[v] * vmul[0];
    if (byPosition) setRow(ws, 0, v, true);
    if (last === 1) {
      // k = 2: the root is the prefix; its leaves are its neighbours u > v (whole roots only).
      if (units === null || units[3 * t + 1] === 0) total += leaves(ws, v, 0, 0);
      if (byPosition) setRow(ws, 0, v, false);
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
        if (sampling && rng!.next() >= probabilities![d]) continue;
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
        if (byPosition) setRow(ws, d, w, true);
        if (d + 1 === last) {
          // sub[0..last-1] is a prefix: its children are leaves, counted without a push.
          total += leaves(ws, w, cur[d], end[d]);
          if (byPosition) setRow(ws, d, w, false);
          continue;
        }
        let ne = end[d];
        const e = start[w + 1];
        let i = start[w];
        while (i < e && adj[i] <= v) i++; // adjacency lists are sorted
        for (; i < e; i++) {
          const u = adj[i];
          if (blocked[u] === 0) {
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
        if (byPosition && d >= 1) setRow(ws, d, sub[d], false);
      }
    }
    if (byPosition) setRow(ws, 0, v, false);
    blocked[v] = 0;
  }
  ws.finish();
  return total;
}

/**
 * The buffers and per-census inputs of `esuCount` for one code layout, reused by every census of
 * that layout (buffers grow with the graph, never shrink). One census at a time.
 */
export class EsuWorkspace {
  readonly k: number;
  readonly W: number;
  readonly last: number;
  readonly sub: Int32Array;
  readonly cur: Int32Array;
  readonly end: Int32Array;
  /** code[d*W + l]: limbs of the first d vertices. */
  readonly code: Float64Array;
  readonly leafLimbs: Float64Array;
  /** The prefix in the order its leaves are coded, and the row of each in `rows`. */
  readonly leafSub: Int32Array;
  readonly leafBase: Int32Array;
  /** Multipliers of the last group's digits (in the group value, before its limb multiplier). */
  readonly leafMul: Float64Array;
  readonly leafLimb: number;
  readonly leafVmul: number;
  /** Leaf group values tallied per prefix (null: the last group is too large). */
  readonly tally: Int32Array | null;
  readonly tallyMul: Int32Array;
  // Grown with the graph:
  ext: Int32Array = new Int32Array(1);
  blocked: Uint8Array = new Uint8Array(0);
  tallied: Int32Array = new Int32Array(1);
  /** Pair-code rows by subgraph position (large graphs without a dense matrix). */
  private positionRows: Uint8Array = new Uint8Array(0);
  // The current census:
  n = 0;
  start: Int32Array = new Int32Array(0);
  adj: Int32Array = new Int32Array(0);
  adjPair: Uint8Array = new Uint8Array(0);
  vdigit: Int32Array | null = null;
  rows: Uint8Array = new Uint8Array(0);
  byPosition = false;
  table: CodeMap | null = null;
  prefixes: PrefixCache | null = null;
  compact: IntMap | null = null;
  direct: DirectCounts | null = null;
  blocks: PrefixBlocks | null = null;
  probabilities: Float64Array | null = null;
  rng: Rng | null = null;
  sampling = false;
  pLast = 1;
  /** The fast leaf loops apply (k = 4 or 5, small last group, no vertex colours, no sampling). */
  fast = false;

  constructor(layout: CodeLayout) {
    const { k, limbs: W, limbOf, vmul, pmul, groupSize } = layout;
    this.k = k;
    this.W = W;
    const last = k - 1;
    this.last = last;
    this.sub = new Int32Array(k);
    this.cur = new Int32Array(k + 1);
    this.end = new Int32Array(k + 1);
    this.code = new Float64Array((k + 1) * W);
    this.leafLimbs = new Float64Array(W);
    this.leafSub = new Int32Array(k);
    this.leafBase = new Int32Array(k);
    this.leafLimb = limbOf[last];
    this.leafVmul = vmul[last];
    this.leafMul = new Float64Array(k);
    for (let j = 0; j < last; j++) this.leafMul[j] = pmul[last * k + j] / this.leafVmul;
    this.tally = groupSize[last] <= LEAF_GROUP_LIMIT ? new Int32Array(groupSize[last]) : null;
    this.tallyMul = Int32Array.from(this.tally !== null ? this.leafMul : []); // exact, < 2^16
  }

  /** Take the graph and inputs of a census (grows the buffers when the graph is larger). */
  begin(cg: CensusGraph, table: CodeMap, options: EsuCountOptions): void {
    const n = cg.n;
    if (this.ext.length < Math.max(1, n)) {
      this.ext = new Int32Array(Math.max(1, n));
      this.blocked = new Uint8Array(n);
      this.tallied = new Int32Array(Math.max(1, n));
    }
    this.n = n;
    this.start = cg.start;
    this.adj = cg.adj;
    this.adjPair = cg.adjPair;
    this.vdigit = cg.vdigit;
    this.byPosition = cg.dense === null;
    if (cg.dense !== null) this.rows = cg.dense;
    else {
      if (this.positionRows.length < this.k * n) this.positionRows = new Uint8Array(this.k * n);
      this.rows = this.positionRows;
    }
    this.table = table;
    this.prefixes = options.prefixes ?? null;
    this.compact = options.compact ?? null;
    this.direct = options.direct ?? null;
    this.blocks = options.blocks ?? null;
    this.probabilities = options.probabilities ?? null;
    this.rng = options.rng ?? null;
    this.sampling = this.probabilities !== null && this.rng !== null;
    this.pLast = this.sampling ? this.probabilities![this.last] : 1;
    this.fast =
      this.tally !== null &&
      this.vdigit === null &&
      !this.sampling &&
      (this.last === 3 || this.last === 4);
  }

  /** Drop the references to the census's graph and tables. */
  finish(): void {
    this.table = null;
    this.prefixes = null;
    this.compact = null;
    this.direct = null;
    this.blocks = null;
    this.rng = null;
    this.probabilities = null;
    this.vdigit = null;
    this.start = this.adj = new Int32Array(0);
    this.adjPair = new Uint8Array(0);
    if (!this.byPosition) this.rows = new Uint8Array(0);
  }
}

/** Fill (or clear) the row of subgraph position p with the pair codes of u's neighbours. */
function setRow(ws: EsuWorkspace, p: number, u: number, on: boolean): void {
  const { rows, start, adj, adjPair } = ws;
  const at = p * ws.n;
  for (let i = start[u], e = start[u + 1]; i < e; i++) rows[at + adj[i]] = on ? adjPair[i] : 0;
}

/** Add `weight` to the code whose last limb is c (the other limbs: those of the prefix). */
function insert(ws: EsuWorkspace, c: number, weight: number, prefixAt: number): void {
  const table = ws.table!;
  const W = ws.W;
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
    const { leafLimbs, code } = ws;
    for (let l = 0; l < W; l++) leafLimbs[l] = code[prefixAt + l];
    leafLimbs[ws.leafLimb] = c;
    const h = table.slot(leafLimbs, 0, 0);
    table.data[h * table.stride + W] += weight;
  }
}

/**
 * Count the leaves below the prefix sub[0..last-1] (w = sub[last-1] was just added): the
 * siblings ext[from..to) and the exclusive neighbours of w. Returns the number of leaves counted.
 */
function leaves(ws: EsuWorkspace, w: number, from: number, to: number): number {
  if (ws.direct !== null) return directLeaves(ws, w, from, to);
  const { last, W, sub, leafSub, leafBase, leafMul, leafVmul, tally, tallied, n } = ws;
  const { rows, ext, blocked, start, adj, adjPair, vdigit, prefixes, compact } = ws;
  const byPosition = ws.byPosition;
  const prefixAt = last * W;
  let prefix = ws.code[prefixAt + ws.leafLimb];
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
  let nt = 0;
  let count = 0;
  // Prefix ids with a block count straight into it (no tally to flush); the others tally.
  const blocks = ws.fast ? ws.blocks : null;
  const inBlock = blocks !== null && cid < COMPACT_PREFIXES && blocks.reserve(cid);
  let tl = tally!;
  let list = tallied;
  let tb = 0;
  if (inBlock) {
    tl = blocks.counts;
    list = blocks.touched;
    tb = cid * blocks.group;
    nt = blocks.size;
  }
  if (ws.fast) {
    // The common cases (k = 4 or 5, small colour set, no sampling), kept tight.
    const tallyMul = ws.tallyMul;
    const b0 = leafBase[0];
    const b1 = leafBase[1];
    const b2 = leafBase[2];
    const m1 = tallyMul[1];
    const m2 = tallyMul[2];
    if (last === 4) {
      const b3 = leafBase[3];
      const m3 = tallyMul[3];
      for (let i = from; i < to; i++) {
        const x = ext[i];
        const gv = tb + rows[b0 + x] + rows[b1 + x] * m1 + rows[b2 + x] * m2 + rows[b3 + x] * m3;
        if (tl[gv]++ === 0) list[nt++] = gv;
      }
    } else {
      for (let i = from; i < to; i++) {
        const x = ext[i];
        const gv = tb + rows[b0 + x] + rows[b1 + x] * m1 + rows[b2 + x] * m2;
        if (tl[gv]++ === 0) list[nt++] = gv;
      }
    }
    const mwi = tallyMul[jw];
    const v = sub[0];
    count = to - from;
    const e = start[w + 1];
    let i = start[w];
    while (i < e && adj[i] <= v) i++; // adjacency lists are sorted
    for (; i < e; i++) {
      const u = adj[i];
      if (blocked[u] === 0) {
        const gv = tb + adjPair[i] * mwi;
        if (tl[gv]++ === 0) list[nt++] = gv;
        count++;
      }
    }
  } else {
    const sampling = ws.sampling;
    const rng = ws.rng;
    const pLast = ws.pLast;
    const mw = leafMul[jw];
    for (let i = from; i < to; i++) {
      const x = ext[i];
      if (sampling && rng!.next() >= pLast) continue;
      let gv = vdigit !== null ? vdigit[x] : 0;
      for (let j = 0; j < last; j++) gv += rows[leafBase[j] + x] * leafMul[j];
      count++;
      if (tally !== null) {
        if (tally[gv]++ === 0) tallied[nt++] = gv;
      } else {
        insert(ws, prefix + gv * leafVmul, 1, prefixAt);
      }
    }
    const v = sub[0];
    for (let i = start[w], e = start[w + 1]; i < e; i++) {
      const u = adj[i];
      if (u <= v || blocked[u] !== 0) continue;
      if (sampling && rng!.next() >= pLast) continue;
      const gv = (vdigit !== null ? vdigit[u] : 0) + adjPair[i] * mw;
      count++;
      if (tally !== null) {
        if (tally[gv]++ === 0) tallied[nt++] = gv;
      } else {
        insert(ws, prefix + gv * leafVmul, 1, prefixAt);
      }
    }
  }
  if (inBlock) {
    blocks.size = nt;
  } else if (tally !== null) {
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
        insert(ws, prefix + gv * leafVmul, tally[gv], prefixAt);
        tally[gv] = 0;
      }
    }
  }
  return count;
}

/**
 * `leaves` for a DirectCounts table: the prefix stays in ESU order (no canonical relabelling)
 * and each leaf adds 1 to the slot prefix · G_last + its last group value.
 */
function directLeaves(ws: EsuWorkspace, w: number, from: number, to: number): number {
  const { last, sub, leafMul, n, rows, ext, blocked, start, adj, adjPair, vdigit } = ws;
  const direct = ws.direct!;
  const { counts, touched } = direct;
  const byPosition = ws.byPosition;
  const base = ws.code[last * ws.W] * direct.lastGroup;
  const v = sub[0];
  const mw = leafMul[last - 1];
  let nt = direct.size;
  let count = 0;
  if (vdigit === null && !ws.sampling && last <= 4) {
    // The common uncoloured cases, kept tight (unused rows read row 0 times 0).
    const b0 = (byPosition ? 0 : sub[0]) * n;
    const b1 = (byPosition ? 1 : sub[1]) * n;
    const b2 = last > 2 ? (byPosition ? 2 : sub[2]) * n : b0;
    const b3 = last > 3 ? (byPosition ? 3 : sub[3]) * n : b0;
    const m1 = leafMul[1];
    const m2 = last > 2 ? leafMul[2] : 0;
    const m3 = last > 3 ? leafMul[3] : 0;
    if (last === 4) {
      for (let i = from; i < to; i++) {
        const x = ext[i];
        const at = base + rows[b0 + x] + rows[b1 + x] * m1 + rows[b2 + x] * m2 + rows[b3 + x] * m3;
        const c = counts[at];
        if (c === 0) touched[nt++] = at;
        counts[at] = c + 1;
      }
    } else {
      // k = 4 (and 3, where m2 = 0): one row fewer per leaf.
      for (let i = from; i < to; i++) {
        const x = ext[i];
        const at = base + rows[b0 + x] + rows[b1 + x] * m1 + rows[b2 + x] * m2;
        const c = counts[at];
        if (c === 0) touched[nt++] = at;
        counts[at] = c + 1;
      }
    }
    count = to - from;
    const e = start[w + 1];
    let i = start[w];
    while (i < e && adj[i] <= v) i++; // sorted: skip the neighbours ≤ v at once
    for (; i < e; i++) {
      const u = adj[i];
      if (blocked[u] === 0) {
        const at = base + adjPair[i] * mw;
        const c = counts[at];
        if (c === 0) touched[nt++] = at;
        counts[at] = c + 1;
        count++;
      }
    }
    direct.size = nt;
    return count;
  }
  const sampling = ws.sampling;
  const rng = ws.rng;
  const pLast = ws.pLast;
  const leafBase = ws.leafBase;
  for (let j = 0; j < last; j++) leafBase[j] = (byPosition ? j : sub[j]) * n;
  for (let i = from; i < to; i++) {
    const x = ext[i];
    if (sampling && rng!.next() >= pLast) continue;
    let at = base + (vdigit !== null ? vdigit[x] : 0);
    for (let j = 0; j < last; j++) at += rows[leafBase[j] + x] * leafMul[j];
    const c = counts[at];
    if (c === 0) touched[nt++] = at;
    counts[at] = c + 1;
    count++;
  }
  for (let i = start[w], e = start[w + 1]; i < e; i++) {
    const u = adj[i];
    if (u <= v || blocked[u] !== 0) continue;
    if (sampling && rng!.next() >= pLast) continue;
    const at = base + (vdigit !== null ? vdigit[u] : 0) + adjPair[i] * mw;
    const c = counts[at];
    if (c === 0) touched[nt++] = at;
    counts[at] = c + 1;
    count++;
  }
  direct.size = nt;
  return count;
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
