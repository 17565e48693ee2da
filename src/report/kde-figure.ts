/** Kernel density estimates of the weights before and after training, per initialisation. */
import type { WeightKdeRow } from "../analysis/weight-kde.js";
import { networkScale, topLevel, type Figure } from "./figure-spec.js";

export function kdeFigure(rows: readonly WeightKdeRow[], datasets: readonly string[]): Figure {
  return {
    name: "weight-kde",
    title: "Weight densities before and after training",
    caption:
      "Gaussian kernel density estimates (Scott's bandwidth) of the weights of the initial network " +
      "and of the networks trained from it, per initialisation.",
    spec: {
      ...topLevel(rows),
      facet: { column: { field: "init", type: "nominal", title: "initialisation" } },
      resolve: { scale: { x: "independent", y: "independent" } },
      spec: {
        width: 240,
        height: 170,
        mark: { type: "line", strokeWidth: 2 },
        encoding: {
          x: { field: "x", type: "quantitative", title: "weight" },
          y: { field: "density", type: "quantitative", title: "density" },
          color: {
            field: "network",
            type: "nominal",
            title: "network",
            scale: networkScale(datasets),
          },
          strokeDash: { field: "stage", type: "nominal", title: "stage" },
        },
      },
    },
  };
}
