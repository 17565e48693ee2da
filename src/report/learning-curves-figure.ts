/** Learning curves: accuracy and loss per epoch, training vs validation, one colour per init. */
import type { LearningCurveRow } from "../analysis/learning-efficacy.js";
import { initScale, topLevel, type Figure } from "./figure-spec.js";

export function learningCurvesFigure(
  rows: readonly LearningCurveRow[],
  inits: readonly string[],
): Figure {
  const values = rows.flatMap((r) => [
    {
      dataset: r.dataset,
      init: r.init,
      epoch: r.epoch,
      metric: "accuracy",
      split: "training",
      value: r.accuracy,
    },
    {
      dataset: r.dataset,
      init: r.init,
      epoch: r.epoch,
      metric: "accuracy",
      split: "validation",
      value: r.valAccuracy,
    },
    {
      dataset: r.dataset,
      init: r.init,
      epoch: r.epoch,
      metric: "loss",
      split: "training",
      value: r.loss,
    },
    {
      dataset: r.dataset,
      init: r.init,
      epoch: r.epoch,
      metric: "loss",
      split: "validation",
      value: r.valLoss,
    },
  ]);
  return {
    name: "learning-curves",
    title: "Learning curves",
    caption:
      "Accuracy and loss per epoch for each data set (columns) and initialisation (colour); " +
      "dashed lines are the validation split.",
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
        mark: { type: "line", strokeWidth: 2 },
        encoding: {
          x: { field: "epoch", type: "quantitative", title: "epoch" },
          y: { field: "value", type: "quantitative", title: null, scale: { zero: false } },
          color: { field: "init", type: "nominal", title: "init", scale: initScale(inits) },
          strokeDash: {
            field: "split",
            type: "nominal",
            title: "split",
            scale: {
              domain: ["training", "validation"],
              range: [
                [1, 0],
                [5, 3],
              ],
            },
          },
        },
      },
    },
  };
}
