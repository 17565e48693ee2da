/**
 * The census step: one graph × motif size × null model (× binning point) → census JSON and CSV.
 *
 * The nulls that need the network (shuffle, reinit) get it from the graph file itself: a study
 * graph is native JSON with layers, the weights of its kept edges, `meta.binning` (the group's bin
 * edges) and `meta.init`; graph/network-context.ts explains why the removed edges' weights are not
 * needed. So these censuses need no further step input.
 */
import { Rng } from "../../core/random.js";
import type { Digraph } from "../../graph/digraph.js";
import { networkNullContext } from "../../graph/network-context.js";
import "../../graph/reinit-null.js";
import { parseGraph } from "../../graph/read-graph.js";
import { estimateSubgraphCount } from "../../motifs/rand-esu.js";
import { needsNetworkContext } from "../../nulls/registry.js";
import { census, censusJson, type CensusOptions } from "../../stats/census.js";
import { formatCensus } from "../../stats/census-format.js";
import { nnmotifsVersion } from "../manifest.js";
import type { CensusParams } from "../plan.js";
import type { StepKind } from "./registry.js";

export interface CensusSummary {
  readonly subgraphs: number;
  readonly classes: number;
  readonly censusSeconds: number;
  /** Present when the graph had too many subgraphs to enumerate (motifs.maxExactSubgraphs). */
  readonly sampling?: SamplingChoice;
}

/** RAND-ESU instead of the exact census, and why. */
export interface SamplingChoice {
  /** Estimated k-subgraphs of the graph (Knuth's probe estimator) and its standard error. */
  readonly estimate: number;
  readonly standardError: number;
  /** Per-depth probabilities: the expected share of subgraphs counted is their product. */
  readonly probabilities: readonly number[];
  /** Expected subgraphs counted per network (estimate × product): a count's relative standard
   * error is about 1/√(its expected sampled count). */
  readonly expectedSampled: number;
}

/** Below this estimated time (plan.ts cost model) a census runs in-process under `threads: auto`. */
const IN_PROCESS_SECONDS = 0.3;

/** Stream of the seeded work estimate (apart from the census's own streams). */
const ESTIMATE_STREAM = 0x65737469; // "esti"

/**
 * Whether to sample: the seeded estimate of the graph's k-subgraphs against the limit; above it,
 * the probability goes on the last two depths of the ESU tree, where most of the tree is, so that
 * about a quarter of `limit` subgraphs are counted (RAND-ESU has no fast kernel: sampling only
 * pays when it drops most of the tree). The choice depends on the graph and seed only, not on
 * the machine, so the same seed gives the same census.
 */
export function samplingFor(
  g: Digraph,
  size: number,
  seed: number,
  limit: number,
): SamplingChoice | null {
  if (size < 4) return null;
  const est = estimateSubgraphCount(g, size, { rng: new Rng(seed, ESTIMATE_STREAM) });
  if (!(est.estimate > limit)) return null;
  const keep = limit / 4 / est.estimate;
  const last = Math.sqrt(keep);
  const probabilities = Array.from({ length: size }, (_, d) =>
    d >= size - 2 ? Number(last.toPrecision(3)) : 1,
  );
  const share = probabilities.reduce((a, p) => a * p, 1);
  return {
    estimate: est.estimate,
    standardError: est.standardError,
    probabilities,
    expectedSampled: est.estimate * share,
  };
}

export const censusKind: StepKind<CensusParams, CensusSummary> = {
  async run({ params: p, inputs, estimate }, ctx) {
    ctx.signal.throwIfAborted();
    const graphFile = inputs[p.graph]?.output ?? p.graph;
    const m = p.motifs;
    const g = parseGraph(await ctx.readText(p.graph), graphFile);
    const sampling = samplingFor(g, p.size, p.seed, m.maxExactSubgraphs ?? Infinity);
    const short = p.size <= 3 || estimate < IN_PROCESS_SECONDS;
    const options: CensusOptions = {
      size: p.size,
      networks: m.randomNetworks,
      nullModel: p.nullModel,
      exchanges: m.exchanges,
      tries: m.tries,
      seed: p.seed,
      // Size-3 censuses and small ones (a trajectory's few random networks) take less than
      // starting workers costs, so "auto" runs them in-process (results are identical for any
      // thread count).
      threads: short && ctx.autoThreads ? 1 : ctx.threads,
      // A longer one counts on a worker even with `threads: 1`, so Ctrl-C stops it at once.
      inProcess: short,
      colours: m.colours,
      vertexColours: m.vertexColours === "layer" ? "layer" : null,
      onProgress: (done, total) => ctx.progress(done, total),
      signal: ctx.signal,
      ...(sampling !== null ? { sample: sampling.probabilities } : {}),
    };
    const nullContext = needsNetworkContext(p.nullModel)
      ? networkNullContext(g, { nullName: p.nullModel, file: graphFile })
      : null;
    const result = await census(g, { ...options, nullContext });
    ctx.signal.throwIfAborted();
    // Without `run` (threads, timings): equal inputs give byte-identical files.
    const doc = censusJson(result);
    const outputs = [
      await ctx.write(p.json, JSON.stringify(doc, null, 1) + "\n"),
      await ctx.write(
        p.csv,
        formatCensus(doc, "csv", { file: graphFile, version: nnmotifsVersion() }),
      ),
    ];
    return {
      outputs,
      data: {
        subgraphs: doc.subgraphs,
        classes: doc.motifs.length,
        censusSeconds: result.run.seconds.total,
        ...(sampling !== null ? { sampling } : {}),
      },
    };
  },
};
