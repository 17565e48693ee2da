/**
 * Z of the initial network vs Z of the trained network, per coloured class, with the bisector:
 * points above it gained significance through learning. One panel per null model, side by side.
 */
import type { ZPairRow } from "../analysis/z-changes.js";
import {
  drawnNulls,
  extent,
  initScale,
  referenceLayer,
  topLevel,
  type Figure,
} from "./figure-spec.js";

/** Above this many points the panels show a binned density instead of one mark per class. */
export const MAX_SCATTER_POINTS = 3000;

export function zScatterFigure(
  pairs: readonly ZPairRow[],
  size: number,
  inits: readonly string[],
  nullModels: readonly string[],
): Figure {
  const points = pairs.filter((p) => p.size === size && p.zInitial !== null && p.zTrained !== null);
  const [lo, hi] = extent(points.flatMap((p) => [p.zInitial as number, p.zTrained as number])) ?? [
    -1, 1,
  ];
  const binned = points.length > MAX_SCATTER_POINTS;
  const { drawn, note } = drawnNulls(
    nullModels,
    new Set(points.map((p) => p.nullModel)),
    `${size}-node class has a Z in both networks`,
  );
  const values: object[] = points.map((p) => ({ kind: "point", ...p }));
  for (const nullModel of drawn) {
    values.push({ kind: "bisector", nullModel, zInitial: lo, zTrained: lo });
    values.push({ kind: "bisector", nullModel, zInitial: hi, zTrained: hi });
  }
  return {
    name: `z-scatter-size-${size}`,
    title: `Z before vs after training, ${size}-node classes`,
    caption:
      (binned
        ? `${points.length} coloured classes, shown as a binned density (darker: more classes); `
        : "Each point is a coloured class of one trained network; ") +
      "x is its Z in the initial network, y in the trained one. Above the grey bisector, " +
      "learning raised the class's Z." +
      note,
    spec: {
      ...topLevel(values),
      facet: {
        column: { field: "nullModel", type: "nominal", title: "null model", sort: drawn },
      },
      spec: {
        width: 280,
        height: 280,
        layer: [
          {
            name: referenceLayer("bisector"),
            transform: [{ filter: "datum.kind === 'bisector'" }],
            mark: { type: "line", color: "#999999", strokeDash: [4, 3] },
            encoding: {
              x: { field: "zInitial", type: "quantitative" },
              y: { field: "zTrained", type: "quantitative" },
            },
          },
          binned ? densityLayer(lo, hi) : pointLayer(lo, hi, inits),
        ],
      },
    },
  };
}

function pointLayer(lo: number, hi: number, inits: readonly string[]): Record<string, unknown> {
  return {
    transform: [{ filter: "datum.kind === 'point'" }],
    mark: { type: "point", filled: true, size: 28, opacity: 0.7 },
    encoding: {
      x: {
        field: "zInitial",
        type: "quantitative",
        title: "Z (initial)",
        scale: { domain: [lo, hi], zero: false },
      },
      y: {
        field: "zTrained",
        type: "quantitative",
        title: "Z (trained)",
        scale: { domain: [lo, hi], zero: false },
      },
      color: { field: "init", type: "nominal", title: "init", scale: initScale(inits) },
      shape: { field: "dataset", type: "nominal", title: "data set" },
    },
  };
}

/** Classes binned in both axes and coloured by count (log): the scatter of many classes. */
export function densityLayer(
  lo: number,
  hi: number,
  axes: {
    readonly x: string;
    readonly y: string;
    readonly xTitle: string;
    readonly yTitle: string;
  } = {
    x: "zInitial",
    y: "zTrained",
    xTitle: "Z (initial)",
    yTitle: "Z (trained)",
  },
): Record<string, unknown> {
  const bin = { maxbins: 60, extent: [lo, hi] };
  return {
    transform: [{ filter: "datum.kind === 'point'" }],
    mark: { type: "rect" },
    encoding: {
      x: { field: axes.x, type: "quantitative", bin, title: axes.xTitle },
      y: { field: axes.y, type: "quantitative", bin, title: axes.yTitle },
      color: {
        aggregate: "count",
        type: "quantitative",
        title: "classes",
        scale: { type: "log", scheme: "purples" },
      },
    },
  };
}
