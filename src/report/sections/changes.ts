/** What learning does to the motifs (SPEC §8): Z before vs after, ΔZ, the most changed classes. */
import type { Figure } from "../figure-spec.js";
import { deltaZHistogramFigure } from "../delta-z-histogram-figure.js";
import { mostChangedFigure } from "../most-changed-figure.js";
import { zScatterFigure } from "../z-scatter-figure.js";
import { num, sentenceList, shortTopology, table, text } from "../html.js";
import { motifPictogram } from "../motif-pictogram.js";
import type { ReportSection } from "./section.js";

export const changesSection: ReportSection = {
  id: "changes",
  title: "What learning does to the motifs",
  numbered: true,
  findings: ["changes"],
  figures: ({ results, analysis }) => {
    const t = analysis.tables;
    const { inits, nullModels } = results;
    const out: Figure[] = [];
    for (const size of results.sizes) {
      if (t.zPairs.some((p) => p.size === size && p.deltaZ !== null)) {
        out.push(zScatterFigure(t.zPairs, size, inits, nullModels));
        out.push(deltaZHistogramFigure(t.zPairs, size, inits, nullModels));
      }
      if (t.mostChanged.some((r) => r.size === size))
        out.push(
          mostChangedFigure(t.mostChanged, size, inits, nullModels, results.config.graphs?.binning),
        );
    }
    return out;
  },
  body: ({ analysis, findings, figuresHtml }) =>
    sentenceList(findings.map((f) => f.sentence)) +
    figuresHtml +
    `<h3>Most changed classes</h3>` +
    table(analysis.tables.mostChanged, [
      { title: "size", cell: (r) => num(r.size, 0) },
      { title: "null", cell: (r) => text(r.nullModel) },
      { title: "rank", cell: (r) => num(r.rank, 0) },
      { title: "motif", cell: (r) => ({ html: motifPictogram(r.motif), sort: r.motif }) },
      { title: "topology", cell: (r) => text(shortTopology(r.topologyName)) },
      { title: "init", cell: (r) => text(r.init) },
      { title: "data set", cell: (r) => text(r.dataset) },
      { title: "Z initial", cell: (r) => num(r.zInitial) },
      { title: "Z trained", cell: (r) => num(r.zTrained) },
      { title: "ΔZ", cell: (r) => num(r.deltaZ) },
    ]),
};
