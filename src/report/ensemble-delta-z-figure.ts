/**
 * Training ΔZ (trained − initial, paired by seed) per named topology across seeds: per
 * architecture and size, a panel per null (columns) and data set (rows, the per-seed average
 * of the data sets included), the initialisations offset.
 */
import type { DeltaZRow } from "../analysis/ensemble/delta-z.js";
import { POOLED_DATASETS } from "../analysis/ensemble/delta-z.js";
import { initScale, topLevel, type Figure } from "./figure-spec.js";
import { shortTopology } from "./html.js";
import { intervalLayers, seedsPhrase } from "./interval-figure.js";

export function ensembleDeltaZFigure(
  rows: readonly DeltaZRow[],
  architecture: string,
  size: number,
  inits: readonly string[],
  datasets: readonly string[],
): Figure {
  const own = rows.filter(
    (r) => r.architecture === architecture && r.size === size && r.mean !== null,
  );
  const values = own.map((r) => ({ ...r, label: shortTopology(r.topologyName) }));
  const topologies = [...new Set(values.map((v) => v.label))];
  const seeds = Math.max(0, ...own.map((r) => r.seeds));
  return {
    name: `ensemble-delta-z-${architecture}-size-${size}`,
    title: `Training ΔZ across seeds, ${size}-node, ${architecture}`,
    caption:
      `Mean ΔZ = Z(trained) − Z(initial) of each named ${size}-node topology, paired by seed; ` +
      `${seedsPhrase(seeds)}. Rows: data set ("${POOLED_DATASETS}": each seed's data sets ` +
      "averaged first); columns: null. The dashed line is ΔZ = 0.",
    spec: {
      ...topLevel(values),
      facet: {
        row: {
          field: "dataset",
          type: "nominal",
          title: "data set",
          sort: [...datasets, POOLED_DATASETS],
        },
        column: { field: "nullModel", type: "nominal", title: "null" },
      },
      resolve: { scale: { x: "independent" } },
      spec: {
        width: 240,
        height: Math.max(60, topologies.length * 20),
        layer: intervalLayers({
          y: { field: "label", type: "nominal", title: null, sort: topologies },
          yOffset: { field: "init", type: "nominal", sort: [...inits] },
          color: { field: "init", type: "nominal", title: "init", scale: initScale(inits) },
          xTitle: "mean ΔZ",
          zeroRule: true,
          tooltip: [
            { field: "label", title: "topology" },
            { field: "init" },
            { field: "mean", format: ".2f" },
            { field: "lo", format: ".2f" },
            { field: "hi", format: ".2f" },
            { field: "pSignFlip", title: "sign-flip p", format: ".3g" },
            { field: "seeds" },
          ],
        }),
      },
    },
  };
}
