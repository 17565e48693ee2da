/**
 * Z(initial) vs Z(trained) per coloured class across seeds, with the bisector (SPEC §8): per
 * architecture and size, a panel per null; each point is a class of one init × data set at its
 * mean Z before (x) and after (y) training over the seeds where both are defined, with t-interval
 * whiskers on both axes. Its height above the bisector is its mean ΔZ.
 */
import type { ClassZChangeRow } from "../analysis/ensemble/class-z-changes.js";
import { extent, initScale, referenceLayer, topLevel, type Figure } from "./figure-spec.js";
import { densityLayer, MAX_SCATTER_POINTS } from "./z-scatter-figure.js";

/** Above this many points per figure the whiskers are left out (they would hide the points). */
export const MAX_WHISKERED_POINTS = 600;

export function ensembleZScatterFigure(
  rows: readonly ClassZChangeRow[],
  architecture: string,
  size: number,
  inits: readonly string[],
  nullModels: readonly string[],
): Figure {
  const points = rows.filter(
    (r) =>
      r.architecture === architecture &&
      r.size === size &&
      r.zInitialMean !== null &&
      r.zTrainedMean !== null,
  );
  const whiskers = points.length <= MAX_WHISKERED_POINTS;
  const binned = points.length > MAX_SCATTER_POINTS;
  // The panel fits the means (padded): wide intervals of few seeds would shrink the points to a
  // clump, so the whiskers are clipped at the panel's edge.
  const means = extent(points.flatMap((p) => [p.zInitialMean!, p.zTrainedMean!])) ?? [-1, 1];
  const pad = Math.max(0.5, 0.1 * (means[1] - means[0]));
  const [lo, hi] = [means[0] - pad, means[1] + pad];
  const drawn = nullModels.filter((n) => points.some((p) => p.nullModel === n));
  const values: object[] = points.map((p) => ({ kind: "point", ...p }));
  for (const nullModel of drawn) {
    values.push({ kind: "bisector", nullModel, zInitialMean: lo, zTrainedMean: lo });
    values.push({ kind: "bisector", nullModel, zInitialMean: hi, zTrainedMean: hi });
  }
  const seeds = Math.max(0, ...points.map((p) => p.seeds));
  const axis = (field: string, title: string) => ({
    field,
    type: "quantitative",
    title,
    scale: { domain: [lo, hi], zero: false },
  });
  const colour = { field: "init", type: "nominal", title: "init", scale: initScale(inits) };
  const whisker = (
    x: Record<string, unknown>,
    y: Record<string, unknown>,
    x2?: string,
    y2?: string,
  ) => ({
    transform: [
      {
        filter: `datum.kind === 'point' && isValid(datum.${x2 ? "zInitialLo" : "zTrainedLo"})`,
      },
    ],
    mark: { type: "rule", strokeWidth: 0.8, opacity: 0.35, clip: true },
    encoding: {
      x,
      y,
      ...(x2 ? { x2: { field: x2 } } : {}),
      ...(y2 ? { y2: { field: y2 } } : {}),
      // One legend for points and whiskers, drawn opaque (the whiskers' opacity would fade it).
      color: { ...colour, legend: { symbolOpacity: 1 } },
    },
  });
  const pointLayer = {
    transform: [{ filter: "datum.kind === 'point'" }],
    mark: { type: "point", filled: true, size: 26, opacity: 0.75 },
    encoding: {
      x: axis("zInitialMean", "mean Z (initial)"),
      y: axis("zTrainedMean", "mean Z (trained)"),
      color: { ...colour, legend: { symbolOpacity: 1 } },
      shape: { field: "dataset", type: "nominal", title: "data set" },
      tooltip: [
        { field: "topologyName", title: "topology" },
        { field: "motif", title: "class" },
        { field: "init" },
        { field: "dataset", title: "data set" },
        { field: "zInitialMean", title: "Z initial", format: ".2f" },
        { field: "zTrainedMean", title: "Z trained", format: ".2f" },
        { field: "mean", title: "ΔZ", format: ".2f" },
        { field: "seeds" },
      ],
    },
  };
  return {
    name: `ensemble-z-scatter-${architecture}-size-${size}`,
    title: `Z before vs after training across seeds, ${size}-node classes, ${architecture}`,
    caption:
      (binned
        ? `${points.length} coloured ${size}-node classes (each of one initialisation and data ` +
          "set), shown as a binned density (darker: more classes): "
        : `Each point is a coloured ${size}-node class of one initialisation and data set ` +
          `(${points.length} in all): `) +
      "x its mean Z in the initial networks, y in the trained ones, over the seeds where both are " +
      "defined; a class's height above the grey bisector is its mean ΔZ. " +
      (whiskers
        ? seeds >= 2
          ? `Whiskers: 95 % t-intervals across ${seeds} seeds, clipped at the panel's edge.`
          : "One seed: no interval."
        : `Whiskers left out (more than ${MAX_WHISKERED_POINTS} classes); the intervals are in ` +
          "tables/ensemble/class-z-changes.csv.") +
      (binned ? "" : " Shape: data set."),
    spec: {
      ...topLevel(values),
      facet: { column: { field: "nullModel", type: "nominal", title: "null model", sort: drawn } },
      spec: {
        width: 260,
        height: 260,
        layer: [
          {
            name: referenceLayer("bisector"),
            transform: [{ filter: "datum.kind === 'bisector'" }],
            mark: { type: "line", color: "#999999", strokeDash: [4, 3] },
            encoding: {
              x: { field: "zInitialMean", type: "quantitative" },
              y: { field: "zTrainedMean", type: "quantitative" },
            },
          },
          ...(whiskers
            ? [
                whisker(
                  axis("zInitialLo", "mean Z (initial)"),
                  axis("zTrainedMean", "mean Z (trained)"),
                  "zInitialHi",
                ),
                whisker(
                  axis("zInitialMean", "mean Z (initial)"),
                  axis("zTrainedLo", "mean Z (trained)"),
                  undefined,
                  "zTrainedHi",
                ),
              ]
            : []),
          binned
            ? densityLayer(lo, hi, {
                x: "zInitialMean",
                y: "zTrainedMean",
                xTitle: "mean Z (initial)",
                yTitle: "mean Z (trained)",
              })
            : pointLayer,
        ],
      },
    },
  };
}
