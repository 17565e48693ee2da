/**
 * The study's report, the page shell: one self-contained `report.html` (inline SVG figures, inline
 * CSS, a few lines of inline JS for sortable tables; nothing loaded from the network) that renders
 * the registered sections (report/sections/registry.ts) in order, the main finding on the first
 * screen. Every figure is also saved as `figures/<name>.svg` and `figures/<name>.png`.
 */
import { join } from "node:path";
import type { StudyAnalysis } from "../analysis/analyse-study.js";
import type { StudyResults } from "../analysis/study-results.js";
import { writeFileAtomic } from "../core/index.js";
import type { Figure } from "./figure-spec.js";
import { escapeHtml, figureHtml } from "./html.js";
import { renderSvg, svgToPng } from "./render-svg.js";
import { REPORT_SECTIONS } from "./sections/registry.js";
import { sectionFindings, type ReportSection, type SectionInput } from "./sections/section.js";
import { studyFigures } from "./study-figures.js";

export interface ReportOptions {
  /** Also write PNG copies of the figures (default true). */
  readonly png?: boolean;
  /** Rows per census table in the HTML (the CSV has all; default 60). */
  readonly maxCensusRows?: number;
  /** The sections, in page order (default REPORT_SECTIONS). */
  readonly sections?: readonly ReportSection[];
  /** Every replicate and the across-seed analyses, for the ensemble sections (issue 9). */
  readonly ensemble?: SectionInput["ensemble"];
}

export interface ReportOutput {
  readonly reportPath: string;
  readonly figurePaths: string[];
}

/** A figure of a section with its rendered SVG. */
export interface RenderedFigure {
  readonly section: string;
  readonly figure: Figure;
  readonly svg: string;
}

const DEFAULTS = { png: true, maxCensusRows: 60 };

const CSS = `
:root { --ink: #222; --muted: #666; --line: #ddd; --accent: #7b3294; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: var(--ink); margin: 0; background: #fafafa; line-height: 1.45; }
header.top { background: #2d2440; color: white; padding: 18px 32px 14px; }
header.top h1 { margin: 0 0 4px; font-size: 1.55rem; }
header.top p { margin: 0; color: #d8d0ea; font-size: 0.92rem; }
nav { position: sticky; top: 0; z-index: 5; background: white; border-bottom: 1px solid var(--line); padding: 6px 32px; font-size: 0.88rem; }
nav a { margin-right: 14px; color: var(--accent); text-decoration: none; }
main { max-width: 1280px; margin: 0 auto; padding: 0 32px 40px; }
section { background: white; border: 1px solid var(--line); border-radius: 6px; padding: 12px 22px 18px; margin: 18px 0; }
section h2 { margin: 4px 0 8px; font-size: 1.25rem; }
section h3 { font-size: 1rem; margin: 18px 0 6px; }
.headline { font-size: 1.2rem; font-weight: bold; margin: 4px 0 10px; color: #2d2440; }
.finding { font-size: 0.95rem; background: #f4effa; border-left: 5px solid var(--accent); padding: 10px 16px; margin: 8px 0 10px; }
.finding p { margin: 4px 0; }
ul.findings li, ul.notes li { margin: 3px 0; }
.caution { color: #8a4b00; background: #fff6e6; border-left: 4px solid #e3a03b; padding: 6px 12px; font-size: 0.92rem; }
figure.chart { margin: 12px 0 18px; }
.svg-wrap { overflow-x: auto; }
.key .svg-wrap svg { max-width: 100%; height: auto; }
figcaption { font-size: 0.86rem; color: var(--muted); max-width: 960px; }
.table-wrap { max-height: 520px; overflow: auto; border: 1px solid var(--line); margin: 6px 0 12px; }
table { border-collapse: collapse; font-size: 0.82rem; width: max-content; min-width: 100%; }
.table-note { font-size: 0.84rem; color: var(--muted); margin: 6px 0 2px; max-width: 1100px; }
th { position: sticky; top: 0; background: #f0edf5; cursor: pointer; user-select: none; padding: 4px 8px; border-bottom: 1px solid #ccc; text-align: left; white-space: nowrap; }
th[aria-sort="ascending"]::after { content: " ▲"; } th[aria-sort="descending"]::after { content: " ▼"; }
td { padding: 2px 8px; border-bottom: 1px solid #eee; vertical-align: middle; white-space: nowrap; }
tr:hover td { background: #faf7fd; }
svg.motif { display: block; }
.legend { font-size: 0.85rem; margin: 6px 0; } .legend-item { margin-right: 12px; white-space: nowrap; }
.topology-key { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 0.85rem; margin: 4px 0 12px; }
.topology-key .legend-item { display: inline-flex; align-items: center; gap: 4px; margin: 0; }
code { font-size: 0.85em; }
.key { display: grid; grid-template-columns: minmax(420px, 1fr) minmax(0, 1.35fr); gap: 18px; align-items: start; }
@media (max-width: 1100px) { .key { grid-template-columns: 1fr; } }
.key figure.chart { margin-top: 0; }
`;

// Click a header to sort its table; numbers by data-sort, the rest as text; click again to reverse.
const SORT_JS = `
document.querySelectorAll("table.sortable th").forEach(function (th) {
  th.addEventListener("click", function () {
    var table = th.closest("table"), body = table.tBodies[0], col = th.cellIndex;
    var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    var key = function (row) {
      var cell = row.cells[col]; var v = cell.getAttribute("data-sort");
      if (v === null) v = cell.textContent;
      var n = Number(v); return v !== "" && isFinite(n) ? n : v;
    };
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a), y = key(b);
      if (x === "" || x === "–") return 1; if (y === "" || y === "–") return -1;
      if (typeof x === "number" && typeof y === "number") return dir * (x - y);
      return dir * String(x).localeCompare(String(y));
    });
    rows.forEach(function (r) { body.appendChild(r); });
  });
});
`;

/** The sections this study shows: the registry minus those whose `include` says no. */
export function includedSections(
  input: SectionInput,
  sections: readonly ReportSection[] = REPORT_SECTIONS,
): ReportSection[] {
  return sections.filter((s) => s.include?.(input) ?? true);
}

const PICTOGRAM = /<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="motif" ([^>]*)>(.*?)<\/svg>/g;

/**
 * Draws each distinct motif pictogram once: a repeat becomes a <use> of the first (the census
 * tables show the same class in many rows; half the pictograms of a default report are repeats).
 */
export function shareRepeatedPictograms(html: string): string {
  const ids = new Map<string, string>();
  return html.replace(PICTOGRAM, (all, attributes: string, body: string) => {
    const open = `<svg xmlns="http://www.w3.org/2000/svg" class="motif" ${attributes}>`;
    const id = ids.get(body);
    if (id !== undefined) return `${open}<use href="#${id}"/></svg>`;
    const next = `pictogram-${ids.size}`;
    ids.set(body, next);
    return `${open}<g id="${next}">${body}</g></svg>`;
  });
}

/** Builds the HTML document from rendered figures (exported for tests). */
export function reportHtml(
  results: StudyResults,
  analysis: StudyAnalysis,
  figures: readonly RenderedFigure[],
  options: ReportOptions = {},
): string {
  const input: SectionInput = {
    results,
    analysis,
    ...(options.ensemble !== undefined ? { ensemble: options.ensemble } : {}),
    maxCensusRows: options.maxCensusRows ?? DEFAULTS.maxCensusRows,
  };
  const sections = includedSections(input, options.sections);
  let figureIndex = 0;
  let number = 0;
  const rendered = sections.map((section) => {
    const own = figures.filter((f) => f.section === section.id);
    const figuresHtml = own.map((f) => figureHtml(f.figure, f.svg, figureIndex++)).join("\n");
    const title = section.numbered ? `${++number}. ${section.title}` : section.title;
    const body = section.body({
      ...input,
      figuresHtml,
      findings: sectionFindings(section, analysis.findings),
    });
    return { section, title, body, figureCount: own.length };
  });
  const nav = rendered
    .map((s) => `<a href="#${escapeHtml(s.section.id)}">${escapeHtml(s.section.title)}</a>`)
    .join("");
  const body = shareRepeatedPictograms(
    rendered
      .map(
        (s) =>
          `<section id="${escapeHtml(s.section.id)}" data-figures="${s.figureCount}"><h2>${escapeHtml(s.title)}</h2>\n${s.body}\n</section>`,
      )
      .join("\n"),
  );
  // With an ensemble: every replicate's data sets, sizes and architectures (the first replicate
  // may not have them all: the paper preset's MNIST network is its own architecture).
  const all = options.ensemble?.results.replicates.map((r) => r.results) ?? [results];
  const union = <T>(pick: (r: typeof results) => readonly T[]): T[] => [
    ...new Set(all.flatMap((r) => [...pick(r)])),
  ];
  const architectures = [
    ...new Set(options.ensemble?.results.replicates.map((r) => r.architecture) ?? []),
  ];
  const subtitle =
    (architectures.length > 1 ? `Architectures: ${architectures.join(", ")} · ` : "") +
    `Data sets: ${union((r) => r.datasets).join(", ")} · initialisations: ${union((r) => r.inits).join(", ")} · ` +
    `motif sizes: ${union((r) => r.sizes).join(", ")} · null models: ${union((r) => r.nullModels).join(", ")}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>nnmotifs study report</title>
<style>${CSS}</style>
</head>
<body>
<header class="top"><h1>Network motifs in neural networks — study report</h1><p>${escapeHtml(subtitle)}</p></header>
<nav>${nav}</nav>
<main>
${body}
</main>
<script>${SORT_JS}</script>
</body>
</html>
`;
}

/**
 * Renders every figure (SVG, and PNG unless `png: false`) into `outDir/figures/` and writes
 * `outDir/report.html`; all writes are atomic.
 */
export async function writeReport(
  results: StudyResults,
  analysis: StudyAnalysis,
  outDir: string,
  options: ReportOptions = {},
): Promise<ReportOutput> {
  const png = options.png ?? DEFAULTS.png;
  const placed = studyFigures(
    results,
    analysis,
    options.sections,
    options.maxCensusRows ?? DEFAULTS.maxCensusRows,
    options.ensemble,
  );
  const rendered: RenderedFigure[] = [];
  const figurePaths: string[] = [];
  for (const { section, figure } of placed) {
    const svg = await renderSvg(figure.spec);
    rendered.push({ section, figure, svg });
    const base = join(outDir, "figures", figure.name);
    await writeFileAtomic(`${base}.svg`, svg);
    figurePaths.push(`${base}.svg`);
    if (png) {
      await writeFileAtomic(`${base}.png`, await svgToPng(svg));
      figurePaths.push(`${base}.png`);
    }
  }
  const reportPath = join(outDir, "report.html");
  await writeFileAtomic(reportPath, reportHtml(results, analysis, rendered, options));
  return { reportPath, figurePaths };
}
