/**
 * The work of a census, in batches: count the original graph (an `OriginalTask`), or make a batch
 * of random networks — network i from its own `Rng(seed, i)` by the null model named in the task —
 * and count the requested classes in each (an `EnsembleTask`). Run on a piscina worker thread
 * (default export) or in-process (`runEnsembleTask`, `runOriginalTask`) — the same code, so the
 * same numbers.
 *
 * The null is resolved by name from the registry of src/nulls; a worker that does not know the
 * name (a null registered at run time) imports the module the task names for it and registers the
 * export in its own registry.
 */
import { isDeepStrictEqual } from "node:util";
import type { NnmotifsError } from "../core/errors.js";
import { Rng } from "../core/random.js";
import type { Digraph } from "../graph/digraph.js";
import type { NullContext, NullModel, ReplicateGenerator } from "../nulls/null-model.js";
import {
  isNullModelName,
  nullModel,
  registerNullModel,
  type NullModelSource,
} from "../nulls/registry.js";
import { countSubgraphs, tallySubgraphClasses } from "./count-subgraphs.js";
import { countSubgraphUnits } from "./esu-units.js";
import { sampleSubgraphs } from "./rand-esu.js";

type PlainGraph = Pick<Digraph, "nodeCount" | "edgeSrc" | "edgeTrg" | "edgeColour">;

interface CountingTask {
  readonly graph: PlainGraph;
  readonly size: number;
  readonly colours: boolean;
  readonly vertexColours: Int32Array | null;
  /** RAND-ESU probabilities per depth, or null for full enumeration. */
  readonly sample: readonly number[] | null;
  readonly seed: number;
}

/** The census of the original graph; sampling draws from `Rng(seed, stream)`. */
export interface OriginalTask extends CountingTask {
  readonly kind: "original";
  readonly stream: number;
  /**
   * Exact census only: the part of the ESU tree to count (esu-units.ts triples), or absent for
   * all of it. The parts of a partition add up to the whole census (integer counts).
   */
  readonly units?: Int32Array | null;
}

export interface OriginalTaskResult {
  readonly kind: "original";
  readonly total: number;
  readonly sampled: boolean;
  /** Class keys, in the order of `counts` (unsorted). */
  readonly keys: string[];
  readonly counts: Float64Array;
}

/** A batch of random networks; plain data (structured-clone friendly). */
export interface EnsembleTask extends CountingTask {
  readonly kind: "ensemble";
  readonly layers: Int32Array | null;
  readonly nullModel: string;
  /** Where to import `nullModel` from when this thread does not know it (run-time nulls). */
  readonly nullSource: NullModelSource | null;
  readonly context: NullContext | null;
  readonly exchanges: number;
  readonly tries: number;
  /** Class keys whose counts to return, in this order. */
  readonly keys: readonly string[];
  /** Networks first .. first+count-1. */
  readonly first: number;
  readonly count: number;
}

export interface EnsembleTaskResult {
  readonly kind: "ensemble";
  readonly first: number;
  readonly count: number;
  /** Row-major count × keys.length. */
  readonly counts: Float64Array;
  /** Total k-subgraphs per network. */
  readonly totals: Float64Array;
  /** Switching tries and successes per network (0 for a null that does not switch). */
  readonly tries: Float64Array;
  readonly successes: Float64Array;
  /** Per network: number of classes present that are not among `keys`. */
  readonly otherClasses: Float64Array;
}

export type WorkerTask = OriginalTask | EnsembleTask;
export type WorkerTaskResult = OriginalTaskResult | EnsembleTaskResult;

export function runOriginalTask(task: OriginalTask, signal?: AbortSignal): OriginalTaskResult {
  const options = {
    size: task.size,
    colours: task.colours,
    vertexColours: task.vertexColours,
    signal: signal ?? null,
  };
  const graph = task.graph as Digraph;
  const units = task.units ?? null;
  const counted =
    task.sample === null
      ? units === null
        ? countSubgraphs(graph, options)
        : countSubgraphUnits(graph, options, units)
      : sampleSubgraphs(graph, {
          ...options,
          probabilities: task.sample,
          rng: new Rng(task.seed, task.stream),
        });
  return {
    kind: "original",
    total: counted.total,
    sampled: counted.sampled,
    keys: [...counted.counts.keys()],
    counts: Float64Array.from(counted.counts.values()),
  };
}

// Preparing a null is O(edges) or more; a thread keeps the last one for the next batch.
let cached: { input: unknown; generate: ReplicateGenerator } | null = null;

function generatorFor(task: EnsembleTask): ReplicateGenerator {
  const input = {
    nullModel: task.nullModel,
    graph: task.graph,
    layers: task.layers,
    context: task.context,
    exchanges: task.exchanges,
    tries: task.tries,
  };
  if (cached !== null && isDeepStrictEqual(cached.input, input)) return cached.generate;
  const generate = nullModel(task.nullModel).prepare(
    { graph: task.graph as Digraph, layers: task.layers, context: task.context },
    { exchanges: task.exchanges, tries: task.tries },
  );
  cached = { input, generate };
  return generate;
}

/** Random network `replicate` of a task, as `runEnsembleTask` makes it (a root-split census). */
export function randomNetworkOf(
  task: Omit<EnsembleTask, "first" | "count">,
  replicate: number,
): ReturnType<ReplicateGenerator> {
  return generatorFor({ ...task, first: replicate, count: 1 })(
    new Rng(task.seed, replicate),
    replicate,
  );
}

export function runEnsembleTask(task: EnsembleTask, signal?: AbortSignal): EnsembleTaskResult {
  const generate = generatorFor(task);
  const K = task.keys.length;
  const counts = new Float64Array(task.count * K);
  const totals = new Float64Array(task.count);
  const tries = new Float64Array(task.count);
  const successes = new Float64Array(task.count);
  const otherClasses = new Float64Array(task.count);
  const countOptions = {
    size: task.size,
    colours: task.colours,
    vertexColours: task.vertexColours,
    signal: signal ?? null,
  };
  for (let r = 0; r < task.count; r++) {
    const replicate = task.first + r;
    const rng = new Rng(task.seed, replicate);
    const random = generate(rng, replicate);
    // Tally against the original's classes only: no Map of the tens of thousands of rare classes
    // a random network has. Sampling continues the network's own Rng after the null model, so
    // there is still one stream per network.
    const tally =
      task.sample === null
        ? tallySubgraphClasses(random.graph, countOptions, task.keys)
        : tallySubgraphClasses(
            random.graph,
            { ...countOptions, probabilities: task.sample, rng },
            task.keys,
          );
    totals[r] = tally.total;
    tries[r] = random.switching?.tries ?? 0;
    successes[r] = random.switching?.successes ?? 0;
    otherClasses[r] = tally.otherClasses;
    counts.set(tally.counts, r * K);
  }
  return {
    kind: "ensemble",
    first: task.first,
    count: task.count,
    counts,
    totals,
    tries,
    successes,
    otherClasses,
  };
}

/** An NnmotifsError crossing the thread boundary (structured clone keeps no class). */
export interface UserErrorMessage {
  readonly nnmotifsError: { message: string; file?: string; line?: number; exitCode: number };
}

export default async function (task: WorkerTask): Promise<WorkerTaskResult> {
  try {
    return await runTask(task);
  } catch (error) {
    // By name, not instanceof: a null's module loaded through tsx has its own copy of the class.
    if (!(error instanceof Error) || error.name !== "NnmotifsError") throw error;
    const { message, file, line, exitCode } = error as NnmotifsError;
    throw { nnmotifsError: { message, file, line, exitCode } } satisfies UserErrorMessage;
  }
}

async function runTask(task: WorkerTask): Promise<WorkerTaskResult> {
  if (task.kind === "original") return runOriginalTask(task);
  const source = task.nullSource;
  if (!isNullModelName(task.nullModel) && source !== null) {
    const exports = await importModule(source.module);
    // The module may have registered it itself (same registry instance); otherwise register here.
    if (!isNullModelName(task.nullModel))
      registerNullModel(task.nullModel, exports[source.exportName] as NullModel, source);
  }
  return runEnsembleTask(task);
}

/**
 * Under TypeScript sources the worker runs with tsx's loader, whose hooks do not reach a plain
 * `import()` of a .ts file from a worker thread (Node 20): such a module goes through tsx's own
 * importer (tsx is a devDependency; .ts modules exist only under it).
 */
async function importModule(url: string): Promise<Record<string, unknown>> {
  if (url.endsWith(".ts")) {
    const { tsImport } = await import("tsx/esm/api");
    return (await tsImport(url, import.meta.url)) as Record<string, unknown>;
  }
  return (await import(url)) as Record<string, unknown>;
}
