/**
 * The HTML pieces every report section uses: escaping, sortable tables, number cells and figure
 * blocks. Sections build their bodies from these and nothing else, so the page looks the same
 * everywhere.
 */
import type { Figure } from "./figure-spec.js";

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** Prefixes every id of an SVG so many inline SVGs can share one HTML document. */
export function uniquifySvgIds(svg: string, prefix: string): string {
  return svg
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}-${id})`)
    .replace(/href="#([^"]+)"/g, (_, id: string) => `href="#${prefix}-${id}"`);
}

/** A table cell: its HTML and an optional sort key (numbers sort numerically). */
export interface Cell {
  readonly html: string;
  readonly sort?: number | string | null;
}

export interface Column<T> {
  readonly title: string;
  readonly cell: (row: T) => Cell;
}

export function num(x: number | null | undefined, digits = 2): Cell {
  if (x === null || x === undefined || !Number.isFinite(x)) return { html: "–", sort: null };
  const abs = Math.abs(x);
  const html =
    abs !== 0 && (abs < 10 ** -digits || abs >= 1e6)
      ? x.toExponential(digits - 1 > 0 ? digits - 1 : 1)
      : x.toFixed(digits);
  return { html, sort: x };
}

export function text(s: string | number | null | undefined): Cell {
  const v = s === null || s === undefined ? "" : String(s);
  return { html: escapeHtml(v), sort: v };
}

/** A sortable table; `caption` (HTML) sits above it, outside the scrolling box. */
export function table<T>(rows: readonly T[], columns: readonly Column<T>[], caption = ""): string {
  const head = columns.map((c) => `<th scope="col">${escapeHtml(c.title)}</th>`).join("");
  const body = rows
    .map(
      (r) =>
        "<tr>" +
        columns
          .map((c) => {
            const cell = c.cell(r);
            const key =
              cell.sort === undefined || cell.sort === null
                ? ""
                : ` data-sort="${escapeHtml(String(cell.sort))}"`;
            return `<td${key}>${cell.html}</td>`;
          })
          .join("") +
        "</tr>",
    )
    .join("\n");
  // The note sits outside the scrolling box so that wide tables do not cut it off.
  const cap = caption ? `<p class="table-note">${caption}</p>` : "";
  return `${cap}<div class="table-wrap"><table class="sortable"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

/** One rendered figure; `index` makes its SVG ids unique in the page. */
export function figureHtml(figure: Figure, svg: string, index: number): string {
  return (
    `<figure class="chart" id="figure-${escapeHtml(figure.name)}">` +
    `<div class="svg-wrap">${uniquifySvgIds(svg, `f${index}`)}</div>` +
    `<figcaption><b>${escapeHtml(figure.title)}.</b> ${escapeHtml(figure.caption)} ` +
    `<a href="figures/${escapeHtml(figure.name)}.svg">SVG</a></figcaption></figure>`
  );
}

/** A list of sentences. */
export function sentenceList(sentences: readonly string[]): string {
  return sentences.length === 0
    ? ""
    : `<ul class="findings">${sentences.map((s) => `<li>${escapeHtml(s)}</li>`).join("")}</ul>`;
}

/** The topology's name without an unnamed topology's key. */
export function shortTopology(name: string): string {
  return name.split(" #")[0];
}
