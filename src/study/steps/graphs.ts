/**
 * The graphs step: one init scheme's networks (initial + trained on each data set) → binned graphs
 * with bins shared by the group (SPEC §4.2), at one point of the binning axis: the study's own
 * binning, a cut-off of the sensitivity sweep (SPEC §4.3), or the matched density of one trained
 * network (`matchTo`: the initial network binned at its edges per layer and colour).
 */
import { coloursOfEdges } from "../../graph/kept-colours.js";
import type { GraphRecord, SensitivityGraph } from "../../analysis/study-results.js";
import { binGraphs, binGraphsWithEdges, type BinnedGroup } from "../../graph/binning.js";
import { networkToDigraph } from "../../graph/from-network.js";
import { formatGraph } from "../../graph/read-graph.js";
import { parseNativeModel } from "../../model/native-model.js";
import type { GraphsParams } from "../plan.js";
import type { StepKind } from "./registry.js";

export interface GraphsSummary {
  readonly graphIds: readonly string[];
  readonly edgesPerColour: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly binEdges: readonly number[] | null;
}

export const graphsKind: StepKind<GraphsParams, GraphsSummary> = {
  async run({ params: p, inputs }, ctx) {
    const nets = await Promise.all(
      p.members.map(async (m) =>
        parseNativeModel(await ctx.readText(m.model), inputs[m.model]?.output ?? m.model),
      ),
    );
    // Every kernel weight as an edge (SPEC §4.1); the binning keeps a subsequence of them.
    const full = nets.map((net) => networkToDigraph(net));
    const b = p.binning;
    const reference = p.matchTo === undefined ? -1 : p.members.findIndex((m) => m.id === p.matchTo);
    const options = {
      ...(b.cutoff !== null ? { cutoff: b.cutoff } : {}),
      ...(b.quantile !== null ? { quantile: b.quantile } : {}),
      ...(reference >= 0 ? { reference } : {}),
    };
    let binned: BinnedGroup;
    if (p.binsOf !== undefined) {
      // Training snapshots: the main group's bin edges (schemes without shared edges colour each
      // graph by itself, so binning the snapshots alone gives what binning them in the group would).
      const main = JSON.parse(await ctx.readText(p.binsOf)) as { graphs: GraphRecord[] };
      const edges = main.graphs[0]?.binEdges ?? null;
      binned =
        edges !== null
          ? binGraphsWithEdges(full, edges, b.cutoff ?? 0)
          : binGraphs(full, b.scheme, options);
    } else binned = binGraphs(full, b.scheme, options);
    const writes = (id: string): boolean => p.write === undefined || p.write.includes(id);
    const outputs: string[] = [];
    const records: GraphRecord[] = [];
    const sweepRecords: SensitivityGraph[] = [];
    const edgesPerColour: Record<string, Record<string, number>> = {};
    const fit = normalFit(binned.details);
    for (let i = 0; i < p.members.length; i++) {
      const m = p.members[i];
      const stage = m.dataset === null ? "initial" : "trained";
      // A sweep graph says its cut-off (the main graph's binning is in the group file).
      const extra = {
        ...(b.main ? {} : { cutoff: b.cutoff }),
        ...(m.epoch !== undefined ? { epoch: m.epoch } : {}),
      };
      const graph = {
        ...binned.graphs[i],
        meta: {
          ...binned.graphs[i].meta,
          id: m.id,
          init: p.init,
          stage,
          dataset: m.dataset,
          ...extra,
        },
      };
      if (writes(m.id)) {
        outputs.push(await ctx.write(m.fanmod, formatGraph(graph, "fanmod")));
        outputs.push(await ctx.write(m.json, formatGraph(graph, "json")));
      }
      // Colours present only (the scheme's count lists its unused colours as 0).
      const perColour = Object.fromEntries(
        Object.entries(binned.edgesPerColour[i]).filter(([, n]) => n > 0),
      );
      edgesPerColour[m.id] = perColour;
      const common = { id: m.id, init: p.init, stage, dataset: m.dataset } as const;
      records.push({
        ...common,
        layerSizes: [...nets[i].layerSizes],
        weights: Array.from(full[i].edgeWeight ?? []),
        weightColours: Array.from(coloursOfEdges(full[i], binned.graphs[i])),
        binEdges: binned.binEdges,
        fit,
        edgesPerColour: perColour,
      });
      if (writes(m.id) || m.id === p.matchTo) {
        sweepRecords.push({
          ...common,
          ...(m.epoch !== undefined ? { epoch: m.epoch } : {}),
          binEdges: binned.binEdges,
          edgesPerColour: perColour,
        });
      }
    }
    // The main group holds every weight (the report's histograms); a sweep group only the bins.
    const group = b.main
      ? JSON.stringify({ init: p.init, graphs: records }) + "\n"
      : JSON.stringify(
          {
            init: p.init,
            cutoff: b.cutoff,
            ...(p.matchTo !== undefined ? { matchTo: p.matchTo } : {}),
            graphs: sweepRecords,
          },
          null,
          1,
        ) + "\n";
    outputs.push(await ctx.write(p.group, group));
    return {
      outputs,
      data: { graphIds: p.members.map((m) => m.id), edgesPerColour, binEdges: binned.binEdges },
    };
  },
};

/** The normal fitted by the paper binning (SPEC §4.2 step 2), from its details; else null. */
function normalFit(details: Readonly<Record<string, unknown>>): GraphRecord["fit"] {
  const { mu, sigma, threshold } = details;
  return typeof mu === "number" && typeof sigma === "number" && typeof threshold === "number"
    ? { mean: mu, sd: sigma, threshold }
    : null;
}
