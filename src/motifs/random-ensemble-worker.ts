/**
 * One batch of random networks: switch each from the original with its own `Rng(seed, i)`, count
 * its k-subgraphs, and return the counts of the requested classes. Run on a piscina worker thread
 * (default export) or in-process (`runEnsembleTask`) — the same code, so the same numbers.
 */
import { Rng } from "../core/random.js";
import type { Digraph } from "../graph/digraph.js";
import { NULL_MODELS, type NullModelName } from "./layered-switching.js";
import { tallySubgraphClasses } from "./count-subgraphs.js";
import type { Switching } from "./switching.js";

/** What a worker needs; plain data (structured-clone friendly). */
export interface EnsembleTask {
  readonly graph: Pick<Digraph, "nodeCount" | "edgeSrc" | "edgeTrg" | "edgeColour">;
  readonly layers: Int32Array | null;
  readonly nullModel: NullModelName;
  readonly exchanges: number;
  readonly tries: number;
  readonly seed: number;
  readonly size: number;
  readonly colours: boolean;
  readonly vertexColours: Int32Array | null;
  /** RAND-ESU probabilities per depth, or null for full enumeration. */
  readonly sample: readonly number[] | null;
  /** Class keys whose counts to return, in this order. */
  readonly keys: readonly string[];
  /** Networks first .. first+count-1. */
  readonly first: number;
  readonly count: number;
}

export interface EnsembleTaskResult {
  readonly first: number;
  readonly count: number;
  /** Row-major count × keys.length. */
  readonly counts: Float64Array;
  /** Total k-subgraphs per network. */
  readonly totals: Float64Array;
  readonly tries: Float64Array;
  readonly successes: Float64Array;
  /** Per network: number of classes present that are not among `keys`. */
  readonly otherClasses: Float64Array;
}

// Preparing the switching is O(edges); a worker keeps the last one for the next batch.
let cached: { task: EnsembleTask; switching: Switching } | null = null;

function switchingFor(task: EnsembleTask): Switching {
  const c = cached?.task;
  if (
    c &&
    c.nullModel === task.nullModel &&
    c.graph.edgeSrc.length === task.graph.edgeSrc.length &&
    sameArray(c.graph.edgeSrc, task.graph.edgeSrc) &&
    sameArray(c.graph.edgeTrg, task.graph.edgeTrg) &&
    sameArray(c.graph.edgeColour, task.graph.edgeColour) &&
    (c.layers === task.layers || (c.layers && task.layers && sameArray(c.layers, task.layers)))
  ) {
    return cached!.switching;
  }
  const switching = NULL_MODELS[task.nullModel].prepare(task.graph as Digraph, task.layers);
  cached = { task, switching };
  return switching;
}

function sameArray(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function runEnsembleTask(task: EnsembleTask): EnsembleTaskResult {
  const switching = switchingFor(task);
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
  };
  for (let r = 0; r < task.count; r++) {
    const rng = new Rng(task.seed, task.first + r);
    const random = switching.randomise(rng, { exchanges: task.exchanges, tries: task.tries });
    // Tally against the original's classes only: no Map of the tens of thousands of rare classes
    // a random network has. Sampling continues the network's own Rng after the switching, so
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
    tries[r] = random.tries;
    successes[r] = random.successes;
    otherClasses[r] = tally.otherClasses;
    counts.set(tally.counts, r * K);
  }
  return { first: task.first, count: task.count, counts, totals, tries, successes, otherClasses };
}

export default function (task: EnsembleTask): EnsembleTaskResult {
  return runEnsembleTask(task);
}
