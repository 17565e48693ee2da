/**
 * Counts for N random networks, in parallel and deterministic (SPEC §6.1).
 *
 * Random network i is switched *from the original* with `new Rng(seed, i)` — independent networks
 * rather than FANMOD's chain — so its counts depend only on (graph, options, seed, i). Networks are
 * batched into tasks for piscina worker threads and the results are put back in index order, so
 * the output is bit-identical for any thread count. `threads: 1` runs in-process, without workers.
 *
 * Workers come from census-pool.ts (shared with the census of the original, so they start once
 * and keep their class caches); the graph goes to them in shared memory.
 */
import { availableParallelism } from "node:os";
import type { Digraph } from "../graph/digraph.js";
import { acquireCensusPool, sharedCopy } from "./census-pool.js";
import type { NullModelName } from "./layered-switching.js";
import { SWITCH_DEFAULTS } from "./switching.js";
import {
  runEnsembleTask,
  type EnsembleTask,
  type EnsembleTaskResult,
} from "./random-ensemble-worker.js";

export interface RandomEnsembleOptions {
  /** Number of random networks N (default 100). */
  readonly networks?: number;
  readonly nullModel?: NullModelName;
  /** Node layers, required by the `layered` null model. */
  readonly layers?: Int32Array | null;
  readonly exchanges?: number;
  readonly tries?: number;
  readonly seed?: number;
  readonly size: number;
  readonly colours?: boolean;
  readonly vertexColours?: Int32Array | null;
  /** RAND-ESU probabilities per depth (sampled census of every network), or null. */
  readonly sample?: readonly number[] | null;
  /** Worker threads (default: os.availableParallelism()); 1 runs in-process. */
  readonly threads?: number;
  /** Called after each finished batch with the number of networks done so far. */
  readonly onProgress?: (done: number, total: number) => void;
}

export const ENSEMBLE_DEFAULTS = {
  networks: 100,
  nullModel: "switch" as NullModelName,
  exchanges: SWITCH_DEFAULTS.exchanges,
  tries: SWITCH_DEFAULTS.tries,
  seed: 1,
  colours: true,
};

export interface RandomEnsemble {
  readonly networks: number;
  /** The class keys, as given. */
  readonly keys: readonly string[];
  /** Row-major networks × keys.length counts. */
  readonly counts: Float64Array;
  /** Total number of k-subgraphs of each random network. */
  readonly totals: Float64Array;
  readonly tries: Float64Array;
  readonly successes: Float64Array;
  /** Per network, the number of classes it has that are not among `keys`. */
  readonly otherClasses: Float64Array;
  readonly threads: number;
}

/** Count the classes `keys` in N random networks of `g` (see the module comment). */
export async function randomEnsemble(
  g: Digraph,
  keys: readonly string[],
  options: RandomEnsembleOptions,
): Promise<RandomEnsemble> {
  const N = options.networks ?? ENSEMBLE_DEFAULTS.networks;
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), Math.max(N, 1)));
  const K = keys.length;
  const base = {
    graph: {
      nodeCount: g.nodeCount,
      edgeSrc: g.edgeSrc,
      edgeTrg: g.edgeTrg,
      edgeColour: g.edgeColour,
    },
    layers: options.layers ?? null,
    nullModel: options.nullModel ?? ENSEMBLE_DEFAULTS.nullModel,
    exchanges: options.exchanges ?? ENSEMBLE_DEFAULTS.exchanges,
    tries: options.tries ?? ENSEMBLE_DEFAULTS.tries,
    seed: options.seed ?? ENSEMBLE_DEFAULTS.seed,
    size: options.size,
    colours: options.colours ?? ENSEMBLE_DEFAULTS.colours,
    vertexColours: options.vertexColours ?? null,
    sample: options.sample ?? null,
    keys,
  };
  // Several batches per thread balance the load; the split never changes the numbers.
  const batch = Math.max(1, Math.ceil(N / (threads * 4)));
  const tasks: EnsembleTask[] = [];
  for (let first = 0; first < N; first += batch)
    tasks.push({ ...base, first, count: Math.min(batch, N - first) });

  const result: RandomEnsemble = {
    networks: N,
    keys,
    counts: new Float64Array(N * K),
    totals: new Float64Array(N),
    tries: new Float64Array(N),
    successes: new Float64Array(N),
    otherClasses: new Float64Array(N),
    threads,
  };
  let done = 0;
  const store = (r: EnsembleTaskResult): void => {
    result.counts.set(r.counts, r.first * K);
    result.totals.set(r.totals, r.first);
    result.tries.set(r.tries, r.first);
    result.successes.set(r.successes, r.first);
    result.otherClasses.set(r.otherClasses, r.first);
    done += r.count;
    options.onProgress?.(done, N);
  };

  if (threads === 1) {
    for (const task of tasks) store(runEnsembleTask(task));
    return result;
  }
  // Workers shared with the census of the original (warm class caches); graph in shared memory.
  const graph = {
    nodeCount: g.nodeCount,
    edgeSrc: sharedCopy(g.edgeSrc),
    edgeTrg: sharedCopy(g.edgeTrg),
    edgeColour: sharedCopy(g.edgeColour),
  };
  const { pool, release } = await acquireCensusPool<EnsembleTask, EnsembleTaskResult>(threads);
  try {
    await Promise.all(tasks.map((task) => pool.run({ ...task, graph }).then(store)));
  } finally {
    await release();
  }
  return result;
}
