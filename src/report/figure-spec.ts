/**
 * What every figure shares: the spec type, the colours (one palette for init schemes and one for
 * weight categories, the same in every figure), fonts and sizes.
 */

/** A Vega-Lite spec as plain data (checked by vega-lite when rendered). */
export type VegaLiteSpec = Record<string, unknown>;

/** One figure of the report. */
export interface Figure {
  /** File name without extension, e.g. "z-scatter-size-4". */
  readonly name: string;
  readonly title: string;
  /** One or two sentences under the figure. */
  readonly caption: string;
  readonly spec: VegaLiteSpec;
}

export const FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif";

/** Weight categories (SPEC §4.2): 1 strong negative, 2 mild, 3 strong positive, 0 removed. */
export const WEIGHT_COLOURS: Readonly<Record<string, string>> = {
  "0": "#eeeeee",
  "1": "#2c7bb6",
  "2": "#a0a0a0",
  "3": "#d7191c",
};
export const WEIGHT_COLOUR_NAMES: Readonly<Record<string, string>> = {
  "0": "removed",
  "1": "strong negative",
  "2": "mild",
  "3": "strong positive",
};

/**
 * What each edge colour means under a binning scheme (graph/binning.ts): the paper's bands, or the
 * sign alone (sign, quantile), or one colour (none). Unknown schemes get "colour c".
 */
export function colourNames(binning: string | undefined): Readonly<Record<string, string>> {
  switch (binning ?? "paper") {
    case "paper":
    case "matched":
      return WEIGHT_COLOUR_NAMES;
    case "sign":
      return { "0": "zero (removed)", "1": "negative", "3": "positive" };
    case "quantile":
      return { "0": "removed (small |w|)", "1": "negative", "3": "positive" };
    case "none":
      return { "1": "edge (uncoloured)" };
    default:
      return {};
  }
}

/** "1 strong negative, 2 mild, 3 strong positive" for a binning's drawn colours. */
export function colourKeyText(binning: string | undefined): string {
  const names = colourNames(binning);
  const drawn = Object.keys(names).filter((c) => c !== "0");
  return drawn.length === 0
    ? "colours as the binning numbers them"
    : drawn.map((c) => `${c} ${names[c]}`).join(", ");
}

const INIT_PALETTE = ["#4c78a8", "#f58518", "#54a24b", "#b279a2", "#e45756", "#72b7b2", "#9d755d"];
const NETWORK_PALETTE = [
  "#555555",
  "#e45756",
  "#4c78a8",
  "#72b7b2",
  "#b279a2",
  "#eeca3b",
  "#9d755d",
];

/** A colour scale over the init schemes in study order. */
export function initScale(inits: readonly string[]): Record<string, unknown> {
  return { domain: [...inits], range: inits.map((_, i) => INIT_PALETTE[i % INIT_PALETTE.length]) };
}

/** A colour scale over "initial" followed by the data sets. */
export function networkScale(datasets: readonly string[]): Record<string, unknown> {
  const domain = ["initial", ...datasets];
  return { domain, range: domain.map((_, i) => NETWORK_PALETTE[i % NETWORK_PALETTE.length]) };
}

/**
 * The name of a layer that draws a reference (y = 0, a bisector), not data. Vega puts the name in
 * the marks' SVG class; the report's legibility test does not count such marks, so a panel that
 * draws only references is reported as empty. Name every reference layer with this.
 */
export function referenceLayer(what: string): string {
  return `reference_${what.replace(/[^A-Za-z0-9_]/g, "_")}`;
}

/** The top-level fields every figure has. */
export function topLevel(values: readonly object[]): VegaLiteSpec {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    data: { values },
    background: "white",
    padding: 8,
    config: {
      // No per-mark ARIA descriptions: they would multiply the size of the inline SVGs.
      aria: false,
      font: FONT,
      view: { stroke: "#dddddd" },
      axis: { labelFontSize: 11, titleFontSize: 12, gridColor: "#eeeeee" },
      header: { labelFontSize: 12, titleFontSize: 12 },
      legend: { labelFontSize: 11, titleFontSize: 12 },
    },
  };
}

/**
 * The null models, in study order, that have something to draw (a facet panel each), and a
 * sentence for the caption naming those that have not: an empty panel says nothing.
 */
export function drawnNulls(
  nullModels: readonly string[],
  present: ReadonlySet<string>,
  what: string,
): { readonly drawn: string[]; readonly note: string } {
  const drawn = nullModels.filter((n) => present.has(n));
  const missing = nullModels.filter((n) => !present.has(n));
  const note =
    missing.length === 0
      ? ""
      : ` No ${what} under the ${missing.join(" or the ")} null${missing.length > 1 ? "s" : ""}, so ${missing.length > 1 ? "they have" : "it has"} no panel.`;
  return { drawn, note };
}

/** [min, max] of the finite values without spreading them into Math.min (large arrays). */
export function extent(values: Iterable<number>): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : null;
}

/** Short "init/data set" label for a graph. */
export function graphLabel(init: string, network: string): string {
  return `${init}/${network}`;
}
