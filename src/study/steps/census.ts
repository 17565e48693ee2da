/**
 * The census step: one graph × motif size × null model (× binning point) → census JSON and CSV.
 *
 * The nulls that need the network (shuffle, reinit) get it from the graph file itself: a study
 * graph is native JSON with layers, the weights of its kept edges, `meta.binning` (the group's bin
 * edges) and `meta.init`; graph/network-context.ts explains why the removed edges' weights are not
 * needed. So these censuses need no further step input.
 */
import { networkNullContext } from "../../graph/network-context.js";
import "../../graph/reinit-null.js";
import { parseGraph } from "../../graph/read-graph.js";
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
}

export const censusKind: StepKind<CensusParams, CensusSummary> = {
  async run({ params: p, inputs }, ctx) {
    ctx.signal.throwIfAborted();
    const graphFile = inputs[p.graph]?.output ?? p.graph;
    const m = p.motifs;
    const options: CensusOptions = {
      size: p.size,
      networks: m.randomNetworks,
      nullModel: p.nullModel,
      exchanges: m.exchanges,
      tries: m.tries,
      seed: p.seed,
      // Size-3 censuses take milliseconds per network: starting workers costs more than it
      // saves, so "auto" runs them in-process (results are identical for any thread count).
      threads: p.size <= 3 && ctx.autoThreads ? 1 : ctx.threads,
      colours: m.colours,
      vertexColours: m.vertexColours === "layer" ? "layer" : null,
      onProgress: (done, total) => ctx.progress(done, total),
      signal: ctx.signal,
    };
    const graph = parseGraph(await ctx.readText(p.graph), graphFile);
    const nullContext = needsNetworkContext(p.nullModel)
      ? networkNullContext(graph, { nullName: p.nullModel, file: graphFile })
      : null;
    const result = await census(graph, { ...options, nullContext });
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
      },
    };
  },
};
