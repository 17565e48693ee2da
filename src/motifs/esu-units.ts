/**
 * One exact census split by ESU root vertices (`nnmotifs census --queue … --split-roots N`).
 * ESU enumerates each k-subgraph from exactly one root, its smallest vertex (esu.ts), and a root's
 * subtree can be cut further by its depth-1 children (esu.ts `units`: triples root, first child,
 * end child). So the counts of the parts of any partition of the roots (or of a root's children)
 * add up to the census of the whole graph, exactly: they are integers.
 *
 *   planEsuUnits(cg, k, parts)     the original graph: parts of about equal estimated cost
 *   rootRanges(cg, k, parts)       whole-root ranges only (a random network, whose edges the planner
 *                                  does not know: the plan is made on the original's degrees,
 *                                  which degree-preserving nulls keep)
 *   countSubgraphUnits(g, o, u)    the class counts of one part (a Map; add them up)
 *
 * RAND-ESU sampling draws one random stream through all roots in order, so a sampled census is
 * not split (its numbers would change).
 */
import type { Digraph } from "../graph/digraph.js";
import type { CensusGraph } from "./census-graph.js";
import { prepareCensus, runCensus } from "./count-subgraphs.js";
import type { SubgraphCountOptions, SubgraphCounts } from "./types.js";

/** End child of a unit that takes all of its root's children. */
const ALL_CHILDREN = 0x7fffffff;

/**
 * Per root v, the cost of each child (v's neighbours above v: e of them, child w at position c):
 * (e − c + deg w)^(k−2), the size of its extension to the power of the levels still to go.
 */
function childCosts(
  cg: Pick<CensusGraph, "n" | "start" | "adj">,
  k: number,
  each: (v: number, child: number, children: number, cost: number) => void,
): void {
  const { n, start, adj } = cg;
  const power = Math.max(0, k - 2);
  for (let v = 0; v < n; v++) {
    let i = start[v];
    while (i < start[v + 1] && adj[i] <= v) i++;
    const e = start[v + 1] - i;
    for (let c = 0; c < e; c++) {
      const w = adj[i + c];
      each(v, c, e, (e - c + start[w + 1] - start[w]) ** power);
    }
  }
}

/**
 * Cut the ESU tree of `cg` into at most `parts` lists of units of about equal estimated cost; a
 * heavy root is cut between its children. Roots without children above them (no subgraph) are
 * left out. Every (root, child) is in exactly one part.
 */
export function planEsuUnits(
  cg: Pick<CensusGraph, "n" | "start" | "adj">,
  k: number,
  parts: number,
): Int32Array[] {
  if (k < 3) return rootRangeUnits(cg, k, parts); // k ≤ 2: units are whole roots (esu.ts)
  let total = 0;
  childCosts(cg, k, (_v, _c, _e, cost) => (total += cost));
  const target = total / Math.max(1, parts);
  const plan: Int32Array[] = [];
  let units: number[] = [];
  let cost = 0;
  let from = 0;
  childCosts(cg, k, (v, c, e, childCost) => {
    if (c === 0) from = 0;
    cost += childCost;
    if (cost >= target && plan.length < parts - 1) {
      units.push(v, from, c + 1);
      plan.push(Int32Array.from(units));
      units = [];
      cost = 0;
      from = c + 1;
    }
    if (c === e - 1 && from < e) units.push(v, from, e);
  });
  if (units.length > 0) plan.push(Int32Array.from(units));
  return plan;
}

/**
 * Cut the roots 0..n−1 into at most `parts` consecutive ranges [first, end) of about equal
 * estimated cost (on `cg`'s edges): valid for any graph on the same nodes.
 */
export function rootRanges(
  cg: Pick<CensusGraph, "n" | "start" | "adj">,
  k: number,
  parts: number,
): Array<{ first: number; end: number }> {
  const rootCost = new Float64Array(cg.n);
  let total = 0;
  childCosts(cg, k, (v, _c, _e, cost) => {
    rootCost[v] += cost;
    total += cost;
  });
  const target = total / Math.max(1, parts);
  const ranges: Array<{ first: number; end: number }> = [];
  let first = 0;
  let cost = 0;
  for (let v = 0; v < cg.n; v++) {
    cost += rootCost[v];
    if (cost >= target && ranges.length < parts - 1 && v + 1 < cg.n) {
      ranges.push({ first, end: v + 1 });
      first = v + 1;
      cost = 0;
    }
  }
  if (first < cg.n || ranges.length === 0) ranges.push({ first, end: cg.n });
  return ranges;
}

/** The units of the whole roots first .. end−1. */
export function unitsOfRoots(first: number, end: number): Int32Array {
  const units = new Int32Array(3 * Math.max(0, end - first));
  for (let v = first; v < end; v++) units.set([v, 0, ALL_CHILDREN], 3 * (v - first));
  return units;
}

/** `rootRanges` as units. */
export function rootRangeUnits(
  cg: Pick<CensusGraph, "n" | "start" | "adj">,
  k: number,
  parts: number,
): Int32Array[] {
  return rootRanges(cg, k, parts).map((r) => unitsOfRoots(r.first, r.end));
}

/** The exact census of the ESU units `units` of `g` (class keys in the order ESU met them). */
export function countSubgraphUnits(
  g: Digraph,
  options: SubgraphCountOptions,
  units: Int32Array,
): SubgraphCounts {
  const prepared = prepareCensus(g, options, "countSubgraphUnits");
  const { total, counts } = runCensus(prepared, null, null, 1, options.signal ?? undefined, units);
  return { size: options.size, total, counts, sampled: false };
}

/** Add up the counts of the parts of a partition; class keys sorted (as the census lists them). */
export function mergeSubgraphCounts(
  parts: ReadonlyArray<{ readonly total: number; readonly counts: ReadonlyMap<string, number> }>,
  size: number,
): SubgraphCounts {
  const merged = new Map<string, number>();
  let total = 0;
  for (const p of parts) {
    total += p.total;
    for (const [key, count] of p.counts) merged.set(key, (merged.get(key) ?? 0) + count);
  }
  const keys = [...merged.keys()].sort();
  return {
    size,
    total,
    counts: new Map(keys.map((key) => [key, merged.get(key) ?? 0])),
    sampled: false,
  };
}
