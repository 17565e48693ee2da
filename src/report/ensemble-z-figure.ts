/**
 * Z per named topology across seeds (topology level), initial vs trained: per architecture and
 * size, a panel per null (rows) and init (columns), one row per topology, the networks offset.
 */
import type { TopologyZRow } from "../analysis/ensemble/topology-z.js";
import { networkScale, topLevel, type Figure } from "./figure-spec.js";
import { shortTopology } from "./html.js";
import { intervalLayers, seedsPhrase } from "./interval-figure.js";

export function ensembleZFigure(
  rows: readonly TopologyZRow[],
  architecture: string,
  size: number,
  datasets: readonly string[],
): Figure {
  const own = rows.filter(
    (r) => r.architecture === architecture && r.size === size && r.mean !== null,
  );
  const values = own.map((r) => ({
    ...r,
    label: shortTopology(r.topologyName),
  }));
  const topologies = [...new Set(values.map((v) => v.label))];
  const seeds = Math.max(0, ...own.map((r) => r.seeds));
  return {
    name: `ensemble-z-${architecture}-size-${size}`,
    title: `Z per topology across seeds, ${size}-node, ${architecture}`,
    caption:
      `Mean topology-level Z (uncoloured census) of each named ${size}-node topology in the ` +
      `initial and trained networks; ${seedsPhrase(seeds)}. Columns: initialisation; rows: null.`,
    spec: {
      ...topLevel(values),
      facet: {
        row: { field: "nullModel", type: "nominal", title: "null" },
        column: { field: "init", type: "nominal", title: "initialisation" },
      },
      resolve: { scale: { x: "independent" } },
      spec: {
        width: 200,
        height: Math.max(60, topologies.length * 22),
        layer: intervalLayers({
          y: { field: "label", type: "nominal", title: null, sort: topologies },
          yOffset: { field: "network", type: "nominal", sort: ["initial", ...datasets] },
          color: {
            field: "network",
            type: "nominal",
            title: "network",
            scale: networkScale(datasets),
          },
          xTitle: "mean Z",
          zeroRule: true,
          tooltip: [
            { field: "label", title: "topology" },
            { field: "network" },
            { field: "mean", format: ".2f" },
            { field: "lo", format: ".2f" },
            { field: "hi", format: ".2f" },
            { field: "seeds" },
          ],
        }),
      },
    },
  };
}
