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
import { hashCode, type CodeTable, EMPTY } from "./code-table.js";
import { buildCensusGraph, type CensusGraph, type CodeLayout } from "./census-graph.js";
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

/**
 * The counting kernel: enumerate (or, with `probabilities` and `rng`, sample as RAND-ESU) the
 * k-subgraphs of `cg` and add 1 per subgraph to its raw code in `table`. Returns the number of
 * subgraphs reached. The raw code is built incrementally: adding w at position d adds its vertex
 * digit and its pair codes with positions 0..d-1 (census-graph.ts).
 *
 * RAND-ESU: the root is kept with probability p[0] and the vertex at position d with p[d], so a
 * given k-subgraph is reached with probability Π p[d] (Wernicke 2006, §3).
 */
export function esuCount(
  cg: CensusGraph,
  layout: CodeLayout,
  table: CodeTable,
  probabilities: Float64Array | null = null,
  rng: Rng | null = null,
): number {
  const { n, start, adj, adjPair, dense, vdigit } = cg;
  const { k, limbs: W, limbOf, vmul, pmul } = layout;
  const { sub, ext, cur, end, blocked } = esuState(n, k);
  const code = new Float64Array((k + 1) * W); // code[d*W + l]: limbs of the first d vertices
  const leafLimbs = new Float64Array(W);
  const leafBase = new Int32Array(k); // sub[j] * n for the dense lookups of the last position
  const leafMul = new Float64Array(k);
  const sampling = probabilities !== null && rng !== null;
  const last = k - 1;
  const leafLimb = limbOf[last];
  const leafVmul = vmul[last];
  let total = 0;

  // Pair code of w (new) with x (earlier): dense lookup or binary search of w in adj(x).
  const pairSparse = (w: number, x: number): number => {
    let lo = start[x];
    let hi = start[x + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const a = adj[mid];
      if (a === w) return adjPair[mid];
      if (a < w) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  };

  for (let v = 0; v < n; v++) {
    if (sampling && rng.next() >= probabilities[0]) continue;
    sub[0] = v;
    for (let l = 0; l < W; l++) code[W + l] = 0;
    if (vdigit !== null) code[W + limbOf[0]] = vdigit[v] * vmul[0];
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
      if (d === last) {
        // Leaves: every w left in vExtension completes a k-subgraph.
        for (let j = 0; j < last; j++) {
          leafBase[j] = sub[j] * n;
          leafMul[j] = pmul[last * k + j];
        }
        const prefix = code[d * W + leafLimb];
        const pEnd = end[d];
        for (let i = cur[d]; i < pEnd; i++) {
          const w = ext[i];
          if (sampling && rng.next() >= probabilities[last]) continue;
          let c = prefix;
          if (vdigit !== null) c += vdigit[w] * leafVmul;
          if (dense !== null) {
            for (let j = 0; j < last; j++) c += dense[leafBase[j] + w] * leafMul[j];
          } else {
            for (let j = 0; j < last; j++) c += pairSparse(w, sub[j]) * leafMul[j];
          }
          total++;
          if (W === 1) {
            // Inline insert (the hot path): linear probing on the single limb.
            const keys = table.keys;
            const mask = table.mask;
            let h = hashCode(c) & mask;
            let key = keys[h];
            while (key !== c && key !== EMPTY) {
              h = (h + 1) & mask;
              key = keys[h];
            }
            if (key === EMPTY) {
              keys[h] = c;
              table.size++;
            }
            const counts = table.counts;
            if (counts[h] === 0) table.touched[table.touchedCount++] = h;
            counts[h]++;
            if (table.size * 2 > table.capacity) table.grow();
          } else {
            for (let l = 0; l < W; l++) leafLimbs[l] = code[d * W + l];
            leafLimbs[leafLimb] = c;
            table.addLimbs(leafLimbs, 0, 1);
          }
        }
        cur[d] = pEnd;
      }
      if (cur[d] < end[d]) {
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
          c += (dense !== null ? dense[x * n + w] : pairSparse(w, x)) * pmul[d * k + j];
        }
        code[to + limbOf[d]] += c;
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
