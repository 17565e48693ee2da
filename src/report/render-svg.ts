/**
 * Vega-Lite spec → SVG string, offline: vega-lite compiles to a Vega spec, a headless vega View
 * (renderer "none") renders it with `toSVG()`. Data must be inline (`data.values`); nothing is
 * loaded and no fonts are downloaded. PNG (for slides) comes from resvg, a Rust SVG renderer shipped
 * prebuilt inside its npm package, using the system's fonts.
 */
import type { TopLevelSpec } from "vega-lite";
import type { LoggerInterface } from "vega-util";
import { log } from "../core/index.js";

/** Forwards vega-lite's and vega's warnings and errors to nnmotifs' replaceable logger. */
function forwardingLogger(): LoggerInterface {
  let level = 2; // vega-util's Warn
  const forward = (...args: readonly unknown[]): void => log().warn(`figure: ${args.join(" ")}`);
  const self = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return self;
    },
    error(...args: readonly unknown[]) {
      forward(...args);
      return self;
    },
    warn(...args: readonly unknown[]) {
      forward(...args);
      return self;
    },
    info() {
      return self;
    },
    debug() {
      return self;
    },
  };
  return self as unknown as LoggerInterface;
}

/** Renders a Vega-Lite spec to an SVG document string. */
export async function renderSvg(spec: TopLevelSpec | Record<string, unknown>): Promise<string> {
  const [vl, vega] = await Promise.all([import("vega-lite"), import("vega")]);
  const logger = forwardingLogger();
  const compiled = vl.compile(spec as TopLevelSpec, { logger }).spec;
  const view = new vega.View(vega.parse(compiled), {
    renderer: "none",
    logger,
    logLevel: vega.Warn,
  });
  try {
    return await view.toSVG();
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
