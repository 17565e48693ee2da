/**
 * Canonical labelling of coloured directed k-graphs (k ≤ ~10), the class identity of SPEC §5.
 *
 * The canonical form of a matrix M (M[i][j] = colour of i→j, 0 = none) with optional vertex
 * colours is M permuted by the permutation π that maximises, lexicographically, the sequence
 *
 *   for p = 0..k-1:  vc(π_p), then for j = 0..p-1: M[π_p][π_j], M[π_j][π_p]
 *
 * (the matrix read "vertex by vertex", the order in which ESU builds subgraphs), among the
 * permutations that list vertices in increasing order of an isomorphism invariant. The invariant
 * is colour refinement (1-dimensional Weisfeiler–Leman) on vertex colour and the (out, in) colour
 * pair to every other vertex, hashed to 32 bits. Because the invariant depends only on the
 * isomorphism class, so does the maximum; refinement only shrinks the search, and hash collisions
 * only make it less effective, never wrong. The search is a branch and bound over positions that
 * drops any partial sequence already smaller than the best one.
 */
import { formatClassKey, matrixFromRows } from "./class-key.js";

function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) | 0;
}

/** Reusable scratch space of one size (labelling allocates nothing per call). */
class Scratch {
  readonly inv: Int32Array;
  readonly next: Int32Array;
  readonly order: Int32Array;
  readonly posInv: Int32Array;
  readonly perm: Int32Array;
  readonly bestPerm: Int32Array;
  readonly used: Uint8Array;
  readonly cur: Int32Array;
  readonly best: Int32Array;
  constructor(readonly k: number) {
    this.inv = new Int32Array(k);
    this.next = new Int32Array(k);
    this.order = new Int32Array(k);
    this.posInv = new Int32Array(k);
    this.perm = new Int32Array(k);
    this.bestPerm = new Int32Array(k);
    this.used = new Uint8Array(k);
    this.cur = new Int32Array(k * k);
    this.best = new Int32Array(k * k);
  }
}

const scratchBySize: Scratch[] = [];

function distinctCount(a: Int32Array, k: number): number {
  let c = 0;
  for (let i = 0; i < k; i++) {
    let fresh = true;
    for (let j = 0; j < i && fresh; j++) fresh = a[j] !== a[i];
    if (fresh) c++;
  }
  return c;
}

// State of the current branch and bound (module-level, so the recursion allocates nothing).
let S: Scratch;
let M: ArrayLike<number>;
let VC: ArrayLike<number> | null;
let haveBest = false;
let bestVersion = 0;

/** Branch and bound over positions p..k-1; `gt`: the prefix before p already beats the best. */
function search(p: number, gt: boolean): void {
  const { k, inv, posInv, perm, bestPerm, used, cur, best } = S;
  if (p === k) {
    if (gt || !haveBest) {
      best.set(cur);
      bestPerm.set(perm);
      haveBest = true;
      bestVersion++;
    }
    return;
  }
  const off = p * p; // positions 0..p-1 use 1 + 2q digits each: Σ = p²
  const want = posInv[p];
  for (let v = 0; v < k; v++) {
    if (used[v] || inv[v] !== want) continue;
    cur[off] = VC ? VC[v] : 0;
    for (let j = 0; j < p; j++) {
      const u = perm[j];
      cur[off + 1 + 2 * j] = M[v * k + u];
      cur[off + 2 + 2 * j] = M[u * k + v];
    }
    let childGt = gt || !haveBest;
    if (!childGt) {
      let cmp = 0;
      for (let t = off, end = off + 1 + 2 * p; t < end; t++) {
        if (cur[t] !== best[t]) {
          cmp = cur[t] > best[t] ? 1 : -1;
          break;
        }
      }
      if (cmp < 0) continue;
      childGt = cmp > 0;
    }
    perm[p] = v;
    used[v] = 1;
    const version = bestVersion;
    search(p + 1, childGt);
    used[v] = 0;
    // A new best found below shares this prefix, so later siblings compare against it.
    if (bestVersion !== version) gt = false;
  }
}

/**
 * The canonical permutation of a k×k row-major matrix: `out[p]` is the original vertex placed at
 * position p. `vertexColours` (length k) takes part in the class when given.
 */
export function canonicalPermutation(
  matrix: ArrayLike<number>,
  k: number,
  vertexColours: ArrayLike<number> | null,
  out: Int32Array = new Int32Array(k),
): Int32Array {
  const s = (scratchBySize[k] ??= new Scratch(k));
  const { inv, next, order, posInv, used } = s;

  // Colour refinement: inv(i) ← hash(inv(i), multiset of (pair colours, inv(j))).
  for (let i = 0; i < k; i++) inv[i] = mix(vertexColours ? vertexColours[i] + 0x3c6ef372 : 1);
  let cells = distinctCount(inv, k);
  for (let round = 0; round < k && cells < k; round++) {
    for (let i = 0; i < k; i++) {
      let acc = 0;
      for (let j = 0; j < k; j++) {
        if (j === i) continue;
        const pair = matrix[i * k + j] * 8 + matrix[j * k + i];
        acc = (acc + mix(Math.imul(pair + 1, 0x01000193) ^ inv[j])) | 0;
      }
      next[i] = mix(acc ^ Math.imul(inv[i], 0x9e3779b1));
    }
    const c = distinctCount(next, k);
    if (c <= cells) break;
    inv.set(next);
    cells = c;
  }
  // Positions take vertices in increasing invariant (insertion sort: k is small).
  for (let i = 0; i < k; i++) {
    let j = i;
    while (j > 0 && inv[order[j - 1]] > inv[i]) {
      order[j] = order[j - 1];
      j--;
    }
    order[j] = i;
  }
  if (cells === k) {
    // Every vertex has its own invariant: the order is forced, nothing to search.
    out.set(order);
    return out;
  }
  for (let p = 0; p < k; p++) posInv[p] = inv[order[p]];
  used.fill(0);
  S = s;
  M = matrix;
  VC = vertexColours;
  haveBest = false;
  search(0, false);
  out.set(s.bestPerm);
  return out;
}

/** Apply a permutation: result[i][j] = matrix[perm[i]][perm[j]]. */
export function permuteMatrix(
  matrix: ArrayLike<number>,
  k: number,
  perm: ArrayLike<number>,
  out: Uint8Array = new Uint8Array(k * k),
): Uint8Array {
  for (let i = 0; i < k; i++) {
    const r = perm[i] * k;
    for (let j = 0; j < k; j++) out[i * k + j] = matrix[r + perm[j]];
  }
  return out;
}

/** Canonical class key of a row-major matrix (see types.ts for the key format). */
export function canonicalKeyOfMatrix(
  matrix: ArrayLike<number>,
  k: number,
  vertexColours: ArrayLike<number> | null,
): string {
  const perm = canonicalPermutation(matrix, k, vertexColours);
  const m = permuteMatrix(matrix, k, perm);
  return formatClassKey(m, k, vertexColours ? Array.from(perm, (v) => vertexColours[v]) : null);
}

/**
 * The canonical class key of a coloured k-graph given as k rows of k digits (or a row-major
 * k*k array), with optional vertex colours. Isomorphic inputs give equal keys and only they do.
 */
export function canonicalKey(
  adjacencyRows: readonly string[] | Uint8Array,
  size: number,
  vertexColours?: ArrayLike<number> | null,
): string {
  if (Array.isArray(adjacencyRows) && adjacencyRows.length !== size) {
    throw new RangeError(
      `canonicalKey: ${adjacencyRows.length} rows. Should be one row per vertex (size ${size}).`,
    );
  }
  const matrix = Array.isArray(adjacencyRows)
    ? matrixFromRows(adjacencyRows as readonly string[])
    : (adjacencyRows as Uint8Array);
  if (matrix.length !== size * size) {
    throw new RangeError(
      `canonicalKey: the matrix has ${matrix.length} entries. Should be size² = ${size * size}.`,
    );
  }
  if (vertexColours && vertexColours.length !== size) {
    throw new RangeError(
      `canonicalKey: ${vertexColours.length} vertex colours. Should be one per vertex (${size}).`,
    );
  }
  for (let i = 0; i < size; i++) {
    if (matrix[i * size + i] !== 0) {
      throw new RangeError(`canonicalKey: self-loop at vertex ${i}. The diagonal must be 0.`);
    }
  }
  return canonicalKeyOfMatrix(matrix, size, vertexColours ?? null);
}
