/**
 * Significance profiles across seeds (SPEC §7, §8): per architecture and size, the mean SP entry of
 * each named topology with its t-interval, one panel per null (rows) and network (columns), the
 * initialisations offset — the paper's "profiles by initialisation and by data set" with CIs.
 */
import type { ProfileRow } from "../analysis/ensemble/significance-profile.js";
import { initScale, topLevel, type Figure } from "./figure-spec.js";
import { shortTopology } from "./html.js";
import { intervalLayers, seedsPhrase } from "./interval-figure.js";

export function ensembleProfileFigure(
  rows: readonly ProfileRow[],
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
    name: `ensemble-profile-${architecture}-size-${size}`,
    title: `Significance profiles across seeds, ${size}-node, ${architecture}`,
    caption:
      `Mean SP = Z/√ΣZ² (uncoloured census) of each named ${size}-node topology; ` +
      `${seedsPhrase(seeds)}. Columns: network; rows: null.`,
    spec: {
      ...topLevel(values),
      facet: {
        row: { field: "nullModel", type: "nominal", title: "null" },
        column: {
          field: "network",
          type: "nominal",
          title: "network",
          sort: ["initial", ...datasets],
        },
      },
      spec: {
        width: 190,
        height: Math.max(60, topologies.length * 20),
        layer: intervalLayers({
          y: { field: "label", type: "nominal", title: null, sort: topologies },
          yOffset: { field: "init", type: "nominal", sort: [...inits] },
          color: { field: "init", type: "nominal", title: "init", scale: initScale(inits) },
          xTitle: "mean SP",
          zeroRule: true,
          tooltip: [
            { field: "label", title: "topology" },
            { field: "init" },
            { field: "mean", format: ".3f" },
            { field: "lo", format: ".3f" },
            { field: "hi", format: ".3f" },
            { field: "seeds" },
          ],
        }),
      },
    },
  };
}
