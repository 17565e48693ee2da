/** The coloured classes whose Z changed most through training, per null model. */
import type { MostChangedRow } from "../analysis/z-changes.js";
import { initScale, topLevel, type Figure } from "./figure-spec.js";

export function mostChangedFigure(
  rows: readonly MostChangedRow[],
  size: number,
  inits: readonly string[],
  nullModels: readonly string[],
): Figure {
  const values = rows
    .filter((r) => r.size === size)
    .map((r) => ({
      ...r,
      label: `${r.rank}. ${r.topologyName.split(" #")[0]} (${r.init}/${r.dataset})`,
    }));
  return {
    name: `most-changed-size-${size}`,
    title: `Most changed ${size}-node classes`,
    caption:
      "The classes with the largest |ΔZ| under each null model (the census tables draw each class).",
    spec: {
      ...topLevel(values),
      facet: {
        row: { field: "nullModel", type: "nominal", title: "null model", sort: [...nullModels] },
      },
      resolve: { scale: { y: "independent" } },
      spec: {
        width: 300,
        mark: { type: "bar" },
        encoding: {
          y: {
            field: "label",
            type: "nominal",
            title: null,
            sort: { field: "rank" },
            axis: { labelLimit: 0 },
          },
          x: { field: "deltaZ", type: "quantitative", title: "ΔZ" },
          color: { field: "init", type: "nominal", title: "init", scale: initScale(inits) },
        },
      },
    },
  };
}
