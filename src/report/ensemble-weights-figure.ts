/**
 * The authors' weight table across seeds as a figure (SPEC §7 "Weights"): per architecture, mean
 * |w| and the population sd of w of each network (initial, trained per data set), over all kernel
 * weights and over the weights kept as edges, as means with their t-intervals across seeds; one
 * panel per quantity, the initialisations offset.
 */
import type { WeightTableEnsembleRow } from "../analysis/ensemble/weights-across-seeds.js";
import { initScale, topLevel, type Figure } from "./figure-spec.js";
import { intervalLayers, seedsPhrase } from "./interval-figure.js";

/** The panels, in order: quantity × selection. */
export const WEIGHT_PANELS = ["mean |w|, all", "sd of w, all", "mean |w|, kept", "sd of w, kept"];

export function ensembleWeightsFigure(
  rows: readonly WeightTableEnsembleRow[],
  architecture: string,
  inits: readonly string[],
  datasets: readonly string[],
): Figure {
  const own = rows.filter((r) => r.architecture === architecture);
  const values = own
    .flatMap((r) => [
      {
        panel: `mean |w|, ${r.weights}`,
        init: r.init,
        network: r.network,
        mean: r.meanAbsMean,
        lo: r.meanAbsLo,
        hi: r.meanAbsHi,
        seeds: r.seeds,
      },
      {
        panel: `sd of w, ${r.weights}`,
        init: r.init,
        network: r.network,
        mean: r.sdMean,
        lo: r.sdLo,
        hi: r.sdHi,
        seeds: r.seeds,
      },
    ])
    .filter((v) => v.mean !== null);
  const networks = ["initial", ...datasets].filter((n) => values.some((v) => v.network === n));
  const seeds = Math.max(0, ...own.map((r) => r.seeds));
  return {
    name: `ensemble-weights-${architecture}`,
    title: `Weights across seeds: mean |w| and sd of w, ${architecture}`,
    caption:
      "The authors' weight table per network: mean |w| and population sd of the signed weights, " +
      `over all kernel weights and over the weights kept as edges; ${seedsPhrase(seeds)}. ` +
      "Each panel has its own scale.",
    spec: {
      ...topLevel(values),
      facet: {
        column: { field: "panel", type: "nominal", title: null, sort: WEIGHT_PANELS },
      },
      resolve: { scale: { x: "independent" } },
      spec: {
        width: 170,
        height: Math.max(60, networks.length * inits.length * 9 + 20),
        layer: intervalLayers({
          y: { field: "network", type: "nominal", title: null, sort: networks },
          yOffset: { field: "init", type: "nominal", sort: [...inits] },
          color: { field: "init", type: "nominal", title: "init", scale: initScale(inits) },
          xTitle: "mean across seeds",
          tooltip: [
            { field: "panel", title: "quantity" },
            { field: "init" },
            { field: "network" },
            { field: "mean", format: ".4g" },
            { field: "lo", format: ".4g" },
            { field: "hi", format: ".4g" },
            { field: "seeds" },
          ],
        }),
      },
    },
  };
}
