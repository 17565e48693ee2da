/**
 * The reference step (SPEC §10.3): one reference network (a shipped `@name` or a graph file) × one
 * motif size, counted without colours under the configured null, with the study's random-network
 * count → census JSON and CSV under `references/`. The network is package data (or the user's
 * file), not an upstream step's output, so it is read from disk; its content hash is in the params.
 */
import { withoutColours } from "../../graph/digraph.js";
import { resolveGraphPath, shippedNetworks } from "../../graph/networks.js";
import { readGraph } from "../../graph/read-graph.js";
import { census, censusJson } from "../../stats/census.js";
import { formatCensus } from "../../stats/census-format.js";
import { nnmotifsVersion } from "../manifest.js";
import type { ReferenceParams } from "../plan.js";
import type { CensusSummary } from "./census.js";
import type { StepKind } from "./registry.js";

export interface ReferenceSummary extends CensusSummary {
  readonly nodes: number;
  readonly arcs: number;
  readonly description: string;
}

export const referenceKind: StepKind<ReferenceParams, ReferenceSummary> = {
  async run({ params: p }, ctx) {
    ctx.signal.throwIfAborted();
    const graph = withoutColours(readGraph(p.network));
    const result = await census(graph, {
      size: p.size,
      networks: p.motifs.randomNetworks,
      nullModel: p.nullModel,
      exchanges: p.motifs.exchanges,
      tries: p.motifs.tries,
      seed: p.seed,
      // As the study's census steps: size 3 in-process under "auto" (same numbers either way).
      threads: p.size <= 3 && ctx.autoThreads ? 1 : ctx.threads,
      colours: false,
      file: p.network,
      onProgress: (done, total) => ctx.progress(done, total),
      signal: ctx.signal,
    });
    ctx.signal.throwIfAborted();
    const doc = censusJson(result);
    const outputs = [
      await ctx.write(p.json, JSON.stringify(doc, null, 1) + "\n"),
      await ctx.write(
        p.csv,
        formatCensus(doc, "csv", { file: resolveGraphPath(p.network), version: nnmotifsVersion() }),
      ),
    ];
    const shipped = shippedNetworks().find((n) => `@${n.name}` === p.network);
    return {
      outputs,
      data: {
        subgraphs: doc.subgraphs,
        classes: doc.motifs.length,
        censusSeconds: result.run.seconds.total,
        nodes: graph.nodeCount,
        arcs: graph.edgeSrc.length,
        description: shipped?.description ?? p.network,
      },
    };
  },
};
