/**
 * Big censuses across workers (`nnmotifs census … --queue`). Random network i is always switched
 * with `Rng(seed, i)` (motifs/random-ensemble.ts), so its counts depend on (graph, options, i) only:
 * any split of [0, N) into ranges gives the same numbers, and merging the ranges' tallies in index
 * order gives the ensemble bit for bit. Two functions carry that, apart from any queue:
 *
 *   replicateTallies(task, first, count)   the tallies of networks [first, first + count)
 *   mergeTallies(parts, N, K)              the ensemble of N networks from any split's parts
 *
 * `queueEnsemble` is a drop-in for `randomEnsemble` (census() takes it as an option) that puts the
 * ranges on the job queue; workers count them (census-split-job.ts).
 */
import { createHash } from "node:crypto";
import { Queue, QueueEvents } from "bullmq";
import type { Digraph } from "../graph/digraph.js";
import {
  emptyEnsemble,
  ENSEMBLE_DEFAULTS,
  type RandomEnsemble,
  type RandomEnsembleOptions,
} from "../motifs/random-ensemble.js";
import {
  runEnsembleTask,
  type EnsembleTask,
  type EnsembleTaskResult,
} from "../motifs/random-ensemble-worker.js";
import { NnmotifsError } from "../core/errors.js";
import { nullModelSource } from "../nulls/registry.js";
import { parseQueueUrl, QUEUE_NAME, redactQueueUrl, redisOptions } from "./connection.js";
import { jobId, type ReplicatesJobData } from "./jobs.js";
import { connectRedis, watchConnection } from "./redis-client.js";
import { submitAndWait } from "./wait-for-job.js";

/** A census's random-network task without its range: what every range shares. */
export type ReplicateTask = Omit<EnsembleTask, "first" | "count">;

/** The same task as JSON-friendly data (typed arrays as arrays), stored once per census. */
export interface ReplicateOptions {
  readonly graph: {
    readonly nodeCount: number;
    readonly edgeSrc: number[];
    readonly edgeTrg: number[];
    readonly edgeColour: number[];
  };
  readonly layers: number[] | null;
  readonly vertexColours: number[] | null;
  readonly rest: Omit<ReplicateTask, "graph" | "layers" | "vertexColours">;
}

/** Tallies of a range as plain arrays (a job's return value). */
export interface TalliesJson {
  readonly first: number;
  readonly count: number;
  readonly counts: number[];
  readonly totals: number[];
  readonly tries: number[];
  readonly successes: number[];
  readonly otherClasses: number[];
}

/** The tallies of random networks [first, first + count). */
export function replicateTallies(
  task: ReplicateTask,
  first: number,
  count: number,
): EnsembleTaskResult {
  return runEnsembleTask({ ...task, first, count });
}

/**
 * The ensemble of `networks` random networks from the tallies of ranges that cover [0, networks)
 * exactly once (any order, any sizes).
 */
export function mergeTallies(
  parts: ReadonlyArray<EnsembleTaskResult | TalliesJson>,
  networks: number,
  keys: readonly string[],
  threads: number,
): RandomEnsemble {
  const K = keys.length;
  const result = emptyEnsemble(networks, keys, threads);
  const seen = new Uint8Array(networks);
  for (const p of parts) {
    for (let i = p.first; i < p.first + p.count; i++) {
      if (i >= networks || seen[i] === 1)
        throw new Error(`mergeTallies: network ${i} twice or out of range`);
      seen[i] = 1;
    }
    result.counts.set(p.counts, p.first * K);
    result.totals.set(p.totals, p.first);
    result.switching.tries.set(p.tries, p.first);
    result.switching.successes.set(p.successes, p.first);
    result.otherClasses.set(p.otherClasses, p.first);
  }
  const missing = seen.indexOf(0);
  if (missing >= 0) throw new Error(`mergeTallies: network ${missing} missing`);
  return result;
}

export function tallyJson(r: EnsembleTaskResult): TalliesJson {
  return {
    first: r.first,
    count: r.count,
    counts: Array.from(r.counts),
    totals: Array.from(r.totals),
    tries: Array.from(r.tries),
    successes: Array.from(r.successes),
    otherClasses: Array.from(r.otherClasses),
  };
}

/** The shared task of a census, as `randomEnsemble` builds it. */
export function replicateTask(
  g: Digraph,
  keys: readonly string[],
  options: RandomEnsembleOptions,
): ReplicateTask {
  const nullName = options.nullModel ?? ENSEMBLE_DEFAULTS.nullModel;
  return {
    kind: "ensemble",
    graph: {
      nodeCount: g.nodeCount,
      edgeSrc: g.edgeSrc,
      edgeTrg: g.edgeTrg,
      edgeColour: g.edgeColour,
    },
    layers: options.layers ?? null,
    nullModel: nullName,
    // A run-time null reaches the workers through its module (nulls/registry.ts).
    nullSource: nullModelSource(nullName) ?? null,
    context: options.nullContext ?? null,
    exchanges: options.exchanges ?? ENSEMBLE_DEFAULTS.exchanges,
    tries: options.tries ?? ENSEMBLE_DEFAULTS.tries,
    seed: options.seed ?? ENSEMBLE_DEFAULTS.seed,
    size: options.size,
    colours: options.colours ?? ENSEMBLE_DEFAULTS.colours,
    vertexColours: options.vertexColours ?? null,
    sample: options.sample ?? null,
    keys,
  };
}

export function taskToJson(t: ReplicateTask): ReplicateOptions {
  const { graph, layers, vertexColours, ...rest } = t;
  return {
    graph: {
      nodeCount: graph.nodeCount,
      edgeSrc: Array.from(graph.edgeSrc),
      edgeTrg: Array.from(graph.edgeTrg),
      edgeColour: Array.from(graph.edgeColour),
    },
    layers: layers === null ? null : Array.from(layers),
    vertexColours: vertexColours === null ? null : Array.from(vertexColours),
    rest,
  };
}

export function taskFromJson(j: ReplicateOptions): ReplicateTask {
  return {
    ...j.rest,
    graph: {
      nodeCount: j.graph.nodeCount,
      edgeSrc: Int32Array.from(j.graph.edgeSrc),
      edgeTrg: Int32Array.from(j.graph.edgeTrg),
      edgeColour: Uint8Array.from(j.graph.edgeColour),
    },
    layers: j.layers === null ? null : Int32Array.from(j.layers),
    vertexColours: j.vertexColours === null ? null : Int32Array.from(j.vertexColours),
  };
}

/** Ranges of [0, N): `jobs` of nearly equal size (the split never changes the numbers). */
export function splitRange(
  networks: number,
  jobs: number,
): Array<{ first: number; count: number }> {
  const size = Math.max(1, Math.ceil(networks / Math.max(1, jobs)));
  const ranges: Array<{ first: number; count: number }> = [];
  for (let first = 0; first < networks; first += size) {
    ranges.push({ first, count: Math.min(size, networks - first) });
  }
  return ranges;
}

/** Store lifetime of a census task in Redis (s): long enough for any run, then gone. */
const TASK_TTL = 7 * 24 * 3600;

/**
 * `randomEnsemble` on the job queue: the task is stored once (content-addressed), each range is a
 * job, the results are merged in index order.
 */
export function queueEnsemble(
  url: string,
  jobs = 16,
): (
  g: Digraph,
  keys: readonly string[],
  options: RandomEnsembleOptions,
) => Promise<RandomEnsemble> {
  return async (g, keys, options) => {
    const N = options.networks ?? ENSEMBLE_DEFAULTS.networks;
    const c = parseQueueUrl(url);
    const json = JSON.stringify(taskToJson(replicateTask(g, keys, options)));
    const hash = createHash("sha256").update(json).digest("hex").slice(0, 16);
    const prefix = `nnmotifs:census:${hash}`;
    const redis = await connectRedis(c);
    const queue = new Queue<ReplicatesJobData, TalliesJson>(QUEUE_NAME, {
      connection: redisOptions(c),
    });
    const events = new QueueEvents(QUEUE_NAME, { connection: redisOptions(c) });
    const ranges = splitRange(N, jobs);
    watchConnection(c.display, redis, [queue, events]);
    queue.setMaxListeners(ranges.length + 10);
    events.setMaxListeners(ranges.length + 10);
    try {
      await events.waitUntilReady();
      await redis.set(`${prefix}:task`, json, "EX", TASK_TTL);
      let done = 0;
      options.onProgress?.(0, N);
      const parts = await Promise.all(
        ranges.map(async ({ first, count }) => {
          const id = jobId(`census${hash}`, `r${first}+${count}`, "");
          let r: TalliesJson;
          try {
            r = await submitAndWait<TalliesJson>(
              queue,
              events,
              { id, name: "replicates", data: { type: "replicates", prefix, first, count } },
              () => redis.set(`${prefix}:task`, json, "EX", TASK_TTL),
            );
          } catch (error) {
            throw new NnmotifsError(
              `random networks ${first}..${first + count - 1}: failed on the queue: ${redactQueueUrl((error as Error).message)}`,
              {},
              1,
            );
          }
          done += count;
          options.onProgress?.(done, N);
          return r;
        }),
      );
      return mergeTallies(parts, N, keys, 0);
    } finally {
      await events.close().catch(() => {});
      await queue.close().catch(() => {});
      redis.disconnect();
    }
  };
}
