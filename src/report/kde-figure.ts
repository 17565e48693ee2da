/** Kernel density estimates of the weights before and after training, per initialisation. */
import type { WeightKdeRow } from "../analysis/weight-kde.js";
import { networkScale, topLevel, type Figure } from "./figure-spec.js";

export function kdeFigure(
  rows: readonly WeightKdeRow[],
  inits: readonly string[],
  datasets: readonly string[],
): Figure {
  const present = new Set(rows.map((r) => r.init));
  return {
    name: "weight-kde",
    title: "Weight densities before and after training",
    caption:
      "Gaussian kernel density estimates (Scott's bandwidth) of the weights of the initial network " +
      "and of the networks trained from it, per initialisation.",
    spec: {
      ...topLevel(rows),
      // Concatenated rather than faceted, to keep the study's init order with independent scales
      // (see weight-histogram-figure.ts).
      hconcat: inits
        .filter((i) => present.has(i))
        .map((init) => ({
          title: { text: init, fontSize: 12, fontWeight: "normal" },
          transform: [{ filter: { field: "init", equal: init } }],
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
        })),
    },
  };
}
