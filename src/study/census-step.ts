/** The census step: one graph × motif size × null model → census/<graph>-k<size>-<null>. */
import { join } from "node:path";
import type { NullModelName } from "../nulls/registry.js";
import { readGraph } from "../graph/read-graph.js";
import { census, censusJson } from "../stats/census.js";
import { formatCensus } from "../stats/census-format.js";
import type { StudyConfig } from "./config.js";
import { LAYOUT } from "./layout.js";
import { nnmotifsVersion } from "./manifest.js";
import { stepSeed, type Step } from "./step.js";

export interface CensusSummary {
  readonly subgraphs: number;
  readonly classes: number;
  readonly censusSeconds: number;
}

/**
 * One census: a graph × a motif size × a null model; with `cutoff`, of the graph re-binned at that
 * cut-off by the sensitivity sweep. The seed does not depend on the cut-off: every cut-off's census
 * of a graph draws the same random stream, so differences come from the binning alone.
 */
export function censusStep(
  config: StudyConfig,
  graphId: string,
  size: number,
  nullModel: NullModelName,
  graphHash: string,
  cutoff?: number,
): Step<CensusSummary> {
  const seed = stepSeed(config.seed, "census", graphId, String(size), nullModel);
  const m = config.motifs;
  const sweep = cutoff !== undefined;
  const files = sweep
    ? {
        graph: LAYOUT.sensitivityGraphJson(cutoff, graphId),
        json: LAYOUT.sensitivityCensusJson(cutoff, graphId, size, nullModel),
        csv: LAYOUT.sensitivityCensusCsv(cutoff, graphId, size, nullModel),
      }
    : {
        graph: LAYOUT.graphJson(graphId),
        json: LAYOUT.censusJson(graphId, size, nullModel),
        csv: LAYOUT.censusCsv(graphId, size, nullModel),
      };
  return {
    id: sweep
      ? `sensitivity-census-c${String(cutoff)}-${graphId}-k${size}-${nullModel}`
      : `census-${graphId}-k${size}-${nullModel}`,
    stage: "census",
    label: sweep
      ? `census ${graphId} k=${size} ${nullModel} at c = ${cutoff}`
      : `census ${graphId} k=${size} ${nullModel}`,
    seed,
    long: true,
    inputs: {
      graphHash,
      size,
      nullModel,
      seed,
      randomNetworks: m.randomNetworks,
      exchanges: m.exchanges,
      tries: m.tries,
      colours: m.colours,
      vertexColours: m.vertexColours,
    },
    async run(ctx, progress) {
      const graphFile = files.graph;
      const result = await census(readGraph(join(ctx.outDir, graphFile)), {
        size,
        networks: m.randomNetworks,
        nullModel,
        exchanges: m.exchanges,
        tries: m.tries,
        seed,
        // Size-3 censuses take milliseconds per network: starting workers costs more than it
        // saves, so "auto" runs them in-process (results are identical for any thread count).
        threads: size <= 3 && ctx.config.threads === "auto" ? 1 : ctx.threads,
        colours: m.colours,
        vertexColours: m.vertexColours === "layer" ? "layer" : null,
        onProgress: progress,
      });
      // Without `run` (threads, timings): equal inputs give byte-identical files.
      const doc = censusJson(result);
      const outputs = [
        await ctx.write(files.json, JSON.stringify(doc, null, 1) + "\n"),
        await ctx.write(
          files.csv,
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
}
