/**
 * Weighted motifs without a cut-off (SPEC §10.1, issue 9 item 5): per network, the Z of each
 * topology's total intensity and mean coherence against the weight-shuffle null, and across seeds
 * with error bars when the report has the ensemble. Absent when the study ran no weighted census.
 */
import { weightedEnsemble } from "../../analysis/ensemble/weighted-ensemble.js";
import { num, sentenceList, shortTopology, table, text } from "../html.js";
import type { Figure } from "../figure-spec.js";
import { weightedEnsembleFigure, weightedZFigure } from "../weighted-motifs-figure.js";
import type { ReportSection, SectionInput } from "./section.js";

function ensembleRows(input: SectionInput) {
  return input.ensemble === undefined ? [] : weightedEnsemble(input.ensemble.results);
}

export const weightedSection: ReportSection = {
  id: "weighted",
  title: "Weighted motifs without a cut-off",
  numbered: true,
  findings: ["weighted"],
  include: ({ analysis }) => analysis.tables.weightedMotifs.length > 0,
  figures: (input) => {
    const rows = input.analysis.tables.weightedMotifs;
    const sizes = [...new Set(rows.map((r) => r.size))].sort((a, b) => a - b);
    const out: Figure[] = sizes
      .filter((k) =>
        rows.some((r) => r.size === k && (r.intensityZ !== null || r.coherenceZ !== null)),
      )
      .map((k) => weightedZFigure(rows, k, input.results.datasets));
    const across = ensembleRows(input);
    for (const architecture of [...new Set(across.map((r) => r.architecture))]) {
      for (const k of sizes) {
        if (across.some((r) => r.architecture === architecture && r.size === k)) {
          out.push(weightedEnsembleFigure(across, k, architecture));
        }
      }
    }
    return out;
  },
  body: ({ analysis, findings, figuresHtml }) =>
    `<p>No cut-off: the full weighted graph. Every kernel weight is an edge and its sign the edge ` +
    `colour; per topology, a subgraph's intensity is the geometric mean of its |w| and its ` +
    `coherence the geometric over the arithmetic mean (Onnela et al. 2005). The null permutes ` +
    `each layer's weights (same architecture and weight distribution per layer, arrangement ` +
    `destroyed); p = (b + 1)/(N + 1). "Even share": the part of a topology's intensity in ` +
    `subgraphs with an even number of negative edges (for the diamond: both paths of one sign).</p>` +
    sentenceList(findings.map((f) => f.sentence)) +
    figuresHtml +
    table(
      analysis.tables.weightedMotifs,
      [
        { title: "network", cell: (r) => text(r.graphId) },
        { title: "size", cell: (r) => num(r.size, 0) },
        { title: "topology", cell: (r) => text(shortTopology(r.topologyName)) },
        { title: "subgraphs", cell: (r) => num(r.count, 0) },
        { title: "mean I", cell: (r) => num(r.meanIntensity, 4) },
        { title: "Z intensity", cell: (r) => num(r.intensityZ) },
        { title: "p over", cell: (r) => num(r.intensityPOver, 3) },
        { title: "coherence", cell: (r) => num(r.coherence, 4) },
        { title: "Z coherence", cell: (r) => num(r.coherenceZ) },
        { title: "even share", cell: (r) => num(r.evenShare, 3) },
        { title: "Z even share", cell: (r) => num(r.evenShareZ) },
        { title: "exact", cell: (r) => text(r.exact ? "yes" : "sampled") },
      ],
      "Per network and topology, no cut-off (the full weighted graph): total intensity, mean " +
        "coherence and even-sign share against the weight-shuffle null.",
    ),
};
