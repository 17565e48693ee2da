/** Edges per weight category for every graph. */
import type { EdgesPerColourRow } from "../analysis/edges-per-colour.js";
import {
  colourKeyText,
  colourNames,
  topLevel,
  WEIGHT_COLOURS,
  type Figure,
} from "./figure-spec.js";

export function edgesPerColourFigure(
  rows: readonly EdgesPerColourRow[],
  datasets: readonly string[],
  binning?: string,
): Figure {
  const names = colourNames(binning);
  const values = rows.map((r) => ({
    ...r,
    category: names[r.colour] ?? `colour ${r.colour}`,
  }));
  const colours = [...new Set(rows.map((r) => r.colour))].sort();
  return {
    name: "edges-per-colour",
    title: "Edges per weight category",
    caption:
      "Number of edges of each colour in every graph" +
      ((binning ?? "paper") === "paper" || binning === "matched"
        ? "; the removed middle band is not counted."
        : `; removed weights are not counted (${binning} binning: ${colourKeyText(binning)}).`),
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
            sort: colours.map((c) => names[c] ?? `colour ${c}`),
          },
          y: { field: "edges", type: "quantitative", title: "edges" },
          color: {
            field: "category",
            type: "nominal",
            title: "weight category",
            scale: {
              domain: colours.map((c) => names[c] ?? `colour ${c}`),
              range: colours.map((c) => WEIGHT_COLOURS[c] ?? "#888888"),
            },
          },
          tooltip: [{ field: "graphId" }, { field: "category" }, { field: "edges" }],
        },
      },
    },
  };
}
