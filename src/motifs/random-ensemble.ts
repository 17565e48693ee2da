/**
 * Counts for N random networks of a null model, in parallel and deterministic (SPEC §6).
 *
 * Random network i is made *from the original* with `new Rng(seed, i)` — independent networks
 * rather than FANMOD's chain — so its counts depend only on (graph, null, options, seed, i).
 * Networks are batched into tasks for piscina worker threads and the results are put back in
 * index order, so the output is bit-identical for any thread count. `threads: 1` runs in-process
 * (unless `inProcess: false`), without workers, yielding to the event loop after each network.
 * `censusCounts` also counts the original graph on the same workers, so the main thread stays
 * free while a census runs.
 *
 * The null model is named, and resolved from src/nulls/registry.ts in every thread. A null
 * registered at run time without a `module` exists in this thread only: it runs in-process.
 *
 * Cancellation: an aborted `signal` rejects with its reason; running workers are terminated
 * (piscina), the in-process path stops at the next root vertex of the ESU enumeration.
 *
 * Workers under TypeScript sources: when this module itself runs as .ts (vitest, tsx), the worker
 * is the .ts file and is started with tsx's loader (`--import tsx`, a devDependency); the built
 * package runs the compiled .js worker with plain node.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { isMainThread } from "node:worker_threads";
import { currentBundleKey } from "../core/cached-bundle.js";
import { NnmotifsError } from "../core/errors.js";
import type { Digraph } from "../graph/digraph.js";
import type { NullContext } from "../nulls/null-model.js";
import { DEFAULT_NULL_MODEL, nullModel, nullModelSource } from "../nulls/registry.js";
import type { NullModelName } from "../nulls/registry.js";
import { SWITCH_DEFAULTS } from "../nulls/switch.js";
import type { SubgraphCounts } from "./types.js";
import { Rng } from "../core/random.js";
import { countSubgraphs } from "./count-subgraphs.js";
import { sampleSubgraphs } from "./rand-esu.js";
import { buildCensusGraph } from "./census-graph.js";
import { mergeSubgraphCounts, planEsuUnits } from "./esu-units.js";
import {
  runEnsembleTask,
  runOriginalTask,
  type EnsembleTask,
  type EnsembleTaskResult,
  type OriginalTask,
  type OriginalTaskResult,
  type UserErrorMessage,
  type WorkerTask,
  type WorkerTaskResult,
} from "./random-ensemble-worker.js";

export interface RandomEnsembleOptions {
  /** Number of random networks N (default 100). */
  readonly networks?: number;
  /** A name from the null-model registry (default "switch"). */
  readonly nullModel?: NullModelName;
  /** Node layers, required by the `layered` null model. */
  readonly layers?: Int32Array | null;
  /** What the null needs beyond the graph (src/nulls/null-model.ts), plain data. */
  readonly nullContext?: NullContext | null;
  readonly exchanges?: number;
  readonly tries?: number;
  readonly seed?: number;
  readonly size: number;
  readonly colours?: boolean;
  readonly vertexColours?: Int32Array | null;
  /** RAND-ESU probabilities per depth (sampled census of every network), or null. */
  readonly sample?: readonly number[] | null;
  /**
   * Worker threads (default: os.availableParallelism()); 1 runs in-process unless `inProcess` is
   * false. Off the main thread (inside a worker) a census always counts in that thread: see
   * prepareWork.
   */
  readonly threads?: number;
  /**
   * Count on the calling thread, without workers (default: when `threads` is 1). This thread sees
   * `signal` only between random networks (its event loop is busy while one is counted), so a
   * caller that must stop a long job promptly (Ctrl-C) passes false: one worker counts instead.
   */
  readonly inProcess?: boolean;
  /**
   * With `threads` > 1: count on the calling thread too, beside `threads` − 1 workers, instead of
   * on `threads` workers while this thread waits (default false). This thread counts the original
   * while the workers start, then random networks one at a time, yielding between them (`signal`
   * and progress are seen after each network): for jobs of short networks, where starting a
   * worker is a large part of the time. Networks a worker has not returned when this thread runs
   * out of work are counted here as well, the first result kept (the same numbers either way), so
   * the job never waits on a worker that is still starting.
   */
  readonly shareMainThread?: boolean;
  /** Called after each finished batch with the number of networks done so far. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Stops the work: the promise rejects with the signal's reason, workers are terminated. */
  readonly signal?: AbortSignal | null;
}

export const ENSEMBLE_DEFAULTS = {
  networks: 100,
  nullModel: DEFAULT_NULL_MODEL as NullModelName,
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
  /** Per network, the number of classes it has that are not among `keys`. */
  readonly otherClasses: Float64Array;
  /** What the null reported beside each network: switching tries and successes (0 if none). */
  readonly switching: { readonly tries: Float64Array; readonly successes: Float64Array };
  readonly threads: number;
}

/** Count the classes `keys` in N random networks of `g` (see the module comment). */
export async function randomEnsemble(
  g: Digraph,
  keys: readonly string[],
  options: RandomEnsembleOptions,
): Promise<RandomEnsemble> {
  const work = prepareWork(g, options);
  if (work.shared) {
    const shared = await openSharedRunners(work, options.signal ?? null);
    try {
      return await runSharedEnsemble(shared, work, keys, options);
    } finally {
      await shared.close();
    }
  }
  const runner = await openRunner(work.threads, options.signal ?? null, !work.inProcess);
  try {
    return await runEnsemble(runner, work, keys, options);
  } finally {
    await runner.close();
  }
}

/** The census of the original graph (its class keys sorted) and of its N random networks. */
export interface CensusCounts {
  readonly original: SubgraphCounts;
  readonly keys: string[];
  readonly ensemble: RandomEnsemble;
  /** Wall seconds of the two parts (the original includes starting the workers). */
  readonly seconds: { readonly original: number; readonly random: number };
}

/**
 * Count the original graph, then N random networks against its classes, on one set of workers.
 * `originalStream` numbers the Rng stream of the original's sampling (random network i uses i).
 */
export async function censusCounts(
  g: Digraph,
  options: RandomEnsembleOptions & { readonly originalStream: number },
): Promise<CensusCounts> {
  const t0 = performance.now();
  const work = prepareWork(g, options);
  const task: OriginalTask = { kind: "original", ...work.counting, stream: options.originalStream };
  if (work.shared) {
    // The workers start while this thread counts the original.
    const shared = await openSharedRunners(work, options.signal ?? null);
    try {
      return await countBoth(t0, shared.local, work, task, g, (keys) =>
        runSharedEnsemble(shared, work, keys, options),
      );
    } finally {
      await shared.close();
    }
  }
  // The original's census is cut into parts across every requested thread (an exact census),
  // even when there are fewer random networks than threads.
  const split = work.counting.sample === null && work.requestedThreads > 1;
  const poolThreads = split ? work.requestedThreads : work.threads;
  const runner = await openRunner(poolThreads, options.signal ?? null, !work.inProcess);
  try {
    return await countBoth(t0, runner, work, task, g, (keys) =>
      runEnsemble(runner, work, keys, options),
    );
  } finally {
    await runner.close();
  }
}

/** The original on `runner`, then the random networks against its classes, timed from `t0`. */
async function countBoth(
  t0: number,
  runner: Runner,
  work: Work,
  task: OriginalTask,
  g: Digraph,
  ensembleOf: (keys: string[]) => Promise<RandomEnsemble>,
): Promise<CensusCounts> {
  const original = await countOriginal(runner, work, task, g);
  const keys = [...original.counts.keys()];
  const t1 = performance.now();
  const ensemble = await ensembleOf(keys);
  const t2 = performance.now();
  return {
    original,
    keys,
    ensemble,
    seconds: { original: (t1 - t0) / 1000, random: (t2 - t1) / 1000 },
  };
}

/**
 * `censusCounts` with the random networks counted by another ensemble function (a job queue's,
 * queue/census-split.ts): the original is counted here, in-process, then `ensemble` counts the
 * random networks against its classes. Same numbers as `censusCounts` for the same seed.
 */
export function countsWithEnsemble(ensemble: typeof randomEnsemble) {
  return async (
    g: Digraph,
    options: RandomEnsembleOptions & { readonly originalStream: number },
  ): Promise<CensusCounts> => {
    const t0 = performance.now();
    const countOptions = {
      size: options.size,
      colours: options.colours ?? true,
      vertexColours: options.vertexColours ?? null,
      signal: options.signal ?? undefined,
    };
    const sample = options.sample ?? null;
    const original =
      sample === null
        ? countSubgraphs(g, countOptions)
        : sampleSubgraphs(g, {
            ...countOptions,
            probabilities: sample,
            rng: new Rng(options.seed ?? ENSEMBLE_DEFAULTS.seed, options.originalStream),
          });
    const keys = [...original.counts.keys()].sort();
    const t1 = performance.now();
    const random = await ensemble(g, keys, options);
    const t2 = performance.now();
    return {
      original: { ...original, counts: new Map(keys.map((k) => [k, original.counts.get(k) ?? 0])) },
      keys,
      ensemble: random,
      seconds: { original: (t1 - t0) / 1000, random: (t2 - t1) / 1000 },
    };
  };
}

/** ESU parts per thread when the original's census is split (the last parts balance the load). */
const ORIGINAL_PARTS_PER_THREAD = 4;

/**
 * The census of the original graph, its class keys sorted. With worker threads, an exact census
 * is cut into parts of about equal estimated cost by ESU root and first child (esu-units.ts),
 * counted in parallel and added up: integer counts, so the numbers are the same as one count.
 */
async function countOriginal(
  runner: Runner,
  work: Work,
  task: OriginalTask,
  g: Digraph,
): Promise<SubgraphCounts> {
  const parts =
    runner.threads > 1 && task.sample === null
      ? planEsuUnits(
          buildCensusGraph(g, false, null),
          task.size,
          runner.threads * ORIGINAL_PARTS_PER_THREAD,
        )
      : null;
  if (parts === null || parts.length <= 1) {
    const r = (await runner.run(task)) as OriginalTaskResult;
    const byKey = new Map(r.keys.map((key, i) => [key, r.counts[i]]));
    const keys = [...byKey.keys()].sort();
    return {
      size: work.counting.size,
      total: r.total,
      counts: new Map(keys.map((key) => [key, byKey.get(key) ?? 0])),
      sampled: r.sampled,
    };
  }
  const results = await Promise.all(
    parts.map((units) => runner.run({ ...task, units }) as Promise<OriginalTaskResult>),
  );
  return mergeSubgraphCounts(results, work.counting.size);
}

interface Work {
  readonly networks: number;
  /** Counted on the calling thread (no workers). */
  readonly inProcess: boolean;
  /** Counted on the calling thread and on `threads` − 1 workers (`shareMainThread`). */
  readonly shared: boolean;
  readonly requestedThreads: number;
  readonly threads: number;
  readonly counting: Omit<OriginalTask, "kind" | "stream">;
  readonly ensemble: Omit<EnsembleTask, "first" | "count" | "keys">;
}

function prepareWork(g: Digraph, options: RandomEnsembleOptions): Work {
  const N = options.networks ?? ENSEMBLE_DEFAULTS.networks;
  const name = options.nullModel ?? ENSEMBLE_DEFAULTS.nullModel;
  nullModel(name); // an unknown name fails here, in this thread, with a clear message
  const nullSource = nullModelSource(name);
  // A null that exists only in this thread cannot run on workers.
  // No pool inside a worker: a run-time null's module is imported by every worker, and one that
  // runs a census on import would make each worker start workers of its own, without end (13 GB
  // in seconds). Such a census counts in its worker's thread instead.
  const requestedThreads =
    nullSource === undefined || !isMainThread ? 1 : (options.threads ?? availableParallelism());
  const threads = Math.max(1, Math.min(requestedThreads, Math.max(N, 1)));
  const counting = {
    graph: {
      nodeCount: g.nodeCount,
      edgeSrc: g.edgeSrc,
      edgeTrg: g.edgeTrg,
      edgeColour: g.edgeColour,
    },
    seed: options.seed ?? ENSEMBLE_DEFAULTS.seed,
    size: options.size,
    colours: options.colours ?? ENSEMBLE_DEFAULTS.colours,
    vertexColours: options.vertexColours ?? null,
    sample: options.sample ?? null,
  };
  const ensemble = {
    ...counting,
    kind: "ensemble" as const,
    layers: options.layers ?? null,
    nullModel: name,
    nullSource: nullSource ?? null,
    context: options.nullContext ?? null,
    exchanges: options.exchanges ?? ENSEMBLE_DEFAULTS.exchanges,
    tries: options.tries ?? ENSEMBLE_DEFAULTS.tries,
  };
  // A census with several threads keeps the main thread free even when there is a single task
  // (the original alone, or one random network).
  const inProcess =
    nullSource === undefined || !isMainThread || (options.inProcess ?? requestedThreads === 1);
  const shared = !inProcess && options.shareMainThread === true && threads > 1;
  return { networks: N, inProcess, shared, requestedThreads, threads, counting, ensemble };
}

async function runEnsemble(
  runner: Runner,
  work: Work,
  keys: readonly string[],
  options: RandomEnsembleOptions,
): Promise<RandomEnsemble> {
  const N = work.networks;
  const K = keys.length;
  // Several batches per thread balance the load; the split never changes the numbers. On this
  // thread one network per batch: `signal` and progress are seen between batches.
  const batch = work.inProcess ? 1 : Math.max(1, Math.ceil(N / (work.threads * 4)));
  const tasks: EnsembleTask[] = [];
  for (let first = 0; first < N; first += batch)
    tasks.push({ ...work.ensemble, keys, first, count: Math.min(batch, N - first) });

  const result = emptyEnsemble(N, keys, work.threads);
  let done = 0;
  const store = (r: EnsembleTaskResult): void => {
    result.counts.set(r.counts, r.first * K);
    result.totals.set(r.totals, r.first);
    result.switching.tries.set(r.tries, r.first);
    result.switching.successes.set(r.successes, r.first);
    result.otherClasses.set(r.otherClasses, r.first);
    done += r.count;
    options.onProgress?.(done, N);
  };
  await Promise.all(
    tasks.map((task) => runner.run(task).then((r) => store(r as EnsembleTaskResult))),
  );
  return result;
}

/** N networks of zero counts for `keys`, to be filled in. */
export function emptyEnsemble(N: number, keys: readonly string[], threads: number): RandomEnsemble {
  const K = keys.length;
  return {
    networks: N,
    keys,
    counts: new Float64Array(N * K),
    totals: new Float64Array(N),
    otherClasses: new Float64Array(N),
    switching: { tries: new Float64Array(N), successes: new Float64Array(N) },
    threads,
  };
}

/** Runs tasks on worker threads or in-process; `close` frees the workers. */
interface Runner {
  /** Tasks that can run at once (1 in-process). */
  readonly threads: number;
  run(task: WorkerTask): Promise<WorkerTaskResult>;
  close(): Promise<void>;
}

/** One task at a time, in order; between tasks the event loop runs (a SIGINT handler can abort). */
function inProcessRunner(signal: AbortSignal | null): Runner {
  let queue: Promise<unknown> = Promise.resolve();
  const run = (task: WorkerTask): Promise<WorkerTaskResult> => {
    const next = queue.then(async () => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      signal?.throwIfAborted();
      return task.kind === "original"
        ? runOriginalTask(task, signal ?? undefined)
        : runEnsembleTask(task, signal ?? undefined);
    });
    queue = next.catch(() => undefined);
    return next;
  };
  return { threads: 1, run, close: async () => undefined };
}

/** The calling thread and `threads` − 1 workers (`shareMainThread`). */
interface SharedRunners {
  readonly local: Runner;
  readonly workers: Runner;
  /** Stops the workers' remaining tasks (their networks are counted here) and frees them. */
  close(): Promise<void>;
}

async function openSharedRunners(work: Work, signal: AbortSignal | null): Promise<SharedRunners> {
  // Cancelled at the end: a worker's unfinished batch is not waited for (see runSharedEnsemble).
  const finished = new AbortController();
  const workerSignal =
    signal === null ? finished.signal : AbortSignal.any([signal, finished.signal]);
  const workers = await openRunner(work.threads - 1, workerSignal, true);
  return {
    local: inProcessRunner(signal),
    workers,
    close: async () => {
      finished.abort(new Error("census finished"));
      await workers.close();
    },
  };
}

/** Tasks in flight per worker: the next batch waits in the worker, not for this busy thread. */
const SHARED_TASKS_PER_WORKER = 2;

/**
 * The random networks on this thread and the workers together (`shareMainThread`). This thread
 * takes networks one at a time from the front, the workers batches from the back, smaller as the
 * networks run out; when none are left to take, this thread counts those the workers have not
 * returned yet: the most recently handed-out batch first (the least likely started), from its
 * end (a worker counts a batch from its start, so the two meet in the middle). Every network's
 * counts depend only on its index, so a network counted twice has the same counts twice and the
 * first kept is as good as the other: the output is that of any thread count.
 */
async function runSharedEnsemble(
  shared: SharedRunners,
  work: Work,
  keys: readonly string[],
  options: RandomEnsembleOptions,
): Promise<RandomEnsemble> {
  const N = work.networks;
  const K = keys.length;
  const signal = options.signal ?? null;
  const result = emptyEnsemble(N, keys, work.threads);
  const stored = new Uint8Array(N);
  let done = 0;
  const store = (r: EnsembleTaskResult): void => {
    const before = done;
    for (let j = 0; j < r.count; j++) {
      const i = r.first + j;
      if (stored[i] === 1) continue;
      stored[i] = 1;
      done++;
      result.counts.set(r.counts.subarray(j * K, (j + 1) * K), i * K);
      result.totals[i] = r.totals[j];
      result.switching.tries[i] = r.tries[j];
      result.switching.successes[i] = r.successes[j];
      result.otherClasses[i] = r.otherClasses[j];
    }
    // A batch this thread has counted meanwhile is no progress (and none after the end).
    if (done > before) options.onProgress?.(done, N);
  };
  // Networks [front, back) are not handed out yet.
  let front = 0;
  let back = N;
  let inFlight = 0;
  let failure: { error: unknown } | null = null;
  /** (first, count) of every batch given to a worker, in the order given. */
  const handedOut: number[] = [];
  const maxInFlight = shared.workers.threads * SHARED_TASKS_PER_WORKER;
  const feed = (): void => {
    while (failure === null && inFlight < maxInFlight && front < back) {
      const size = Math.max(1, Math.floor((back - front) / (4 * work.threads)));
      back -= size;
      handedOut.push(back, size);
      inFlight++;
      shared.workers
        .run({ ...work.ensemble, keys, first: back, count: size })
        .then(
          (r) => store(r as EnsembleTaskResult),
          (error: unknown) => {
            // The end of the job cancels what is left; only a failure before it counts.
            if (done < N && failure === null) failure = { error };
          },
        )
        .finally(() => {
          inFlight--;
          feed();
        });
    }
  };
  feed();
  while (done < N) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    signal?.throwIfAborted();
    if (failure !== null) throw (failure as { error: unknown }).error;
    let i: number;
    if (front < back) {
      i = front++;
      feed();
    } else {
      i = lastUnstored(handedOut, stored);
      if (i < 0) break;
    }
    store(runEnsembleTask({ ...work.ensemble, keys, first: i, count: 1 }, signal ?? undefined));
  }
  return result;
}

/** The last network not stored of the most recent batch that has one, or −1. */
function lastUnstored(handedOut: readonly number[], stored: Uint8Array): number {
  for (let b = handedOut.length - 2; b >= 0; b -= 2) {
    const first = handedOut[b];
    for (let i = first + handedOut[b + 1] - 1; i >= first; i--) if (stored[i] === 0) return i;
  }
  return -1;
}

/**
 * A worker's young generation: V8's default lets each worker's heap float ~20 MB above what it
 * holds; 16 MB cut the peak of a k = 6 ensemble on 2 workers by 40 MB at the same speed.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16 };

/**
 * `threads` workers, or in-process (one task at a time) when `workers` is false. A worker even
 * for one thread keeps the main thread free, so Ctrl-C is seen at once.
 */
async function openRunner(
  threads: number,
  signal: AbortSignal | null,
  workers: boolean,
): Promise<Runner> {
  signal?.throwIfAborted();
  if (!workers) return inProcessRunner(signal);
  const { Piscina } = await import("piscina");
  const pool = new Piscina<WorkerTask, WorkerTaskResult>({
    ...workerFile(),
    minThreads: threads,
    maxThreads: threads,
    resourceLimits: WORKER_LIMITS,
  });
  // Tasks still running when one fails: destroying the pool under them makes piscina throw an
  // uncaught "Unexpected message from Worker" when they answer, so close waits for them (an abort
  // has already cancelled them through the signal).
  const inFlight = new Set<Promise<unknown>>();
  return {
    threads,
    // piscina rejects with its own AbortError: give the caller the signal's reason, as in-process.
    run: (task) => {
      const running = pool.run(task, signal === null ? {} : { signal });
      inFlight.add(running);
      void running.then(
        () => inFlight.delete(running),
        () => inFlight.delete(running),
      );
      return running.catch((error: unknown) => {
        if (signal?.aborted) throw signal.reason;
        const user = (error as Partial<UserErrorMessage> | null)?.nnmotifsError;
        if (user === undefined) throw error;
        throw new NnmotifsError(user.message, { file: user.file, line: user.line }, user.exitCode);
      });
    },
    close: async () => {
      if (!signal?.aborted) await Promise.allSettled([...inFlight]);
      await pool.destroy();
    },
  };
}

/**
 * The worker's module, and its Node options: none given for the built module, so the worker
 * inherits the process's. Passing `process.execArgv` explicitly made Node refuse every V8 or
 * process-wide flag (`node --max-old-space-size=4096 nnmotifs census …` ended in
 * ERR_WORKER_INVALID_EXEC_ARGV); such flags hold for the whole process anyway. Under tsx (tests,
 * development) the worker also needs tsx's loader.
 *
 * The built module: its bundle's entry when `npm run build` made a bundle that is current (one
 * script from a V8 code cache, random-ensemble-worker-entry.ts), else the plain module.
 */
function workerFile(): { filename: string; execArgv: string[] | undefined } {
  const self = import.meta.url;
  if (self.endsWith(".ts")) {
    return {
      filename: fileURLToPath(new URL("./random-ensemble-worker.ts", self)),
      execArgv: [...process.execArgv, "--import", "tsx"],
    };
  }
  const entry = fileURLToPath(new URL("./random-ensemble-worker-entry.cjs", self));
  const bundle = fileURLToPath(new URL("./random-ensemble-worker.bundle.cjs", self));
  const bundled = existsSync(entry) && currentBundleKey(bundle) !== null;
  return {
    filename: bundled ? entry : fileURLToPath(new URL("./random-ensemble-worker.js", self)),
    execArgv: undefined,
  };
}
