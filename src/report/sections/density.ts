/**
 * Density control (SPEC §7 "Density", issue 7 item 5): initial vs trained at the paper binning and
 * at matched density, and Z against edge count. Shown only when the study ran the matched censuses.
 */
import type { ZEdgesRow } from "../../analysis/matched-density.js";
import { initScale, topLevel, type Figure } from "../figure-spec.js";
import { num, sentenceList, table, text } from "../html.js";
import type { ReportSection } from "./section.js";

/** Z of the diamond and the bi-fan against the graph's edge count, by null (columns). */
function zAgainstEdgesFigure(rows: readonly ZEdgesRow[], nullModels: readonly string[]): Figure {
  const values = rows
    .filter((r) => r.z !== null)
    .map((r) => ({ ...r, init: r.graphId.split("-")[0] }));
  return {
    name: "z-against-edges",
    title: "Z against edge count (uncoloured)",
    caption:
      "Each point is one graph: a trained network, its initial network at the paper binning, or " +
      "its initial network at the trained network's density (matched). x is the number of edges " +
      "kept, y the topology's Z in the uncoloured census.",
    spec: {
      ...topLevel(values),
      facet: {
        column: { field: "nullModel", type: "nominal", title: "null model", sort: [...nullModels] },
        row: { field: "topology", type: "nominal", title: null },
      },
      resolve: { scale: { y: "independent" } },
      spec: {
        width: 240,
        height: 180,
        mark: { type: "point", filled: true, size: 40, opacity: 0.8 },
        encoding: {
          x: { field: "edges", type: "quantitative", title: "edges", scale: { zero: false } },
          y: { field: "z", type: "quantitative", title: "Z", scale: { zero: false } },
          shape: { field: "stage", type: "nominal", title: "graph" },
          color: {
            field: "init",
            type: "nominal",
            title: "init",
            scale: initScale([...new Set(values.map((v) => v.init))]),
          },
        },
      },
    },
  };
}

export const densitySection: ReportSection = {
  id: "density",
  title: "Density control (matched density)",
  numbered: true,
  findings: ["density"],
  include: ({ analysis }) => analysis.tables.matchedDensity.length > 0,
  figures: ({ results, analysis }) =>
    analysis.tables.zAgainstEdges.some((r) => r.z !== null)
      ? [zAgainstEdgesFigure(analysis.tables.zAgainstEdges, results.nullModels)]
      : [],
  body: ({ analysis, findings, figuresHtml }) =>
    `<p>Under the paper binning the trained and the initial network keep different numbers of ` +
    `edges, and Z grows with the number of edges. At matched density the initial network is ` +
    `re-binned so that every layer keeps exactly the trained network's number of edges of each ` +
    `colour (colour 1: its most negative weights, 3: its most positive, 2: the next largest |w|); ` +
    `the trained network keeps its paper colours. Both are counted without colours.</p>` +
    sentenceList(findings.map((f) => f.sentence)) +
    figuresHtml +
    table(
      analysis.tables.matchedDensity,
      [
        { title: "network", cell: (r) => text(r.trainedId) },
        { title: "null", cell: (r) => text(r.nullModel) },
        { title: "size", cell: (r) => num(r.size, 0) },
        { title: "topology", cell: (r) => text(r.topology) },
        { title: "edges trained", cell: (r) => num(r.trainedEdges, 0) },
        { title: "edges initial (paper)", cell: (r) => num(r.initialEdges, 0) },
        { title: "edges initial (matched)", cell: (r) => num(r.matchedEdges, 0) },
        { title: "Z trained", cell: (r) => num(r.trainedZ) },
        { title: "Z initial (paper)", cell: (r) => num(r.initialZ) },
        { title: "Z initial (matched)", cell: (r) => num(r.matchedZ) },
        { title: "ΔZ paper", cell: (r) => num(r.deltaZPaper) },
        { title: "ΔZ matched", cell: (r) => num(r.deltaZMatched) },
      ],
      "Per trained network, null and named topology (uncoloured census): Z of the trained network, of its initial network at the paper binning and at matched density, and ΔZ = Z(trained) − Z(initial) at both.",
    ),
};
