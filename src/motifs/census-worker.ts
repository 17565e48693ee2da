/**
 * The census worker thread (census-pool.ts): counts the subgraphs below a task's ESU work units
 * (one census split across threads, parallel-census.ts) or a batch of random networks
 * (random-ensemble-worker.ts). The graph arrives in shared memory; the worker builds its
 * census graph once per job and keeps its class caches (count-subgraphs.ts) between tasks.
 */
import type { Digraph } from "../graph/digraph.js";
import { buildCensusGraph, type CensusGraph } from "./census-graph.js";
import { countSubgraphUnits } from "./count-subgraphs.js";
import {
  runEnsembleTask,
  type EnsembleTask,
  type EnsembleTaskResult,
} from "./random-ensemble-worker.js";

export interface CensusUnitsTask {
  readonly kind: "units";
  /** Same job, same graph and options: the census graph is reused. */
  readonly job: number;
  readonly graph: Pick<Digraph, "nodeCount" | "edgeSrc" | "edgeTrg" | "edgeColour">;
  readonly size: number;
  readonly colours: boolean;
  readonly vertexColours: Int32Array | null;
  /** Triples (root, first child, end child): esu.ts. */
  readonly units: Int32Array;
}

export interface CensusUnitsResult {
  readonly total: number;
  readonly keys: string[];
  readonly counts: Float64Array;
}

let built: { job: number; cg: CensusGraph } | null = null;

export function runCensusUnitsTask(task: CensusUnitsTask): CensusUnitsResult {
  const g = task.graph as Digraph;
  if (built?.job !== task.job) {
    built = { job: task.job, cg: buildCensusGraph(g, task.colours, task.vertexColours) };
  }
  const options = { size: task.size, colours: task.colours, vertexColours: task.vertexColours };
  return countSubgraphUnits(g, options, task.units, built.cg);
}

/** One task of either kind: work units of one census, or a batch of random networks. */
export default function (
  task: CensusUnitsTask | EnsembleTask,
): CensusUnitsResult | EnsembleTaskResult {
  return "kind" in task ? runCensusUnitsTask(task) : runEnsembleTask(task);
}
