/**
 * The study's report: one self-contained `report.html` (inline SVG figures, inline CSS, a few
 * lines of inline JS for sortable tables; nothing loaded from the network), with sections in the
 * order of the study and the main finding on the first screen. Every figure is also saved as
 * `figures/<name>.svg` and `figures/<name>.png`.
 */
import { join } from "node:path";
import type { StudyAnalysis } from "../analysis/analyse-study.js";
import type { CensusClassRow } from "../analysis/census-classes.js";
import type { StudyResults } from "../analysis/study-results.js";
import { writeFileAtomic } from "../core/index.js";
import type { Figure } from "./figure-spec.js";
import { motifPictogram, pictogramLegend } from "./motif-pictogram.js";
import { renderSvg, svgToPng } from "./render-svg.js";
import { studyFigures, type SectionId } from "./study-figures.js";

export interface ReportOptions {
  /** Also write PNG copies of the figures (default true). */
  readonly png?: boolean;
  /** Rows per census table in the HTML (the CSV has all; default 60). */
  readonly maxCensusRows?: number;
}

export interface ReportOutput {
  readonly reportPath: string;
  readonly figurePaths: string[];
}

const DEFAULTS = { png: true, maxCensusRows: 60 };

function capitalise(text: string): string {
  return text.length > 0 ? `${text[0].toUpperCase()}${text.slice(1)}` : text;
}

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
interface Cell {
  readonly html: string;
  readonly sort?: number | string | null;
}
interface Column<T> {
  readonly title: string;
  readonly cell: (row: T) => Cell;
}

function num(x: number | null | undefined, digits = 2): Cell {
  if (x === null || x === undefined || !Number.isFinite(x)) return { html: "–", sort: null };
  const abs = Math.abs(x);
  const html =
    abs !== 0 && (abs < 10 ** -digits || abs >= 1e6)
      ? x.toExponential(digits - 1 > 0 ? digits - 1 : 1)
      : x.toFixed(digits);
  return { html, sort: x };
}
function text(s: string | number | null | undefined): Cell {
  const v = s === null || s === undefined ? "" : String(s);
  return { html: escapeHtml(v), sort: v };
}

function table<T>(rows: readonly T[], columns: readonly Column<T>[], caption = ""): string {
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

function figureHtml(figure: Figure, svg: string, index: number): string {
  return (
    `<figure class="chart" id="figure-${escapeHtml(figure.name)}">` +
    `<div class="svg-wrap">${uniquifySvgIds(svg, `f${index}`)}</div>` +
    `<figcaption><b>${escapeHtml(figure.title)}.</b> ${escapeHtml(figure.caption)} ` +
    `<a href="figures/${escapeHtml(figure.name)}.svg">SVG</a></figcaption></figure>`
  );
}

function censusTables(results: StudyResults, analysis: StudyAnalysis, maxRows: number): string {
  const parts: string[] = [];
  const graphs = results.graphs;
  for (const size of results.sizes) {
    for (const nullModel of results.nullModels) {
      const rows = analysis.tables.censusClasses.filter(
        (r) => r.size === size && r.nullModel === nullModel,
      );
      if (rows.length === 0) continue;
      const byMotif = new Map<string, Map<string, CensusClassRow>>();
      for (const r of rows) {
        const m = byMotif.get(r.motif) ?? new Map<string, CensusClassRow>();
        m.set(r.graphId, r);
        byMotif.set(r.motif, m);
      }
      const merged = [...byMotif.entries()].map(([motif, perGraph]) => {
        const zs = [...perGraph.values()].map((r) => r.z).filter((z): z is number => z !== null);
        const first = perGraph.values().next().value as CensusClassRow;
        return {
          motif,
          perGraph,
          topologyName: first.topologyName,
          maxAbsZ: zs.length ? Math.max(...zs.map(Math.abs)) : -1,
        };
      });
      merged.sort((a, b) => b.maxAbsZ - a.maxAbsZ);
      const shown = merged.slice(0, maxRows);
      const columns: Column<(typeof merged)[number]>[] = [
        { title: "motif", cell: (r) => ({ html: motifPictogram(r.motif), sort: r.motif }) },
        { title: "topology", cell: (r) => text(r.topologyName.split(" #")[0]) },
        ...graphs.map((g): Column<(typeof merged)[number]> => ({
          title: `Z ${g.id}`,
          cell: (r) => {
            const c = r.perGraph.get(g.id);
            const cell = num(c?.z ?? null);
            const sig = c && c.z !== null && c.z > 0 && c.qOver !== null && c.qOver < 0.05;
            return sig ? { html: `<b>${cell.html}</b>`, sort: cell.sort } : cell;
          },
        })),
      ];
      const note =
        merged.length > shown.length
          ? ` The ${shown.length} classes with the largest |Z| of ${merged.length}; all are in <code>tables/census-classes.csv</code>.`
          : "";
      parts.push(
        `<h3>${size}-node classes, ${escapeHtml(nullModel)} null</h3>` +
          table(
            shown,
            columns,
            `Z of each coloured class in every network; bold: over-represented with BH q &lt; 0.05 across the variants of its topology.${note}`,
          ),
      );
    }
  }
  return parts.join("\n");
}

function topologyTables(results: StudyResults, analysis: StudyAnalysis, maxRows: number): string {
  const parts: string[] = [];
  for (const size of results.sizes) {
    const all = analysis.tables.topologyVariants
      .filter((r) => r.size === size)
      .sort((a, b) => (b.maxZ ?? -Infinity) - (a.maxZ ?? -Infinity));
    if (all.length === 0) continue;
    const rows = all.slice(0, maxRows);
    const note =
      all.length > rows.length
        ? `The ${rows.length} rows with the largest Z of ${all.length}; all are in <code>tables/topology-variants.csv</code>.`
        : "";
    parts.push(
      `<h3>${size}-node topologies: most significant and most typical variant</h3>` +
        table(
          rows,
          [
            { title: "network", cell: (r) => text(r.graphId) },
            { title: "null", cell: (r) => text(r.nullModel) },
            { title: "topology", cell: (r) => text(r.topologyName.split(" #")[0]) },
            { title: "variants", cell: (r) => ({ html: String(r.variants), sort: r.variants }) },
            {
              title: "p < 0.05",
              cell: (r) => ({ html: String(r.significantRaw), sort: r.significantRaw }),
            },
            {
              title: "q < 0.05",
              cell: (r) => ({ html: String(r.significantFdr), sort: r.significantFdr }),
            },
            {
              title: "max-Z variant",
              cell: (r) => ({ html: motifPictogram(r.maxMotif), sort: r.maxMotif }),
            },
            { title: "max Z", cell: (r) => num(r.maxZ) },
            { title: "its q", cell: (r) => num(r.maxQ, 3) },
            {
              title: "typical variant",
              cell: (r) => ({ html: motifPictogram(r.typicalMotif), sort: r.typicalMotif }),
            },
            { title: "typical Z", cell: (r) => num(r.typicalZ) },
            { title: "mean Z", cell: (r) => num(r.meanZ) },
          ],
          note,
        ),
    );
  }
  return parts.join("\n");
}

/** Nested configuration objects as dotted keys ("training.epochs"); arrays stay whole. */
export function flattenConfig(
  value: Readonly<Record<string, unknown>>,
  prefix = "",
): { key: string; value: string }[] {
  return Object.entries(value).flatMap(([k, v]) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? flattenConfig(v as Record<string, unknown>, `${prefix}${k}.`)
      : [{ key: `${prefix}${k}`, value: JSON.stringify(v) ?? "" }],
  );
}

function methods(results: StudyResults): string {
  const config = flattenConfig(results.config);
  const timings = Object.entries(results.timings).map(([k, v]) => ({ key: k, value: v }));
  const versions = Object.entries(results.versions).map(([k, v]) => ({ key: k, value: v }));
  const shapes = new Set(results.graphs.map((g) => g.layerSizes.join("–")));
  const nets =
    shapes.size === 1
      ? `every network ${[...shapes][0]}`
      : results.graphs.map((g) => `${g.id}: ${g.layerSizes.join("–")}`).join("; ");
  return (
    `<p>Networks (units per layer): ${escapeHtml(nets)}. Censuses: ${results.censuses.length} ` +
    `(graphs × sizes ${escapeHtml(results.sizes.join(", "))} × nulls ${escapeHtml(results.nullModels.join(", "))}), ` +
    `${escapeHtml(String(results.censuses[0]?.randomNetworks ?? "–"))} random networks each.</p>` +
    `<ul class="notes">` +
    "<li>Z = (f − mean f<sub>random</sub>) / sd f<sub>random</sub> (sd with n − 1); p = share of random networks with a strictly greater frequency.</li>" +
    "<li>Per topology, the most significant variant is the one with the largest Z, the most typical the one with Z closest to the variants' mean; q-values are Benjamini–Hochberg adjusted across the variants of a topology in one census.</li>" +
    "<li>Significance profiles: SP = Z / √ΣZ² over the topologies of one census (Milo et al. 2004).</li>" +
    "<li>Welch t-tests compare |w| of the initial and the trained network (all weights, and the weights kept as edges), with Welch–Satterthwaite degrees of freedom and a two-sided p.</li>" +
    "<li>Weight densities: Gaussian KDE with Scott's bandwidth (as scipy's gaussian_kde).</li>" +
    "</ul>" +
    `<h3>Configuration</h3>` +
    table(config, [
      { title: "parameter", cell: (r) => text(r.key) },
      {
        title: "value",
        cell: (r) => ({ html: `<code>${escapeHtml(r.value)}</code>`, sort: r.value }),
      },
    ]) +
    `<h3>Timings</h3>` +
    table(timings, [
      { title: "stage", cell: (r) => text(r.key) },
      { title: "seconds", cell: (r) => num(r.value, 1) },
    ]) +
    `<h3>Versions</h3>` +
    table(versions, [
      { title: "component", cell: (r) => text(r.key) },
      { title: "version", cell: (r) => text(r.value) },
    ])
  );
}

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

/** Builds the HTML document from rendered figures (exported for tests). */
export function reportHtml(
  results: StudyResults,
  analysis: StudyAnalysis,
  figures: readonly { section: SectionId; figure: Figure; svg: string }[],
  options: ReportOptions = {},
): string {
  const maxRows = options.maxCensusRows ?? DEFAULTS.maxCensusRows;
  const t = analysis.tables;
  let figureIndex = 0;
  const figs = (section: SectionId): string =>
    figures
      .filter((f) => f.section === section)
      .map((f) => figureHtml(f.figure, f.svg, figureIndex++))
      .join("\n");
  const count = (section: SectionId): number => figures.filter((f) => f.section === section).length;
  const sections: { id: SectionId; title: string; body: string }[] = [];

  // First screen: the headline (the diamond/bi-fan sentence, else the first null-comparison
  // sentence), then the motif findings in a box, then the rest.
  const isNullSentence = (s: string): boolean => /^Under the .* null/.test(s);
  const headline =
    analysis.findings.find((s) => s.startsWith("Main finding:")) ??
    analysis.findings.find(isNullSentence);
  const keySentences = analysis.findings.filter(
    (s) =>
      s !== headline &&
      !/does not occur/.test(s) &&
      (/diamond|bi-fan/.test(s) || isNullSentence(s)),
  );
  const otherFindings = analysis.findings.filter(
    (s) => s !== headline && !keySentences.includes(s),
  );
  sections.push({
    id: "summary",
    title: "Main finding",
    body:
      (headline
        ? `<p class="headline">${escapeHtml(capitalise(headline.replace(/^Main finding: /, "")))}</p>`
        : "") +
      `<div class="key"><div>` +
      (keySentences.length
        ? `<div class="finding">${keySentences.map((s) => `<p>${escapeHtml(s)}</p>`).join("")}</div>`
        : "") +
      `<ul class="findings">${otherFindings.map((s) => `<li>${escapeHtml(s)}</li>`).join("")}</ul></div>` +
      `<div>${figs("summary")}</div></div>`,
  });
  sections.push({
    id: "learning",
    title: "1. Learning efficacy",
    body:
      figs("learning") +
      table(
        t.learningEfficacy,
        [
          { title: "data set", cell: (r) => text(r.dataset) },
          { title: "init", cell: (r) => text(r.init) },
          { title: "epochs", cell: (r) => num(r.epochs, 0) },
          { title: "epochs to 95% val acc", cell: (r) => num(r.epochsTo95, 0) },
          { title: "epochs to 100%", cell: (r) => num(r.epochsTo100, 0) },
          { title: "final val acc", cell: (r) => num(r.finalValAccuracy, 3) },
          { title: "area under loss", cell: (r) => num(r.lossArea) },
          { title: "area under val loss", cell: (r) => num(r.valLossArea) },
          { title: "test acc", cell: (r) => num(r.testAccuracy, 3) },
          { title: "seconds", cell: (r) => num(r.seconds, 1) },
        ],
        "Learning efficacy per data set and initialisation (– = never reached).",
      ),
  });
  sections.push({
    id: "weights",
    title: "2. Weights and their colours",
    body:
      figs("weights") +
      `<h3>Welch t-tests of |w|, initial vs trained</h3>` +
      table(t.weightTTests, [
        { title: "init", cell: (r) => text(r.init) },
        { title: "data set", cell: (r) => text(r.dataset) },
        { title: "weights", cell: (r) => text(r.weights) },
        { title: "mean |w| initial", cell: (r) => num(r.meanAbsInitial, 4) },
        { title: "sd initial", cell: (r) => num(r.sdInitial, 4) },
        { title: "mean |w| trained", cell: (r) => num(r.meanAbsTrained, 4) },
        { title: "sd trained", cell: (r) => num(r.sdTrained, 4) },
        { title: "t", cell: (r) => num(r.t) },
        { title: "df", cell: (r) => num(r.df, 1) },
        { title: "p", cell: (r) => num(r.p, 3) },
      ]) +
      `<h3>Edges per colour</h3>` +
      table(t.edgesPerColour, [
        { title: "graph", cell: (r) => text(r.graphId) },
        { title: "colour", cell: (r) => text(r.colour) },
        { title: "edges", cell: (r) => num(r.edges, 0) },
        { title: "share of weights", cell: (r) => num(r.share, 3) },
      ]),
  });
  sections.push({
    id: "census",
    title: "3. Motif census",
    body:
      pictogramLegend() +
      `<p class="caution">${escapeHtml(analysis.notes.selectionBias)}</p>` +
      censusTables(results, analysis, maxRows) +
      topologyTables(results, analysis, 4 * maxRows),
  });
  sections.push({
    id: "changes",
    title: "4. What learning does to the motifs",
    body:
      figs("changes") +
      `<h3>Most changed classes</h3>` +
      table(t.mostChanged, [
        { title: "size", cell: (r) => num(r.size, 0) },
        { title: "null", cell: (r) => text(r.nullModel) },
        { title: "rank", cell: (r) => num(r.rank, 0) },
        { title: "motif", cell: (r) => ({ html: motifPictogram(r.motif), sort: r.motif }) },
        { title: "topology", cell: (r) => text(r.topologyName.split(" #")[0]) },
        { title: "init", cell: (r) => text(r.init) },
        { title: "data set", cell: (r) => text(r.dataset) },
        { title: "Z initial", cell: (r) => num(r.zInitial) },
        { title: "Z trained", cell: (r) => num(r.zTrained) },
        { title: "ΔZ", cell: (r) => num(r.deltaZ) },
      ]),
  });
  sections.push({ id: "profiles", title: "5. Significance profiles", body: figs("profiles") });
  sections.push({
    id: "nulls",
    title: "6. Switching vs layered null",
    body:
      `<ul class="findings">${analysis.findings
        .filter((s) => /null/.test(s))
        .map(
          (s) =>
            `<li>${escapeHtml(s.replace(/^Main finding: (.)/, (_, c: string) => c.toUpperCase()))}</li>`,
        )
        .join("")}</ul>` +
      figs("nulls") +
      table(
        t.nullComparison,
        [
          { title: "network", cell: (r) => text(r.graphId) },
          { title: "size", cell: (r) => num(r.size, 0) },
          { title: "topology", cell: (r) => text(r.topologyName.split(" #")[0]) },
          { title: "Z reference", cell: (r) => num(r.zReference) },
          { title: "q reference", cell: (r) => num(r.qReference, 3) },
          { title: "Z other", cell: (r) => num(r.zOther) },
          { title: "q other", cell: (r) => num(r.qOther, 3) },
          { title: "nulls", cell: (r) => text(`${r.referenceNull} / ${r.otherNull}`) },
          { title: "significant under", cell: (r) => text(r.verdict) },
        ],
        "Per topology, most significant variant under each null; significant = over-represented with BH q < 0.05.",
      ),
  });
  if (t.cutoffSensitivity.length > 0) {
    sections.push({
      id: "sensitivity",
      title: "7. Sensitivity to the cut-off c",
      body: sensitivitySection(analysis, figs("sensitivity")),
    });
  }
  const methodsNumber = t.cutoffSensitivity.length > 0 ? 8 : 7;
  sections.push({ id: "methods", title: `${methodsNumber}. Methods`, body: methods(results) });

  const nav = sections
    .map((s) => `<a href="#${s.id}">${escapeHtml(s.title.replace(/^\d+\. /, ""))}</a>`)
    .join("");
  const body = sections
    .map(
      (s) =>
        `<section id="${s.id}" data-figures="${count(s.id)}"><h2>${escapeHtml(s.title)}</h2>\n${s.body}\n</section>`,
    )
    .join("\n");
  const subtitle =
    `Data sets: ${results.datasets.join(", ")} · initialisations: ${results.inits.join(", ")} · ` +
    `motif sizes: ${results.sizes.join(", ")} · null models: ${results.nullModels.join(", ")}`;
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

/** The cut-off sweep (SPEC §4.3): its finding, figure and table. */
function sensitivitySection(analysis: StudyAnalysis, figures: string): string {
  const finding = analysis.findings.filter((s) => s.startsWith("Sensitivity to the cut-off"));
  return (
    `<ul class="findings">${finding.map((s) => `<li>${escapeHtml(s)}</li>`).join("")}</ul>` +
    figures +
    table(
      analysis.tables.cutoffSensitivity,
      [
        { title: "c", cell: (r) => text(r.isDefault ? `${r.cutoff} (study)` : r.cutoff) },
        { title: "network", cell: (r) => text(r.graphId) },
        { title: "size", cell: (r) => num(r.size, 0) },
        { title: "null", cell: (r) => text(r.nullModel) },
        { title: "edges kept", cell: (r) => num(r.edgesKept, 0) },
        { title: "per colour", cell: (r) => text(r.edgesPerColour) },
        { title: "Z diamond", cell: (r) => num(r.diamondZ) },
        { title: "q diamond", cell: (r) => num(r.diamondQ, 3) },
        { title: "Z bi-fan", cell: (r) => num(r.bifanZ) },
        { title: "q bi-fan", cell: (r) => num(r.bifanQ, 3) },
        {
          title: "significant topologies",
          cell: (r) => text(`${r.significantTopologies} of ${r.topologies}`),
        },
      ],
      "Per cut-off c, network and null: the graph re-binned at c, Z and BH q of the diamond's and the bi-fan's most significant coloured variant, and the topologies over-represented with q < 0.05.",
    )
  );
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
  const placed = studyFigures(results, analysis);
  const rendered: { section: SectionId; figure: Figure; svg: string }[] = [];
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
