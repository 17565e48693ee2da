/** Histogram of ΔZ = Z(trained) − Z(initial) over coloured classes, per null model. */
import type { ZPairRow } from "../analysis/z-changes.js";
import { drawnNulls, initScale, topLevel, type Figure } from "./figure-spec.js";

export function deltaZHistogramFigure(
  pairs: readonly ZPairRow[],
  size: number,
  inits: readonly string[],
  nullModels: readonly string[],
): Figure {
  const values = pairs.filter((p) => p.size === size && p.deltaZ !== null);
  const { drawn, note } = drawnNulls(
    nullModels,
    new Set(values.map((p) => p.nullModel)),
    `${size}-node class has a ΔZ`,
  );
  return {
    name: `delta-z-histogram-size-${size}`,
    title: `Change of Z through training, ${size}-node classes`,
    caption:
      "Distribution of ΔZ = Z(trained) − Z(initial) over coloured classes, stacked by initialisation." +
      note,
    spec: {
      ...topLevel(values),
      facet: {
        column: { field: "nullModel", type: "nominal", title: "null model", sort: drawn },
      },
      spec: {
        width: 280,
        height: 180,
        mark: { type: "bar" },
        encoding: {
          x: { field: "deltaZ", type: "quantitative", bin: { maxbins: 30 }, title: "ΔZ" },
          y: { aggregate: "count", type: "quantitative", title: "classes" },
          color: { field: "init", type: "nominal", title: "init", scale: initScale(inits) },
        },
      },
    },
  };
}
