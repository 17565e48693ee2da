/** Edges per weight category for every graph. */
import type { EdgesPerColourRow } from "../analysis/edges-per-colour.js";
import { topLevel, WEIGHT_COLOURS, WEIGHT_COLOUR_NAMES, type Figure } from "./figure-spec.js";

export function edgesPerColourFigure(
  rows: readonly EdgesPerColourRow[],
  datasets: readonly string[],
): Figure {
  const values = rows.map((r) => ({
    ...r,
    category: WEIGHT_COLOUR_NAMES[r.colour] ?? `colour ${r.colour}`,
  }));
  const colours = [...new Set(rows.map((r) => r.colour))].sort();
  return {
    name: "edges-per-colour",
    title: "Edges per weight category",
    caption:
      "Number of edges of each colour in every graph; the removed middle band is not counted.",
    spec: {
      ...topLevel(values),
      facet: { column: { field: "init", type: "nominal", title: "initialisation" } },
      spec: {
        width: 200,
        height: 170,
        mark: { type: "bar" },
        encoding: {
          x: {
            field: "network",
            type: "nominal",
            title: null,
            sort: ["initial", ...datasets],
            axis: { labelAngle: 0 },
          },
          xOffset: {
            field: "category",
            type: "nominal",
            sort: colours.map((c) => WEIGHT_COLOUR_NAMES[c] ?? c),
          },
          y: { field: "edges", type: "quantitative", title: "edges" },
          color: {
            field: "category",
            type: "nominal",
            title: "weight category",
            scale: {
              domain: colours.map((c) => WEIGHT_COLOUR_NAMES[c] ?? `colour ${c}`),
              range: colours.map((c) => WEIGHT_COLOURS[c] ?? "#888888"),
            },
          },
          tooltip: [{ field: "graphId" }, { field: "category" }, { field: "edges" }],
        },
      },
    },
  };
}
