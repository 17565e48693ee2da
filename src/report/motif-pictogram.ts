/**
 * A small inline SVG per coloured motif: nodes placed by longest-path level from the sources, top
 * to bottom (the layers of the network), edges coloured by weight category with arrowheads. Edges
 * that skip a level are drawn curved so they do not run through the node between.
 *
 * A pictogram of a named topology (diamond, bi-fan, feed-forward loop, …) links to the drawing of
 * one of its instances in a network (`#instance-<name>`, instance-drawing.ts), which the motifs
 * section of the report renders for every named topology of the census.
 */
import { motifName, parseAdjacency } from "../analysis/motif-names.js";
import { instanceAnchor } from "./instance-drawing.js";
import { colourNames, WEIGHT_COLOURS } from "./figure-spec.js";

export interface PictogramOptions {
  /** Width and height in pixels (default 56). */
  readonly size?: number;
  /** Link a named topology's pictogram to its instance drawing (default true). */
  readonly link?: boolean;
}

const DEFAULTS = { size: 56 };

/** Longest-path level of each node (sources are level 0); cycles are cut after k rounds. */
export function longestPathLevels(m: readonly (readonly number[])[]): number[] {
  const k = m.length;
  const level = new Array<number>(k).fill(0);
  for (let round = 0; round < k; round++) {
    let changed = false;
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) {
        if (m[i][j] > 0 && level[j] < level[i] + 1 && level[i] + 1 < k) {
          level[j] = level[i] + 1;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return level;
}

function f(x: number): string {
  return (Math.round(x * 10) / 10).toString();
}

/**
 * The pictogram of a class given as adjacency rows or a census class key (k*k digits, and with
 * vertex colours "/c1,…,ck", which the pictogram does not draw).
 */
export function motifPictogram(
  rows: readonly string[] | string,
  options: PictogramOptions = {},
): string {
  const size = options.size ?? DEFAULTS.size;
  const matrixRows = typeof rows === "string" ? rows.split("/")[0] : rows;
  const m = parseAdjacency(matrixRows);
  const k = m.length;
  const level = longestPathLevels(m);
  const levels = Math.max(...level) + 1;
  const pad = 7;
  const r = Math.max(3, size / 16);
  const pos: [number, number][] = new Array(k);
  for (let l = 0; l < levels; l++) {
    const nodes = level.map((v, i) => (v === l ? i : -1)).filter((i) => i >= 0);
    nodes.forEach((node, idx) => {
      const x = nodes.length === 1 ? size / 2 : pad + ((size - 2 * pad) * idx) / (nodes.length - 1);
      const y = levels === 1 ? size / 2 : pad + ((size - 2 * pad) * l) / (levels - 1);
      pos[node] = [x, y];
    });
  }
  const parts: string[] = [];
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const c = m[i][j];
      if (c === 0) continue;
      const colour = WEIGHT_COLOURS[String(c)] ?? "#555555";
      const [x1, y1] = pos[i];
      const [x2, y2] = pos[j];
      // Curve edges that skip a level, and both edges of a mutual pair.
      const bend = Math.abs(level[j] - level[i]) > 1 || m[j][i] > 0 ? 0.25 : 0;
      const mx = (x1 + x2) / 2 - (y2 - y1) * bend;
      const my = (y1 + y2) / 2 + (x2 - x1) * bend;
      // Stop at the target node's rim; the arrowhead points along the curve's end tangent.
      const dx = x2 - mx;
      const dy = y2 - my;
      const len = Math.hypot(dx, dy) || 1;
      const ux = dx / len;
      const uy = dy / len;
      const ex = x2 - ux * (r + 0.5);
      const ey = y2 - uy * (r + 0.5);
      const head = Math.max(3.5, size / 14);
      const bx = ex - ux * head;
      const by = ey - uy * head;
      const px = -uy * head * 0.5;
      const py = ux * head * 0.5;
      parts.push(
        `<path d="M${f(x1)},${f(y1)} Q${f(mx)},${f(my)} ${f(bx)},${f(by)}" stroke="${colour}" stroke-width="1.6" fill="none"/>`,
        `<polygon points="${f(ex)},${f(ey)} ${f(bx + px)},${f(by + py)} ${f(bx - px)},${f(by - py)}" fill="${colour}"/>`,
      );
    }
  }
  for (let i = 0; i < k; i++) {
    parts.push(`<circle cx="${f(pos[i][0])}" cy="${f(pos[i][1])}" r="${f(r)}" fill="#333333"/>`);
  }
  const label = `motif ${typeof rows === "string" ? rows : rows.join("")}`;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" class="motif" width="${size}" height="${size}" ` +
    `viewBox="0 0 ${size} ${size}" role="img" aria-label="${label}">${parts.join("")}</svg>`;
  const name = (options.link ?? true) ? motifName(matrixRows) : null;
  return name === null ? svg : `<a href="#${instanceAnchor(name)}">${svg}</a>`;
}

/** The legend of the pictograms' edge colours under a binning scheme (default paper), as inline HTML. */
export function pictogramLegend(binning?: string): string {
  const names = colourNames(binning);
  const items = Object.keys(names)
    .filter((c) => c !== "0")
    .map(
      (c) =>
        `<span class="legend-item"><svg xmlns="http://www.w3.org/2000/svg" width="26" height="10" viewBox="0 0 26 10">` +
        `<line x1="1" y1="5" x2="19" y2="5" stroke="${WEIGHT_COLOURS[c] ?? "#555555"}" stroke-width="2"/>` +
        `<polygon points="25,5 18,1.5 18,8.5" fill="${WEIGHT_COLOURS[c] ?? "#555555"}"/></svg> ${c} ${names[c]}</span>`,
    );
  const what = (binning ?? "paper") === "paper" ? "weight category" : `colour (${binning} binning)`;
  return `<div class="legend">Edge colour = ${what}: ${items.join(" ")}; nodes are placed by layer, inputs at the top.</div>`;
}
