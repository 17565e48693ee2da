/**
 * Vega-Lite spec → SVG string, offline: vega-lite compiles to a Vega spec, a headless vega View
 * (renderer "none") renders it with `toSVG()`. Data must be inline (`data.values`); nothing is
 * loaded and no fonts are downloaded. PNG (for slides) comes from resvg, a Rust SVG renderer shipped
 * prebuilt inside its npm package, using the system's fonts.
 */
import type { TopLevelSpec } from "vega-lite";
import type { LoggerInterface } from "vega-util";
import { log } from "../core/index.js";

const EMPTY_EXTENT = /^Infinite extent for field "[^"]*": \[Infinity, -Infinity\]$/;

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
      // A layer whose rows are all filtered out has an empty extent: an interval layer of a
      // one-seed study (no bounds) or an absent panel's. The axes come from the other layers, so
      // this says nothing to the user (a one-seed study printed 88 of them).
      if (EMPTY_EXTENT.test(String(args[0] ?? ""))) return self;
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
    return compactSvg(await view.toSVG());
  } finally {
    view.finalize();
  }
}

/** Attributes vega writes that change nothing here (ARIA is off, everything is opaque by default). */
const NO_OP_ATTRIBUTES =
  / (?:opacity="1"|aria-hidden="true"|pointer-events="none"|role="graphics-[a-z-]+"|aria-roledescription="[^"]*")/g;

/**
 * Vega's SVG made smaller without changing a pixel (the report inlines dozens, a 5-node profile
 * was 220 kB): coordinates in tags rounded to 0.01 px, no-op attributes dropped, the font family
 * set once on the root instead of on every text. Text content is not touched.
 */
export function compactSvg(svg: string): string {
  const fonts = new Map<string, number>();
  for (const m of svg.matchAll(/ font-family="([^"]*)"/g))
    fonts.set(m[1], (fonts.get(m[1]) ?? 0) + 1);
  const font = [...fonts].sort((a, b) => b[1] - a[1])[0]?.[0];
  let out = svg.replace(/<[^>]+>/g, (tag) =>
    tag.replace(NO_OP_ATTRIBUTES, "").replace(/(\d\.\d\d)\d+/g, "$1"),
  );
  if (font !== undefined) {
    out = out.split(` font-family="${font}"`).join("");
    out = out.replace(/^<svg /, `<svg font-family="${font}" `);
  }
  return out;
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
