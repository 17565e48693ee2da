/**
 * The marks every across-seed figure shares: a point at the mean with a rule from lo to hi (the
 * 95 % t-interval across seeds), for a nominal axis, and a line with a band for curves. Rows
 * without an interval (one seed) draw the point or line alone.
 */

/** Point + interval rule, horizontal: y nominal (with an offset channel), x the value. */
export function intervalLayers(options: {
  readonly y: Record<string, unknown>;
  readonly yOffset?: Record<string, unknown>;
  readonly color: Record<string, unknown>;
  readonly xTitle: string;
  readonly tooltip: readonly Record<string, unknown>[];
  readonly zeroRule?: boolean;
}): Record<string, unknown>[] {
  const shared = {
    y: options.y,
    ...(options.yOffset ? { yOffset: options.yOffset } : {}),
    color: options.color,
  };
  const layers: Record<string, unknown>[] = [
    {
      transform: [{ filter: "isValid(datum.lo) && isValid(datum.hi)" }],
      mark: { type: "rule", strokeWidth: 1.6 },
      encoding: {
        ...shared,
        x: { field: "lo", type: "quantitative", title: options.xTitle },
        x2: { field: "hi" },
      },
    },
    {
      mark: { type: "point", filled: true, size: 34, opacity: 0.95 },
      encoding: {
        ...shared,
        x: { field: "mean", type: "quantitative", title: options.xTitle, scale: { zero: false } },
        tooltip: options.tooltip,
      },
    },
  ];
  if (options.zeroRule) {
    layers.unshift({
      mark: { type: "rule", color: "#999999", strokeDash: [3, 3] },
      encoding: { x: { datum: 0, type: "quantitative" } },
    });
  }
  return layers;
}

/** Band (lo–hi) + line (mean) against a quantitative x. */
export function bandLayers(options: {
  readonly x: Record<string, unknown>;
  readonly color: Record<string, unknown>;
  readonly yTitle: string | null;
  readonly tooltip: readonly Record<string, unknown>[];
}): Record<string, unknown>[] {
  return [
    {
      transform: [{ filter: "isValid(datum.lo) && isValid(datum.hi)" }],
      mark: { type: "area", opacity: 0.22 },
      encoding: {
        x: options.x,
        y: { field: "lo", type: "quantitative", title: options.yTitle },
        y2: { field: "hi" },
        color: options.color,
      },
    },
    {
      mark: { type: "line", strokeWidth: 2, point: { size: 18 } },
      encoding: {
        x: options.x,
        y: {
          field: "mean",
          type: "quantitative",
          title: options.yTitle,
          scale: { zero: false },
        },
        color: options.color,
        tooltip: options.tooltip,
      },
    },
  ];
}

/** "t-interval across n seeds" or "one seed: no interval", for captions. */
export function seedsPhrase(seeds: number): string {
  return seeds >= 2
    ? `bars and bands are 95 % t-intervals across ${seeds} seeds`
    : "one seed: no interval";
}
