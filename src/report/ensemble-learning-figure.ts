/** Learning curves across seeds: mean validation accuracy and loss per epoch with t-interval bands. */
import type { LearningRow } from "../analysis/ensemble/learning-across-seeds.js";
import { initScale, topLevel, type Figure } from "./figure-spec.js";
import { bandLayers, seedsPhrase } from "./interval-figure.js";

export function ensembleLearningFigure(
  rows: readonly LearningRow[],
  architecture: string,
  inits: readonly string[],
): Figure {
  const own = rows.filter((r) => r.architecture === architecture);
  const values = own.flatMap((r) => [
    { ...r.valAccuracy, init: r.init, dataset: r.dataset, epoch: r.epoch, metric: "val accuracy" },
    { ...r.valLoss, init: r.init, dataset: r.dataset, epoch: r.epoch, metric: "val loss" },
  ]);
  const seeds = Math.max(0, ...own.map((r) => r.valAccuracy.seeds));
  return {
    name: `ensemble-learning-${architecture}`,
    title: `Learning curves across seeds, ${architecture}`,
    caption:
      "Mean validation accuracy and loss per epoch for each data set (columns) and " +
      `initialisation (colour); ${seedsPhrase(seeds)}.`,
    spec: {
      ...topLevel(values),
      facet: {
        row: { field: "metric", type: "nominal", title: null },
        column: { field: "dataset", type: "nominal", title: "data set" },
      },
      resolve: { scale: { y: "independent" } },
      spec: {
        width: 260,
        height: 150,
        layer: bandLayers({
          x: { field: "epoch", type: "quantitative", title: "epoch" },
          color: { field: "init", type: "nominal", title: "init", scale: initScale(inits) },
          yTitle: null,
          tooltip: [
            { field: "init" },
            { field: "epoch" },
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
