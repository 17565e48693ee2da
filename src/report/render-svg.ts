/**
 * Vega-Lite spec → SVG string, offline: vega-lite compiles to a Vega spec, a headless vega View
 * (renderer "none") renders it with `toSVG()`. Data must be inline (`data.values`); nothing is
 * loaded and no fonts are downloaded. PNG (for slides) comes from resvg, a Rust SVG renderer shipped
 * prebuilt inside its npm package, using the system's fonts.
 */
import type { TopLevelSpec } from "vega-lite";

/** Renders a Vega-Lite spec to an SVG document string. */
export async function renderSvg(spec: TopLevelSpec | Record<string, unknown>): Promise<string> {
  const [vl, vega] = await Promise.all([import("vega-lite"), import("vega")]);
  const compiled = vl.compile(spec as TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none", logLevel: vega.Error });
  try {
    const svg = await view.toSVG();
    return svg;
  } finally {
    view.finalize();
  }
}

/** Rasterises an SVG to PNG at `scale` × its size (2 by default, sharp on slides). */
export async function svgToPng(svg: string, scale = 2): Promise<Uint8Array> {
  const { Resvg } = await import("@resvg/resvg-js");
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    background: "white",
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
  });
  return resvg.render().asPng();
}
