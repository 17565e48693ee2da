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
import { Rng } from "../core/random.js";
import type { Digraph } from "../graph/digraph.js";
import type { CensusGraph } from "./census-graph.js";
import { prepareCensus, runCensus } from "./count-subgraphs.js";
import { extendWith, probeBelow } from "./esu-probe.js";
import type { SubgraphCountOptions, SubgraphCounts } from "./types.js";

/** End child of a unit that takes all of its root's children. */
const ALL_CHILDREN = 0x7fffffff;

/** Knuth probes for the whole plan (divided among the units, at least MIN_UNIT_PROBES each). */
const PLAN_PROBES = 1 << 15;
const MIN_UNIT_PROBES = 2;
const MAX_UNIT_PROBES = 8;

/**
 * Per root v, the cost of each child (v's neighbours above v: e of them, child w at position c):
 * the ESU tree nodes under that child, estimated by Knuth's probes (as rand-esu.ts's
 * estimateSubgraphCount, started from the child: its extension is the later siblings and w's
 * exclusive neighbours; each probe descends through one random child per depth, weighting each
 * depth by the product of the widths). A formula from degrees alone (e − c + deg w)^(k−2) was off
 * by 300× between the parts of a layered graph at k = 6 (the low-numbered inputs' subtrees reach
 * every other input through the hidden units): one thread got most of the census. The probes'
 * Rng is fixed, so a plan is reproducible; counts never depend on the plan (integer sums).
 */
function childCosts(
  cg: Pick<CensusGraph, "n" | "start" | "adj">,
  k: number,
  each: (v: number, child: number, children: number, cost: number) => void,
): void {
  const { n, start, adj } = cg;
  let units = 0;
  for (let v = 0; v < n; v++) for (let i = start[v]; i < start[v + 1]; i++) if (adj[i] > v) units++;
  const probes = Math.max(
    MIN_UNIT_PROBES,
    Math.min(MAX_UNIT_PROBES, Math.floor(PLAN_PROBES / Math.max(1, units))),
  );
  const rng = new Rng(0x5eed, k);
  const ext = new Int32Array(Math.max(1, n));
  const blocked = new Uint8Array(n);
  const levels = new Float64Array(Math.max(1, k));
  for (let v = 0; v < n; v++) {
    blocked[v] = 1;
    const e = extendWith(cg, v, v, ext, blocked, 0);
    for (let c = 0; c < e; c++) {
      // The child itself (1 node at depth 1), then the probes below it.
      let nodes = probes;
      for (let p = 0; p < probes && k > 2; p++) {
        const hi = extendWith(cg, v, ext[c], ext, blocked, e);
        const end = probeBelow(cg, v, k, ext, blocked, c + 1, hi, 1, 1, levels, rng);
        for (let d = 2; d < k; d++) nodes += levels[d];
        for (let i = e; i < end; i++) blocked[ext[i]] = 0;
      }
      each(v, c, e, nodes / probes);
    }
    for (let i = 0; i < e; i++) blocked[ext[i]] = 0;
    blocked[v] = 0;
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
  // One pass of the probes, kept per child, then the cut.
  const roots: number[] = [];
  const children: number[] = [];
  const costs: number[] = [];
  let total = 0;
  childCosts(cg, k, (v, c, e, cost) => {
    if (c === 0) {
      roots.push(v);
      children.push(e);
    }
    costs.push(cost);
    total += cost;
  });
  const target = total / Math.max(1, parts);
  const plan: Int32Array[] = [];
  let units: number[] = [];
  let cost = 0;
  let at = 0;
  for (let r = 0; r < roots.length; r++) {
    const v = roots[r];
    const e = children[r];
    let from = 0;
    for (let c = 0; c < e; c++) {
      cost += costs[at++];
      if (cost >= target && plan.length < parts - 1) {
        units.push(v, from, c + 1);
        plan.push(Int32Array.from(units));
        units = [];
        cost = 0;
        from = c + 1;
      }
    }
    if (from < e) units.push(v, from, e);
  }
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

/** One part of a partitioned census: its counts as a Map, or as parallel key and count arrays. */
export type CountsPart =
  | { readonly total: number; readonly counts: ReadonlyMap<string, number> }
  | {
      readonly total: number;
      readonly keys: readonly string[];
      readonly counts: ArrayLike<number>;
    };

/** Add up the counts of the parts of a partition; class keys sorted (as the census lists them). */
export function mergeSubgraphCounts(parts: readonly CountsPart[], size: number): SubgraphCounts {
  const merged = new Map<string, number>();
  let total = 0;
  const add = (key: string, count: number): void => {
    merged.set(key, (merged.get(key) ?? 0) + count);
  };
  for (const p of parts) {
    total += p.total;
    if ("keys" in p) for (let i = 0; i < p.keys.length; i++) add(p.keys[i], p.counts[i]);
    else for (const [key, count] of p.counts) add(key, count);
  }
  const keys = [...merged.keys()].sort();
  return {
    size,
    total,
    counts: new Map(keys.map((key) => [key, merged.get(key) ?? 0])),
    sampled: false,
  };
}
