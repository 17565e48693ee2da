/** Weights and their colours (SPEC §4, §8): histograms, KDEs, t-tests, edges per colour. */
import { edgesPerColourFigure } from "../edges-per-colour-figure.js";
import { kdeFigure } from "../kde-figure.js";
import { weightHistogramFigure } from "../weight-histogram-figure.js";
import { num, sentenceList, table, text } from "../html.js";
import type { ReportSection } from "./section.js";

export const weightsSection: ReportSection = {
  id: "weights",
  title: "Weights and their colours",
  numbered: true,
  findings: ["weights"],
  figures: ({ results, analysis }) => {
    const t = analysis.tables;
    return [
      ...(t.weightHistograms.length > 0
        ? [weightHistogramFigure(t.weightHistograms, t.colourBands)]
        : []),
      ...(t.weightKdes.length > 0
        ? [kdeFigure(t.weightKdes, results.inits, results.datasets)]
        : []),
      ...(t.edgesPerColour.length > 0
        ? [edgesPerColourFigure(t.edgesPerColour, results.datasets)]
        : []),
    ];
  },
  body: ({ analysis, findings, figuresHtml }) =>
    sentenceList(findings.map((f) => f.sentence)) +
    figuresHtml +
    `<h3>Welch t-tests of |w|, initial vs trained</h3>` +
    table(analysis.tables.weightTTests, [
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
    table(analysis.tables.edgesPerColour, [
      { title: "graph", cell: (r) => text(r.graphId) },
      { title: "colour", cell: (r) => text(r.colour) },
      { title: "edges", cell: (r) => num(r.edges, 0) },
      { title: "share of weights", cell: (r) => num(r.share, 3) },
    ]),
};
