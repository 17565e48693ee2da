/** Edges per weight category across seeds: mean count with its t-interval, per init and network. */
import type { EdgesRow } from "../analysis/ensemble/edges-across-seeds.js";
import { topLevel, WEIGHT_COLOURS, WEIGHT_COLOUR_NAMES, type Figure } from "./figure-spec.js";
import { seedsPhrase } from "./interval-figure.js";

export function ensembleEdgesFigure(
  rows: readonly EdgesRow[],
  architecture: string,
  datasets: readonly string[],
): Figure {
  const own = rows.filter((r) => r.architecture === architecture);
  const values = own.map((r) => ({
    ...r,
    category: WEIGHT_COLOUR_NAMES[r.colour] ?? `colour ${r.colour}`,
  }));
  const colours = [...new Set(own.map((r) => r.colour))].sort();
  const categories = colours.map((c) => WEIGHT_COLOUR_NAMES[c] ?? `colour ${c}`);
  const seeds = Math.max(0, ...own.map((r) => r.seeds));
  const x = {
    field: "network",
    type: "nominal",
    title: null,
    sort: ["initial", ...datasets],
    axis: { labelAngle: 0 },
  };
  const xOffset = { field: "category", type: "nominal", sort: categories };
  return {
    name: `ensemble-edges-${architecture}`,
    title: `Edges per weight category across seeds, ${architecture}`,
    caption: `Mean number of edges of each colour; ${seedsPhrase(seeds)}.`,
    spec: {
      ...topLevel(values),
      facet: { column: { field: "init", type: "nominal", title: "initialisation" } },
      spec: {
        width: 200,
        height: 170,
        layer: [
          {
            mark: { type: "bar" },
            encoding: {
              x,
              xOffset,
              y: { field: "mean", type: "quantitative", title: "mean edges" },
              color: {
                field: "category",
                type: "nominal",
                title: "weight category",
                scale: {
                  domain: categories,
                  range: colours.map((c) => WEIGHT_COLOURS[c] ?? "#888888"),
                },
              },
              tooltip: [
                { field: "network" },
                { field: "category" },
                { field: "mean", format: ".1f" },
                { field: "lo", format: ".1f" },
                { field: "hi", format: ".1f" },
              ],
            },
          },
          {
            transform: [{ filter: "isValid(datum.lo) && isValid(datum.hi)" }],
            mark: { type: "rule", color: "#222222", strokeWidth: 1.2 },
            encoding: {
              x,
              xOffset,
              y: { field: "lo", type: "quantitative" },
              y2: { field: "hi" },
            },
          },
        ],
      },
    },
  };
}
