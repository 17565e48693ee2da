/**
 * Histogram of ΔZ across seeds (SPEC §8): per architecture and size, the distribution over
 * coloured classes of each class's mean ΔZ across seeds (one value per class, so a class counts
 * once however many seeds saw it), a panel per init (rows) and null (columns), the bars stacked by
 * what the class's t-interval says: above 0, below 0, containing 0, or none (one seed).
 */
import type { ClassZChangeRow } from "../analysis/ensemble/class-z-changes.js";
import { topLevel, type Figure } from "./figure-spec.js";

/** The stack categories, in order, with their colours. */
export const INTERVAL_CATEGORIES: readonly (readonly [string, string])[] = [
  ["above 0", "#d7191c"],
  ["below 0", "#2c7bb6"],
  ["contains 0", "#b0b0b0"],
  ["none (1 seed)", "#e8e8e8"],
];

export function intervalCategory(r: ClassZChangeRow): string {
  if (r.lo === null || r.hi === null) return INTERVAL_CATEGORIES[3][0];
  if (r.deltaExcludesZero === "above") return INTERVAL_CATEGORIES[0][0];
  if (r.deltaExcludesZero === "below") return INTERVAL_CATEGORIES[1][0];
  return INTERVAL_CATEGORIES[2][0];
}

export function ensembleDeltaZHistogramFigure(
  rows: readonly ClassZChangeRow[],
  architecture: string,
  size: number,
  inits: readonly string[],
  nullModels: readonly string[],
): Figure {
  const own = rows.filter(
    (r) => r.architecture === architecture && r.size === size && r.mean !== null,
  );
  const values = own.map((r) => ({ ...r, interval: intervalCategory(r) }));
  const drawn = nullModels.filter((n) => own.some((r) => r.nullModel === n));
  const drawnInits = inits.filter((i) => own.some((r) => r.init === i));
  const seeds = Math.max(0, ...own.map((r) => r.seeds + r.missing));
  const counts = INTERVAL_CATEGORIES.map(
    ([c]) => `${c}: ${values.filter((v) => v.interval === c).length}`,
  ).join(", ");
  return {
    name: `ensemble-delta-z-histogram-${architecture}-size-${size}`,
    title: `Change of Z through training across seeds, ${size}-node classes, ${architecture}`,
    caption:
      `Distribution over coloured classes (each init × data set × class once) of the class's ` +
      `mean ΔZ = Z(trained) − Z(initial), paired across ${seeds} seeds; the bars are stacked ` +
      `by where the class's 95 % t-interval of ΔZ lies (${counts}).`,
    spec: {
      ...topLevel(values),
      facet: {
        row: { field: "init", type: "nominal", title: "init", sort: drawnInits },
        column: { field: "nullModel", type: "nominal", title: "null model", sort: drawn },
      },
      spec: {
        width: 240,
        height: 110,
        mark: { type: "bar" },
        encoding: {
          x: { field: "mean", type: "quantitative", bin: { maxbins: 60 }, title: "mean ΔZ" },
          y: { aggregate: "count", type: "quantitative", title: "classes" },
          color: {
            field: "interval",
            type: "nominal",
            title: "ΔZ's interval",
            legend: { labelLimit: 0 },
            scale: {
              domain: INTERVAL_CATEGORIES.map(([c]) => c),
              range: INTERVAL_CATEGORIES.map(([, colour]) => colour),
            },
          },
          order: { field: "interval", sort: "ascending" },
        },
      },
    },
  };
}
