/** Sensitivity to the binning cut-off c (SPEC §4.3): shown only when the study ran the sweep. */
import { cutoffSensitivityFigure } from "../cutoff-sensitivity-figure.js";
import { num, sentenceList, table, text } from "../html.js";
import type { ReportSection } from "./section.js";

export const sensitivitySection: ReportSection = {
  id: "sensitivity",
  title: "Sensitivity to the cut-off c",
  numbered: true,
  findings: ["sensitivity"],
  include: ({ analysis }) => analysis.tables.cutoffSensitivity.length > 0,
  figures: ({ results, analysis }) => {
    const rows = analysis.tables.cutoffSensitivity;
    if (!rows.some((r) => r.size === 4)) return [];
    const cutoff = results.config.graphs?.cutoff ?? null;
    return [cutoffSensitivityFigure(rows, results.inits, results.datasets, cutoff)];
  },
  body: ({ analysis, findings, figuresHtml }) =>
    sentenceList(findings.map((f) => f.sentence)) +
    figuresHtml +
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
      "Per cut-off c, network and null: the graph re-binned at c, Z and BH q of the diamond's and the bi-fan's most significant coloured variant, and the topologies significantly over-represented.",
    ),
};
