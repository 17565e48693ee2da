/**
 * The null models side by side (SPEC §6, §9): every other null the study ran against the
 * reference null (the first), with the findings about the named topologies, the topologies that
 * stay significant and the classes each null fixes.
 */
import type { Figure } from "../figure-spec.js";
import { nullComparisonFigure } from "../null-comparison-figure.js";
import { SIGNIFICANCE } from "../../analysis/significance.js";
import { num, sentenceList, shortTopology, table, text } from "../html.js";
import type { ReportSection } from "./section.js";

export const nullsSection: ReportSection = {
  id: "nulls",
  title: "The null models compared",
  numbered: true,
  findings: ["motifs", "nulls"],
  figures: ({ results, analysis }) => {
    const rows = analysis.tables.nullComparison;
    const others = results.nullModels.slice(1);
    const out: Figure[] = [];
    for (const size of results.sizes) {
      for (const other of others) {
        const drawn = rows.some(
          (r) =>
            r.size === size && r.otherNull === other && r.zReference !== null && r.zOther !== null,
        );
        // The first other null keeps the figure's historical name (null-comparison-size-k).
        if (drawn)
          out.push(
            nullComparisonFigure(rows, size, results.inits, other === others[0] ? null : other),
          );
      }
    }
    return out;
  },
  body: ({ analysis, findings, figuresHtml }) =>
    sentenceList(findings.map((f) => f.sentence)) +
    figuresHtml +
    table(
      analysis.tables.nullComparison,
      [
        { title: "network", cell: (r) => text(r.graphId) },
        { title: "size", cell: (r) => num(r.size, 0) },
        { title: "topology", cell: (r) => text(shortTopology(r.topologyName)) },
        { title: "Z reference", cell: (r) => num(r.zReference) },
        { title: "q reference", cell: (r) => num(r.qReference, 3) },
        { title: "Z other", cell: (r) => num(r.zOther) },
        { title: "q other", cell: (r) => num(r.qOther, 3) },
        { title: "nulls", cell: (r) => text(`${r.referenceNull} / ${r.otherNull}`) },
        { title: "significant under", cell: (r) => text(r.verdict) },
      ],
      `Per topology, most significant variant under each null; significant = over-represented ` +
        `with BH q < ${SIGNIFICANCE.alpha} over ${SIGNIFICANCE.family} and mfinder's count guards.`,
    ),
};
