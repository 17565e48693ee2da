/**
 * Test helpers for the census: random coloured digraphs (with mutual pairs), brute-force counts
 * over all k-subsets, and a brute-force isomorphism test — independent of the engine's ESU and
 * canonical labelling, so they can cross-check them.
 */
import { makeDigraph, type Digraph } from "../../src/graph/digraph.js";
import { Rng } from "../../src/core/random.js";
import { canonicalKey } from "../../src/motifs/canonical-label.js";

/** Random digraph: each ordered pair gets an edge with probability `density`, colour 1..colours. */
export function randomDigraph(rng: Rng, n: number, density: number, colours: number): Digraph {
  const edges: [number, number, number][] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i !== j && rng.next() < density) edges.push([i, j, 1 + rng.int(colours)]);
    }
  }
  return makeDigraph(n, edges);
}

/** Row-major matrix of the subgraph induced by `nodes` (in that order). */
export function inducedMatrix(g: Digraph, nodes: readonly number[], colours = true): Uint8Array {
  const k = nodes.length;
  const pos = new Map(nodes.map((v, i) => [v, i]));
  const m = new Uint8Array(k * k);
  for (let e = 0; e < g.edgeSrc.length; e++) {
    const a = pos.get(g.edgeSrc[e]);
    const b = pos.get(g.edgeTrg[e]);
    if (a !== undefined && b !== undefined && a !== b) m[a * k + b] = colours ? g.edgeColour[e] : 1;
  }
  return m;
}

export function weaklyConnected(m: Uint8Array, k: number): boolean {
  const seen = new Uint8Array(k);
  const stack = [0];
  seen[0] = 1;
  let count = 1;
  while (stack.length > 0) {
    const u = stack.pop()!;
    for (let v = 0; v < k; v++) {
      if (!seen[v] && (m[u * k + v] || m[v * k + u])) {
        seen[v] = 1;
        count++;
        stack.push(v);
      }
    }
  }
  return count === k;
}

/** Every k-subset of 0..n-1, in lexicographic order. */
export function* subsets(n: number, k: number): Generator<number[]> {
  const s = Array.from({ length: k }, (_, i) => i);
  if (k > n) return;
  for (;;) {
    yield s.slice();
    let i = k - 1;
    while (i >= 0 && s[i] === n - k + i) i--;
    if (i < 0) return;
    s[i]++;
    for (let j = i + 1; j < k; j++) s[j] = s[j - 1] + 1;
  }
}

/** Brute-force census: all k-subsets, weak connectivity, canonical key of the induced matrix. */
export function bruteForceCounts(
  g: Digraph,
  k: number,
  colours = true,
  vertexColours: Int32Array | null = null,
): { total: number; counts: Map<string, number> } {
  const counts = new Map<string, number>();
  let total = 0;
  for (const nodes of subsets(g.nodeCount, k)) {
    const m = inducedMatrix(g, nodes, colours);
    if (!weaklyConnected(m, k)) continue;
    total++;
    const key = canonicalKey(m, k, vertexColours ? nodes.map((v) => vertexColours[v]) : null);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return { total, counts };
}

export function* permutations(k: number): Generator<number[]> {
  const p = Array.from({ length: k }, (_, i) => i);
  const c = new Array<number>(k).fill(0);
  yield p.slice();
  let i = 0;
  while (i < k) {
    if (c[i] < i) {
      const j = i % 2 === 0 ? 0 : c[i];
      [p[j], p[i]] = [p[i], p[j]];
      yield p.slice();
      c[i]++;
      i = 0;
    } else {
      c[i] = 0;
      i++;
    }
  }
}

/** result[i][j] = m[perm[i]][perm[j]] */
export function permute(m: ArrayLike<number>, k: number, perm: readonly number[]): Uint8Array {
  const out = new Uint8Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) out[i * k + j] = m[perm[i] * k + perm[j]];
  return out;
}

/** Brute-force isomorphism of coloured matrices (with optional vertex colours): tries all k!. */
export function isomorphic(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  k: number,
  ca: readonly number[] | null = null,
  cb: readonly number[] | null = null,
): boolean {
  for (const p of permutations(k)) {
    if (ca && cb && p.some((v, i) => ca[v] !== cb[i])) continue;
    const pa = permute(a, k, p);
    let same = true;
    for (let t = 0; t < k * k && same; t++) same = pa[t] === b[t];
    if (same) return true;
  }
  return false;
}
