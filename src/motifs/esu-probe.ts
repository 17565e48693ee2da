/**
 * One of Knuth's random probes of the ESU tree (D. E. Knuth, "Estimating the efficiency of
 * backtrack programs", Math. Comp. 29, 1975): from a tree node, walk down through one uniformly
 * chosen child per depth; the product of the branching factors along the walk is an unbiased
 * estimate of the number of tree nodes at each depth below it. Shared by the census-size estimate
 * (rand-esu.ts, probes from uniform roots) and the split of one census into parts of equal cost
 * (esu-units.ts, probes from each root's children).
 *
 * ESU's state is kept as esu.ts keeps it: the vertices below root v that are in the subgraph or
 * next to it are `blocked`, and a node's extension is ext[lo..hi). Its i-th child takes
 * w = ext[i]; the child's extension is the later siblings ext[i+1..hi) followed by w's exclusive
 * neighbours (above v, not blocked), appended at ext[hi..).
 */
import type { Rng } from "../core/random.js";
import type { CensusGraph } from "./census-graph.js";

/** Append w's exclusive neighbours above root v to ext[hi..), blocking them; the new end. */
export function extendWith(
  cg: Pick<CensusGraph, "start" | "adj">,
  v: number,
  w: number,
  ext: Int32Array,
  blocked: Uint8Array,
  hi: number,
): number {
  const { start, adj } = cg;
  for (let i = start[w]; i < start[w + 1]; i++) {
    const u = adj[i];
    if (u > v && blocked[u] === 0) {
      blocked[u] = 1;
      ext[hi++] = u;
    }
  }
  return hi;
}

/**
 * Probe below a node at depth `depth` of root v's tree whose extension is ext[lo..hi) and whose
 * estimated number of tree nodes at its depth is `weight`: sets `levels[d]` to the estimate of
 * depth d for d = depth+1 .. k−1 (0 below where the walk ended, at a node without children).
 * Returns the end of ext it reached: the caller unblocks what the probe appended (ext[hi..end)).
 */
export function probeBelow(
  cg: Pick<CensusGraph, "start" | "adj">,
  v: number,
  k: number,
  ext: Int32Array,
  blocked: Uint8Array,
  lo: number,
  hi: number,
  depth: number,
  weight: number,
  levels: Float64Array,
  rng: Rng,
): number {
  for (let d = depth + 1; d < k; d++) levels[d] = 0;
  for (let d = depth + 1; d < k; d++) {
    const width = hi - lo;
    if (width === 0) break;
    weight *= width;
    levels[d] = weight;
    if (d === k - 1) break;
    const pick = lo + rng.int(width);
    lo = pick + 1;
    hi = extendWith(cg, v, ext[pick], ext, blocked, hi);
  }
  return hi;
}
