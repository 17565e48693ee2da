/**
 * One exact census on several threads. The ESU tree is cut into work units (root v, a range of
 * its depth-1 children; esu.ts), grouped into a few tasks per thread by a cost estimate, and the
 * tasks are run on worker threads (census-pool.ts, the pool the random ensemble then uses) that
 * read the graph from shared memory (no copy per task).
 * Counts are integers, so their sum does not depend on the split: the result — class keys in
 * sorted order — is bit-identical for any thread count, including the in-process run.
 *
 * Below `IN_PROCESS_CENSUS_SECONDS` of estimated work the census runs in-process: starting
 * workers costs more than they save.
 */
import { availableParallelism } from "node:os";
import type { Digraph } from "../graph/digraph.js";
import { buildCensusGraph, type CensusGraph } from "./census-graph.js";
import { checkSize, countSubgraphs } from "./count-subgraphs.js";
import { estimateSubgraphCount } from "./rand-esu.js";
import type { SubgraphCountOptions, SubgraphCounts } from "./types.js";
import type { CensusUnitsTask, CensusUnitsResult } from "./census-worker.js";
import { acquireCensusPool, sharedCopy as shared } from "./census-pool.js";

/** Estimated single-core seconds below which one census is not split across threads. */
export const IN_PROCESS_CENSUS_SECONDS = 1;
/** Tasks per thread: enough for the pool to even out a poor cost estimate. */
const TASKS_PER_THREAD = 8;

export interface ParallelCensusOptions extends SubgraphCountOptions {
  /** Threads (default os.availableParallelism()); 1 runs in-process. */
  readonly threads?: number;
  /** Estimated seconds below which the census runs in-process (default IN_PROCESS_CENSUS_SECONDS). */
  readonly inProcessBelowSeconds?: number;
}

/**
 * Cut the ESU tree of `cg` into `tasks` groups of work units of about equal estimated cost.
 * The cost of child i of root v (v's neighbours above v: e of them, child w) is taken as
 * (e − i + deg w)^(k−2), the size of its extension to the power of the levels still to go.
 */
export function planCensusUnits(
  cg: Pick<CensusGraph, "n" | "start" | "adj">,
  k: number,
  tasks: number,
): Int32Array[] {
  const { n, start, adj } = cg;
  const power = Math.max(0, k - 2);
  const firstAbove = new Int32Array(n);
  let total = 0;
  for (let v = 0; v < n; v++) {
    let i = start[v];
    while (i < start[v + 1] && adj[i] <= v) i++;
    firstAbove[v] = i;
    const e = start[v + 1] - i;
    for (let c = 0; c < e; c++) {
      const w = adj[i + c];
      total += (e - c + start[w + 1] - start[w]) ** power;
    }
  }
  const target = total / Math.max(1, tasks);
  const plan: Int32Array[] = [];
  let units: number[] = [];
  let cost = 0;
  for (let v = 0; v < n; v++) {
    const i = firstAbove[v];
    const e = start[v + 1] - i;
    if (e === 0) continue;
    let from = 0;
    for (let c = 0; c < e; c++) {
      const w = adj[i + c];
      cost += (e - c + start[w + 1] - start[w]) ** power;
      if (cost >= target && plan.length < tasks - 1) {
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

let nextJob = 1;

/**
 * The exact census of `g` (as `countSubgraphs`) on up to `threads` threads. Class keys come in
 * sorted order whatever the thread count.
 */
export async function countSubgraphsParallel(
  g: Digraph,
  options: ParallelCensusOptions,
): Promise<SubgraphCounts> {
  checkSize(options.size, "countSubgraphs");
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const inProcess = (): SubgraphCounts => {
    const c = countSubgraphs(g, options);
    const keys = [...c.counts.keys()].sort();
    return { ...c, counts: new Map(keys.map((key) => [key, c.counts.get(key)!])) };
  };
  if (threads === 1 || options.size < 3) return inProcess();
  const estimate = estimateSubgraphCount(g, options.size, { seed: 0x9e3779b9 });
  if (estimate.seconds < (options.inProcessBelowSeconds ?? IN_PROCESS_CENSUS_SECONDS)) {
    return inProcess();
  }

  const cg = buildCensusGraph(g, false, null);
  const plan = planCensusUnits(cg, options.size, threads * TASKS_PER_THREAD);
  const graph = {
    nodeCount: g.nodeCount,
    edgeSrc: shared(g.edgeSrc),
    edgeTrg: shared(g.edgeTrg),
    edgeColour: shared(g.edgeColour),
  };
  const vertexColours = options.vertexColours ? shared(options.vertexColours) : null;
  const job = nextJob++;
  const { pool, release } = await acquireCensusPool<CensusUnitsTask, CensusUnitsResult>(threads);
  let results: CensusUnitsResult[];
  try {
    options.signal?.throwIfAborted();
    results = await Promise.all(
      plan.map((units) =>
        pool.run(
          {
            kind: "units",
            job,
            graph,
            size: options.size,
            colours: options.colours ?? true,
            vertexColours,
            units,
          },
          { signal: options.signal ?? null },
        ),
      ),
    );
  } finally {
    await release();
  }
  // Merge in plan order (the sum is exact whatever the order; the keys are sorted below).
  const merged = new Map<string, number>();
  let total = 0;
  for (const r of results) {
    total += r.total;
    for (let i = 0; i < r.keys.length; i++) {
      merged.set(r.keys[i], (merged.get(r.keys[i]) ?? 0) + r.counts[i]);
    }
  }
  const keys = [...merged.keys()].sort();
  return {
    size: options.size,
    total,
    counts: new Map(keys.map((key) => [key, merged.get(key)!])),
    sampled: false,
  };
}
