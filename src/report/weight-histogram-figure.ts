/**
 * Weight histograms with the fitted normal and the colour bands of the binning (SPEC §4.2): one
 * panel per init scheme (column) and network (row); the band behind the bars is the weight
 * category a weight in it gets, the line the group's fitted normal.
 */
import type { ColourBandRow, WeightHistogramRow } from "../analysis/weight-histograms.js";
import {
  colourKeyText,
  topLevel,
  WEIGHT_COLOURS,
  WEIGHT_COLOUR_NAMES,
  type Figure,
} from "./figure-spec.js";

/** Why a study's histograms have no colour bands, for the caption. */
function noBandsReason(binning: string | undefined): string {
  switch (binning ?? "paper") {
    case "sign":
    case "quantile":
      return `the ${binning} binning colours weights by their sign (${colourKeyText(binning)})${binning === "quantile" ? ", keeping the largest |w| of each layer" : ""}, not by bands of w`;
    case "none":
      return "the graphs are uncoloured";
    default:
      return "no bin edges were recorded for these networks";
  }
}

export function weightHistogramFigure(
  histograms: readonly WeightHistogramRow[],
  bands: readonly ColourBandRow[],
  binning?: string,
): Figure {
  const networks = [...new Set(histograms.map((h) => `${h.init}\u0000${h.network}`))];
  const values: object[] = histograms.map((h) => ({ kind: "bar", ...h }));
  for (const key of networks) {
    const [init, network] = key.split("\u0000");
    for (const b of bands.filter((x) => x.init === init)) {
      values.push({
        kind: "band",
        init,
        network,
        binStart: b.start,
        binEnd: b.end,
        category: WEIGHT_COLOUR_NAMES[String(b.colour)],
      });
    }
  }
  const categories = ["1", "2", "0", "3"];
  // Layers without data would give vega empty scales ("Infinite extent"): only draw what exists.
  const hasBands = values.some((v) => (v as { kind: string }).kind === "band");
  const hasFit = histograms.some((h) => h.fittedDensity !== null);
  const inits = [...new Set(histograms.map((h) => h.init))];
  const present = new Set(histograms.map((h) => h.network));
  const order = ["initial", ...[...present].filter((n) => n !== "initial")].filter((n) =>
    present.has(n),
  );
  return {
    name: "weight-histograms",
    title: `Weight histograms${hasFit ? ", fitted normal" : ""}${hasBands ? " and colour bands" : ""}`,
    caption:
      "Weights of each network (rows) per initialisation (columns)." +
      (hasBands
        ? " Background bands: the weight category a weight gets (the middle band is removed)."
        : ` No colour bands: ${noBandsReason(binning)}.`) +
      (hasFit ? " Black line: the fitted normal of the init group." : ""),
    spec: {
      ...topLevel(values),
      // Concatenated panels rather than a facet: vega-lite 5 mismatches panels and independent
      // scales when a facet has a custom sort order (seen with row sort ["initial", …]).
      vconcat: order.map((network) => ({
        hconcat: inits.map((init) => ({
          title: { text: `${init} · ${network}`, fontSize: 12, fontWeight: "normal" },
          transform: [
            {
              filter: {
                and: [
                  { field: "init", equal: init },
                  { field: "network", equal: network },
                ],
              },
            },
          ],
          width: 220,
          height: 110,
          layer: [
            ...(hasBands
              ? [
                  {
                    transform: [{ filter: "datum.kind === 'band'" }],
                    mark: { type: "rect", opacity: 0.35 },
                    encoding: {
                      x: { field: "binStart", type: "quantitative", title: "weight" },
                      x2: { field: "binEnd" },
                      color: {
                        field: "category",
                        type: "nominal",
                        title: "weight category",
                        scale: {
                          domain: categories.map((c) => WEIGHT_COLOUR_NAMES[c]),
                          range: categories.map((c) => WEIGHT_COLOURS[c]),
                        },
                      },
                    },
                  },
                ]
              : []),
            {
              transform: [{ filter: "datum.kind === 'bar'" }],
              mark: { type: "rect", color: "#4a4a4a", opacity: 0.75 },
              encoding: {
                x: { field: "binStart", type: "quantitative", title: "weight" },
                x2: { field: "binEnd" },
                y: { field: "density", type: "quantitative", title: "density" },
              },
            },
            ...(hasFit
              ? [
                  {
                    transform: [{ filter: "datum.kind === 'bar' && isValid(datum.fittedDensity)" }],
                    mark: { type: "line", color: "black", strokeWidth: 1.5 },
                    encoding: {
                      x: { field: "binStart", type: "quantitative" },
                      y: { field: "fittedDensity", type: "quantitative" },
                    },
                  },
                ]
              : []),
          ],
        })),
      })),
    },
  };
}
