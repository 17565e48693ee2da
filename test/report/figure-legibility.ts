/**
 * Legibility of every inline SVG of a report, measured in headless Chromium at a given width:
 * text boxes that overlap (rotated labels as rotated rectangles, not their axis-aligned hulls),
 * text outside the SVG's viewport, and plot panels with no data mark. Generic: it knows nothing of
 * the figures, so a figure another section adds is checked too.
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { CHROMIUM, browserUnavailable } from "./browser.js";

export interface TextOverlap {
  readonly a: string;
  readonly b: string;
  /** Overlap depth in px along the least-overlapping axis (rectangle separation). */
  readonly depth: number;
}

export interface FigureLegibility {
  /** The figure's file name (the id of its <figure> without "figure-") or "svg #i" for other SVGs. */
  readonly figure: string;
  /** Rendered by vega (the report's charts), not a hand-drawn pictogram or instance drawing. */
  readonly vega: boolean;
  readonly texts: number;
  readonly overlaps: readonly TextOverlap[];
  /** Texts whose box leaves the SVG's viewport. */
  readonly outside: readonly string[];
  /** Panels (a plot's group with axes or marks) that draw no data mark; their index in the SVG. */
  readonly emptyPanels: readonly string[];
  readonly panels: number;
}

/** Overlaps shallower than this (px) are antialiasing, not collisions. */
export const OVERLAP_TOLERANCE_PX = 1;

/**
 * Opens `htmlPath` at `width` px and measures every inline SVG. Throws when chromium is missing
 * (see browserUnavailable).
 */
export async function checkFigureLegibility(
  htmlPath: string,
  width = 1400,
): Promise<FigureLegibility[]> {
  const why = browserUnavailable();
  if (why) throw new Error(why);
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  try {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const url = pathToFileURL(resolve(htmlPath)).href;
    await page.route("**/*", (route) =>
      route.request().url() === url ? route.continue() : route.abort(),
    );
    await page.goto(url, { waitUntil: "load" });
    // Page-side code as source text: the project compiles without the DOM library.
    return (await page.evaluate(`(${PAGE_CHECK})(${OVERLAP_TOLERANCE_PX})`)) as FigureLegibility[];
  } finally {
    await browser.close();
  }
}

/** Runs in the page. Kept as plain ES2017 text. */
const PAGE_CHECK = String.raw`function (tolerance) {
  function visible(el) {
    for (var e = el; e && e.nodeType === 1; e = e.parentNode) {
      var s = getComputedStyle(e);
      if (s.display === "none" || s.visibility === "hidden" || Number(s.opacity) === 0) return false;
      if (e.getAttribute("opacity") === "0" || e.getAttribute("fill-opacity") === "0") return false;
      if (e.tagName.toLowerCase() === "svg") break;
    }
    return true;
  }
  // The four corners of an element's local bounding box in screen coordinates.
  function corners(el) {
    var b = el.getBBox();
    var m = el.getScreenCTM();
    return [[b.x, b.y], [b.x + b.width, b.y], [b.x + b.width, b.y + b.height], [b.x, b.y + b.height]].map(function (p) {
      return [m.a * p[0] + m.c * p[1] + m.e, m.b * p[0] + m.d * p[1] + m.f];
    });
  }
  // Separating-axis test of two convex quadrilaterals: the smallest overlap over the edge normals
  // (<= 0 when separated).
  function depth(p, q) {
    var best = Infinity;
    [p, q].forEach(function (poly) {
      for (var i = 0; i < 4; i++) {
        var a = poly[i], b = poly[(i + 1) % 4];
        var nx = a[1] - b[1], ny = b[0] - a[0];
        var len = Math.hypot(nx, ny);
        if (len === 0) continue;
        nx /= len; ny /= len;
        var pr = function (pts) {
          var lo = Infinity, hi = -Infinity;
          pts.forEach(function (t) { var v = t[0] * nx + t[1] * ny; if (v < lo) lo = v; if (v > hi) hi = v; });
          return [lo, hi];
        };
        var x = pr(p), y = pr(q);
        best = Math.min(best, Math.min(x[1], y[1]) - Math.max(x[0], y[0]));
      }
    });
    return best;
  }
  // A data mark draws something: text with characters, a line or rule with length, and an area
  // mark (bar, area, arc) with area — a zero-height bar (Z undefined drawn as 0) is no mark.
  function drawn(el, areal) {
    var tag = el.tagName.toLowerCase();
    if (tag === "g" || tag === "title" || tag === "defs") return false;
    if (el.classList.contains("background") || el.classList.contains("foreground")) return false;
    if (tag === "path" && !(el.getAttribute("d") || "").replace(/[MmZz0,.\s-]/g, "")) return false;
    if (!visible(el)) return false;
    if (tag === "text") return (el.textContent || "").trim() !== "";
    var b = el.getBBox();
    return areal ? b.width > 0 && b.height > 0 : b.width > 0 || b.height > 0;
  }
  var svgs = Array.from(document.querySelectorAll("svg")).filter(function (s) {
    return !s.parentNode.closest("svg");
  });
  return svgs.map(function (svg, index) {
    var fig = svg.closest("figure");
    var name = fig && fig.id ? fig.id.replace(/^figure-/, "") : "svg #" + index;
    var frame = svg.getBoundingClientRect();
    var texts = Array.from(svg.querySelectorAll("text")).filter(function (t) {
      return (t.textContent || "").trim() !== "" && visible(t);
    });
    var boxes = texts.map(corners);
    var overlaps = [];
    for (var i = 0; i < boxes.length; i++) {
      for (var j = i + 1; j < boxes.length; j++) {
        var d = depth(boxes[i], boxes[j]);
        if (d > tolerance) overlaps.push({ a: texts[i].textContent, b: texts[j].textContent, depth: Math.round(d * 10) / 10 });
      }
    }
    var outside = [];
    boxes.forEach(function (c, i) {
      var out = c.some(function (p) {
        return p[0] < frame.left - tolerance || p[0] > frame.right + tolerance ||
          p[1] < frame.top - tolerance || p[1] > frame.bottom + tolerance;
      });
      if (out) outside.push(texts[i].textContent);
    });
    // A panel is an item of a scope or frame group (vega's facet cells, concat and layer views)
    // that holds mark groups of its own; it is empty when none of those marks draws anything.
    // Reference layers (named "reference…", figure-spec.ts) such as y = 0 or a bisector are not
    // data. Vega's path groups (one line or area series each, "…_pathgroup") are parts of their
    // panel, not panels: a collapsed band in one series leaves the panel's other marks.
    function isPathGroup(g) {
      return /_pathgroup(\s|$)/.test(g.getAttribute("class") || "");
    }
    function panelOf(m) {
      var scope = m.parentNode.closest("g.role-scope, g.role-frame");
      while (scope && isPathGroup(scope)) scope = scope.parentNode.closest("g.role-scope, g.role-frame");
      return scope;
    }
    var panels = [];
    svg.querySelectorAll("g.mark-group.role-scope, g.mark-group.role-frame").forEach(function (group) {
      if (isPathGroup(group)) return;
      Array.from(group.children).forEach(function (item) {
        if (item.tagName.toLowerCase() !== "g") return;
        var own = Array.from(item.querySelectorAll("g.role-mark")).filter(function (m) {
          return panelOf(m) === group;
        });
        if (own.length === 0) return;
        var marks = 0;
        own.forEach(function (m) {
          var cls = m.getAttribute("class") || "";
          if (/(^|\s)reference/.test(cls)) return;
          var areal = /(^|\s)mark-(rect|area|arc)(\s|$)/.test(cls);
          Array.from(m.querySelectorAll("*")).forEach(function (el) {
            if (drawn(el, areal)) marks++;
          });
        });
        panels.push({ label: (group.getAttribute("class") || "") + " item " + Array.from(group.children).indexOf(item), marks: marks });
      });
    });
    return {
      figure: name,
      vega: svg.classList.contains("marks"),
      texts: texts.length,
      overlaps: overlaps,
      outside: outside,
      emptyPanels: panels.filter(function (p) { return p.marks === 0; }).map(function (p) { return p.label; }),
      panels: panels.length,
    };
  });
}`;
