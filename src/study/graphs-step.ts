/** The graphs steps: one init scheme's networks → binned graphs (main, and per sweep cut-off). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { GraphRecord, SensitivityGraph } from "../analysis/study-results.js";
import { binGraphs } from "../graph/binning.js";
import type { Digraph } from "../graph/digraph.js";
import { networkToDigraph } from "../graph/from-network.js";
import { formatGraph } from "../graph/read-graph.js";
import { parseNativeModel } from "../model/native-model.js";
import type { StudyConfig } from "./config.js";
import { LAYOUT, initialGraphId, trainedGraphId, type StudyDataset } from "./layout.js";
import type { Step } from "./step.js";

export interface GraphsSummary {
  readonly graphIds: readonly string[];
  readonly edgesPerColour: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly binEdges: readonly number[] | null;
}

/** Turn one init scheme's networks (initial + trained on each data set) into graphs, shared bins. */
export function graphsStep(
  config: StudyConfig,
  datasets: readonly StudyDataset[],
  init: string,
  trainHashes: Readonly<Record<string, string>>,
): Step<GraphsSummary> {
  const g = config.graphs;
  return {
    id: `graphs-${init}`,
    stage: "graphs",
    label: `graphs ${init} (${g.binning} binning)`,
    seed: null,
    long: false,
    // Only the options the scheme reads: a new quantile does not redo paper-binned graphs.
    inputs: { init, graphs: binningInputs(g), trainHashes },
    async run(ctx) {
      const read = (dataset: string | null, id: string, file: string) => ({
        id,
        dataset,
        net: parseNativeModel(readFileSync(join(ctx.outDir, file), "utf8"), file),
      });
      const members = [
        read(null, initialGraphId(init), LAYOUT.initialModel(init)),
        ...datasets.map((ds) =>
          read(ds.spec, trainedGraphId(init, ds.slug), LAYOUT.trainedModel(ds.slug, init)),
        ),
      ];
      // Every kernel weight as an edge (SPEC §4.1); the binning keeps a subsequence of them.
      const full = members.map((m) => networkToDigraph(m.net));
      const binned = binGraphs(full, g.binning, { cutoff: g.cutoff, quantile: g.quantile });
      const fit = normalFit(binned.details);
      const outputs: string[] = [];
      const records: GraphRecord[] = [];
      const edgesPerColour: Record<string, Record<string, number>> = {};
      for (let i = 0; i < members.length; i++) {
        const m = members[i];
        const stage = m.dataset === null ? "initial" : "trained";
        const graph = {
          ...binned.graphs[i],
          meta: { ...binned.graphs[i].meta, id: m.id, init, stage, dataset: m.dataset },
        };
        outputs.push(await ctx.write(LAYOUT.graphFanmod(m.id), formatGraph(graph, "fanmod")));
        outputs.push(await ctx.write(LAYOUT.graphJson(m.id), formatGraph(graph, "json")));
        // Colours present only (the scheme's count lists its unused colours as 0).
        const perColour = Object.fromEntries(
          Object.entries(binned.edgesPerColour[i]).filter(([, n]) => n > 0),
        );
        edgesPerColour[m.id] = perColour;
        records.push({
          id: m.id,
          init,
          stage,
          dataset: m.dataset,
          layerSizes: [...m.net.layerSizes],
          weights: Array.from(full[i].edgeWeight ?? []),
          weightColours: Array.from(keptColours(full[i], binned.graphs[i])),
          binEdges: binned.binEdges,
          fit,
          edgesPerColour: perColour,
        });
      }
      outputs.push(
        await ctx.write(LAYOUT.graphGroup(init), JSON.stringify({ init, graphs: records }) + "\n"),
      );
      return {
        outputs,
        data: { graphIds: members.map((m) => m.id), edgesPerColour, binEdges: binned.binEdges },
      };
    },
  };
}

/**
 * The sensitivity sweep (SPEC §4.3): one init scheme's networks re-binned with paper binning at
 * cut-off `cutoff`, bins shared by the group as in the main graphs (SPEC §4.2).
 */
export function sensitivityGraphsStep(
  config: StudyConfig,
  datasets: readonly StudyDataset[],
  init: string,
  cutoff: number,
  trainHashes: Readonly<Record<string, string>>,
): Step<{ graphIds: readonly string[] }> {
  return {
    id: `sensitivity-graphs-${init}-c${String(cutoff)}`,
    stage: "graphs",
    label: `graphs ${init} at c = ${cutoff} (sensitivity)`,
    seed: null,
    long: false,
    inputs: { init, cutoff, trainHashes },
    async run(ctx) {
      const members = [
        { id: initialGraphId(init), dataset: null, file: LAYOUT.initialModel(init) },
        ...datasets.map((ds) => ({
          id: trainedGraphId(init, ds.slug),
          dataset: ds.spec,
          file: LAYOUT.trainedModel(ds.slug, init),
        })),
      ];
      const full = members.map((m) =>
        networkToDigraph(parseNativeModel(readFileSync(join(ctx.outDir, m.file), "utf8"), m.file)),
      );
      const binned = binGraphs(full, "paper", { cutoff });
      const outputs: string[] = [];
      const graphs: SensitivityGraph[] = [];
      for (let i = 0; i < members.length; i++) {
        const m = members[i];
        const stage = m.dataset === null ? "initial" : "trained";
        const graph = {
          ...binned.graphs[i],
          meta: { ...binned.graphs[i].meta, id: m.id, init, stage, dataset: m.dataset, cutoff },
        };
        outputs.push(
          await ctx.write(LAYOUT.sensitivityFanmod(cutoff, m.id), formatGraph(graph, "fanmod")),
          await ctx.write(LAYOUT.sensitivityGraphJson(cutoff, m.id), formatGraph(graph, "json")),
        );
        graphs.push({
          id: m.id,
          init,
          stage,
          dataset: m.dataset,
          binEdges: binned.binEdges,
          edgesPerColour: Object.fromEntries(
            Object.entries(binned.edgesPerColour[i]).filter(([, n]) => n > 0),
          ),
        });
      }
      outputs.push(
        await ctx.write(
          LAYOUT.sensitivityGroup(cutoff, init),
          JSON.stringify({ init, cutoff, graphs }, null, 1) + "\n",
        ),
      );
      return { outputs, data: { graphIds: members.map((m) => m.id) } };
    },
  };
}

/** The binning options a scheme actually reads. */
function binningInputs(g: StudyConfig["graphs"]): Record<string, unknown> {
  if (g.binning === "paper") return { binning: g.binning, cutoff: g.cutoff };
  if (g.binning === "quantile") return { binning: g.binning, quantile: g.quantile };
  return { binning: g.binning };
}

/** The normal fitted by the paper binning (SPEC §4.2 step 2), from its details; else null. */
function normalFit(details: Readonly<Record<string, unknown>>): GraphRecord["fit"] {
  const { mu, sigma, threshold } = details;
  return typeof mu === "number" && typeof sigma === "number" && typeof threshold === "number"
    ? { mean: mu, sd: sigma, threshold }
    : null;
}

/**
 * Colour of every edge of the full network graph `full` (SPEC §4.1 order) given the binned graph
 * `kept` (a subsequence of it): its colour where kept, 0 where the binning removed it.
 */
function keptColours(full: Digraph, kept: Digraph): Uint8Array {
  const colours = new Uint8Array(full.edgeSrc.length);
  let r = 0;
  for (let e = 0; e < colours.length && r < kept.edgeSrc.length; e++) {
    if (full.edgeSrc[e] === kept.edgeSrc[r] && full.edgeTrg[e] === kept.edgeTrg[r]) {
      colours[e] = kept.edgeColour[r++];
    }
  }
  return colours;
}
